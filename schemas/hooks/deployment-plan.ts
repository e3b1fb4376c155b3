/**
 * Plan-time behaviour of `flink_application_deployment`: say how a change is handed over (savepoint
 * or stateless), bring back a job that stopped outside Terraform, and check the service's task
 * slots against every deployment sharing the session cluster.
 */
import type { HookApi, HookDiagnostic, PlanHookArgs, PlanHookResult, StateObject } from "../dsl/types";
import { findFlinkPlan } from "../flink/plans";
import { DEPLOYMENT_STOPPED_STATUSES, deploymentOps, serviceOps } from "../resources/operations";
import { checkDeploymentSlots } from "../rules/slots";
import { planDesiredState } from "./deployment-desired-state";
import { lastStateFallbackWarning } from "./deployment-last-state";
import { parallelismChainingWarning } from "./parallelism-chaining";
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

const numberOr = (v: unknown, fallback: number) =>
  typeof v === "number" && Number.isFinite(v) ? v : fallback;

async function slotDiagnostics(
  api: HookApi,
  planned: StateObject,
  prior: StateObject | null,
): Promise<HookDiagnostic[]> {
  if (
    typeof planned.parallelism !== "number" ||
    typeof planned.project !== "string" ||
    typeof planned.service_name !== "string"
  )
    return [];
  let service: Record<string, unknown>;
  let applications: unknown[];
  try {
    service = await api.call(serviceOps.read, planned);
    applications = ((await api.call(serviceOps.listApplications, planned)).applications as unknown[]) ?? [];
  } catch (err) {
    if (api.isNotFound(err)) return []; // the service is created in this same apply
    throw err;
  }
  const nodeCount = numberOr(service.node_count, findFlinkPlan(String(service.plan))?.nodeCount ?? 1);
  const slots = numberOr(
    (service.user_config as Record<string, unknown> | undefined)?.number_of_task_slots,
    1,
  );
  const others: { name: string; parallelism: number }[] = [];
  for (const app of applications as Record<string, unknown>[]) {
    // An application runs one deployment at a time: one of its own that still runs is the one this
    // plan replaces (destroyed first), so it holds no slots when this job starts.
    if (app.id === planned.application_id) continue;
    const list = await api.call(deploymentOps.list, { ...planned, application_id: app.id });
    for (const d of (list.deployments as Record<string, unknown>[] | undefined) ?? []) {
      if (d.id === prior?.deployment_id || DEPLOYMENT_STOPPED_STATUSES.includes(String(d.status))) continue;
      others.push({ name: `${String(app.name)}/${String(d.id)}`, parallelism: numberOr(d.parallelism, 1) });
    }
  }
  // Named by its application, as the others are (terraform prints the resource address beside it).
  // An application created in the same apply has no name yet (its id is unknown at plan).
  const own = (applications as Record<string, unknown>[]).find((a) => a.id === planned.application_id);
  const appName = typeof own?.name === "string" ? own.name : undefined;
  const thisOne = { name: appName ?? "?", parallelism: planned.parallelism };
  const subject = appName === undefined ? "The deployment of an application this apply creates" : undefined;
  const toDiagnostic = (d: { severity: HookDiagnostic["severity"]; message: string }): HookDiagnostic => ({
    severity: d.severity,
    path: ["parallelism"],
    summary: d.severity === "error" ? "Not Enough Task Slots" : "Task Slots Oversubscribed",
    detail: subject ? d.message.replace("Deployment '?'", subject) : d.message,
  });
  // A parallelism the cluster can never hold (or a malformed plan) is reported on its own.
  const alone = checkDeploymentSlots({ nodeCount, taskSlotsPerNode: slots, deployments: [thisOne] });
  if (alone.length > 0) return alone.map(toDiagnostic);
  // Session mode: the other running deployments, of any application, hold their slots; the job
  // cannot start when it needs more than are free. A warning, not an error: the plan sees the others
  // as they run now, and the same apply may scale them down or remove them (moving slots from one
  // application to another in one apply must stay possible).
  const total = nodeCount * slots;
  const held = others.reduce((sum, d) => sum + d.parallelism, 0);
  const free = Math.max(0, total - held);
  if (thisOne.parallelism <= free) return [];
  return [
    toDiagnostic({
      severity: "warning",
      message: `Deployment '${thisOne.name}' needs ${thisOne.parallelism} task slots, but only ${free} of the service's ${total} are free: ${others.map((d) => `${d.name} holds ${d.parallelism}`).join(", ")}. Unless this apply frees them, the job will not start. ${free > 0 ? `Lower parallelism to at most ${free}, stop` : "Stop"} another deployment or raise number_of_task_slots.`,
    }),
  ];
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
    // Before anything is stopped: will the job's state fit the new version's statement?
    const state =
      api && changedInputs.includes("version_id")
        ? await handoverStateWarning(api, prior, planned)
        : undefined;
    if (state) diagnostics.push(state);
    const chaining =
      api && changedInputs.includes("parallelism")
        ? await parallelismChainingWarning(api, prior, planned)
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
