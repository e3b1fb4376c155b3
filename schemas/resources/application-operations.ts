/**
 * The API operations of one kind of application. SQL applications (`/application`) and JAR
 * applications (`/jar_application`) are laid out alike — the application, its versions, its
 * deployments — so their tables are written once here; operations.ts and jar-operations.ts add the
 * calls only one kind has.
 */
import type { OperationSpec } from "../dsl/types";
import { FLINK_BASE } from "./common";

export type ApplicationKind = "application" | "jar_application";
type OperationTable = Record<string, OperationSpec>;

export function applicationOperations(kind: ApplicationKind) {
  const applicationsPath = `${FLINK_BASE}/${kind}`;
  const applicationPath = `${applicationsPath}/{application_id}`;
  const versionsPath = `${applicationPath}/version`;
  const versionPath = `${versionsPath}/{application_version_id}`;
  const deploymentsPath = `${applicationPath}/deployment`;
  const deploymentPath = `${deploymentsPath}/{deployment_id}`;
  return {
    applicationPath,
    versionsPath,
    deploymentPath,
    application: {
      create: { method: "POST", path: applicationsPath },
      list: { method: "GET", path: applicationsPath },
      read: { method: "GET", path: applicationPath },
      update: { method: "PUT", path: applicationPath, bodyFields: ["name"] },
      delete: { method: "DELETE", path: applicationPath },
    },
    version: {
      create: { method: "POST", path: versionsPath },
      read: { method: "GET", path: versionPath },
      delete: { method: "DELETE", path: versionPath },
    },
    deployment: {
      create: { method: "POST", path: deploymentsPath },
      list: { method: "GET", path: deploymentsPath },
      read: { method: "GET", path: deploymentPath },
      delete: { method: "DELETE", path: deploymentPath },
      // Repeating either is harmless (a second one is refused with 409 while the first goes on), so
      // the client retries them after a 5xx or a lost connection like any idempotent call.
      cancel: { method: "POST", path: `${deploymentPath}/cancel`, idempotent: true },
      stop: { method: "POST", path: `${deploymentPath}/stop`, idempotent: true },
    },
  } as const satisfies Record<"application" | "version" | "deployment", OperationTable> &
    Record<"applicationPath" | "versionsPath" | "deploymentPath", string>;
}
