import type { DeploymentRecord, VersionRecord } from "../../model";
import type { RestorePointRecord } from "../../routes/deployment-checkpoints";
import type { Store } from "../../store";
import { droppedOperators } from "./stateful-operators";

/**
 * Why the deployment's job cannot restore its `starting_savepoint`, in Flink's words, or undefined:
 * the savepoint holds state of a stateful operator the new version dropped (see stateful-operators)
 * and the deployment was not created with `allow_non_restored_state`.
 */
export function unrestorableState(store: Store, project: string, d: DeploymentRecord): string | undefined {
  if (!d.starting_savepoint || d.allow_non_restored_state) return undefined;
  const point = store.get<RestorePointRecord>("savepoint", project, d.starting_savepoint);
  const writerVersion =
    point?.version_id ??
    store.get<DeploymentRecord>("deployment", project, point?.deployment_id ?? "")?.version_id;
  const before = writerVersion ? store.get<VersionRecord>("version", project, writerVersion) : undefined;
  const after = store.get<VersionRecord>("version", project, d.version_id);
  if (!before || !after) return undefined;
  const dropped = droppedOperators(before.statement, after.statement);
  if (dropped.length === 0) return undefined;
  return (
    `Job failed: Failed to rollback to checkpoint/savepoint ${d.starting_savepoint}. Cannot map checkpoint/savepoint state for operator ${dropped.join(", ")} to the new program, ` +
    "because the operator is not available in the new program. If you want to allow to skip this, you can set the --allowNonRestoredState option on the CLI."
  );
}
