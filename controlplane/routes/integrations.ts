import { own } from "../../schemas/own";
import { ApiError, badRequest, conflict } from "../api-error";
import { type Body, bodyObject, describe, optObject, optString, reqString } from "../body-fields";
import type { ControlPlaneContext } from "../context";
import { newUuid } from "../ids";
import type { EndpointRecord, IntegrationRecord, ServiceRecord } from "../model";
import type { Route } from "../router";
import { requireEndpoint } from "./integration-endpoints";
import { integrationsOfService, isVisible, requireService } from "./lookups";

export const INTEGRATION_TYPES = [
  "flink",
  "flink_external_kafka",
  "flink_external_postgresql",
  "logs",
  "metrics",
] as const;

/** user_config keys per integration type (SCHEMAS integration_types.yml); flink ones have none but stringtype. */
const USER_CONFIG_KEYS: Record<string, Record<string, "string" | "integer" | "string_list">> = {
  flink: {},
  flink_external_kafka: {},
  flink_external_postgresql: { stringtype: "string" },
  logs: {
    elasticsearch_index_days_max: "integer",
    elasticsearch_index_prefix: "string",
    selected_log_fields: "string_list",
  },
  metrics: { database: "string", retention_days: "integer", ro_username: "string", username: "string" },
};

export function integrationRoutes(ctx: ControlPlaneContext): Route[] {
  const base = "/project/{project}/integration";
  return [
    {
      method: "POST",
      path: base,
      handler: ({ body }) => ({
        body: { service_integration: renderIntegration(ctx, create(ctx, bodyObject(body))) },
      }),
    },
    {
      method: "GET",
      path: `${base}/{integration_id}`,
      handler: ({ params }) => ({
        body: {
          service_integration: renderIntegration(ctx, requireIntegration(ctx, params.integration_id!)),
        },
      }),
    },
    {
      method: "PUT",
      path: `${base}/{integration_id}`,
      handler: ({ params, body }) =>
        ctx.store.tx(() => {
          const i = requireIntegration(ctx, params.integration_id!);
          const config = optObject(bodyObject(body), "user_config");
          if (!config) throw badRequest("user_config: missing required field");
          i.user_config = checkUserConfig(i.integration_type, config);
          ctx.store.update("integration", ctx.project, i.service_integration_id, i);
          return { body: { service_integration: renderIntegration(ctx, i) } };
        }),
    },
    {
      method: "DELETE",
      path: `${base}/{integration_id}`,
      handler: ({ params }) =>
        ctx.store.tx(() => {
          const i = requireIntegration(ctx, params.integration_id!);
          ctx.store.remove("integration", ctx.project, i.service_integration_id);
          return { body: { message: "Service integration deleted" } };
        }),
    },
    {
      method: "GET",
      path: "/project/{project}/service/{service_name}/integration",
      handler: ({ params }) => {
        requireService(ctx, params.service_name!);
        return {
          body: {
            service_integrations: integrationsOfService(ctx, params.service_name!).map((i) =>
              renderIntegration(ctx, i),
            ),
          },
        };
      },
    },
    {
      method: "GET",
      path: "/project/{project}/integration_types",
      handler: () => ({
        body: {
          integration_types: INTEGRATION_TYPES.map((t) => ({
            integration_type: t,
            source_description: t.startsWith("flink_external") ? "External endpoint" : "Source service",
            dest_description: "Destination service",
            dest_service_type: t.startsWith("flink") ? "flink" : "",
            source_service_types:
              t === "flink" ? ["kafka", "pg"] : t.startsWith("flink_") ? [] : ["flink", "kafka", "pg"],
            dest_service_types: t.startsWith("flink") ? ["flink"] : ["flink", "kafka", "pg"],
            user_config_schema: {
              type: "object",
              additionalProperties: false,
              properties: Object.fromEntries(
                Object.entries(USER_CONFIG_KEYS[t]!).map(([k, kind]) => [
                  k,
                  { type: kind === "string_list" ? "array" : kind },
                ]),
              ),
            },
          })),
        },
      }),
    },
  ];
}

/** 404 with the hosted API's wording, which the provider retries on right after a create. */
export function requireIntegration(ctx: ControlPlaneContext, id: string): IntegrationRecord {
  const i = ctx.store.get<IntegrationRecord>("integration", ctx.project, id);
  if (!i || !isVisible(ctx, i) || ctx.faults.takeIntegrationNotFound())
    throw new ApiError(404, "service_integration_not_found", `Integration not found: ${id}`);
  return i;
}

function create(ctx: ControlPlaneContext, body: Body): IntegrationRecord {
  const type = reqString(body, "integration_type", { enum: INTEGRATION_TYPES });
  for (const key of ["source_project", "dest_project"]) {
    const p = optString(body, key, { max: 63 });
    if (p !== undefined && p !== ctx.project)
      throw new ApiError(403, "permission_denied", `${key}: no access to project ${p}`);
  }
  const ids = { max: 36 };
  const record: IntegrationRecord = {
    service_integration_id: newUuid(),
    integration_type: type,
    source_project: ctx.project,
    dest_project: ctx.project,
    source_service: optString(body, "source_service", { max: 64 }) ?? null,
    dest_service: optString(body, "dest_service", { max: 64 }) ?? null,
    source_endpoint_id: optString(body, "source_endpoint_id", ids) ?? null,
    dest_endpoint_id: optString(body, "dest_endpoint_id", ids) ?? null,
    user_config: checkUserConfig(type, optObject(body, "user_config") ?? {}),
    created_ms: Date.now(),
  };
  return ctx.store.tx(() => {
    checkEnds(ctx, record);
    const duplicate = ctx.store
      .list<IntegrationRecord>("integration", ctx.project)
      .find(
        (i) =>
          i.integration_type === type &&
          i.source_service === record.source_service &&
          i.dest_service === record.dest_service &&
          i.source_endpoint_id === record.source_endpoint_id &&
          i.dest_endpoint_id === record.dest_endpoint_id,
      );
    if (duplicate) throw conflict(`Service integration already exists: ${duplicate.service_integration_id}`);
    ctx.store.insert("integration", ctx.project, record.service_integration_id, record);
    return record;
  });
}

function checkEnds(ctx: ControlPlaneContext, r: IntegrationRecord): void {
  const service = (key: "source_service" | "dest_service", types?: string[]): ServiceRecord => {
    const name = r[key];
    if (!name) throw badRequest(`${key}: required for integration_type ${r.integration_type}`);
    const svc = requireService(ctx, name);
    if (types && !types.includes(svc.service_type)) {
      throw badRequest(
        `${key}: ${r.integration_type} needs a ${types.join(" or ")} service, ${name} is ${svc.service_type}`,
      );
    }
    return svc;
  };
  const endpoint = (key: "source_endpoint_id", type: EndpointRecord["endpoint_type"]) => {
    const id = r[key];
    if (!id) throw badRequest(`${key}: required for integration_type ${r.integration_type}`);
    const e = requireEndpoint(ctx, id);
    if (e.endpoint_type !== type)
      throw badRequest(
        `${key}: ${r.integration_type} needs an ${type} endpoint, ${id} is ${e.endpoint_type}`,
      );
  };
  switch (r.integration_type) {
    case "flink":
      service("source_service", ["kafka", "pg"]);
      service("dest_service", ["flink"]);
      return;
    case "flink_external_kafka":
      endpoint("source_endpoint_id", "external_kafka");
      service("dest_service", ["flink"]);
      return;
    case "flink_external_postgresql":
      endpoint("source_endpoint_id", "external_postgresql");
      service("dest_service", ["flink"]);
      return;
    default:
      service("source_service");
      if (r.dest_endpoint_id) requireEndpoint(ctx, r.dest_endpoint_id);
      else service("dest_service");
  }
}

function checkUserConfig(type: string, config: Body): Record<string, unknown> {
  const keys = USER_CONFIG_KEYS[type] ?? {};
  for (const [k, v] of Object.entries(config)) {
    const kind = own(keys, k);
    if (!kind) {
      const allowed = Object.keys(keys);
      throw badRequest(
        `user_config: unknown key '${k}' for ${type}${allowed.length ? `; allowed keys: ${allowed.join(", ")}` : " (it takes no settings)"}`,
      );
    }
    const ok =
      kind === "string" ? typeof v === "string" : kind === "integer" ? Number.isInteger(v) : Array.isArray(v);
    if (!ok)
      throw badRequest(
        `user_config.${k}: expected ${kind === "string_list" ? "an array" : `a ${kind}`}, got ${describe(v)}`,
      );
    if (type === "flink_external_postgresql" && k === "stringtype" && v !== "unspecified") {
      throw badRequest(`user_config.stringtype: '${String(v)}' is not one of 'unspecified'`);
    }
  }
  return { ...config };
}

export function renderIntegration(ctx: ControlPlaneContext, i: IntegrationRecord) {
  const typeOf = (service: string | null, endpointId: string | null): string | null => {
    if (service) return ctx.store.get<ServiceRecord>("service", ctx.project, service)?.service_type ?? null;
    if (endpointId)
      return ctx.store.get<EndpointRecord>("endpoint", ctx.project, endpointId)?.endpoint_type ?? null;
    return null;
  };
  const endpointName = (id: string | null) =>
    id ? (ctx.store.get<EndpointRecord>("endpoint", ctx.project, id)?.endpoint_name ?? null) : null;
  return {
    service_integration_id: i.service_integration_id,
    integration_type: i.integration_type,
    active: true,
    enabled: true,
    description: `${i.integration_type} integration`,
    source_project: i.source_project,
    source_service: i.source_service,
    source_service_type: typeOf(i.source_service, i.source_endpoint_id),
    source_endpoint_id: i.source_endpoint_id,
    source_endpoint: endpointName(i.source_endpoint_id),
    dest_project: i.dest_project,
    dest_service: i.dest_service,
    dest_service_type: typeOf(i.dest_service, i.dest_endpoint_id),
    dest_endpoint_id: i.dest_endpoint_id,
    dest_endpoint: endpointName(i.dest_endpoint_id),
    user_config: i.user_config,
    integration_status: {
      state: { status: "running", errors: [], nodes: {}, likely_error_cause: "null" },
      status_user_desc: "Integration is running",
    },
  };
}
