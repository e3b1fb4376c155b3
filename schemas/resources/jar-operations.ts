/** API operations of JAR applications shared by their specs and hooks. */
import type { OperationSpec } from "../dsl/types";
import { FLINK_BASE } from "./common";

const JAR_APPLICATIONS_PATH = `${FLINK_BASE}/jar_application`;
export const JAR_APPLICATION_PATH = `${JAR_APPLICATIONS_PATH}/{application_id}`;
const VERSION_PATH = `${JAR_APPLICATION_PATH}/version/{application_version_id}`;
const DEPLOYMENTS_PATH = `${JAR_APPLICATION_PATH}/deployment`;
const DEPLOYMENT_PATH = `${DEPLOYMENTS_PATH}/{deployment_id}`;

export const jarApplicationOps = {
  create: { method: "POST", path: JAR_APPLICATIONS_PATH },
  list: { method: "GET", path: JAR_APPLICATIONS_PATH },
  read: { method: "GET", path: JAR_APPLICATION_PATH },
  update: { method: "PUT", path: JAR_APPLICATION_PATH, bodyFields: ["name"] },
  delete: { method: "DELETE", path: JAR_APPLICATION_PATH },
} as const satisfies Record<string, OperationSpec>;

export const jarVersionOps = {
  // The hosted API takes no body: the jar goes to the upload URL the answer holds.
  create: { method: "POST", path: `${JAR_APPLICATION_PATH}/version`, bodyFields: [] },
  read: { method: "GET", path: VERSION_PATH },
  delete: { method: "DELETE", path: VERSION_PATH },
} as const satisfies Record<string, OperationSpec>;

export const jarDeploymentOps = {
  create: { method: "POST", path: DEPLOYMENTS_PATH },
  list: { method: "GET", path: DEPLOYMENTS_PATH },
  read: { method: "GET", path: DEPLOYMENT_PATH },
  delete: { method: "DELETE", path: DEPLOYMENT_PATH },
  // Repeating either is harmless (a second one is refused with 409 while the first goes on).
  cancel: { method: "POST", path: `${DEPLOYMENT_PATH}/cancel`, idempotent: true },
  stop: { method: "POST", path: `${DEPLOYMENT_PATH}/stop`, idempotent: true },
} as const satisfies Record<string, OperationSpec>;
