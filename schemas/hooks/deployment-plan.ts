/**
 * Plan-time behaviour of `flink_application_deployment`: say how a change is handed over (savepoint
 * or stateless), bring back a job that stopped outside Terraform, and check the service's task
 * slots against every deployment sharing the session cluster.
 */
import type { HookApi, HookDiagnostic, PlanHookArgs, PlanHookResult, StateObject } from "../dsl/types";
import { findFlinkPlan } from "../flink/plans";
import { DEPLOYMENT_STOPPED_STATUSES, deploymentOps, serviceOps } from "../resources/operations";
import { checkDeploymentSlots } from "../rules/slots";

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
    const list = await api.call(deploymentOps.list, { ...planned, application_id: app.id });
    for (const d of (list.deployments as Record<string, unknown>[] | undefined) ?? []) {
      if (d.id === prior?.deployment_id || DEPLOYMENT_STOPPED_STATUSES.includes(String(d.status))) continue;
      others.push({ name: `${String(app.name)}/${String(d.id)}`, parallelism: numberOr(d.parallelism, 1) });
    }
  }
  const thisOne = { name: "this deployment", parallelism: planned.parallelism };
  return checkDeploymentSlots({ nodeCount, taskSlotsPerNode: slots, deployments: [thisOne, ...others] })
    .filter((d) => d.deployment === undefined || d.deployment === thisOne.name)
    .map((d) => ({
      severity: d.severity,
      path: ["parallelism"],
      summary: d.severity === "error" ? "Not Enough Task Slots" : "Task Slots Oversubscribed",
      detail: d.message,
    }));
}

export async function planDeployment(args: PlanHookArgs): Promise<PlanHookResult> {
  const { prior, planned, api } = args;
  const diagnostics: HookDiagnostic[] = [];
  const unknown: string[] = [];
  const changedInputs = HANDOVER_INPUTS.filter((name) => args.changed.some((p) => p[0] === name));
  if (prior && changedInputs.length) diagnostics.push(handoverWarning(planned, changedInputs));
  const status = prior ? String(prior.status) : "";
  if (prior && !changedInputs.length && DEPLOYMENT_STOPPED_STATUSES.includes(status)) {
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
  if (api && (!prior || changedInputs.includes("parallelism")))
    diagnostics.push(...(await slotDiagnostics(api, planned, prior)));
  return { diagnostics, unknown };
}
