/**
 * Plan-time task-slot check of a deployment (SQL or JAR): its parallelism against the service's
 * nodes × task slots, and against the slots the other running deployments hold. SQL and JAR jobs
 * run on the same session cluster, so both kinds of application count.
 */
import type { HookApi, HookDiagnostic, OperationSpec, StateObject } from "../dsl/types";
import { findFlinkPlan } from "../flink/plans";
import { jarApplicationOps, jarDeploymentOps } from "../resources/jar-operations";
import { DEPLOYMENT_STOPPED_STATUSES, deploymentOps, serviceOps } from "../resources/operations";
import { checkDeploymentSlots } from "../rules/slots";

type Json = Record<string, unknown>;

/** Each kind of application: how to list them, and how to list one's deployments. */
const APPLICATION_KINDS: readonly { applications: OperationSpec; deployments: OperationSpec }[] = [
  { applications: serviceOps.listApplications, deployments: deploymentOps.list },
  { applications: jarApplicationOps.list, deployments: jarDeploymentOps.list },
];

const numberOr = (v: unknown, fallback: number) =>
  typeof v === "number" && Number.isFinite(v) ? v : fallback;

export async function slotDiagnostics(
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
  let service: Json;
  const applications: { app: Json; deployments: OperationSpec }[] = [];
  try {
    service = await api.call(serviceOps.read, planned);
    for (const kind of APPLICATION_KINDS) {
      const list = ((await api.call(kind.applications, planned)).applications as Json[] | undefined) ?? [];
      for (const app of list) applications.push({ app, deployments: kind.deployments });
    }
  } catch (err) {
    if (api.isNotFound(err)) return []; // the service is created in this same apply
    throw err;
  }
  const nodeCount = numberOr(service.node_count, findFlinkPlan(String(service.plan))?.nodeCount ?? 1);
  const slots = numberOr((service.user_config as Json | undefined)?.number_of_task_slots, 1);
  const others: { name: string; parallelism: number }[] = [];
  for (const { app, deployments } of applications) {
    // An application runs one deployment at a time: one of its own that still runs is the one this
    // plan replaces (destroyed first), so it holds no slots when this job starts.
    if (app.id === planned.application_id) continue;
    const list = await api.call(deployments, { ...planned, application_id: app.id });
    for (const d of (list.deployments as Json[] | undefined) ?? []) {
      if (d.id === prior?.deployment_id || DEPLOYMENT_STOPPED_STATUSES.includes(String(d.status))) continue;
      others.push({ name: `${String(app.name)}/${String(d.id)}`, parallelism: numberOr(d.parallelism, 1) });
    }
  }
  // Named by its application, as the others are (terraform prints the resource address beside it).
  // An application created in the same apply has no name yet (its id is unknown at plan).
  const own = applications.find(({ app }) => app.id === planned.application_id)?.app;
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
