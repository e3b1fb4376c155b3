/**
 * `powered` of `flink_service`: what apply waits for after the service is powered off or on. The
 * local control plane keeps a powered-off service's deployments (SUSPENDED, each with the savepoint
 * its job stopped with) and restarts them from those savepoints at power on; the hosted API drops
 * the applications instead, so there the lists below are simply empty.
 */
import {
  type ApiObject,
  type HookApi,
  HookFailedError,
  type OperationSpec,
  type SettleHookArgs,
  type StateObject,
  type WaitSpec,
} from "../dsl/types";
import { deploymentOps, serviceOps } from "../resources/operations";
import { serviceStartFailure } from "./service-start-failure";

/** Running, seen 5 times in a row as the official provider does (the hosted API is eventually consistent). */
export const waitServiceRunning: WaitSpec = {
  field: "state",
  until: ["RUNNING"],
  consecutive: 5,
  failWhen: serviceStartFailure,
};
const waitPoweredOff: WaitSpec = { field: "state", until: ["POWEROFF"], consecutive: 5 };
/** A job that power off is stopping with a savepoint, until it has stopped. */
const waitSuspended: WaitSpec = { field: "status", until: ["SUSPENDED", "FINISHED", "FAILED", "CANCELED"] };
/** A job that power on restarted, until it runs or has stopped for good. */
const waitRestarted: WaitSpec = { field: "status", until: ["RUNNING", "FAILED", "CANCELED", "FINISHED"] };

const powerOp: OperationSpec = {
  method: "PUT",
  path: "/project/{project}/service/{service_name}",
  envelope: "service",
};

/** `powered` as the API object says: a service is powered unless it is POWEROFF. */
export function servicePowered(service: ApiObject): boolean {
  return service.state !== "POWEROFF";
}

interface Found {
  readonly values: StateObject;
  readonly app: string;
  readonly status: string;
}

/** The service's deployments in one of `statuses`, with the values their operations take. */
async function deploymentsIn(
  api: HookApi,
  service: StateObject,
  statuses: readonly string[],
): Promise<Found[]> {
  let apps: Record<string, unknown>[];
  try {
    apps =
      ((await api.call(serviceOps.listApplications, service)).applications as Record<string, unknown>[]) ??
      [];
  } catch (err) {
    if (api.isNotFound(err)) return [];
    throw err;
  }
  const found: Found[] = [];
  for (const app of apps) {
    const list = await api.call(deploymentOps.list, { ...service, application_id: app.id });
    for (const d of (list.deployments as Record<string, unknown>[] | undefined) ?? []) {
      if (!statuses.includes(String(d.status))) continue;
      found.push({
        values: { ...service, application_id: app.id, deployment_id: d.id },
        app: String(app.name),
        status: String(d.status),
      });
    }
  }
  return found;
}

/**
 * After a create or update of a service: powered on, it runs (and after a power on, so do the jobs
 * it restarted); powered off, it is POWEROFF and its jobs have stopped with their savepoints. A
 * service created with `powered = false` is created, then powered off.
 */
export async function settleService(api: HookApi, args: SettleHookArgs): Promise<ApiObject> {
  const { which, prior, planned } = args;
  const deadline = Date.now() + args.timeoutMs;
  const left = () => Math.max(1, deadline - Date.now());
  if (planned.powered !== false) {
    // Listed before the wait: a job that fails at once would be FAILED by the time the service runs.
    const restarted =
      which === "update" && prior?.powered === false
        ? await deploymentsIn(api, planned, ["INITIALIZING", "RESTARTING"])
        : [];
    const service = await api.waitFor(serviceOps.read, planned, waitServiceRunning, left());
    await awaitRestartedJobs(api, restarted, left);
    return service;
  }
  if (which === "create") {
    await api.waitFor(serviceOps.read, planned, waitServiceRunning, left());
    api.progress("created; powering it off (powered = false)");
    await api.call(powerOp, planned, { powered: false });
  }
  const stopping = await deploymentsIn(api, planned, ["SAVING_AND_STOP"]);
  const service = await api.waitFor(serviceOps.read, planned, waitPoweredOff, left());
  for (const d of stopping) {
    api.progress(
      `waiting for deployment ${String(d.values.deployment_id)} (${d.app}) to stop with a savepoint`,
    );
    await api.waitFor(deploymentOps.read, d.values, waitSuspended, left());
  }
  return service;
}

/** Each job power on restarted runs; those that do not fail the apply, with their errors. */
async function awaitRestartedJobs(
  api: HookApi,
  restarted: readonly Found[],
  left: () => number,
): Promise<void> {
  const failed: string[] = [];
  for (const d of restarted) {
    api.progress(`waiting for deployment ${String(d.values.deployment_id)} (${d.app}) to run again`);
    const now = await api.waitFor(deploymentOps.read, d.values, waitRestarted, left());
    if (now.status !== "RUNNING")
      failed.push(
        `deployment ${String(d.values.deployment_id)} of application ${d.app} is ${String(now.status)}${now.error_msg ? `: ${String(now.error_msg)}` : ""}`,
      );
  }
  if (failed.length)
    throw new HookFailedError(
      `The service is powered on, but not every job it restarted runs: ${failed.join("; ")}; the next plan offers to start them again.`,
    );
}
