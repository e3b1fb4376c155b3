/**
 * Job control of `flink_application_deployment` at apply time: suspend (stop with a savepoint, keep
 * the deployment), resume (a new deployment from that savepoint: the API cannot restart a stopped
 * one) and a savepoint on demand. Plain functions over HookApi, so that other hooks (a service
 * powered off and on) can suspend and resume deployments the same way.
 */
import {
  type ApiObject,
  type HookApi,
  HookFailedError,
  HookRollbackError,
  type StateObject,
} from "../dsl/types";
import {
  DEPLOYMENT_STOPPED_STATUSES,
  DEPLOYMENT_SUSPENDED_STATUSES,
  deploymentOps,
  waitRunning,
  waitSaved,
  waitSavepoint,
} from "../resources/operations";
import { deploymentStandIn, isHeld, resumeSavepoint } from "./deployment-desired-state";
import { nonRestoredStateField } from "./deployment-last-state";
import { HANDOVER_INPUTS } from "./deployment-plan";

const name = (values: StateObject) => `deployment ${String(values.deployment_id)}`;

function deploymentBody(values: StateObject, savepoint: string | undefined): Record<string, unknown> {
  return {
    version_id: values.version_id,
    parallelism: values.parallelism,
    restart_enabled: values.restart_enabled,
    ...(savepoint ? { starting_savepoint: savepoint } : {}),
    ...nonRestoredStateField(values, savepoint),
  };
}

/** A job that is starting or restarting is waited for: a savepoint needs a running job. */
async function runningNow(api: HookApi, values: StateObject, timeoutMs: number): Promise<ApiObject> {
  const current = await api.call(deploymentOps.read, values);
  if (current.status === "RUNNING" || DEPLOYMENT_STOPPED_STATUSES.includes(String(current.status)))
    return current;
  api.progress(`waiting for ${name(values)} (${String(current.status)}) to run before its savepoint`);
  return api.waitFor(deploymentOps.read, values, waitRunning, timeoutMs);
}

/**
 * `desired_state = "suspended"`: the job stops with a savepoint and the deployment stays, FINISHED.
 * When no FINISHED deployment can stay (the job had already been cancelled or had failed, or the
 * version or parallelism changed meanwhile), it is removed and a stand-in keeps its last savepoint.
 */
export async function suspendDeployment(
  api: HookApi,
  prior: StateObject,
  planned: StateObject,
  timeoutMs: number,
): Promise<ApiObject> {
  if (isHeld(prior)) return deploymentStandIn(prior)!;
  let current = await runningNow(api, prior, timeoutMs);
  if (current.status === "RUNNING") {
    api.progress(`stopping ${name(prior)} with a savepoint (suspend)`);
    try {
      await api.call(deploymentOps.stop, prior);
    } catch (err) {
      // Refused because an earlier attempt (the client retries) is already stopping it: wait on.
      if (!api.isRefused(err)) throw err;
      const now = await api.call(deploymentOps.read, prior);
      if (!DEPLOYMENT_SUSPENDED_STATUSES.includes(String(now.status))) throw err;
    }
    current = await api.waitFor(deploymentOps.read, prior, waitSavepoint, timeoutMs);
    api.progress(`${name(prior)} suspended with savepoint ${String(current.last_savepoint)}`);
  }
  const inputsChanged = HANDOVER_INPUTS.some((n) => prior[n] !== planned[n]);
  if (DEPLOYMENT_SUSPENDED_STATUSES.includes(String(current.status)) && !inputsChanged) return current;
  if (typeof planned.deployment_id === "string")
    throw new HookFailedError(
      `${name(prior)} is ${String(current.status)}, not what this plan expected; run terraform apply again to plan from what it is now`,
    );
  try {
    await api.call(deploymentOps.delete, prior);
  } catch (err) {
    if (!api.isNotFound(err)) throw err;
  }
  const savepoint = typeof current.last_savepoint === "string" ? current.last_savepoint : undefined;
  return deploymentStandIn({ ...planned, deployment_id: null, last_savepoint: savepoint })!;
}

/**
 * `desired_state` back to `running`: a new deployment from the last savepoint (the first start, from
 * `starting_savepoint`, for one created suspended). If the new job fails, it is removed and the
 * deployment stays suspended as it was; the apply fails with the job's error.
 */
export async function resumeDeployment(
  api: HookApi,
  prior: StateObject,
  planned: StateObject,
  timeoutMs: number,
): Promise<ApiObject> {
  const held = isHeld(prior);
  const stopped = held ? undefined : await api.call(deploymentOps.read, prior);
  const savepoint =
    stopped && typeof stopped.last_savepoint === "string"
      ? stopped.last_savepoint
      : resumeSavepoint(prior, planned);
  api.progress(
    `resuming version ${String(planned.version_id)}${savepoint ? ` from savepoint ${savepoint}` : ""}`,
  );
  const next = await api.call(deploymentOps.create, planned, deploymentBody(planned, savepoint));
  const nextValues = { ...planned, deployment_id: next.id };
  try {
    const running = await api.waitFor(deploymentOps.read, nextValues, waitRunning, timeoutMs);
    if (!held) await removeStopped(api, prior);
    return running;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await cancelAndRemove(api, nextValues, timeoutMs);
    const still = held ? deploymentStandIn(prior)! : await api.call(deploymentOps.read, prior);
    throw new HookRollbackError(
      `the resumed job failed: ${reason}. The deployment stays suspended${savepoint ? ` (savepoint ${savepoint})` : ""}.`,
      still,
      prior,
    );
  }
}

/** `savepoint_trigger` changed: a savepoint of the running job, which keeps running (same job id). */
export async function takeSavepoint(api: HookApi, prior: StateObject, timeoutMs: number): Promise<ApiObject> {
  const current = await runningNow(api, prior, timeoutMs);
  if (current.status !== "RUNNING")
    throw new HookFailedError(
      `${name(prior)} is ${String(current.status)}: there is no running job to take a savepoint of`,
    );
  api.progress(`taking a savepoint of ${name(prior)}`);
  try {
    await api.call(deploymentOps.savepoint, prior);
  } catch (err) {
    if (api.isNotFound(err))
      throw new HookFailedError(
        "this API has no savepoint on demand: savepoint_trigger needs the local control plane's POST .../deployment/{deployment_id}/savepoint, which the hosted service does not offer",
        { cause: err },
      );
    // Refused because a savepoint is already under way (a repeated call): the wait decides.
    if (!api.isRefused(err)) throw err;
  }
  const after = await api.waitFor(deploymentOps.read, prior, waitSaved, timeoutMs);
  if (!after.last_savepoint || after.last_savepoint === current.last_savepoint)
    throw new HookFailedError(
      `no savepoint was taken of ${name(prior)}${after.error_msg ? `: ${String(after.error_msg)}` : ""}`,
    );
  api.progress(`savepoint ${String(after.last_savepoint)} taken; the job keeps running`);
  return after;
}

async function removeStopped(api: HookApi, values: StateObject): Promise<void> {
  try {
    await api.call(deploymentOps.delete, values);
  } catch (err) {
    if (!api.isNotFound(err)) api.progress(`could not delete ${name(values)}: ${String(err)}`);
  }
}

/** The failed new deployment goes, whatever it is doing, so the suspended one is all that is left. */
async function cancelAndRemove(api: HookApi, values: StateObject, timeoutMs: number): Promise<void> {
  try {
    const current = await api.call(deploymentOps.read, values);
    if (!DEPLOYMENT_STOPPED_STATUSES.includes(String(current.status))) {
      await api.call(deploymentOps.cancel, values).catch(() => undefined);
      await api.waitFor(
        deploymentOps.read,
        values,
        { field: "status", until: DEPLOYMENT_STOPPED_STATUSES },
        timeoutMs,
      );
    }
  } catch (err) {
    if (!api.isNotFound(err)) api.progress(`could not cancel ${name(values)}: ${String(err)}`);
  }
  await removeStopped(api, values);
}
