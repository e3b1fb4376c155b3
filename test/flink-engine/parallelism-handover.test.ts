/**
 * Parallelism changes through a savepoint (the default upgrade mode), with the real terraform on the
 * flink engine: between parallelisms above 1 the new job restores the savepoint and every user's
 * running count goes on; to parallelism 1 the filesystem sink's committer (always at parallelism 1)
 * chains differently, Flink SQL's operator ids change with it, and Flink refuses the restore — which
 * the plan says beforehand, and the apply rolls back.
 */
import { describeWithFlink, flinkGet, flinkJob, type Json, samePath } from "./flink-env";
import { countsAt, runningCountsPipeline } from "./running-counts";
import { terraformOnFlink } from "./terraform-on-flink";

jest.setTimeout(300_000);

const pipeline = (name: string, out: string, parallelism: number) =>
  runningCountsPipeline(name, out, { slots: 4, deployment: `  parallelism    = ${parallelism}` });

describeWithFlink("flink engine + terraform: parallelism changes through a savepoint", () => {
  const name = "tf-parallelism";
  const tf = terraformOnFlink(name, (out) => pipeline(name, out, 2));

  const jobParallelism = (job: Json) => Math.max(...(job.vertices as Json[]).map((v) => v.parallelism));

  test("2 → 3: the new job runs at parallelism 3 from the savepoint and the counts go on", async () => {
    await tf.applyOk();
    await countsAt(tf.out).waitForMore();
    const plan = await tf.plan(pipeline(name, tf.out, 3));
    expect(plan.stdout + plan.stderr).not.toContain("Parallelism Change Flink Cannot Restore");
    const handover = await tf.apply();
    expect({ code: handover.code, stderr: handover.stderr }).toEqual({ code: 0, stderr: "" });
    const d = await tf.stateOf();
    const rest = await tf.restUrl();
    const job = await flinkJob(rest, d.job_id);
    expect(job.state).toBe("RUNNING");
    expect(jobParallelism(job)).toBe(3);
    const restored = (await flinkGet(rest, `/jobs/${d.job_id}/checkpoints`)).latest.restored;
    expect(samePath(restored.external_path, d.starting_savepoint_used)).toBe(true);
    await countsAt(tf.out).waitForMore(countsAt(tf.out).total());
    countsAt(tf.out).expectUnbroken();
  });

  test("3 → 1 changes the filesystem committer's chaining: the plan warns, Flink refuses the restore, the job runs on at 3", async () => {
    const before = await tf.stateOf();
    const plan = await tf.plan(pipeline(name, tf.out, 1));
    const warned = (plan.stdout + plan.stderr).replace(/\s+/g, " ");
    expect(warned).toContain("Parallelism Change Flink Cannot Restore");
    expect(warned).toContain("the committer of filesystem sink user_counts, which runs at parallelism 1");

    const refused = await tf.apply();
    expect(refused.code).toBe(1);
    const diagnostic = refused.stderr.replace(/\s+/g, " ");
    expect(diagnostic).toContain("Cannot map checkpoint/savepoint state for operator");
    expect(diagnostic).toContain(`Rolled back to version ${String(before.version_id)}`);
    const after = await tf.stateOf();
    const job = await flinkJob(await tf.restUrl(), after.job_id);
    expect(job.state).toBe("RUNNING");
    expect(jobParallelism(job)).toBe(3);
  });
});
