/**
 * `upgrade_mode = "last-state"`: a handover from the job's latest retained checkpoint instead of a
 * new savepoint. The checkpoint comes from the local control plane's
 * `GET .../deployment/{deployment_id}/checkpoint`; an API without it, or a job with no checkpoint
 * yet, hands over through a savepoint, which the plan says and the apply logs.
 */
import type { ApiObject, HookApi, HookDiagnostic, StateObject } from "../dsl/types";
import { deploymentOps } from "../resources/operations";

type Lookup = { readonly supported: false } | { readonly supported: true; readonly path?: string };

/** The job's latest retained checkpoint, or why there is none to hand over from. */
async function latestCheckpoint(api: HookApi, values: StateObject): Promise<Lookup> {
  try {
    const found = await api.call(deploymentOps.checkpoint, values);
    const path = typeof found.latest_checkpoint === "string" ? found.latest_checkpoint : undefined;
    return path ? { supported: true, path } : { supported: true };
  } catch (err) {
    // The deployment was read just before: a 404 here is an API without the endpoint.
    if (api.isNotFound(err)) return { supported: false };
    throw err;
  }
}

const NO_ENDPOINT =
  "the API reports no checkpoints (last-state needs the local control plane's GET .../deployment/{deployment_id}/checkpoint, which the hosted service does not offer)";
const NO_CHECKPOINT =
  "the job has no retained checkpoint yet (it has run for less than the service's execution_checkpointing_interval_ms)";

/**
 * The checkpoint a last-state handover of the running job will start from, or undefined when it
 * must hand over through a savepoint instead (logged with the reason).
 */
export async function checkpointBeforeHandover(
  api: HookApi,
  prior: StateObject,
): Promise<string | undefined> {
  const found = await latestCheckpoint(api, prior);
  if (found.supported && found.path) return found.path;
  api.progress(`${found.supported ? NO_CHECKPOINT : NO_ENDPOINT}; handing over through a savepoint instead`);
  return undefined;
}

/** Once the job is cancelled: its newest checkpoint (one may have completed since `before`). */
export async function checkpointAfterCancel(
  api: HookApi,
  prior: StateObject,
  before: string,
): Promise<string> {
  const found = await latestCheckpoint(api, prior);
  return found.supported && found.path ? found.path : before;
}

/** Plan warning when a last-state handover will go through a savepoint after all. */
export async function lastStateFallbackWarning(
  api: HookApi,
  prior: StateObject,
  path: string,
): Promise<HookDiagnostic | undefined> {
  if (prior.status !== "RUNNING" || typeof prior.deployment_id !== "string") return undefined;
  const found = await latestCheckpoint(api, prior);
  if (found.supported && found.path) return undefined;
  return {
    severity: "warning",
    path: [path],
    summary: "Last-State Upgrade Falls Back To Savepoint",
    detail: `upgrade_mode is "last-state", but ${found.supported ? NO_CHECKPOINT : NO_ENDPOINT}: unless a checkpoint is retained by apply time, the job is handed over through a savepoint, as with upgrade_mode = "savepoint".`,
  };
}

/** `allow_non_restored_state` asked for but not echoed back: the API does not know it. */
export function warnIfNonRestoredStateIgnored(api: HookApi, values: StateObject, created: ApiObject): void {
  if (values.allow_non_restored_state === true && created.allow_non_restored_state !== true)
    api.progress(
      "the API ignored allow_non_restored_state (an extension of the local control plane): the restore fails if the new version dropped a stateful operator",
    );
}

/** The create-body field, sent only when set and when the job restores something. */
export function nonRestoredStateField(
  values: StateObject,
  savepoint: string | undefined,
): Record<string, true> {
  return savepoint && values.allow_non_restored_state === true ? { allow_non_restored_state: true } : {};
}
