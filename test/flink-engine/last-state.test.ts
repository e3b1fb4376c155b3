/**
 * `upgrade_mode = "last-state"` and `allow_non_restored_state` (issue 11) with the real terraform on
 * the flink engine: a handover cancels the Flink job (no savepoint) and the new job restores its
 * latest retained checkpoint, its counts going on; a version that drops the stateful operator fails
 * with Flink's message and rolls back, unless allow_non_restored_state lets Flink skip that state.
 * Assertions read Flink's REST API and the rows the jobs wrote.
 */
import { describeWithFlink, flinkGet, flinkJob, type Json, samePath, waitFor } from "./flink-env";
import { COUNTING, countsAt, runningCountsPipeline } from "./running-counts";
import { terraformOnFlink } from "./terraform-on-flink";

jest.setTimeout(300_000);

interface Options {
  /** Its change hands the job over without touching the job graph (a parallelism change can). */
  restartEnabled?: boolean;
  /** The new version drops the OVER aggregation (the job's only keyed state). */
  dropCount?: boolean;
  allowNonRestored?: boolean;
}

const NOT_COUNTING = "INSERT INTO user_counts SELECT user_id, CAST(0 AS BIGINT) AS n FROM clicks";

/** The running counts written to `out`, handed over from the last checkpoint. */
const pipeline = (name: string, out: string, o: Options = {}) =>
  runningCountsPipeline(name, out, {
    slots: 4,
    statement: o.dropCount ? NOT_COUNTING : COUNTING,
    deployment: `  restart_enabled          = ${o.restartEnabled ?? true}
  upgrade_mode             = "last-state"
  allow_non_restored_state = ${o.allowNonRestored ?? false}`,
  });

describeWithFlink("flink engine + terraform: last-state handover and allow_non_restored_state", () => {
  const name = "tf-last-state";
  const tf = terraformOnFlink(name, (out) => pipeline(name, out));

  const apply = (o: Options) => tf.apply(pipeline(name, tf.out, o));
  const counts = () => countsAt(tf.out);
  /** What the job restored from, as Flink reports it. */
  const restoredFrom = async (jobId: string) =>
    (await flinkGet(await tf.restUrl(), `/jobs/${jobId}/checkpoints`)).latest.restored;

  test("last-state: the job is cancelled without a savepoint and the new one restores its last checkpoint", async () => {
    expect((await apply({})).code).toBe(0);
    const before = await tf.stateOf();
    await counts().waitForMore();
    const change = await tf.plan(pipeline(name, tf.out, { restartEnabled: false }));
    expect(change.stdout + change.stderr).toContain("Stateful Upgrade From Last Checkpoint");
    expect(change.stdout + change.stderr).not.toContain("Falls Back To Savepoint");

    const seen = counts().total();
    const handover = await apply({ restartEnabled: false });
    expect(handover.stderr).toBe("");
    const after = await tf.stateOf();
    expect(after).toMatchObject({ status: "RUNNING", restart_enabled: false });
    expect(after.starting_savepoint_used).toMatch(new RegExp(`/${before.job_id}/chk-\\d+$`));
    const rest = await tf.restUrl();
    // The old job was cancelled, and took no savepoint on the way.
    expect((await flinkJob(rest, before.job_id)).state).toBe("CANCELED");
    expect((await flinkGet(rest, `/jobs/${before.job_id}/checkpoints`)).latest.savepoint).toBeNull();
    expect((await flinkJob(rest, after.job_id)).state).toBe("RUNNING");
    // Flink reports the restore of a retained checkpoint (in NO_CLAIM mode) with is_savepoint = true:
    // the path says what it was.
    const restored = await restoredFrom(after.job_id);
    expect(restored.external_path).toMatch(new RegExp(`/${before.job_id}/chk-\\d+$`));
    expect(samePath(restored.external_path, after.starting_savepoint_used)).toBe(true);
    await counts().waitForMore(seen);
    // Every user's count goes on from where it was: 1, 2, 3, ... with no restart at 1 and no gap.
    counts().expectUnbroken();
    expect(await tf.planIsEmpty()).toBe(true);
  });

  test("a version without the count fails with Flink's message and rolls back; allowed, it runs", async () => {
    const before = await tf.stateOf();
    const failed = await apply({ restartEnabled: false, dropCount: true });
    expect(failed.code).toBe(1);
    const diagnostic = failed.stderr.replace(/\s+/g, " "); // terraform wraps long lines
    expect(diagnostic).toContain("Cannot map checkpoint/savepoint state for operator");
    expect(diagnostic).toContain(`Rolled back to version ${before.version_id}`);
    const rest = await tf.restUrl();
    const rolledBack = await tf.stateOf();
    expect(rolledBack.version_id).toBe(before.version_id);
    expect((await flinkJob(rest, rolledBack.job_id)).state).toBe("RUNNING");
    expect(
      samePath((await restoredFrom(rolledBack.job_id)).external_path, rolledBack.starting_savepoint_used),
    ).toBe(true);
    // The job that could not restore is in Flink, FAILED with that message.
    const jobs = (await flinkGet(rest, "/jobs/overview")).jobs as Json[];
    const refused = jobs.filter((j) => j.state === "FAILED" && /version 2/.test(j.name));
    expect(refused).toHaveLength(1);
    const why = (await flinkGet(rest, `/jobs/${refused[0].jid}/exceptions`))["root-exception"];
    expect(why).toContain("Cannot map checkpoint/savepoint state for operator");

    const allowed = await apply({ restartEnabled: false, dropCount: true, allowNonRestored: true });
    expect(allowed.stderr).toBe("");
    const after = await tf.stateOf();
    expect(after.status).toBe("RUNNING");
    expect(after.version_id).not.toBe(before.version_id);
    expect((await flinkJob(rest, after.job_id)).state).toBe("RUNNING");
    expect(samePath((await restoredFrom(after.job_id)).external_path, after.starting_savepoint_used)).toBe(
      true,
    );
    // The new version writes 0 for every click: it runs, without the dropped count's state.
    await waitFor(
      "rows of the new version",
      async () => [...counts().perUser().values()].flat().filter((n) => n === 0).length,
      (n) => n > 5,
      60_000,
    );
    expect(await tf.planIsEmpty()).toBe(true);
    await tf.acc.tf(tf.wd, ["destroy", "-auto-approve", "-input=false"]);
  });
});
