/** Destroying a deployment: cancel it, or stop it with a final savepoint when `final_savepoint = true`. */
import type { BeforeDeleteResult, HookApi, StateObject } from "../dsl/types";
import {
  DEPLOYMENT_STOPPED_STATUSES,
  deploymentOps,
  waitCanceled,
  waitSavepoint,
} from "../resources/operations";

export async function stopDeploymentBeforeDelete(
  api: HookApi,
  prior: StateObject,
  timeoutMs: number,
): Promise<BeforeDeleteResult> {
  let current: Record<string, unknown>;
  try {
    current = await api.call(deploymentOps.read, prior);
  } catch (err) {
    if (api.isNotFound(err)) return {};
    throw err;
  }
  if (DEPLOYMENT_STOPPED_STATUSES.includes(String(current.status))) return {};
  const savepoint = prior.final_savepoint === true && current.status === "RUNNING";
  try {
    await api.call(savepoint ? deploymentOps.stop : deploymentOps.cancel, prior);
  } catch (err) {
    if (api.isNotFound(err)) return {};
    // Refused in a transitional state (CANCELLING already...): the wait below decides.
    api.progress(`deployment ${String(prior.deployment_id)}: ${String(err)}`);
  }
  const stopped = await api.waitFor(
    deploymentOps.read,
    prior,
    savepoint ? waitSavepoint : waitCanceled,
    timeoutMs,
  );
  if (savepoint)
    api.progress(
      `deployment ${String(prior.deployment_id)} stopped with final savepoint ${String(stopped.last_savepoint)}`,
    );
  return {};
}
