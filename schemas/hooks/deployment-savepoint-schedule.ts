/**
 * `savepoint_interval` and `savepoint_history_max` of `flink_application_deployment`: periodic
 * savepoints, run by the local control plane's scheduler (an extension: the hosted API has none).
 * The schedule belongs to the deployment's application in the API, so the new deployments that a
 * version change or a resume starts keep it; Terraform sends it when it is set or changes and
 * removes it when the attribute is unset or the resource destroyed.
 */
import { type HookApi, HookFailedError, type StateObject } from "../dsl/types";
import { savepointScheduleOps } from "../resources/operations";

const SCHEDULE_ATTRIBUTES = ["savepoint_interval", "savepoint_history_max"];

/** Sends the schedule when it is new or changed; removes it when `savepoint_interval` was unset. */
export async function applySavepointSchedule(
  api: HookApi,
  prior: StateObject | null,
  planned: StateObject,
): Promise<void> {
  if (prior && SCHEDULE_ATTRIBUTES.every((name) => prior[name] === planned[name])) return;
  if (typeof planned.savepoint_interval !== "string") {
    if (prior && typeof prior.savepoint_interval === "string") await clearSavepointSchedule(api, prior);
    return;
  }
  api.progress(
    `periodic savepoints every ${planned.savepoint_interval}, keeping the newest ${String(planned.savepoint_history_max)}`,
  );
  try {
    await api.call(savepointScheduleOps.put, planned, {
      interval: planned.savepoint_interval,
      ...(typeof planned.savepoint_history_max === "number"
        ? { history_max: planned.savepoint_history_max }
        : {}),
    });
  } catch (err) {
    if (api.isNotFound(err))
      throw new HookFailedError(
        "this API has no periodic savepoints: savepoint_interval needs the local control plane's PUT .../flink/application/{application_id}/savepoint-schedule, which the hosted service does not offer; remove savepoint_interval to use this API",
        { cause: err },
      );
    throw err;
  }
}

/**
 * Before the deployment is created, so an API without periodic savepoints fails the apply before
 * anything exists; a deployment created suspended gets its schedule too (a due savepoint is skipped
 * until the job runs).
 */
export function createSavepointSchedule(api: HookApi, planned: StateObject): Promise<void> {
  return applySavepointSchedule(api, null, planned);
}

/** Stops the application's periodic savepoints (the savepoints taken stay); nothing when there are none. */
export async function clearSavepointSchedule(api: HookApi, prior: StateObject): Promise<void> {
  if (typeof prior.savepoint_interval !== "string") return;
  try {
    await api.call(savepointScheduleOps.delete, prior);
  } catch (err) {
    if (!api.isNotFound(err)) throw err;
  }
}
