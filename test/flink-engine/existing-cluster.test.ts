/**
 * Beyond one machine: a Flink session cluster started on its own, the way a team runs a shared one
 * (`flinkform flink cluster`), and a control plane pointed at it with --flink-rest-url and
 * --sql-gateway-url. Services run their jobs there, carry their restart strategy with each job,
 * and never start or stop that cluster. Assertions read the cluster's own REST API.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { freePorts } from "../../controlplane/cluster/flink/free-ports";
import {
  createService,
  describeWithFlink,
  type EngineHarness,
  failureHistory,
  flinkGet,
  flinkPids,
  PROJECT,
  restUrlOf,
  startFlinkControlPlane,
  tempDir,
  waitDeployment,
  waitFor,
} from "./flink-env";

jest.setTimeout(300_000);

const CLI = path.resolve(__dirname, "../../cli/main.ts");

describeWithFlink("flink engine: services on an existing Flink session cluster", () => {
  const clusterDir = tempDir("flinkform-shared-");
  let cluster: ChildProcess;
  let clusterExited: Promise<number | null>;
  let restUrl = "";
  let gatewayUrl = "";
  let h: EngineHarness;

  beforeAll(async () => {
    const [restPort, gatewayPort] = await freePorts(2);
    cluster = spawn(
      process.execPath,
      ["--import", "tsx", CLI, "flink", "cluster", "--data", clusterDir, "--slots", "4"].concat([
        "--rest-port",
        String(restPort),
        "--gateway-port",
        String(gatewayPort),
      ]),
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    clusterExited = new Promise((resolve) => cluster.on("exit", (code) => resolve(code)));
    let out = "";
    await new Promise<void>((resolve, reject) => {
      cluster.stdout!.on("data", (c: Buffer) => {
        out += c.toString();
        if (/use it:/.test(out)) resolve();
      });
      void clusterExited.then((code) => reject(new Error(`flink cluster exited (${code}): ${out}`)));
    });
    restUrl = /rest:\s+(\S+)/.exec(out)![1]!;
    gatewayUrl = /gateway:\s+(\S+)/.exec(out)![1]!;
    expect(restUrl).toBe(`http://127.0.0.1:${restPort}`);
    h = await startFlinkControlPlane({ kind: "flink", existingCluster: { restUrl, gatewayUrl } });
  });
  afterAll(async () => {
    await h?.close();
    if (cluster?.exitCode === null) {
      cluster.kill("SIGTERM");
      await clusterExited;
    }
  });

  test("two services point at the shared cluster and run their jobs there", async () => {
    const a = await createService(h, "team-a", {
      restart_strategy: "fixed-delay",
      restart_strategy_max_failures: 7,
    });
    const b = await createService(h, "team-b");
    expect(restUrlOf(a)).toBe(restUrl);
    expect(restUrlOf(b)).toBe(restUrl);
    // The control plane started no Flink process of its own.
    expect(flinkPids(h.dataDir)).toEqual([]);

    const appId = (await h.api("POST", `${PROJECT}/service/team-a/flink/application`, { name: "a" })).body.id;
    const base = `${PROJECT}/service/team-a/flink/application/${appId}`;
    const version = await h.api("POST", `${base}/version`, {
      statement: "INSERT INTO sink SELECT id FROM gen",
      sources: [
        {
          create_table:
            "CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5')",
        },
      ],
      sinks: [{ create_table: "CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')" }],
    });
    const created = await h.api("POST", `${base}/deployment`, {
      version_id: version.body.id,
      parallelism: 2,
    });
    const d = await waitDeployment(h, "team-a", appId, created.body.id, ["RUNNING", "FAILED"]);
    expect(d.status).toBe("RUNNING");
    const job = await flinkGet(restUrl, `/jobs/${d.job_id}`);
    expect(job.state).toBe("RUNNING");
    // A savepoint goes to the cluster's own savepoint directory.
    await h.api("POST", `${base}/deployment/${d.id}/stop`);
    const stopped = await waitDeployment(h, "team-a", appId, d.id, ["FINISHED", "FAILED"]);
    expect(stopped.last_savepoint).toContain(path.join(clusterDir, "savepoints"));
  });

  test("a failing job restarts as its service's restart strategy says, not as the cluster's default", async () => {
    // team-c: fixed-delay with 3 attempts; the shared cluster's own default (failure-rate, 1 per
    // minute) would give up after the second failure.
    await createService(h, "team-c", {
      restart_strategy: "fixed-delay",
      restart_strategy_max_failures: 3,
      restart_strategy_delay_sec: 1,
    });
    const appId = (await h.api("POST", `${PROJECT}/service/team-c/flink/application`, { name: "c" })).body.id;
    const base = `${PROJECT}/service/team-c/flink/application/${appId}`;
    const version = await h.api("POST", `${base}/version`, {
      statement: "INSERT INTO sink SELECT 10 / (id - id) FROM gen",
      sources: [
        { create_table: "CREATE TABLE gen (id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5')" },
      ],
      sinks: [{ create_table: "CREATE TABLE sink (r INT) WITH ('connector' = 'blackhole')" }],
    });
    const created = await h.api("POST", `${base}/deployment`, { version_id: version.body.id });
    const d = await waitDeployment(h, "team-c", appId, created.body.id, ["FAILED", "RUNNING"]);
    expect(d.status).toBe("FAILED");
    expect(d.error_msg).toMatch(/\/ by zero/);
    const history = await failureHistory(restUrl, d.job_id);
    expect(history).toHaveLength(4);
  });

  test("deleting a service and closing the control plane leave the shared cluster running", async () => {
    expect((await h.api("DELETE", `${PROJECT}/service/team-b`)).status).toBe(200);
    await h.close();
    const overview = await flinkGet(restUrl, "/overview");
    expect(overview.taskmanagers).toBe(1);
    expect(flinkPids(clusterDir)).toHaveLength(3);
    cluster.kill("SIGTERM");
    expect(await clusterExited).toBe(0);
    await waitFor(
      "the cluster's JVMs to exit",
      async () => flinkPids(clusterDir),
      (p) => p.length === 0,
      30_000,
    );
  });
});
