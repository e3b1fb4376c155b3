/**
 * The simulated engine refuses the parallelism changes real Flink 1.20.3 refuses
 * (test/flink-engine/parallelism-handover.test.ts): a savepoint of a job whose operator chaining
 * changes with the new parallelism — a filesystem sink's committer runs at 1, a table's
 * 'sink.parallelism' at its own — does not restore, in Flink's words, unless
 * allow_non_restored_state is set; the same savepoint restores at the parallelism that wrote it.
 */
import { deploymentIn, eventually, type Harness, type Json, pipeline, SINK, SRC, start } from "./helpers";

const FILESYSTEM_SINK =
  "CREATE TABLE counts (user_id BIGINT, n BIGINT) WITH ('connector' = 'filesystem', 'path' = 'file:///tmp/counts', 'format' = 'csv')";
const RUNNING_COUNT =
  "INSERT INTO counts SELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY ts) FROM clicks";
/** The helpers' upsert-kafka sink, pinned to a parallelism of its own. */
const PINNED_SINK = SINK.replace(
  "'connector' = 'upsert-kafka',",
  "'connector' = 'upsert-kafka', 'sink.parallelism' = '2',",
);

describe("parallelism changes through a savepoint (simulated engine)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(() => h.cp.close());

  type Pipeline = Awaited<ReturnType<typeof pipeline>>;

  /** A version of the pipeline's application writing to `sink` (the pipeline's own version has neither pin). */
  async function versionWith(p: Pipeline, sink: string, statement = RUNNING_COUNT): Promise<string> {
    const res = await h.api("POST", `${p.appBase}/version`, {
      statement,
      sources: [{ create_table: SRC, integration_id: p.integration }],
      sinks: [{ create_table: sink, integration_id: p.integration }],
    });
    expect(res.status).toBe(200);
    return res.body.id;
  }

  /** Runs the version at `parallelism`, stops it with a savepoint and returns the savepoint. */
  async function savepointAt(p: Pipeline, versionId: string, parallelism: number): Promise<string> {
    const d = (await h.api("POST", `${p.appBase}/deployment`, { version_id: versionId, parallelism })).body;
    const url = `${p.appBase}/deployment/${d.id}`;
    await deploymentIn(h, url, ["RUNNING"]);
    await h.api("POST", `${url}/stop`);
    const stopped = await deploymentIn(h, url, ["FINISHED"]);
    expect(stopped.last_savepoint).toEqual(expect.any(String));
    return stopped.last_savepoint;
  }

  /** Starts the version from `savepoint` at `parallelism`; returns the deployment once RUNNING or FAILED. */
  async function restore(p: Pipeline, versionId: string, savepoint: string, parallelism: number, extra = {}) {
    const res = await h.api("POST", `${p.appBase}/deployment`, {
      version_id: versionId,
      parallelism,
      starting_savepoint: savepoint,
      ...extra,
    });
    expect(res.status).toBe(200);
    const url = `${p.appBase}/deployment/${res.body.id}`;
    const d: Json = await deploymentIn(h, url, ["RUNNING", "FAILED"]);
    // Clear the way for the next deployment of the application.
    if (d.status === "RUNNING") {
      await h.api("POST", `${url}/cancel`);
      await deploymentIn(h, url, ["CANCELED"]);
    }
    return d;
  }

  const refusal = (savepoint: string, operator: string) =>
    `Job failed: Failed to rollback to checkpoint/savepoint ${savepoint}. Cannot map checkpoint/savepoint state for operator ${operator} to the new program, because the operator is not available in the new program. If you want to allow to skip this, you can set the --allowNonRestoredState option on the CLI.`;

  test.each([
    [3, 1, "FAILED"],
    [1, 2, "FAILED"],
    [2, 3, "RUNNING"],
    [3, 3, "RUNNING"],
  ])("filesystem sink, parallelism %i → %i: %s", async (before, after, outcome) => {
    const p = await pipeline(h, { userConfig: { number_of_task_slots: 4 } });
    const v = await versionWith(p, FILESYSTEM_SINK);
    const savepoint = await savepointAt(p, v, before);
    const d = await restore(p, v, savepoint, after);
    expect(d.status).toBe(outcome);
    if (outcome === "FAILED")
      expect(d.error_msg).toBe(
        refusal(
          savepoint,
          `chain of the committer of filesystem sink counts (saved at parallelism ${before}, chained differently at ${after})`,
        ),
      );
    else expect(d.error_msg).toBeUndefined();
  });

  test("the refused savepoint restores at the parallelism that wrote it (the handover's rollback), and with allow_non_restored_state at the new one", async () => {
    const p = await pipeline(h, { userConfig: { number_of_task_slots: 4 } });
    const v = await versionWith(p, FILESYSTEM_SINK);
    const savepoint = await savepointAt(p, v, 3);
    expect((await restore(p, v, savepoint, 1)).status).toBe("FAILED");
    expect((await restore(p, v, savepoint, 3)).status).toBe("RUNNING");
    const skipped = await restore(p, v, savepoint, 1, { allow_non_restored_state: true });
    expect(skipped).toMatchObject({ status: "RUNNING", parallelism: 1, allow_non_restored_state: true });
  });

  test("a sink with 'sink.parallelism' = '2': to or from 2 is refused, between other parallelisms it restores", async () => {
    const p = await pipeline(h, { userConfig: { number_of_task_slots: 4 } });
    const v = await versionWith(
      p,
      PINNED_SINK,
      "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id",
    );
    const atTwo = await savepointAt(p, v, 2);
    const refused = await restore(p, v, atTwo, 3);
    expect(refused.status).toBe("FAILED");
    expect(refused.error_msg).toContain(
      "Cannot map checkpoint/savepoint state for operator chain of sink counts ('sink.parallelism') (saved at parallelism 2, chained differently at 3)",
    );
    const atThree = await savepointAt(p, v, 3);
    expect((await restore(p, v, atThree, 4)).status).toBe("RUNNING");
    expect((await restore(p, v, atThree, 2)).status).toBe("FAILED");
  });

  test("a retained checkpoint (last-state) is refused across the same change", async () => {
    const p = await pipeline(h, {
      userConfig: { number_of_task_slots: 4, execution_checkpointing_interval_ms: 100 },
    });
    const v = await versionWith(p, FILESYSTEM_SINK);
    const d = (await h.api("POST", `${p.appBase}/deployment`, { version_id: v, parallelism: 2 })).body;
    const url = `${p.appBase}/deployment/${d.id}`;
    await deploymentIn(h, url, ["RUNNING"]);
    const checkpoint: string = await eventually(
      async () => (await h.api("GET", `${url}/checkpoint`)).body.latest_checkpoint ?? undefined,
      "a retained checkpoint",
    );
    await h.api("POST", `${url}/cancel`);
    await deploymentIn(h, url, ["CANCELED"]);
    const refused = await restore(p, v, checkpoint, 1);
    expect(refused.error_msg).toBe(
      refusal(
        checkpoint,
        "chain of the committer of filesystem sink counts (saved at parallelism 2, chained differently at 1)",
      ),
    );
    expect((await restore(p, v, checkpoint, 3)).status).toBe("RUNNING");
  });
});
