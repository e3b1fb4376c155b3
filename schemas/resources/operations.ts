/** API operations shared by specs and hooks (hooks call them through HookApi). */
import type { OperationSpec, WaitSpec } from "../dsl/types";
import { applicationOperations } from "./application-operations";

const SERVICE_PATH = "/project/{project}/service/{service_name}";
const sql = applicationOperations("application");

export const applicationOps = sql.application;

export const serviceOps = {
  read: { method: "GET", path: SERVICE_PATH, envelope: "service" },
  listApplications: sql.application.list,
} as const satisfies Record<string, OperationSpec>;

export const deploymentOps = {
  ...sql.deployment,
  // The local control plane's savepoint on demand (the hosted API has none): a repeat is refused
  // with 409 while the first is SAVING.
  savepoint: { method: "POST", path: `${sql.deploymentPath}/savepoint`, idempotent: true },
  // The local control plane's latest retained checkpoint of the job (the hosted API has none).
  checkpoint: { method: "GET", path: `${sql.deploymentPath}/checkpoint` },
} as const satisfies Record<string, OperationSpec>;

/**
 * The local control plane's periodic savepoints of an application's running deployment (the hosted
 * API has none); both calls are idempotent (a PUT replaces the schedule).
 */
export const savepointScheduleOps = {
  put: { method: "PUT", path: `${sql.applicationPath}/savepoint-schedule` },
  delete: { method: "DELETE", path: `${sql.applicationPath}/savepoint-schedule` },
} as const satisfies Record<string, OperationSpec>;

export const versionOps = {
  ...sql.version,
  validate: { method: "POST", path: `${sql.versionsPath}/validate` },
} as const satisfies Record<string, OperationSpec>;

/** Statuses of a job that no longer runs (and holds no task slots). */
export const DEPLOYMENT_STOPPED_STATUSES = ["CANCELED", "FINISHED", "FAILED"];
export const DEPLOYMENT_FAILED_STATUSES = ["FAILED", "FAILING"];
/**
 * Statuses of a job stopped (or stopping) with a savepoint: a suspended deployment, which
 * `desired_state = "running"` resumes from its `last_savepoint`. `SUSPENDED` is also what the
 * provider reports for a deployment created suspended, which has no job (and no API object) yet.
 */
export const DEPLOYMENT_SUSPENDED_STATUSES = [
  "FINISHED",
  "SUSPENDED",
  "SAVING_AND_STOP_REQUESTED",
  "SAVING_AND_STOP",
];

export const waitRunning: WaitSpec = {
  field: "status",
  until: ["RUNNING"],
  failOn: DEPLOYMENT_FAILED_STATUSES,
  errorField: "error_msg",
};
export const waitCanceled: WaitSpec = { field: "status", until: DEPLOYMENT_STOPPED_STATUSES };
export const waitSavepoint: WaitSpec = {
  field: "status",
  until: ["FINISHED"],
  failOn: ["FAILED", "CANCELED"],
  errorField: "error_msg",
};
/** A savepoint on demand is taken: the job is RUNNING again (it never stopped). */
export const waitSaved: WaitSpec = {
  field: "status",
  until: ["RUNNING"],
  failOn: DEPLOYMENT_FAILED_STATUSES,
  errorField: "error_msg",
};
