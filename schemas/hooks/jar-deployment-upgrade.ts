/**
 * `flink_jar_application_deployment`: a change of version, entry class, program arguments,
 * parallelism or `restart_enabled` hands the running job over to a new deployment, through a
 * savepoint by default (`upgrade_mode = "savepoint"`), so its state carries over. If the new job
 * fails, the previous deployment's settings run again from the same savepoint and the apply fails
 * with the job's error. The plan checks the task slots as for SQL deployments (deployment-slots.ts).
 * Teardown is the SQL deployments' (cancel, or a final savepoint).
 */
import {
  type ApiObject,
  type BeforeDeleteResult,
  type HookApi,
  type HookDiagnostic,
  HookFailedError,
  HookRollbackError,
  type PlanHookArgs,
  type PlanHookResult,
  type StateObject,
} from "../dsl/types";
import { jarDeploymentOps } from "../resources/jar-operations";
import {
  DEPLOYMENT_STOPPED_STATUSES,
  waitCanceled,
  waitRunning,
  waitSavepoint,
} from "../resources/operations";
import { HANDOVER_CHANGES } from "./deployment-plan";
import { slotDiagnostics } from "./deployment-slots";
import { stopJobBeforeDelete } from "./deployment-teardown";

export const JAR_HANDOVER_INPUTS = [
  "version_id",
  "entry_class",
  "program_args",
  "parallelism",
  "restart_enabled",
];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const name = (values: StateObject) => `deployment ${String(values.deployment_id)}`;

export async function planJarDeployment({ prior, planned, api }: PlanHookArgs): Promise<PlanHookResult> {
  const changed = prior ? JAR_HANDOVER_INPUTS.filter((n) => !sameValue(prior[n], planned[n])) : [];
  const diagnostics: HookDiagnostic[] = [];
  if (changed.length > 0) {
    const savepoint = planned.upgrade_mode !== "stateless";
    diagnostics.push({
      severity: "warning",
      path: [changed[0]!],
      summary: savepoint ? "Stateful Upgrade" : "Stateless Upgrade",
      detail: savepoint
        ? `Changing ${changed.join(", ")} updates the deployment in place: the running job is stopped with a savepoint and a new deployment starts from it. If the new job fails, the previous settings run again from the same savepoint and the apply fails with the job's error.`
        : `Changing ${changed.join(", ")} cancels the running job WITHOUT a savepoint (upgrade_mode = "stateless"); the new deployment starts with empty state.`,
    });
  }
  // A job asks for slots anew when it is created or its parallelism changes: will they be free?
  if (api && (!prior || changed.includes("parallelism")))
    diagnostics.push(...(await slotDiagnostics(api, planned, prior)));
  return { diagnostics, ...(changed.length > 0 ? { unknown: HANDOVER_CHANGES } : {}) };
}

function deploymentBody(values: StateObject, savepoint: string | undefined): Record<string, unknown> {
  return {
    version_id: values.version_id,
    ...(typeof values.entry_class === "string" ? { entry_class: values.entry_class } : {}),
    program_args: Array.isArray(values.program_args) ? values.program_args : [],
    parallelism: values.parallelism,
    restart_enabled: values.restart_enabled,
    ...(savepoint ? { starting_savepoint: savepoint } : {}),
  };
}

/** Stops the running job; returns the savepoint to continue from (none for stateless or a stopped job). */
async function stopForHandover(
  api: HookApi,
  prior: StateObject,
  stateless: boolean,
  timeoutMs: number,
): Promise<string | undefined> {
  let current = await api.call(jarDeploymentOps.read, prior);
  if (current.status !== "RUNNING" && !DEPLOYMENT_STOPPED_STATUSES.includes(String(current.status))) {
    api.progress(`waiting for ${name(prior)} (${String(current.status)}) to run before the handover`);
    current = await api.waitFor(jarDeploymentOps.read, prior, waitRunning, timeoutMs);
  }
  if (DEPLOYMENT_STOPPED_STATUSES.includes(String(current.status))) return undefined;
  const op = stateless ? jarDeploymentOps.cancel : jarDeploymentOps.stop;
  api.progress(stateless ? `cancelling ${name(prior)}` : `stopping ${name(prior)} with a savepoint`);
  try {
    await api.call(op, prior);
  } catch (err) {
    // Refused because an earlier attempt (the client retries) is already stopping it: the wait decides.
    if (!api.isRefused(err))
      throw new HookFailedError(`stopping ${name(prior)} failed: ${(err as Error).message}`, { cause: err });
  }
  const stopped = await api.waitFor(
    jarDeploymentOps.read,
    prior,
    stateless ? waitCanceled : waitSavepoint,
    timeoutMs,
  );
  return stateless ? undefined : (stopped.last_savepoint as string | undefined);
}

async function startFrom(
  api: HookApi,
  values: StateObject,
  savepoint: string | undefined,
  timeoutMs: number,
): Promise<ApiObject> {
  const created = await api.call(jarDeploymentOps.create, values, deploymentBody(values, savepoint));
  return api.waitFor(jarDeploymentOps.read, { ...values, deployment_id: created.id }, waitRunning, timeoutMs);
}

/** The failed new deployment goes (cancelled first when it still runs), so it holds no slots. */
async function removeDeployment(api: HookApi, values: StateObject, timeoutMs: number): Promise<void> {
  try {
    await stopJobBeforeDelete(api, { ...values, final_savepoint: false }, timeoutMs, jarDeploymentOps);
    await api.call(jarDeploymentOps.delete, values);
  } catch (err) {
    if (!api.isNotFound(err)) api.progress(`could not remove ${name(values)}: ${String(err)}`);
  }
}

export async function upgradeJarDeployment(
  api: HookApi,
  prior: StateObject,
  planned: StateObject,
  timeoutMs: number,
): Promise<ApiObject | null> {
  if (JAR_HANDOVER_INPUTS.every((n) => sameValue(prior[n], planned[n]))) return null;
  const stateless = planned.upgrade_mode === "stateless";
  const savepoint = await stopForHandover(api, prior, stateless, timeoutMs);
  api.progress(`starting the new deployment${savepoint ? ` from savepoint ${savepoint}` : ""}`);
  let created: ApiObject | undefined;
  try {
    created = await api.call(jarDeploymentOps.create, planned, deploymentBody(planned, savepoint));
    const running = await api.waitFor(
      jarDeploymentOps.read,
      { ...planned, deployment_id: created.id },
      waitRunning,
      timeoutMs,
    );
    await api.call(jarDeploymentOps.delete, prior).catch((err) => {
      if (!api.isNotFound(err)) api.progress(`could not delete ${name(prior)}: ${String(err)}`);
    });
    return running;
  } catch (err) {
    // Flink's messages end in a full stop; this one goes on after the reason.
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\.+$/, "");
    if (created) await removeDeployment(api, { ...planned, deployment_id: created.id }, timeoutMs);
    // The previous settings again, from the same savepoint: the job runs as before the apply.
    api.progress(`the new job failed; starting the previous settings again`);
    await api.call(jarDeploymentOps.delete, prior).catch(() => undefined);
    const back = await startFrom(api, prior, savepoint, timeoutMs);
    throw new HookRollbackError(
      `the new job failed: ${reason}. The previous settings run again${savepoint ? ` from savepoint ${savepoint}` : ""}.`,
      back,
      { ...prior, deployment_id: back.id },
    );
  }
}

export function stopJarDeploymentBeforeDelete(
  api: HookApi,
  prior: StateObject,
  timeoutMs: number,
): Promise<BeforeDeleteResult> {
  return stopJobBeforeDelete(api, prior, timeoutMs, jarDeploymentOps);
}
