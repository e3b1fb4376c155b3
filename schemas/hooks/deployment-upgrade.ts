/**
 * Stateful upgrade of a running deployment (`upgrade_mode = "savepoint"`, the default): stop the job
 * with a savepoint, start the new version (or parallelism) from that savepoint, and if the new job
 * fails, start the previous version again from the same savepoint and fail the apply with the job's
 * error. `stateless` cancels and starts fresh. Job state is never dropped silently.
 */
import {
  type ApiObject,
  type HookApi,
  HookFailedError,
  HookRollbackError,
  type OperationSpec,
  type StateObject,
} from "../dsl/types";
import {
  DEPLOYMENT_STOPPED_STATUSES,
  deploymentOps,
  waitCanceled,
  waitRunning,
  waitSavepoint,
} from "../resources/operations";
import { resumeDeployment, suspendDeployment, takeSavepoint } from "./deployment-job-control";
import { HANDOVER_INPUTS } from "./deployment-plan";

function deploymentBody(values: StateObject, savepoint: string | undefined): Record<string, unknown> {
  return {
    version_id: values.version_id,
    parallelism: values.parallelism,
    restart_enabled: values.restart_enabled,
    ...(savepoint ? { starting_savepoint: savepoint } : {}),
  };
}

const withDeployment = (values: StateObject, id: unknown): StateObject => ({ ...values, deployment_id: id });

/** Deployment statuses on the way to the end `op` asks for. */
const ON_THE_WAY = new Map<OperationSpec, readonly string[]>([
  [deploymentOps.cancel, ["CANCELLING_REQUESTED", "CANCELLING", ...DEPLOYMENT_STOPPED_STATUSES]],
  [deploymentOps.stop, ["SAVING_AND_STOP_REQUESTED", "SAVING_AND_STOP", "FINISHED"]],
]);

/**
 * Sends a cancel or stop-with-savepoint (the client retries it after a 5xx or a lost connection).
 * Refused because the job is already on its way (an earlier attempt took effect): the caller's
 * wait goes on. Anything else stops the upgrade with the cause.
 */
async function requestStop(api: HookApi, op: OperationSpec, prior: StateObject, what: string): Promise<void> {
  try {
    await api.call(op, prior);
    return;
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err);
    if (api.isRefused(err)) {
      const now = await api.call(deploymentOps.read, prior);
      if (ON_THE_WAY.get(op)?.includes(String(now.status))) return;
    }
    throw new HookFailedError(`${what} deployment ${String(prior.deployment_id)} failed: ${cause}`, {
      cause: err,
    });
  }
}

/** Stops the running job; returns the savepoint to continue from (undefined for stateless). */
async function handOver(
  api: HookApi,
  prior: StateObject,
  mode: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const current = await api.call(deploymentOps.read, prior);
  const status = String(current.status);
  if (DEPLOYMENT_STOPPED_STATUSES.includes(status)) {
    // Already stopped: continue from its latest savepoint when there is one.
    const last = typeof current.last_savepoint === "string" ? current.last_savepoint : undefined;
    if (mode === "savepoint" && !last)
      api.progress(
        `deployment ${String(prior.deployment_id)} is ${status} with no savepoint; the new job starts without state`,
      );
    return mode === "savepoint" ? last : undefined;
  }
  if (mode === "stateless") {
    api.progress(`cancelling deployment ${String(prior.deployment_id)} (stateless upgrade)`);
    await requestStop(api, deploymentOps.cancel, prior, "cancelling");
    await api.waitFor(deploymentOps.read, prior, waitCanceled, timeoutMs);
    return undefined;
  }
  if (status !== "RUNNING") {
    // Starting or restarting (e.g. after its cluster restarted): a savepoint needs a running job.
    api.progress(
      `waiting for deployment ${String(prior.deployment_id)} (${status}) to run before its savepoint`,
    );
    await api.waitFor(deploymentOps.read, prior, waitRunning, timeoutMs);
  }
  api.progress(`stopping deployment ${String(prior.deployment_id)} with a savepoint`);
  await requestStop(api, deploymentOps.stop, prior, "stopping with a savepoint");
  const stopped = await api.waitFor(deploymentOps.read, prior, waitSavepoint, timeoutMs);
  if (typeof stopped.last_savepoint !== "string" || !stopped.last_savepoint) {
    throw new HookFailedError(
      `deployment ${String(prior.deployment_id)} stopped without reporting a savepoint; not starting the new version without its state`,
    );
  }
  return stopped.last_savepoint;
}

async function removeQuietly(api: HookApi, values: StateObject): Promise<void> {
  try {
    await api.call(deploymentOps.delete, values);
  } catch (err) {
    if (!api.isNotFound(err))
      api.progress(`could not delete deployment ${String(values.deployment_id)}: ${String(err)}`);
  }
}

export async function upgradeDeployment(
  api: HookApi,
  prior: StateObject,
  planned: StateObject,
  timeoutMs: number,
): Promise<ApiObject | null> {
  if (planned.desired_state === "suspended") return suspendDeployment(api, prior, planned, timeoutMs);
  if (prior.desired_state === "suspended") return resumeDeployment(api, prior, planned, timeoutMs);
  const inputsChanged = HANDOVER_INPUTS.some((name) => prior[name] !== planned[name]);
  if (!inputsChanged) {
    // Only Terraform-side settings changed, unless the job stopped outside Terraform: then restart it.
    const current = await api.call(deploymentOps.read, prior);
    if (!DEPLOYMENT_STOPPED_STATUSES.includes(String(current.status)))
      return prior.savepoint_trigger !== planned.savepoint_trigger
        ? takeSavepoint(api, prior, timeoutMs)
        : null;
  }
  const mode = planned.upgrade_mode === "stateless" ? "stateless" : "savepoint";
  const savepoint = await handOver(api, prior, mode, timeoutMs);
  api.progress(
    `starting version ${String(planned.version_id)}${savepoint ? ` from savepoint ${savepoint}` : ""}`,
  );
  const next = await api.call(deploymentOps.create, planned, deploymentBody(planned, savepoint));
  const nextValues = withDeployment(planned, next.id);
  try {
    const running = await api.waitFor(deploymentOps.read, nextValues, waitRunning, timeoutMs);
    await removeQuietly(api, prior);
    return running;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    // Roll back: the previous version from the same savepoint, so the job keeps its state.
    await removeQuietly(api, nextValues);
    api.progress(`the new deployment failed (${reason}); restarting version ${String(prior.version_id)}`);
    const back = await api.call(deploymentOps.create, prior, deploymentBody(prior, savepoint));
    const backValues = withDeployment(prior, back.id);
    const restored = await api.waitFor(deploymentOps.read, backValues, waitRunning, timeoutMs);
    await removeQuietly(api, prior);
    throw new HookRollbackError(
      `the new deployment failed: ${reason}. Rolled back to version ${String(prior.version_id)}` +
        (savepoint ? ` from savepoint ${savepoint}` : "") +
        "; it is running again.",
      restored,
      backValues,
    );
  }
}
