import { showValue } from "../../schemas/dsl/constraints";
import type { PatternConstraint } from "../../schemas/dsl/types";
import { own } from "../../schemas/own";
import { flinkIntegrationEndpointSpec } from "../../schemas/resources/flink-integration-endpoint";
import { ApiError, badRequest, conflict } from "../api-error";
import { type Body, bodyObject, checkRange, describe, optObject, reqString } from "../body-fields";
import type { ControlPlaneContext } from "../context";
import { checkDisplayName } from "../field-rules";
import { newUuid } from "../ids";
import type { EndpointRecord, IntegrationRecord } from "../model";
import type { Route } from "../router";

type EndpointType = EndpointRecord["endpoint_type"];
interface KeySpec {
  kind: "string" | "integer";
  required?: boolean;
  secret?: boolean;
  enum?: readonly string[];
  max?: number;
  pattern?: PatternConstraint;
}

/**
 * The user_config keys of the external endpoints, derived from the `flink_integration_endpoint` spec
 * (its `external_kafka` / `external_postgresql` objects name the API keys), so the emulator accepts
 * exactly what the provider sends.
 */
function keysFromSpec(attribute: EndpointType): Record<string, KeySpec> {
  const object = flinkIntegrationEndpointSpec.attributes[attribute];
  const keys: Record<string, KeySpec> = {};
  for (const [name, attr] of Object.entries(object.attributes ?? {})) {
    const key = typeof attr.api === "string" ? attr.api : name;
    keys[key] = {
      kind: attr.kind === "number" ? "integer" : "string",
      ...(attr.required ? { required: true } : {}),
      ...(attr.sensitive ? { secret: true } : {}),
      ...(attr.enum ? { enum: attr.enum } : {}),
      ...(attr.maxLength !== undefined ? { max: attr.maxLength } : {}),
      ...(attr.pattern ? { pattern: attr.pattern } : {}),
    };
  }
  return keys;
}

const ENDPOINT_KEYS: Record<EndpointType, Record<string, KeySpec>> = {
  external_kafka: keysFromSpec("external_kafka"),
  external_postgresql: keysFromSpec("external_postgresql"),
  external_schema_registry: keysFromSpec("external_schema_registry"),
};

const TITLES: Record<EndpointType, string> = {
  external_kafka: "External Apache Kafka",
  external_postgresql: "External PostgreSQL",
  external_schema_registry: "External Schema Registry",
};

export const ENDPOINT_TYPES = Object.keys(ENDPOINT_KEYS) as EndpointType[];

export function integrationEndpointRoutes(ctx: ControlPlaneContext): Route[] {
  const base = "/project/{project}/integration_endpoint";
  return [
    {
      method: "GET",
      path: "/project/{project}/integration_endpoint_types",
      handler: () => ({
        body: {
          endpoint_types: ENDPOINT_TYPES.map((t) => ({
            endpoint_type: t,
            title: TITLES[t],
            service_types: ["flink"],
            user_config_schema: {
              type: "object",
              properties: Object.fromEntries(
                Object.entries(ENDPOINT_KEYS[t]).map(([k, s]) => [
                  k,
                  { type: s.kind, ...(s.enum ? { enum: s.enum } : {}) },
                ]),
              ),
            },
          })),
        },
      }),
    },
    {
      method: "GET",
      path: base,
      handler: ({ query }) => ({
        body: {
          service_integration_endpoints: ctx.store
            .list<EndpointRecord>("endpoint", ctx.project)
            .map((e) => render(e, query)),
        },
      }),
    },
    {
      method: "POST",
      path: base,
      handler: ({ body }) => ({
        body: { service_integration_endpoint: render(create(ctx, bodyObject(body))) },
      }),
    },
    {
      method: "GET",
      path: `${base}/{integration_endpoint_id}`,
      handler: ({ params, query }) => ({
        body: {
          service_integration_endpoint: render(requireEndpoint(ctx, params.integration_endpoint_id!), query),
        },
      }),
    },
    {
      method: "PUT",
      path: `${base}/{integration_endpoint_id}`,
      handler: ({ params, body }) =>
        ctx.store.tx(() => {
          const e = requireEndpoint(ctx, params.integration_endpoint_id!);
          const given = optObject(bodyObject(body), "user_config");
          if (!given) throw badRequest("user_config: missing required field");
          const merged = Object.fromEntries(
            Object.entries({ ...e.user_config, ...given }).filter(([, v]) => v !== null),
          );
          e.user_config = checkConfig(e.endpoint_type, merged);
          ctx.store.update("endpoint", ctx.project, e.endpoint_id, e);
          return { body: { service_integration_endpoint: render(e) } };
        }),
    },
    {
      method: "DELETE",
      path: `${base}/{integration_endpoint_id}`,
      handler: ({ params }) =>
        ctx.store.tx(() => {
          const e = requireEndpoint(ctx, params.integration_endpoint_id!);
          const users = ctx.store
            .list<IntegrationRecord>("integration", ctx.project)
            .filter((i) => i.source_endpoint_id === e.endpoint_id || i.dest_endpoint_id === e.endpoint_id);
          if (users.length > 0) {
            throw conflict(
              `Integration endpoint ${e.endpoint_id} is used by integration(s) ${users.map((i) => i.service_integration_id).join(", ")}; delete them first`,
            );
          }
          ctx.store.remove("endpoint", ctx.project, e.endpoint_id);
          return { body: { message: "Integration endpoint deleted" } };
        }),
    },
  ];
}

export function requireEndpoint(ctx: ControlPlaneContext, id: string): EndpointRecord {
  const e = ctx.store.get<EndpointRecord>("endpoint", ctx.project, id);
  if (!e)
    throw new ApiError(
      404,
      "service_integration_endpoint_not_found",
      `Integration endpoint not found: ${id}`,
    );
  return e;
}

function create(ctx: ControlPlaneContext, body: Body): EndpointRecord {
  const name = checkDisplayName(reqString(body, "endpoint_name", { min: 1, max: 40 }), "endpoint_name");
  const type = reqString(body, "endpoint_type", { enum: ENDPOINT_TYPES }) as EndpointType;
  const config = optObject(body, "user_config");
  if (!config) throw badRequest("user_config: missing required field");
  const e: EndpointRecord = {
    endpoint_id: newUuid(),
    endpoint_name: name,
    endpoint_type: type,
    user_config: checkConfig(type, config),
  };
  ctx.store.tx(() => {
    if (ctx.store.list<EndpointRecord>("endpoint", ctx.project).some((x) => x.endpoint_name === name)) {
      throw conflict(`Integration endpoint ${name} already exists`);
    }
    ctx.store.insert("endpoint", ctx.project, e.endpoint_id, e);
  });
  return e;
}

function checkConfig(type: EndpointType, config: Body): Record<string, unknown> {
  const keys = ENDPOINT_KEYS[type];
  for (const [k, v] of Object.entries(config)) {
    const spec = own(keys, k);
    if (!spec)
      throw badRequest(
        `user_config: unknown key '${k}' for ${type}; allowed keys: ${Object.keys(keys).join(", ")}`,
      );
    const label = `user_config.${k}`;
    if (spec.kind === "integer") {
      if (typeof v !== "number" || !Number.isInteger(v))
        throw badRequest(`${label}: expected an integer, got ${describe(v)}`);
      checkRange(v, { min: 1, max: 65535 }, label);
    } else {
      // Never echo a secret's value back in an error.
      if (typeof v !== "string")
        throw badRequest(`${label}: expected a string, got ${spec.secret ? typeof v : describe(v)}`);
      if (spec.max !== undefined && v.length > spec.max)
        throw badRequest(`${label}: must be at most ${spec.max} characters long`);
      if (spec.pattern && !new RegExp(spec.pattern.regex).test(v))
        throw badRequest(`${label}: ${spec.pattern.message}${spec.secret ? "" : `, got ${showValue(v)}`}`);
      if (spec.enum && !spec.enum.includes(v))
        throw badRequest(`${label}: '${v}' is not one of ${spec.enum.map((x) => `'${x}'`).join(", ")}`);
    }
  }
  for (const [k, spec] of Object.entries(keys)) {
    if (spec.required && config[k] === undefined)
      throw badRequest(`user_config.${k}: missing required field for ${type}`);
  }
  return { ...config };
}

/** The connection summary the API returns beside the user config (no secrets). */
const ENDPOINT_CONFIG: Record<EndpointType, (c: Record<string, unknown>) => Record<string, unknown>> = {
  external_kafka: (c) => ({
    bootstrap_servers: c["bootstrap_servers"],
    security_protocol: c["security_protocol"],
  }),
  external_postgresql: (c) => ({
    host: c["host"],
    port: c["port"],
    dbname: c["default_database"] ?? "defaultdb",
  }),
  external_schema_registry: (c) => ({ url: c["url"], authentication: c["authentication"] }),
};

/** Secrets are left out unless `include_secrets=true`, as the hosted API does. */
function render(e: EndpointRecord, query?: URLSearchParams) {
  const withSecrets = query?.get("include_secrets") === "true";
  const keys = ENDPOINT_KEYS[e.endpoint_type];
  const userConfig = Object.fromEntries(
    Object.entries(e.user_config).filter(([k]) => withSecrets || !own(keys, k)?.secret),
  );
  const endpointConfig = ENDPOINT_CONFIG[e.endpoint_type](e.user_config);
  return {
    endpoint_id: e.endpoint_id,
    endpoint_name: e.endpoint_name,
    endpoint_type: e.endpoint_type,
    user_config: userConfig,
    endpoint_config: endpointConfig,
  };
}
