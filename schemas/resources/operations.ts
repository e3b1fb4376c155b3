/** API operations shared by specs and hooks (hooks call them through HookApi). */
import type { OperationSpec, WaitSpec } from "../dsl/types";
import { FLINK_BASE } from "./common";

const SERVICE_PATH = "/project/{project}/service/{service_name}";
const APPLICATION_PATH = `${FLINK_BASE}/application/{application_id}`;
const DEPLOYMENTS_PATH = `${APPLICATION_PATH}/deployment`;
const DEPLOYMENT_PATH = `${DEPLOYMENTS_PATH}/{deployment_id}`;

export const serviceOps = {
  read: { method: "GET", path: SERVICE_PATH, envelope: "service" },
  listApplications: { method: "GET", path: `${FLINK_BASE}/application` },
} as const satisfies Record<string, OperationSpec>;

export const deploymentOps = {
  create: { method: "POST", path: DEPLOYMENTS_PATH },
  list: { method: "GET", path: DEPLOYMENTS_PATH },
  read: { method: "GET", path: DEPLOYMENT_PATH },
  delete: { method: "DELETE", path: DEPLOYMENT_PATH },
  // Repeating either is harmless (a second one is refused with 409 while the first goes on), so
  // the client retries them after a 5xx or a lost connection like any idempotent call.
  cancel: { method: "POST", path: `${DEPLOYMENT_PATH}/cancel`, idempotent: true },
  stop: { method: "POST", path: `${DEPLOYMENT_PATH}/stop`, idempotent: true },
  // The local control plane's savepoint on demand (the hosted API has none): a repeat is refused
  // with 409 while the first is SAVING.
  savepoint: { method: "POST", path: `${DEPLOYMENT_PATH}/savepoint`, idempotent: true },
  // The local control plane's latest retained checkpoint of the job (the hosted API has none).
  checkpoint: { method: "GET", path: `${DEPLOYMENT_PATH}/checkpoint` },
} as const satisfies Record<string, OperationSpec>;

/**
 * The local control plane's periodic savepoints of an application's running deployment (the hosted
 * API has none); both calls are idempotent (a PUT replaces the schedule).
 */
export const savepointScheduleOps = {
  put: { method: "PUT", path: `${APPLICATION_PATH}/savepoint-schedule` },
  delete: { method: "DELETE", path: `${APPLICATION_PATH}/savepoint-schedule` },
} as const satisfies Record<string, OperationSpec>;

export const versionOps = {
  validate: { method: "POST", path: `${APPLICATION_PATH}/version/validate` },
  read: { method: "GET", path: `${APPLICATION_PATH}/version/{application_version_id}` },
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
