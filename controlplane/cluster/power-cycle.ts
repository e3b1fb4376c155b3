/**
 * What powering a service off and on does to its deployments, the same on both engines. The hosted
 * API drops a powered-off service's applications and restarts nothing; this control plane keeps
 * them: power off stops each running job with a savepoint and leaves its deployment `SUSPENDED`
 * (a status of the hosted API's enum) under the same id; power on starts each `SUSPENDED`
 * deployment again from that savepoint.
 */
import { newJobId } from "../ids";
import type { DeploymentRecord, DeploymentStatus, ServiceRecord } from "../model";
import type { Store } from "../store";

/** Deployments whose job runs: power off stops them with a savepoint. */
export const SAVED_AT_POWER_OFF: readonly DeploymentStatus[] = ["RUNNING", "SAVING"];
/** Deployments waiting for their job to (re)start: power off suspends them as they are. */
export const HELD_AT_POWER_OFF: readonly DeploymentStatus[] = ["INITIALIZING", "RESTARTING"];

/**
 * Before the cluster is built again: each `SUSPENDED` deployment becomes a job waiting to start (the
 * drivers start those once the cluster runs), from the savepoint power off took, under a new job id;
 * `starting_savepoint` says where it started from, as for any deployment. Call inside a transaction.
 */
export function resumeSuspended(store: Store, project: string, svc: ServiceRecord): DeploymentRecord[] {
  const resumed: DeploymentRecord[] = [];
  for (const d of store.list<DeploymentRecord>("deployment", project, svc.service_name)) {
    if (d.status !== "SUSPENDED") continue;
    const from = d.restore_from ?? d.last_savepoint ?? d.starting_savepoint;
    const ranBefore = d.started_ms !== undefined;
    if (ranBefore) {
      d.job_id = newJobId();
      if (from !== undefined) d.starting_savepoint = from;
    }
    d.restore_from = undefined;
    d.submitted_ms = undefined;
    d.started_ms = undefined;
    d.ended_ms = undefined;
    d.failures = [];
    d.error_msg = undefined;
    // A job that never ran is still new (its SQL is checked when it starts).
    d.status = ranBefore ? "RESTARTING" : "INITIALIZING";
    d.seq += 1;
    store.update("deployment", project, d.id, d);
    resumed.push(d);
  }
  return resumed;
}
