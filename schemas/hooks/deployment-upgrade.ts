/**
 * Stateful upgrade of a running deployment (`upgrade_mode = "savepoint"`, the default): stop the job
 * with a savepoint, start the new version (or parallelism) from that savepoint, and if the new job
 * fails, start the previous version again from the same savepoint and fail the apply with the job's
 * error. `stateless` cancels and starts fresh. Job state is never dropped silently.
 */
import { type ApiObject, type HookApi, HookRollbackError, type StateObject } from "../dsl/types";
import {
  DEPLOYMENT_STOPPED_STATUSES,
  deploymentOps,
  waitCanceled,
  waitRunning,
  waitSavepoint,
} from "../resources/operations";
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
    await api.call(deploymentOps.cancel, prior);
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
  await api.call(deploymentOps.stop, prior);
  const stopped = await api.waitFor(deploymentOps.read, prior, waitSavepoint, timeoutMs);
  if (typeof stopped.last_savepoint !== "string" || !stopped.last_savepoint) {
    throw new Error(
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
  const inputsChanged = HANDOVER_INPUTS.some((name) => prior[name] !== planned[name]);
  if (!inputsChanged) {
    // Only Terraform-side settings changed, unless the job stopped outside Terraform: then restart it.
    const current = await api.call(deploymentOps.read, prior);
    if (!DEPLOYMENT_STOPPED_STATUSES.includes(String(current.status))) return null;
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
