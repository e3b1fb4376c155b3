/**
 * Plan-time behaviour of `flink_application_deployment`: say how a change is handed over (savepoint
 * or stateless), bring back a job that stopped outside Terraform, and check the service's task
 * slots against every deployment sharing the session cluster (deployment-slots.ts).
 */
import type { HookDiagnostic, PlanHookArgs, PlanHookResult, StateObject } from "../dsl/types";
import { DEPLOYMENT_STOPPED_STATUSES } from "../resources/operations";
import { planDesiredState } from "./deployment-desired-state";
import { lastStateFallbackWarning } from "./deployment-last-state";
import { slotDiagnostics } from "./deployment-slots";
import { parallelismChainingWarning } from "./parallelism-chaining";
import { readVersionOnce } from "./planned-version";
import { handoverStateWarning } from "./state-compatibility";

/** Attributes that change when the job is handed over to a new deployment. */
export const HANDOVER_CHANGES = [
  "id",
  "deployment_id",
  "status",
  "job_id",
  "last_savepoint",
  "error_msg",
  "created_at",
  "created_by",
];
export const HANDOVER_INPUTS = ["version_id", "parallelism", "restart_enabled"];

function handoverWarning(planned: StateObject, changed: readonly string[]): HookDiagnostic {
  const what = changed.map((c) => (c === "version_id" ? "version" : c)).join(" and ");
  const savepoint = planned.upgrade_mode !== "stateless";
  if (planned.upgrade_mode === "last-state")
    return {
      severity: "warning",
      path: [changed[0]],
      summary: "Stateful Upgrade From Last Checkpoint",
      detail: `Changing the ${what} updates the deployment in place: the running job is cancelled and a new deployment starts from its latest retained checkpoint (upgrade_mode = "last-state"); records processed since that checkpoint are read again from the sources. If the new job fails, the previous version is started again from the same checkpoint and the apply fails with the job's error.`,
    };
  return {
    severity: "warning",
    path: [changed[0]],
    summary: savepoint ? "Stateful Upgrade" : "Stateless Upgrade",
    detail: savepoint
      ? `Changing the ${what} updates the deployment in place: the running job is stopped with a savepoint and a new deployment starts from it. If the new job fails, the previous version is started again from the same savepoint and the apply fails with the job's error.`
      : `Changing the ${what} cancels the running job WITHOUT a savepoint (upgrade_mode = "stateless"); the new deployment starts with empty state.`,
  };
}

export async function planDeployment(args: PlanHookArgs): Promise<PlanHookResult> {
  const { prior, planned, api } = args;
  const diagnostics: HookDiagnostic[] = [];
  const unknown: string[] = [];
  const changedInputs = HANDOVER_INPUTS.filter((name) => args.changed.some((p) => p[0] === name));
  // Suspending, resuming or a savepoint on demand: warnings of their own.
  const jobControl = planDesiredState(args, changedInputs, HANDOVER_CHANGES);
  diagnostics.push(...jobControl.diagnostics);
  unknown.push(...jobControl.unknown);
  if (prior && changedInputs.length && !jobControl.handled) {
    diagnostics.push(handoverWarning(planned, changedInputs));
    const fallback =
      api && planned.upgrade_mode === "last-state"
        ? await lastStateFallbackWarning(api, prior, changedInputs[0]!)
        : undefined;
    if (fallback) diagnostics.push(fallback);
    // Before anything is stopped: will the job's state fit the new version's statement, and its
    // operators' chaining at the new parallelism? Both look at the version the job moves to (the
    // running one while version_id is unknown): one GET at most, on the first check that needs it.
    const targetId = typeof planned.version_id === "string" ? planned.version_id : prior.version_id;
    const target = api && typeof targetId === "string" ? readVersionOnce(api, planned, targetId) : undefined;
    const state =
      api && target && changedInputs.includes("version_id")
        ? await handoverStateWarning(api, prior, planned, target)
        : undefined;
    if (state) diagnostics.push(state);
    const chaining =
      target && changedInputs.includes("parallelism")
        ? await parallelismChainingWarning(prior, planned, target)
        : undefined;
    if (chaining) diagnostics.push(chaining);
  }
  const status = prior ? String(prior.status) : "";
  if (prior && !jobControl.handled && !changedInputs.length && DEPLOYMENT_STOPPED_STATUSES.includes(status)) {
    const from =
      typeof prior.last_savepoint === "string" && planned.upgrade_mode !== "stateless"
        ? ` from its last savepoint ${prior.last_savepoint}`
        : "";
    diagnostics.push({
      severity: "warning",
      path: ["status"],
      summary: "Deployment Not Running",
      detail: `The job is ${status}${prior.error_msg ? ` (${String(prior.error_msg)})` : ""}, outside Terraform's control. Applying starts it again${from}.`,
    });
    unknown.push(...HANDOVER_CHANGES);
  }
  const startsJob =
    planned.desired_state !== "suspended" &&
    (!prior || changedInputs.includes("parallelism") || prior.desired_state === "suspended");
  if (api && startsJob) diagnostics.push(...(await slotDiagnostics(api, planned, prior)));
  return { diagnostics, unknown };
}
