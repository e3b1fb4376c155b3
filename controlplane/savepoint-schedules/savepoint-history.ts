import type { DeploymentRecord } from "../model";
import type { Store } from "../store";

/** A savepoint the service's checkpoint storage holds; `starting_savepoint` of a deployment may name it. */
export interface SavepointRecord {
  path: string;
  deployment_id: string;
  /** The version whose job wrote it. */
  version_id?: string;
  /** The parallelism of the job that wrote it: the simulated engine checks the operator chaining on restore. */
  parallelism?: number;
  /** Set for savepoints the schedule took: only those count toward `history_max` and are pruned. */
  periodic?: true;
  application_id?: string;
  taken_at?: string;
}

/** The schedule of an application's periodic savepoints (kind `savepoint_schedule`, id = application id). */
export interface SavepointScheduleRecord {
  application_id: string;
  service_name: string;
  /** As the client sent it (`"1h30m"`), and in milliseconds. */
  interval: string;
  interval_ms: number;
  history_max: number;
  /** When the next savepoint is due, on the scheduler's clock (epoch ms). */
  next_due_ms: number;
  /** What the last due time did: a savepoint triggered, or why none was. */
  last_run?: { at: string; deployment_id?: string; outcome: string };
}

/** Records a savepoint of `d`; a periodic one also names its application, so the history is per application. */
export function recordSavepoint(
  store: Store,
  project: string,
  d: DeploymentRecord,
  location: string,
  periodic = false,
): void {
  if (store.get("savepoint", project, location)) return;
  const record: SavepointRecord = {
    path: location,
    deployment_id: d.id,
    version_id: d.version_id,
    parallelism: d.parallelism,
    ...(periodic
      ? { periodic: true as const, application_id: d.application_id, taken_at: new Date().toISOString() }
      : {}),
  };
  store.insert("savepoint", project, location, record, d.service_name);
}

/** The application's periodic savepoints, oldest first. */
export function periodicSavepoints(
  store: Store,
  project: string,
  service: string,
  applicationId: string,
): SavepointRecord[] {
  return store
    .list<SavepointRecord>("savepoint", project, service)
    .filter((s) => s.periodic && s.application_id === applicationId);
}

/**
 * Removes the records of the application's periodic savepoints beyond its schedule's `history_max`,
 * oldest first, and returns their paths so the engine can delete the files. A savepoint a deployment
 * still names (the one it restores from or shows as `last_savepoint`) is kept even when old. Only
 * periodic savepoints are pruned: handover, suspend and on-demand ones are the user's to keep.
 */
export function prunePeriodicSavepoints(
  store: Store,
  project: string,
  service: string,
  applicationId: string,
): string[] {
  const schedule = store.get<SavepointScheduleRecord>("savepoint_schedule", project, applicationId);
  if (!schedule) return [];
  const all = periodicSavepoints(store, project, service, applicationId);
  const excess = all.slice(0, Math.max(0, all.length - schedule.history_max));
  if (excess.length === 0) return [];
  const inUse = new Set<string>();
  for (const d of store.list<DeploymentRecord>("deployment", project, service)) {
    for (const p of [d.last_savepoint, d.starting_savepoint, d.restore_from]) if (p) inUse.add(p);
  }
  const pruned = excess.filter((s) => !inUse.has(s.path)).map((s) => s.path);
  for (const p of pruned) store.remove("savepoint", project, p);
  return pruned;
}
