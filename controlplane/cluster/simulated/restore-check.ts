import { chainingChanges, pinnedOperators } from "../../../schemas/sql/operator-chaining";
import type { DeploymentRecord, VersionRecord } from "../../model";
import type { RestorePointRecord } from "../../routes/deployment-checkpoints";
import type { Store } from "../../store";
import { droppedOperators } from "./stateful-operators";

/**
 * Why the deployment's job cannot restore its `starting_savepoint`, in Flink's words, or undefined.
 * Flink refuses a savepoint holding state of an operator the new job does not have: one the new
 * version dropped (see stateful-operators), or one whose id changed because the new parallelism
 * chains an operator pinned to its own parallelism differently (schemas/sql/operator-chaining, the
 * rule the plan warns with). With `allow_non_restored_state` Flink skips that state and the job
 * starts, as here.
 */
export function unrestorableState(store: Store, project: string, d: DeploymentRecord): string | undefined {
  if (!d.starting_savepoint || d.allow_non_restored_state) return undefined;
  const point = store.get<RestorePointRecord>("savepoint", project, d.starting_savepoint);
  const writer = store.get<DeploymentRecord>("deployment", project, point?.deployment_id ?? "");
  const writerVersion = point?.version_id ?? writer?.version_id;
  const before = writerVersion ? store.get<VersionRecord>("version", project, writerVersion) : undefined;
  const after = store.get<VersionRecord>("version", project, d.version_id);
  if (!before || !after) return undefined;
  const unmapped = droppedOperators(before.statement, after.statement);
  // Records written before the parallelism was recorded fall back to the writer's deployment.
  const savedAt = point?.parallelism ?? writer?.parallelism;
  if (savedAt !== undefined) {
    const pinned = pinnedOperators(
      after.sinks.map((t) => t.create_table),
      after.sources.map((t) => t.create_table),
    );
    for (const c of chainingChanges(pinned, savedAt, d.parallelism))
      unmapped.push(
        `chain of ${c.what} (saved at parallelism ${savedAt}, chained differently at ${d.parallelism})`,
      );
  }
  if (unmapped.length === 0) return undefined;
  return (
    `Job failed: Failed to rollback to checkpoint/savepoint ${d.starting_savepoint}. Cannot map checkpoint/savepoint state for operator ${unmapped.join(", ")} to the new program, ` +
    "because the operator is not available in the new program. If you want to allow to skip this, you can set the --allowNonRestoredState option on the CLI."
  );
}
