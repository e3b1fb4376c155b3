/**
 * The one setting a Flink integration takes: `flink_external_postgresql_user_config.stringtype`. The
 * API's update replaces the whole `user_config` and requires it, so removing the setting sends `{}`
 * (the generic update would leave the field out).
 */
import type { ApiObject, HookApi, HookDiagnostic, OperationSpec, StateObject } from "../dsl/types";

export const INTEGRATION_PATH = "/project/{project}/integration/{integration_id}";
const POSTGRESQL_CONFIG = "flink_external_postgresql_user_config";
const POSTGRESQL_TYPE = "flink_external_postgresql";

export async function updateIntegrationUserConfig(
  api: HookApi,
  prior: StateObject,
  planned: StateObject,
): Promise<ApiObject | null> {
  // Anything else that changes in place is Terraform-only (timeouts): no call, and another
  // integration type's own user_config (logs, metrics) is never overwritten.
  if (JSON.stringify(prior[POSTGRESQL_CONFIG] ?? null) === JSON.stringify(planned[POSTGRESQL_CONFIG] ?? null))
    return null;
  const config = planned[POSTGRESQL_CONFIG] as StateObject | null | undefined;
  const stringtype = config?.stringtype;
  const op: OperationSpec = { method: "PUT", path: INTEGRATION_PATH, envelope: "service_integration" };
  return api.call(op, planned, { user_config: typeof stringtype === "string" ? { stringtype } : {} });
}

/** The PostgreSQL settings belong to a `flink_external_postgresql` integration only. */
export function validateIntegrationUserConfig(
  config: StateObject,
  isUnresolved: (v: unknown) => boolean,
): HookDiagnostic[] {
  const type = config.integration_type;
  const settings = config[POSTGRESQL_CONFIG];
  if (settings === null || settings === undefined) return [];
  if (type === null || type === undefined || isUnresolved(type) || type === POSTGRESQL_TYPE) return [];
  return [
    {
      severity: "error",
      path: [POSTGRESQL_CONFIG],
      summary: "Setting For Another Integration Type",
      detail: `${POSTGRESQL_CONFIG} applies to integration_type "${POSTGRESQL_TYPE}" only; this integration is "${String(type)}". Remove it or change integration_type.`,
    },
  ];
}
