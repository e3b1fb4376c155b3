import type { DeploymentRecord, DeploymentStatus } from "../../model";
import type { Store } from "../../store";

/** Writes to deployment records the flink engine shares between its parts. Call inside a transaction. */

/** A status change of a record the caller holds. */
export function transition(
  store: Store,
  project: string,
  d: DeploymentRecord,
  status: DeploymentStatus,
): void {
  d.status = status;
  d.seq += 1;
  store.update("deployment", project, d.id, d);
}

/** Reads the record again, applies `change`, writes it; nothing when it is gone. */
export function updateDeployment(
  store: Store,
  project: string,
  id: string,
  change: (d: DeploymentRecord) => void,
): void {
  const d = store.get<DeploymentRecord>("deployment", project, id);
  if (!d) return;
  change(d);
  store.update("deployment", project, id, d);
}

/** A terminal status, with when the job ended. */
export function finish(d: DeploymentRecord, status: DeploymentStatus): void {
  d.status = status;
  d.seq += 1;
  d.ended_ms = Date.now();
}

/** A savepoint Flink wrote for the deployment; `starting_savepoint` of later deployments may name it. */
export { recordSavepoint } from "../../savepoint-schedules/savepoint-history";
