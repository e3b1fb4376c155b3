import type { FlinkPlan } from "../../schemas/flink/plans";
import { FLINK_CLOUDS } from "../../schemas/flink/plans";
import {
  DEFAULT_FLINK_VERSION,
  FLINK_USER_CONFIG_KEYS,
  type UserConfigKey,
} from "../../schemas/flink/user-config";
import { ApiError } from "../api-error";
import type { ServiceType } from "../model";
import type { Route } from "../router";
import { findPlan, PLANS_BY_TYPE, SERVICE_TYPE_DESCRIPTIONS, SERVICE_TYPES } from "../service-plans";

/** Service types and plan specs: the Flink plan catalogue plus the Kafka/PostgreSQL sources. */
export function serviceTypeRoutes(): Route[] {
  const list = () => ({
    body: { service_types: Object.fromEntries(SERVICE_TYPES.map((t) => [t, serviceType(t)])) },
  });
  return [
    { method: "GET", path: "/service_types", handler: list },
    { method: "GET", path: "/project/{project}/service_types", handler: list },
    {
      method: "GET",
      path: "/project/{project}/service-types/{service_type}/plans/{service_plan}",
      handler: ({ params }) => {
        const type = params.service_type as ServiceType;
        const plan = SERVICE_TYPES.includes(type) ? findPlan(type, params.service_plan!) : undefined;
        if (!plan)
          throw new ApiError(
            404,
            "not_found",
            `Service plan ${params.service_type}/${params.service_plan} does not exist`,
          );
        return {
          body: {
            ...planOut(type, plan),
            disk_space_mb: plan.diskSpaceMb,
            disk_space_step_mb: plan.diskSpaceMb === 0 ? 0 : 30 * 1024,
            disk_space_cap_mb: plan.diskSpaceMb,
          },
        };
      },
    },
  ];
}

function serviceType(type: ServiceType) {
  return {
    description: SERVICE_TYPE_DESCRIPTIONS[type],
    default_version: type === "flink" ? DEFAULT_FLINK_VERSION : undefined,
    latest_available_version: type === "flink" ? DEFAULT_FLINK_VERSION : undefined,
    service_plans: PLANS_BY_TYPE[type].map((p) => planOut(type, p)),
    user_config_schema: type === "flink" ? flinkUserConfigSchema() : { type: "object", properties: {} },
  };
}

function planOut(type: ServiceType, p: FlinkPlan) {
  // Prices are illustrative; the local control plane bills nothing.
  const hourly = ((p.nodeCount * p.nodeMemoryMb) / 1024) * 0.05;
  return {
    service_plan: p.name,
    service_type: type,
    node_count: p.nodeCount,
    node_memory_mb: p.nodeMemoryMb,
    node_cpu_count: p.nodeCpuCount,
    backup_config: { interval: 24, max_count: 0, recovery_mode: "basic" },
    regions: Object.fromEntries(
      FLINK_CLOUDS.map((c) => [
        c,
        { disk_space_mb: p.diskSpaceMb, node_memory_mb: p.nodeMemoryMb, price_usd: hourly.toFixed(3) },
      ]),
    ),
  };
}

function flinkUserConfigSchema() {
  const keys: Record<string, UserConfigKey> = FLINK_USER_CONFIG_KEYS;
  const properties = Object.fromEntries(
    Object.entries(keys).map(([k, spec]) => {
      const base: Record<string, unknown> = { title: spec.description };
      if (spec.kind === "string_list")
        Object.assign(base, { type: "array", items: { type: "string" }, maxItems: 8000 });
      else Object.assign(base, { type: spec.kind });
      if (spec.min !== undefined) base.minimum = spec.min;
      if (spec.max !== undefined) base.maximum = spec.max;
      if (spec.enum) base.enum = spec.enum;
      if (spec.createOnly) base.createOnly = true;
      return [k, base];
    }),
  );
  return { type: "object", additionalProperties: false, properties };
}
