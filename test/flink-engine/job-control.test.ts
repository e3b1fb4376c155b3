/**
 * Job control from code (issue 11) with the real terraform on the flink engine: suspend stops the
 * Flink job with a savepoint, resume starts a new job restored from that savepoint with its counts
 * going on, a deployment created suspended runs nothing in Flink, and a savepoint_trigger change
 * takes a savepoint of the running job. Assertions read Flink's REST API and the rows the job wrote.
 */
import fs from "node:fs";
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { describeWithFlink, flinkGet, type Json, restUrlOf, waitFor } from "./flink-env";

jest.setTimeout(300_000);

interface Options {
  /** `desired_state` of the counting deployment. */
  state?: "running" | "suspended";
  trigger?: string;
}

/** datagen clicks → a running count per user (keyed state) → CSV files; and an app created suspended. */
function pipeline(name: string, out: string, o: Options = {}): string {
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = {
    number_of_task_slots                = 2
    execution_checkpointing_interval_ms = 1000
  }
}

resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "running-counts"
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id

  source {
    create_table = <<-SQL
      CREATE TABLE clicks (
        user_id INT,
        pt AS PROCTIME()
      ) WITH (
        'connector' = 'datagen',
        'rows-per-second' = '20',
        'fields.user_id.min' = '1',
        'fields.user_id.max' = '4'
      )
    SQL
  }

  sink {
    create_table = <<-SQL
      CREATE TABLE user_counts (
        user_id INT,
        n BIGINT
      ) WITH (
        'connector' = 'filesystem',
        'path' = 'file://${path.join(out, "counts")}',
        'format' = 'csv'
      )
    SQL
  }

  statement = <<-SQL
    INSERT INTO user_counts
    SELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY pt ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
    FROM clicks
  SQL
}

resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  desired_state  = "${o.state ?? "running"}"
${o.trigger ? `  savepoint_trigger = "${o.trigger}"` : ""}
}

resource "flink_application" "later" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "not-yet"
}

resource "flink_application_version" "later" {
  project        = flink_application.later.project
  service_name   = flink_application.later.service_name
  application_id = flink_application.later.application_id
  source {
    create_table = "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO out_table SELECT n FROM src"
}

resource "flink_application_deployment" "later" {
  project        = flink_application.later.project
  service_name   = flink_application.later.service_name
  application_id = flink_application.later.application_id
  version_id     = flink_application_version.later.application_version_id
  desired_state  = "suspended"
}
`;
}

/** The counts the job wrote, per user: committed part files only. */
function countsIn(dir: string): Map<number, number[]> {
  const counts = new Map<number, number[]>();
  if (!fs.existsSync(dir)) return counts;
  for (const file of fs.readdirSync(dir)) {
    if (file.startsWith(".")) continue; // in-progress files, not committed by a checkpoint yet
    for (const line of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const [user, n] = line.split(",").map(Number);
      if (user === undefined || n === undefined || Number.isNaN(user) || Number.isNaN(n)) continue;
      counts.set(user, [...(counts.get(user) ?? []), n]);
    }
  }
  for (const list of counts.values()) list.sort((a, b) => a - b);
  return counts;
}

const total = (m: Map<number, number[]>) => [...m.values()].reduce((s, l) => s + l.length, 0);
/** Flink reports paths as `file:/...`; the control plane as Flink gave them to it. */
const samePath = (a: string, b: string) => a.replace(/^file:\/*/, "/") === b.replace(/^file:\/*/, "/");

describeWithFlink("flink engine + terraform: suspend, resume and savepoints on demand", () => {
  const name = "tf-job-control";
  let acc: AcceptanceEnv;
  let wd: string;
  let out: string;
  let suspendedAt: Json;

  const stateOf = async (address: string): Promise<Json> => {
    const show = JSON.parse(await acc.tf(wd, ["show", "-json"]));
    return show.values.root_module.resources.find((r: Json) => r.address === address).values;
  };
  const restUrl = async () =>
    restUrlOf((await acc.api<Json>("GET", `/project/local/service/${name}`)).body.service);
  const apply = (o: Options) => {
    acc.writeConfig(wd, pipeline(name, out, o));
    return acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  };
  const planIsEmpty = async () =>
    (await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"])).code === 0;
  const counts = () => countsIn(path.join(out, "counts"));

  beforeAll(async () => {
    acc = await startAcceptanceEnv({ engine: { kind: "flink" } });
    out = path.join(acc.dir, "out");
    wd = acc.workdir(name, pipeline(name, out));
    await acc.tf(wd, ["init", "-input=false"]);
  });
  afterAll(async () => {
    await acc?.close();
  });

  test("the running deployment is a Flink job; the one created suspended runs nothing", async () => {
    await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
    const d = await stateOf("flink_application_deployment.d");
    const later = await stateOf("flink_application_deployment.later");
    expect(later).toMatchObject({ status: "SUSPENDED", deployment_id: null, job_id: null });
    const jobs = (await flinkGet(await restUrl(), "/jobs/overview")).jobs as Json[];
    expect(jobs.map((j) => [j.jid, j.state])).toEqual([[d.job_id, "RUNNING"]]);
    await waitFor(
      "rows",
      async () => total(counts()),
      (n) => n > 20,
      60_000,
    );
    expect(await planIsEmpty()).toBe(true);
  });

  test("suspend: Flink lists the job FINISHED with the savepoint in last_savepoint; same deployment", async () => {
    const before = await stateOf("flink_application_deployment.d");
    await apply({ state: "suspended" });
    suspendedAt = await stateOf("flink_application_deployment.d");
    expect(suspendedAt).toMatchObject({
      id: before.id,
      deployment_id: before.deployment_id,
      job_id: before.job_id,
      status: "FINISHED",
      desired_state: "suspended",
    });
    const rest = await restUrl();
    expect((await flinkGet(rest, `/jobs/${before.job_id}`)).state).toBe("FINISHED");
    const checkpoints = await flinkGet(rest, `/jobs/${before.job_id}/checkpoints`);
    expect(samePath(checkpoints.latest.savepoint.external_path, suspendedAt.last_savepoint)).toBe(true);
    expect(fs.existsSync(suspendedAt.last_savepoint.replace(/^file:/, ""))).toBe(true);
    expect(await planIsEmpty()).toBe(true);
  });

  test("resume: a new Flink job restored from that savepoint, whose counts go on where they stopped", async () => {
    const seen = total(counts());
    await apply({ state: "running" });
    const d = await stateOf("flink_application_deployment.d");
    expect(d).toMatchObject({ status: "RUNNING", desired_state: "running" });
    expect(d.job_id).not.toBe(suspendedAt.job_id);
    expect(d.starting_savepoint_used).toBe(suspendedAt.last_savepoint);
    const rest = await restUrl();
    expect((await flinkGet(rest, `/jobs/${d.job_id}`)).state).toBe("RUNNING");
    const restored = (await flinkGet(rest, `/jobs/${d.job_id}/checkpoints`)).latest.restored;
    expect(restored.is_savepoint).toBe(true);
    expect(samePath(restored.external_path, suspendedAt.last_savepoint)).toBe(true);
    await waitFor(
      "more rows",
      async () => total(counts()),
      (n) => n > seen + 20,
      60_000,
    );
    // Every user's count goes on from where it was: 1, 2, 3, ... with no restart at 1 and no gap.
    for (const [user, list] of counts())
      expect({ user, list }).toEqual({ user, list: list.map((_, i) => i + 1) });
    expect(await planIsEmpty()).toBe(true);
  });

  test("savepoint_trigger: a savepoint of the running job in last_savepoint; the same Flink job keeps running", async () => {
    const before = await stateOf("flink_application_deployment.d");
    await apply({ state: "running", trigger: "first" });
    const d = await stateOf("flink_application_deployment.d");
    expect(d).toMatchObject({
      status: "RUNNING",
      job_id: before.job_id,
      deployment_id: before.deployment_id,
    });
    expect(d.last_savepoint).toBeTruthy();
    expect(d.last_savepoint).not.toBe(suspendedAt.last_savepoint);
    const rest = await restUrl();
    expect((await flinkGet(rest, `/jobs/${d.job_id}`)).state).toBe("RUNNING");
    const checkpoints = await flinkGet(rest, `/jobs/${d.job_id}/checkpoints`);
    expect(samePath(checkpoints.latest.savepoint.external_path, d.last_savepoint)).toBe(true);
    expect(await planIsEmpty()).toBe(true);
    await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  });
});
