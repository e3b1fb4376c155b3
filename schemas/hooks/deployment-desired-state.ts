/**
 * `desired_state` and `savepoint_trigger` of `flink_application_deployment` at plan time, and how a
 * suspended deployment reads back. The hosted API has no "suspended" deployment: a suspended one is
 * a deployment stopped with a savepoint (`FINISHED`, the savepoint in `last_savepoint`), and resuming
 * starts a new deployment from that savepoint. Where no deployment exists (created suspended, or
 * changed while suspended) the provider holds a stand-in with status `SUSPENDED`.
 */
import type { ApiObject, HookDiagnostic, PlanHookArgs, StateObject } from "../dsl/types";
import { DEPLOYMENT_STOPPED_STATUSES, DEPLOYMENT_SUSPENDED_STATUSES } from "../resources/operations";

/**
 * What a deployment's API object says about `desired_state`: a job stopped with a savepoint is
 * suspended. A real deployment (with an id) SUSPENDED is held by its service's power off, which
 * restarts it at power on: it still means to run.
 */
export function desiredStateOf(api: ApiObject): string {
  if (api.status === "SUSPENDED" && api.id !== undefined) return "running";
  return DEPLOYMENT_SUSPENDED_STATUSES.includes(String(api.status)) ? "suspended" : "running";
}

/** A suspended deployment with no API object behind it (an unknown or null `deployment_id`). */
export function isHeld(values: StateObject): boolean {
  return values.desired_state === "suspended" && typeof values.deployment_id !== "string";
}

/** The stand-in of a held deployment: suspended, keeping the savepoint it resumes from. */
export function deploymentStandIn(values: StateObject): ApiObject | undefined {
  if (!isHeld(values)) return undefined;
  return {
    status: "SUSPENDED",
    ...(typeof values.last_savepoint === "string" ? { last_savepoint: values.last_savepoint } : {}),
  };
}

/** Where a resume continues from: the last savepoint, else (first start) `starting_savepoint`. */
export function resumeSavepoint(prior: StateObject, planned: StateObject): string | undefined {
  if (typeof prior.last_savepoint === "string" && prior.last_savepoint) return prior.last_savepoint;
  return typeof planned.starting_savepoint === "string" ? planned.starting_savepoint : undefined;
}

export interface DesiredStatePlan {
  readonly diagnostics: HookDiagnostic[];
  readonly unknown: string[];
  /** The plan is about suspending or resuming: the generic "not running" handling does not apply. */
  readonly handled: boolean;
}

const describeInputs = (names: readonly string[]) =>
  names.map((c) => (c === "version_id" ? "version" : c)).join(" and ");

const warning = (path: string, summary: string, detail: string): HookDiagnostic => ({
  severity: "warning",
  path: [path],
  summary,
  detail,
});

/**
 * The plan of a deployment that is or becomes suspended, and of a savepoint on demand. `handover`
 * lists the changed inputs that a running job would be handed over for; `handoverChanges` the
 * attributes a new deployment changes.
 */
export function planDesiredState(
  args: PlanHookArgs,
  handover: readonly string[],
  handoverChanges: readonly string[],
): DesiredStatePlan {
  const { prior, planned } = args;
  const diagnostics: HookDiagnostic[] = [];
  const unknown: string[] = [];
  const wantsSuspended = planned.desired_state === "suspended";
  if (!prior) {
    if (wantsSuspended)
      diagnostics.push(
        warning(
          "desired_state",
          "Deployment Created Suspended",
          'No job starts: the deployment exists only in Terraform (status SUSPENDED, no deployment_id) until desired_state is set to "running".',
        ),
      );
    return { diagnostics, unknown, handled: wantsSuspended };
  }
  const wasSuspended = prior.desired_state === "suspended";
  const triggerChanged = args.changed.some((p) => p[0] === "savepoint_trigger");
  const status = String(prior.status ?? "");
  const savepoint = typeof prior.last_savepoint === "string" ? prior.last_savepoint : undefined;
  if (wantsSuspended) {
    const stopped = DEPLOYMENT_STOPPED_STATUSES.includes(status) || isHeld(prior);
    if (!wasSuspended) {
      const how =
        status === "RUNNING" || !stopped
          ? `The running job is stopped with a savepoint; the deployment stays (status FINISHED, the savepoint in last_savepoint)`
          : `The job is already ${status}, so no savepoint can be taken; the deployment is kept suspended${savepoint ? ` with its last savepoint ${savepoint}` : " without a savepoint"}`;
      diagnostics.push(
        warning(
          "desired_state",
          "Deployment Suspended",
          `${how}. Setting desired_state = "running" resumes it from that savepoint in a new deployment.`,
        ),
      );
    }
    if (handover.length && !isHeld(prior))
      diagnostics.push(
        warning(
          handover[0],
          "Applied On Resume",
          `The job does not run while suspended: the new ${describeInputs(handover)} is kept by Terraform and applies when the deployment resumes (from its savepoint). The stopped deployment is removed meanwhile.`,
        ),
      );
    if (triggerChanged)
      diagnostics.push(
        warning(
          "savepoint_trigger",
          "No Savepoint Taken",
          "A suspended deployment has no running job to take a savepoint of.",
        ),
      );
    // A stopped job that is not FINISHED, or new inputs, leave no deployment behind: a stand-in.
    const detaches = !isHeld(prior) && (handover.length > 0 || (!wasSuspended && stopped));
    if (detaches) unknown.push(...handoverChanges, "starting_savepoint_used");
    else if (!wasSuspended) unknown.push("status", "last_savepoint", "error_msg");
    return { diagnostics, unknown, handled: true };
  }
  if (wasSuspended) {
    const from = resumeSavepoint(prior, planned);
    const what = handover.length ? ` with the new ${describeInputs(handover)}` : "";
    diagnostics.push(
      warning(
        "desired_state",
        "Deployment Resumed",
        isHeld(prior) && !savepoint
          ? `The job starts${what}${from ? ` from starting_savepoint ${from}` : ""}; deployment_id and job_id are set once it runs.`
          : `A new deployment starts${what} from the savepoint ${from ?? "(none: the job stopped without one, so it starts without state)"}: the API cannot restart a stopped deployment, so deployment_id and job_id change and the stopped deployment is removed once the new job runs. If the new job fails, the deployment stays suspended and the apply fails with the job's error.`,
      ),
    );
    if (triggerChanged)
      diagnostics.push(
        warning(
          "savepoint_trigger",
          "No Savepoint Taken",
          "The job resumes from its savepoint in this apply; no other savepoint is taken.",
        ),
      );
    unknown.push(...handoverChanges, "starting_savepoint_used");
    return { diagnostics, unknown, handled: true };
  }
  // A savepoint on demand: the job keeps running, only its savepoint (and status meanwhile) change.
  if (triggerChanged && !handover.length) unknown.push("status", "last_savepoint", "error_msg");
  return { diagnostics, unknown, handled: false };
}
