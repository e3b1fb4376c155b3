/**
 * Job control from code (issue 11) with the real terraform on the flink engine: suspend stops the
 * Flink job with a savepoint, resume starts a new job restored from that savepoint with its counts
 * going on, a deployment created suspended runs nothing in Flink, and a savepoint_trigger change
 * takes a savepoint of the running job. Assertions read Flink's REST API and the rows the job wrote.
 */
import fs from "node:fs";
import { describeWithFlink, flinkGet, type Json, samePath } from "./flink-env";
import { countsAt, runningCountsPipeline } from "./running-counts";
import { terraformOnFlink } from "./terraform-on-flink";

jest.setTimeout(300_000);

interface Options {
  /** `desired_state` of the counting deployment. */
  state?: "running" | "suspended";
  trigger?: string;
}

/** An application created suspended, beside the counting one. */
const LATER = `
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

/** The running counts written to `out`, deployed as `o` says, and an app created suspended. */
const pipeline = (name: string, out: string, o: Options = {}) =>
  runningCountsPipeline(name, out, {
    deployment: `  desired_state  = "${o.state ?? "running"}"
${o.trigger ? `  savepoint_trigger = "${o.trigger}"` : ""}`,
    more: LATER,
  });

describeWithFlink("flink engine + terraform: suspend, resume and savepoints on demand", () => {
  const name = "tf-job-control";
  const tf = terraformOnFlink(name, (out) => pipeline(name, out));
  let suspendedAt: Json;

  const apply = (o: Options) => tf.applyOk(pipeline(name, tf.out, o));
  const counts = () => countsAt(tf.out);

  test("the running deployment is a Flink job; the one created suspended runs nothing", async () => {
    await tf.applyOk();
    const d = await tf.stateOf();
    const later = await tf.stateOf("flink_application_deployment.later");
    expect(later).toMatchObject({ status: "SUSPENDED", deployment_id: null, job_id: null });
    const jobs = (await flinkGet(await tf.restUrl(), "/jobs/overview")).jobs as Json[];
    expect(jobs.map((j) => [j.jid, j.state])).toEqual([[d.job_id, "RUNNING"]]);
    await counts().waitForMore();
    expect(await tf.planIsEmpty()).toBe(true);
  });

  test("suspend: Flink lists the job FINISHED with the savepoint in last_savepoint; same deployment", async () => {
    const before = await tf.stateOf();
    await apply({ state: "suspended" });
    suspendedAt = await tf.stateOf();
    expect(suspendedAt).toMatchObject({
      id: before.id,
      deployment_id: before.deployment_id,
      job_id: before.job_id,
      status: "FINISHED",
      desired_state: "suspended",
    });
    const rest = await tf.restUrl();
    expect((await flinkGet(rest, `/jobs/${before.job_id}`)).state).toBe("FINISHED");
    const checkpoints = await flinkGet(rest, `/jobs/${before.job_id}/checkpoints`);
    expect(samePath(checkpoints.latest.savepoint.external_path, suspendedAt.last_savepoint)).toBe(true);
    expect(fs.existsSync(suspendedAt.last_savepoint.replace(/^file:/, ""))).toBe(true);
    expect(await tf.planIsEmpty()).toBe(true);
  });

  test("resume: a new Flink job restored from that savepoint, whose counts go on where they stopped", async () => {
    const seen = counts().total();
    await apply({ state: "running" });
    const d = await tf.stateOf();
    expect(d).toMatchObject({ status: "RUNNING", desired_state: "running" });
    expect(d.job_id).not.toBe(suspendedAt.job_id);
    expect(d.starting_savepoint_used).toBe(suspendedAt.last_savepoint);
    const rest = await tf.restUrl();
    expect((await flinkGet(rest, `/jobs/${d.job_id}`)).state).toBe("RUNNING");
    const restored = (await flinkGet(rest, `/jobs/${d.job_id}/checkpoints`)).latest.restored;
    expect(restored.is_savepoint).toBe(true);
    expect(samePath(restored.external_path, suspendedAt.last_savepoint)).toBe(true);
    await counts().waitForMore(seen);
    // Every user's count goes on from where it was: 1, 2, 3, ... with no restart at 1 and no gap.
    counts().expectUnbroken();
    expect(await tf.planIsEmpty()).toBe(true);
  });

  test("savepoint_trigger: a savepoint of the running job in last_savepoint; the same Flink job keeps running", async () => {
    const before = await tf.stateOf();
    await apply({ state: "running", trigger: "first" });
    const d = await tf.stateOf();
    expect(d).toMatchObject({
      status: "RUNNING",
      job_id: before.job_id,
      deployment_id: before.deployment_id,
    });
    expect(d.last_savepoint).toBeTruthy();
    expect(d.last_savepoint).not.toBe(suspendedAt.last_savepoint);
    const rest = await tf.restUrl();
    expect((await flinkGet(rest, `/jobs/${d.job_id}`)).state).toBe("RUNNING");
    const checkpoints = await flinkGet(rest, `/jobs/${d.job_id}/checkpoints`);
    expect(samePath(checkpoints.latest.savepoint.external_path, d.last_savepoint)).toBe(true);
    expect(await tf.planIsEmpty()).toBe(true);
    await tf.acc.tf(tf.wd, ["destroy", "-auto-approve", "-input=false"]);
  });
});
