/**
 * Periodic savepoints on the flink engine: the schedule's savepoints are real Flink savepoints of
 * the running job (Flink's checkpoint history lists them as savepoints of the same job), and the
 * ones beyond `history_max` are deleted from disk through Flink while the kept ones stay. The
 * scheduler's clock is moved through the admin API, never waited for.
 */
import fs from "node:fs";
import path from "node:path";
import {
  createService,
  describeWithFlink,
  type EngineHarness,
  flinkGet,
  type Json,
  PROJECT,
  restUrlOf,
  startFlinkControlPlane,
  waitDeployment,
  waitFor,
} from "./flink-env";

jest.setTimeout(300_000);

const SERVICE = "periodic1";
const SOURCE =
  "CREATE TABLE clicks (user_id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20', 'fields.user_id.min' = '1', 'fields.user_id.max' = '5')";
const SINK = "CREATE TABLE counts (user_id INT, n BIGINT) WITH ('connector' = 'blackhole')";
const STATEMENT = "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id";

/** Flink reports paths as `file:/...`. */
const onDisk = (savepoint: string) => savepoint.replace(/^file:\/*/, "/");

describeWithFlink("flink engine: periodic savepoints", () => {
  let h: EngineHarness;
  let rest: string;
  let appId: string;
  const app = (p = "") => `${PROJECT}/service/${SERVICE}/flink/application/${appId}${p}`;
  /** Moves the scheduler's clock (the admin API) and returns what was due. */
  const advance = async (by: string): Promise<Json[]> => {
    const res = await fetch(`${h.cp.adminUrl}/savepoint-schedules/advance`, {
      method: "POST",
      headers: { authorization: `aivenv1 ${h.cp.token}`, "content-type": "application/json" },
      body: JSON.stringify({ by }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as Json).runs;
  };

  beforeAll(async () => {
    h = await startFlinkControlPlane();
    rest = restUrlOf(await createService(h, SERVICE));
    appId = (await h.api("POST", `${PROJECT}/service/${SERVICE}/flink/application`, { name: "counts" })).body
      .id;
  });
  afterAll(async () => {
    await h?.close();
  });

  test("each interval a savepoint of the running job in Flink's history; the oldest beyond history_max are deleted from disk", async () => {
    const version = await h.api("POST", app("/version"), {
      statement: STATEMENT,
      sources: [{ create_table: SOURCE }],
      sinks: [{ create_table: SINK }],
    });
    const created = (await h.api("POST", app("/deployment"), { version_id: version.body.id })).body;
    await waitDeployment(h, SERVICE, appId, created.id, ["RUNNING"]);
    expect((await h.api("PUT", app("/savepoint-schedule"), { interval: "1h", history_max: 2 })).status).toBe(
      200,
    );

    const taken: string[] = [];
    for (let i = 0; i < 4; i++) {
      const runs = await advance("1h");
      expect(runs).toEqual([expect.objectContaining({ deployment_id: created.id, outcome: "triggered" })]);
      const d = await waitFor(
        `periodic savepoint ${i + 1}`,
        () => h.api("GET", app(`/deployment/${created.id}`)),
        (r) => r.body.status === "RUNNING" && r.body.last_savepoint !== taken[i - 1],
      );
      expect(d.body.error_msg).toBeUndefined();
      taken.push(d.body.last_savepoint);
    }

    // Flink took them: savepoints of the one job, which never stopped.
    const checkpoints = await flinkGet(rest, `/jobs/${created.job_id}/checkpoints`);
    const savepoints = (checkpoints.history as Json[])
      .filter((c) => c.is_savepoint === true && c.status === "COMPLETED")
      .map((c) => onDisk(c.external_path));
    expect(savepoints).toEqual(expect.arrayContaining(taken.map(onDisk)));
    expect((await flinkGet(rest, `/jobs/${created.job_id}`)).state).toBe("RUNNING");

    // The newest two stay, the two before are gone from disk.
    const gone = (p: string) => !fs.existsSync(onDisk(p));
    await waitFor(
      "pruned savepoints deleted",
      async () => taken.slice(0, 2).every(gone),
      (all) => all,
      60_000,
    );
    for (const kept of taken.slice(2)) expect(fs.existsSync(path.join(onDisk(kept), "_metadata"))).toBe(true);
    expect((await h.api("GET", app("/savepoint-schedule"))).body.savepoints.map((s: Json) => s.path)).toEqual(
      taken.slice(2),
    );

    // A lower history_max deletes at once; the newest savepoint stays, and the job can start from it.
    await h.api("PUT", app("/savepoint-schedule"), { interval: "1h", history_max: 1 });
    await waitFor(
      "third savepoint deleted",
      async () => gone(taken[2]!),
      (g) => g,
      60_000,
    );
    expect(fs.existsSync(path.join(onDisk(taken[3]!), "_metadata"))).toBe(true);
  });
});
