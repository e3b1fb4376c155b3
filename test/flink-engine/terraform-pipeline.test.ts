/**
 * The real terraform against the control plane on the flink engine: a pipeline applies as a real
 * Flink job, a task slot change restarts the cluster and the job resumes, a stateful upgrade carries
 * the job's counts over and a stateless one starts them from zero, and destroy leaves nothing
 * running. Assertions read Flink's REST API and the rows the job wrote, not the control plane.
 */
import path from "node:path";
import { describeWithFlink, flinkGet, flinkJob, flinkPids, waitFor } from "./flink-env";
import { countsAt, runningCountsPipeline } from "./running-counts";
import { terraformOnFlink } from "./terraform-on-flink";

jest.setTimeout(300_000);

interface PipelineOptions {
  slots: number;
  /** The sink's directory name under the test's output folder. */
  sinkDir: string;
  upgradeMode?: "savepoint" | "stateless";
}

/** The running counts, at parallelism 1, written to `sinkDir` under `out`. */
const pipeline = (name: string, out: string, o: PipelineOptions) =>
  runningCountsPipeline(name, path.join(out, o.sinkDir), {
    slots: o.slots,
    deployment: `  parallelism    = 1
  upgrade_mode   = "${o.upgradeMode ?? "savepoint"}"`,
  });

describeWithFlink("flink engine + terraform: a stateful pipeline", () => {
  const name = "tf-counts";
  const tf = terraformOnFlink(name, (out) => pipeline(name, out, { slots: 1, sinkDir: "v1" }));

  const apply = (o: PipelineOptions) => tf.applyOk(pipeline(name, tf.out, o));
  /** The counts in one sink directory of the pipeline's, under the output folder. */
  const sink = (dir: string) => countsAt(path.join(tf.out, dir));

  test("apply runs the pipeline as a Flink job: the job id in state is RUNNING in Flink, and a second plan is empty", async () => {
    await tf.applyOk();
    const d = await tf.stateOf();
    expect(d.status).toBe("RUNNING");
    const job = await flinkGet(await tf.restUrl(), `/jobs/${d.job_id}`);
    expect(job.state).toBe("RUNNING");
    expect(job.name).toBe("running-counts (version 1)");
    expect(await tf.planIsEmpty()).toBe(true);
    // Rows arrive: the checkpoints commit the sink's files.
    await sink("v1").waitForMore();
  });

  test("a task slot change restarts the cluster with the new slots; the job resumes with its counts", async () => {
    const before = await tf.stateOf();
    const plan = await tf.plan(pipeline(name, tf.out, { slots: 2, sinkDir: "v1" }));
    expect(plan.stdout + plan.stderr).toMatch(/restart/i);
    await tf.applyOk();
    const rest = await tf.restUrl();
    expect((await flinkGet(rest, "/overview"))["slots-total"]).toBe(2);
    const d = await tf.stateOf();
    expect(d.job_id).toBe(before.job_id);
    const running = await waitFor(
      "the job RUNNING after the restart",
      () => flinkJob(rest, d.job_id),
      (j) => j.state === "RUNNING",
      60_000,
    );
    expect(running.state).toBe("RUNNING");
    const restored = (await flinkGet(rest, `/jobs/${d.job_id}/checkpoints`)).latest.restored;
    expect(restored.external_path).toMatch(new RegExp(`/savepoints/savepoint-${d.job_id.slice(0, 6)}-`));
    // Every user's counts go on from where they were: 1, 2, 3, ... with no restart at 1 and no gap.
    await sink("v1").waitForMore(sink("v1").total());
    sink("v1").expectUnbroken();
  });

  test("upgrade_mode savepoint: the new version's counts continue exactly where the old job stopped", async () => {
    await apply({ slots: 2, sinkDir: "v2", upgradeMode: "savepoint" });
    const d = await tf.stateOf();
    expect(d.starting_savepoint_used).toMatch(/^file:/);
    await sink("v2").waitForMore();
    const v1 = sink("v1").perUser();
    const v2 = sink("v2").perUser();
    for (const [user, list] of v2) {
      const last = Math.max(...(v1.get(user) ?? [0]));
      expect({ user, first: list[0] }).toEqual({ user, first: last + 1 });
    }
  });

  test("upgrade_mode stateless: the new version starts counting from zero", async () => {
    await apply({ slots: 2, sinkDir: "v3", upgradeMode: "stateless" });
    const d = await tf.stateOf();
    expect(d.starting_savepoint_used ?? null).toBeNull();
    await sink("v3").waitForMore();
    for (const [user, list] of sink("v3").perUser()) {
      expect({ user, first: list[0] }).toEqual({ user, first: 1 });
    }
  });

  test("destroy cancels the job and stops the service's cluster: no Flink process is left", async () => {
    const rest = await tf.restUrl();
    await tf.acc.tf(tf.wd, ["destroy", "-auto-approve", "-input=false"]);
    await waitFor(
      "no Flink process",
      async () => flinkPids(tf.acc.dir),
      (p) => p.length === 0,
      30_000,
    );
    await expect(fetch(`${rest}/v1/jobs/overview`)).rejects.toThrow();
  });
});
