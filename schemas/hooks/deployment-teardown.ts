/** Destroying a deployment: cancel it, or stop it with a final savepoint when `final_savepoint = true`. */
import {
  type BeforeDeleteResult,
  type HookApi,
  HookFailedError,
  type OperationSpec,
  type StateObject,
} from "../dsl/types";
import {
  DEPLOYMENT_STOPPED_STATUSES,
  deploymentOps,
  waitCanceled,
  waitSavepoint,
} from "../resources/operations";
import { clearSavepointSchedule } from "./deployment-savepoint-schedule";

export async function stopDeploymentBeforeDelete(
  api: HookApi,
  prior: StateObject,
  timeoutMs: number,
): Promise<BeforeDeleteResult> {
  await clearSavepointSchedule(api, prior);
  return stopJobBeforeDelete(api, prior, timeoutMs, deploymentOps);
}

/** The deployment calls a teardown needs; SQL and JAR deployments differ only in their paths. */
export type TeardownOps = Readonly<Record<"read" | "cancel" | "stop", OperationSpec>>;

/** Cancels the deployment's job (or stops it with `final_savepoint`) and waits until it ended. */
export async function stopJobBeforeDelete(
  api: HookApi,
  prior: StateObject,
  timeoutMs: number,
  ops: TeardownOps,
): Promise<BeforeDeleteResult> {
  let current: Record<string, unknown>;
  try {
    current = await api.call(ops.read, prior);
  } catch (err) {
    if (api.isNotFound(err)) return {};
    throw err;
  }
  if (DEPLOYMENT_STOPPED_STATUSES.includes(String(current.status))) return {};
  const savepoint = prior.final_savepoint === true && current.status === "RUNNING";
  const what = savepoint ? "stopping it with a final savepoint" : "cancelling it";
  try {
    // Retried by the API client (the call is idempotent) after a 5xx or a lost connection.
    await api.call(savepoint ? ops.stop : ops.cancel, prior);
  } catch (err) {
    if (api.isNotFound(err)) return {};
    // A call that still fails would leave the job running: polling for CANCELED could only run
    // into the delete timeout, so destroy fails now, with the cause.
    if (!api.isRefused(err))
      throw new HookFailedError(
        `deployment ${String(prior.deployment_id)} was not destroyed: ${what} failed: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    // Refused in a transitional state (CANCELLING already...): the wait below decides.
    api.progress(`deployment ${String(prior.deployment_id)}: ${String(err)}`);
  }
  const stopped = await api.waitFor(ops.read, prior, savepoint ? waitSavepoint : waitCanceled, timeoutMs);
  if (savepoint)
    api.progress(
      `deployment ${String(prior.deployment_id)} stopped with final savepoint ${String(stopped.last_savepoint)}`,
    );
  return {};
}
