/**
 * Stateful upgrade of a running deployment (`upgrade_mode = "savepoint"`, the default): stop the job
 * with a savepoint, start the new version (or parallelism) from that savepoint, and if the new job
 * fails, start the previous version again from the same savepoint and fail the apply with the job's
 * error. `last-state` does the same from the job's latest retained checkpoint (cancelling it instead
 * of writing a savepoint); `stateless` cancels and starts fresh. Job state is never dropped silently.
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
import {
  checkpointAfterCancel,
  checkpointBeforeHandover,
  nonRestoredStateField,
  warnIfNonRestoredStateIgnored,
} from "./deployment-last-state";
import { HANDOVER_INPUTS } from "./deployment-plan";
import { applySavepointSchedule } from "./deployment-savepoint-schedule";

function deploymentBody(values: StateObject, savepoint: string | undefined): Record<string, unknown> {
  return {
    version_id: values.version_id,
    parallelism: values.parallelism,
    restart_enabled: values.restart_enabled,
    ...(savepoint ? { starting_savepoint: savepoint } : {}),
    ...nonRestoredStateField(values, savepoint),
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

/**
 * Stops the running job (`current`: the deployment as just read); returns the savepoint or checkpoint
 * to continue from (undefined for stateless).
 */
async function handOver(
  api: HookApi,
  prior: StateObject,
  current: ApiObject,
  mode: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const status = String(current.status);
  if (DEPLOYMENT_STOPPED_STATUSES.includes(status)) {
    // Already stopped: continue from its latest savepoint when there is one.
    const last = typeof current.last_savepoint === "string" ? current.last_savepoint : undefined;
    if (mode !== "stateless" && !last)
      api.progress(
        `deployment ${String(prior.deployment_id)} is ${status} with no savepoint; the new job starts without state`,
      );
    return mode !== "stateless" ? last : undefined;
  }
  if (mode === "stateless") {
    api.progress(`cancelling deployment ${String(prior.deployment_id)} (stateless upgrade)`);
    await requestStop(api, deploymentOps.cancel, prior, "cancelling");
    await api.waitFor(deploymentOps.read, prior, waitCanceled, timeoutMs);
    return undefined;
  }
  const checkpoint = mode === "last-state" ? await checkpointBeforeHandover(api, prior) : undefined;
  if (checkpoint) {
    // Checkpoints outlive a cancel (they are retained on cancellation): no savepoint to wait for.
    api.progress(`cancelling deployment ${String(prior.deployment_id)} (last-state upgrade)`);
    await requestStop(api, deploymentOps.cancel, prior, "cancelling");
    await api.waitFor(deploymentOps.read, prior, waitCanceled, timeoutMs);
    return checkpointAfterCancel(api, prior, checkpoint);
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

/** A change that needs the job: a handover, a suspend or resume, a savepoint. */
const needsJob = (prior: StateObject, planned: StateObject): boolean =>
  HANDOVER_INPUTS.some((name) => prior[name] !== planned[name]) ||
  prior.desired_state !== planned.desired_state ||
  prior.savepoint_trigger !== planned.savepoint_trigger;

/**
 * A deployment SUSPENDED by its service's power off has no job until the service is powered on, so
 * a change that needs the job would only wait for its timeout: it fails at once, saying what to do.
 * Terraform-side settings still apply.
 */
function refuseWhilePoweredOff(prior: StateObject, current: ApiObject): void {
  if (current.status !== "SUSPENDED") return;
  throw new HookFailedError(
    `deployment ${String(prior.deployment_id)} is suspended because service ${String(prior.service_name)} is powered off; ` +
      "power the service on first (powered = true: its jobs restart from their savepoints), then apply this change",
  );
}

export async function upgradeDeployment(
  api: HookApi,
  prior: StateObject,
  planned: StateObject,
  timeoutMs: number,
): Promise<ApiObject | null> {
  // The schedule is the application's: it holds whatever happens to the job below.
  await applySavepointSchedule(api, prior, planned);
  // One read of the deployment serves the power-off check, the drift check and the handover below
  // (nothing between them changes it).
  const seen =
    prior.deployment_id && needsJob(prior, planned) ? await api.call(deploymentOps.read, prior) : undefined;
  if (seen) refuseWhilePoweredOff(prior, seen);
  if (planned.desired_state === "suspended") return suspendDeployment(api, prior, planned, timeoutMs);
  if (prior.desired_state === "suspended") return resumeDeployment(api, prior, planned, timeoutMs);
  const current = seen ?? (await api.call(deploymentOps.read, prior));
  const inputsChanged = HANDOVER_INPUTS.some((name) => prior[name] !== planned[name]);
  // Only Terraform-side settings changed, unless the job stopped outside Terraform: then restart it.
  if (!inputsChanged && !DEPLOYMENT_STOPPED_STATUSES.includes(String(current.status)))
    return prior.savepoint_trigger !== planned.savepoint_trigger
      ? takeSavepoint(api, prior, timeoutMs)
      : null;
  const mode = String(planned.upgrade_mode ?? "savepoint");
  const savepoint = await handOver(api, prior, current, mode, timeoutMs);
  api.progress(`starting version ${String(planned.version_id)}${savepoint ? ` from ${savepoint}` : ""}`);
  const next = await api.call(deploymentOps.create, planned, deploymentBody(planned, savepoint));
  if (savepoint) warnIfNonRestoredStateIgnored(api, planned, next);
  const nextValues = withDeployment(planned, next.id);
  try {
    const running = await api.waitFor(deploymentOps.read, nextValues, waitRunning, timeoutMs);
    await removeQuietly(api, prior);
    return running;
  } catch (err) {
    // Flink's messages end in a full stop; this one goes on after the reason.
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\.+$/, "");
    // Roll back: the previous version from the same savepoint, so the job keeps its state. A job that
    // just failed can still be FAILING, and the API takes no new deployment until it has stopped.
    const failed = await api.call(deploymentOps.read, nextValues).catch(() => undefined);
    if (failed?.status === "FAILING")
      await api.waitFor(deploymentOps.read, nextValues, waitCanceled, timeoutMs);
    await removeQuietly(api, nextValues);
    api.progress(`the new deployment failed (${reason}); restarting version ${String(prior.version_id)}`);
    const back = await api.call(deploymentOps.create, prior, deploymentBody(prior, savepoint));
    const backValues = withDeployment(prior, back.id);
    const restored = await api.waitFor(deploymentOps.read, backValues, waitRunning, timeoutMs);
    await removeQuietly(api, prior);
    throw new HookRollbackError(
      `the new deployment failed: ${reason}. Rolled back to version ${String(prior.version_id)}` +
        (savepoint ? ` from ${savepoint}` : "") +
        "; it is running again.",
      restored,
      backValues,
    );
  }
}
