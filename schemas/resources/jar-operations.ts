/** API operations of JAR applications shared by their specs and hooks. */
import type { OperationSpec } from "../dsl/types";
import { applicationOperations } from "./application-operations";

const jar = applicationOperations("jar_application");

export const jarApplicationOps = jar.application;

export const jarVersionOps = {
  ...jar.version,
  // The hosted API takes no body: the jar goes to the upload URL the answer holds.
  create: { ...jar.version.create, bodyFields: [] },
} as const satisfies Record<string, OperationSpec>;

export const jarDeploymentOps = jar.deployment;
