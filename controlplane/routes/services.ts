import { randomBytes } from "node:crypto";
import { DEFAULT_FLINK_CLOUD, FLINK_CLOUDS, type FlinkPlan } from "../../schemas/flink/plans";
import { DEFAULT_FLINK_VERSION } from "../../schemas/flink/user-config";
import { SERVICE_START_FAILED } from "../../schemas/hooks/service-start-failure";
import { EMAIL_MAX_LENGTH } from "../../schemas/rules/api-fields";
import { ApiError, badRequest, conflict } from "../api-error";
import {
  type Body,
  bodyObject,
  optArray,
  optBool,
  optInt,
  optObject,
  optString,
  reqString,
} from "../body-fields";
import { flinkRelease } from "../cluster/flink-release";
import { resumeSuspended } from "../cluster/power-cycle";
import type { ControlPlaneContext } from "../context";
import { checkEmail, checkTags } from "../field-rules";
import { changedCreateOnlyKeys, checkFlinkUserConfig, restartingChanges } from "../flink-user-config";
import { nowIso } from "../ids";
import type {
  DeploymentRecord,
  IntegrationRecord,
  JarVersionRecord,
  ServiceRecord,
  ServiceType,
} from "../model";
import type { Route } from "../router";
import { findPlan, PLANS_BY_TYPE, SERVICE_TYPES } from "../service-plans";
import { renderIntegration } from "./integrations";
import { removeJarFile } from "./jar-upload";
import { integrationsOfService, requireService } from "./lookups";

const SERVICE_NAME = {
  min: 1,
  max: 64,
  pattern: /^[a-z][-a-z0-9]*$/,
  patternHint: "use lowercase letters, digits and '-', starting with a letter",
};
const DOWS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const TIME = /^(2[0-3]|[01][0-9]):[0-5][0-9]:[0-5][0-9]$/;
const PORTS: Record<ServiceType, number> = { flink: 443, kafka: 9092, pg: 5432 };

export function serviceRoutes(ctx: ControlPlaneContext): Route[] {
  const base = "/project/{project}/service";
  return [
    {
      method: "GET",
      path: base,
      handler: () => ({
        body: { services: ctx.store.list<ServiceRecord>("service", ctx.project).map((s) => render(ctx, s)) },
      }),
    },
    {
      method: "POST",
      path: base,
      handler: ({ body }) => ({ body: { service: render(ctx, create(ctx, bodyObject(body))) } }),
    },
    {
      method: "GET",
      path: `${base}/{service_name}`,
      handler: ({ params }) => ({
        body: { service: render(ctx, requireService(ctx, params.service_name!)) },
      }),
    },
    {
      method: "PUT",
      path: `${base}/{service_name}`,
      handler: ({ params, body }) => ({
        body: { service: render(ctx, update(ctx, params.service_name!, bodyObject(body))) },
      }),
    },
    {
      method: "DELETE",
      path: `${base}/{service_name}`,
      handler: ({ params }) => remove(ctx, params.service_name!),
    },
    {
      method: "GET",
      path: `${base}/{service_name}/tags`,
      handler: ({ params }) => ({ body: { tags: requireService(ctx, params.service_name!).tags } }),
    },
    {
      method: "PUT",
      path: `${base}/{service_name}/tags`,
      handler: ({ params, body }) => setTags(ctx, params.service_name!, bodyObject(body), true),
    },
    {
      method: "PATCH",
      path: `${base}/{service_name}/tags`,
      handler: ({ params, body }) => setTags(ctx, params.service_name!, bodyObject(body), false),
    },
  ];
}

function create(ctx: ControlPlaneContext, body: Body): ServiceRecord {
  const name = reqString(body, "service_name", SERVICE_NAME);
  const type = reqString(body, "service_type", { max: 64 }) as ServiceType;
  if (!SERVICE_TYPES.includes(type)) {
    throw new ApiError(
      400,
      "invalid_service_type",
      `service_type: '${type}' is not supported here; use one of ${SERVICE_TYPES.join(", ")}`,
    );
  }
  const planName = reqString(body, "plan", { max: 128 });
  if (!findPlan(type, planName)) throw badRequest(planError(type, planName));
  const cloud = optString(body, "cloud", { max: 256, enum: FLINK_CLOUDS }) ?? DEFAULT_FLINK_CLOUD;
  const userConfig = optObject(body, "user_config") ?? {};
  const config = type === "flink" ? checkFlinkUserConfig(userConfig) : stripNulls(userConfig);
  if (type === "flink" && config["flink_version"] === undefined)
    config["flink_version"] = DEFAULT_FLINK_VERSION;
  const now = nowIso();
  const svc: ServiceRecord = {
    service_name: name,
    service_type: type,
    plan: planName,
    cloud_name: cloud,
    state: "REBUILDING",
    create_time: now,
    update_time: now,
    termination_protection: optBool(body, "termination_protection") ?? false,
    user_config: config,
    maintenance: maintenance(body, { dow: "sunday", time: "04:00:00" }),
    tags: tags(body) ?? {},
    tech_emails: techEmails(body) ?? [],
    project_vpc_id: projectVpc(ctx, body),
    disk_space_mb: diskSpace(body, findPlan(type, planName)!) ?? findPlan(type, planName)!.diskSpaceMb,
    password: randomBytes(12).toString("base64url"),
    build: 0,
  };
  checkStaticIps(ctx, body);
  if ((optArray(body, "service_integrations", 64) ?? []).length > 0) {
    throw badRequest(
      "service_integrations: Flink services take no integrations at create time; create them with POST /integration",
    );
  }
  return ctx.store.tx(() => {
    if (ctx.store.get("service", ctx.project, name)) throw conflict(`Service ${name} already exists`);
    ctx.store.insert("service", ctx.project, name, svc, name);
    ctx.cluster.buildService(ctx.project, svc);
    return svc;
  });
}

function update(ctx: ControlPlaneContext, name: string, body: Body): ServiceRecord {
  return ctx.store.tx(() => {
    const svc = requireService(ctx, name);
    // Before anything else changes: there is no VPC to move into (null, public, is all there is).
    projectVpc(ctx, body);
    const planName = optString(body, "plan", { max: 128 });
    if (planName !== undefined && !findPlan(svc.service_type, planName))
      throw badRequest(planError(svc.service_type, planName));
    const cloud = optString(body, "cloud", { max: 256, enum: FLINK_CLOUDS });
    const powered = optBool(body, "powered");
    const protection = optBool(body, "termination_protection");
    const requested = optObject(body, "user_config");
    let config = svc.user_config;
    if (requested) {
      if (svc.service_type === "flink") {
        checkFlinkUserConfig(requested);
        const frozen = changedCreateOnlyKeys(svc.user_config, requested);
        if (frozen.length > 0) {
          throw badRequest(`user_config: ${frozen.join(", ")} can only be set when the service is created`);
        }
      }
      // The hosted API merges user_config on update; null removes a key.
      config = stripNulls({ ...svc.user_config, ...requested });
    }
    const restarts = svc.service_type === "flink" ? restartingChanges(svc.user_config, config) : [];
    const moved =
      (planName !== undefined && planName !== svc.plan) || (cloud !== undefined && cloud !== svc.cloud_name);
    svc.plan = planName ?? svc.plan;
    svc.cloud_name = cloud ?? svc.cloud_name;
    svc.user_config = config;
    svc.termination_protection = protection ?? svc.termination_protection;
    svc.maintenance = maintenance(body, svc.maintenance);
    svc.tech_emails = techEmails(body) ?? svc.tech_emails;
    svc.disk_space_mb = diskSpace(body, findPlan(svc.service_type, svc.plan)!) ?? svc.disk_space_mb;
    svc.update_time = nowIso();
    ctx.store.update("service", ctx.project, name, svc);
    if (powered === false && svc.state !== "POWEROFF") {
      powerOff(ctx, svc);
    } else if (powered === true && svc.state === "POWEROFF") {
      resumeSuspended(ctx.store, ctx.project, svc);
      ctx.cluster.buildService(ctx.project, svc);
    } else if (svc.state !== "POWEROFF" && (moved || restarts.length > 0)) {
      ctx.cluster.restartService(ctx.project, svc);
    }
    return svc;
  });
}

/**
 * Powering a service off stops each running job with a savepoint and its cluster; the applications,
 * versions and deployments stay (deployments `SUSPENDED`), and power on restarts them from those
 * savepoints (cluster/power-cycle.ts). The hosted service drops the applications instead.
 */
function powerOff(ctx: ControlPlaneContext, svc: ServiceRecord): void {
  svc.state = "POWEROFF";
  svc.build += 1;
  ctx.store.update("service", ctx.project, svc.service_name, svc);
  ctx.cluster.powerOffService(ctx.project, svc);
}

function remove(ctx: ControlPlaneContext, name: string) {
  return ctx.store.tx(() => {
    const svc = requireService(ctx, name);
    if (svc.termination_protection) {
      throw new ApiError(
        403,
        "permission_denied",
        `Service ${name} has termination protection enabled; disable it before deleting the service`,
      );
    }
    const blocking = ctx.store
      .list<DeploymentRecord>("deployment", ctx.project, name)
      .filter((d) => d.status !== "CANCELED" && d.status !== "FINISHED");
    if (blocking.length > 0) {
      throw conflict(
        `Cannot delete service ${name} while it has ${blocking.length} deployment(s) that are not CANCELED or FINISHED ` +
          `(${blocking.map((d) => `${d.id}: ${d.status}`).join(", ")}); cancel them first`,
      );
    }
    for (const i of ctx.store.list<IntegrationRecord>("integration", ctx.project)) {
      if (i.source_service === name || i.dest_service === name)
        ctx.store.remove("integration", ctx.project, i.service_integration_id);
    }
    // Uploaded jars are files beside the database: they go with their versions' records, and from
    // the JobManager (which matters on a cluster that outlives the service: an existing one).
    const jars = ctx.store.list<JarVersionRecord>("jar_version", ctx.project, name);
    for (const v of jars) removeJarFile(v);
    ctx.cluster.removeJars(
      ctx.project,
      name,
      jars.map((v) => v.id),
    );
    ctx.store.removeServiceChildren(ctx.project, name);
    ctx.store.remove("service", ctx.project, name);
    ctx.cluster.deleteService(ctx.project, name);
    return { body: { message: `Service ${name} deleted` } };
  });
}

function setTags(ctx: ControlPlaneContext, name: string, body: Body, replace: boolean) {
  return ctx.store.tx(() => {
    const svc = requireService(ctx, name);
    const given = tags(body);
    if (given === undefined) throw badRequest("tags: missing required field");
    svc.tags = replace ? given : checkTags({ ...svc.tags, ...given });
    ctx.store.update("service", ctx.project, name, svc);
    return { body: { message: "tags updated" } };
  });
}

/**
 * This control plane has no project VPCs: every service runs on the (loopback) public network, so
 * `null` (the public internet, which the hosted API's clients always send) is the only value it takes.
 */
function projectVpc(ctx: ControlPlaneContext, body: Body): null {
  const id = optString(body, "project_vpc_id", { min: 36, max: 36 });
  if (id === undefined) return null;
  throw badRequest(
    `project_vpc_id: VPC '${id}' does not exist in project ${ctx.project}; this control plane has no project VPCs (leave it unset to run on the public internet)`,
  );
}

/** Nor static IPs: an empty list is fine, any id is unknown. */
function checkStaticIps(ctx: ControlPlaneContext, body: Body): void {
  const ips = optArray(body, "static_ips", 128) ?? [];
  ips.forEach((ip, i) => {
    if (typeof ip !== "string") throw badRequest(`static_ips[${i}]: expected a string`);
  });
  if (ips.length > 0)
    throw badRequest(
      `static_ips: static IP '${String(ips[0])}' does not exist in project ${ctx.project}; this control plane has no static IPs`,
    );
}

/** The hosted API keeps disk within the plan's cap (`disk_space_cap_mb`); plans without storage take 0. */
function diskSpace(body: Body, plan: FlinkPlan): number | undefined {
  return optInt(body, "disk_space_mb", { min: 0, max: plan.diskSpaceMb });
}

function planError(type: ServiceType, plan: string): string {
  return `plan: '${plan}' is not a ${type} plan; available: ${PLANS_BY_TYPE[type].map((p) => p.name).join(", ")}`;
}

function maintenance(body: Body, current: { dow: string; time: string }): { dow: string; time: string } {
  const m = optObject(body, "maintenance");
  if (!m) return current;
  return {
    dow: optString(m, "dow", { enum: DOWS }, "maintenance.dow") ?? current.dow,
    time:
      optString(m, "time", { pattern: TIME, patternHint: "expected HH:MM:SS" }, "maintenance.time") ??
      current.time,
  };
}

function tags(body: Body): Record<string, string> | undefined {
  const t = optObject(body, "tags");
  return t ? checkTags(t) : undefined;
}

function techEmails(body: Body): { email: string }[] | undefined {
  const list = optArray(body, "tech_emails", 10);
  if (!list) return undefined;
  return list.map((item, i) => {
    const label = `tech_emails[${i}].email`;
    const email = optString(bodyObject(item), "email", { max: EMAIL_MAX_LENGTH }, label);
    if (!email) throw badRequest(`${label}: missing required field`);
    return { email: checkEmail(email, label) };
  });
}

function stripNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
}

/**
 * A Kafka or PostgreSQL service's connection when the control plane runs a real broker or database
 * for it (plaintext on loopback): what its service_uri, users and connection_info then say.
 */
function localConnection(ctx: ControlPlaneContext, svc: ServiceRecord) {
  const { kafka, postgres } = ctx.dataServices;
  if (svc.service_type === "kafka" && kafka) {
    const [host = "127.0.0.1", portText = "9092"] = kafka.bootstrapServers.split(",")[0]!.split(":");
    const port = Number(portText);
    return {
      host,
      port,
      rendered: {
        service_uri: `${host}:${port}`,
        service_uri_params: { host, port: String(port) },
        connection_info: { kafka: kafka.bootstrapServers.split(",") },
        users: [],
      },
    };
  }
  if (svc.service_type === "pg" && postgres) {
    const { host, port, user, password, database } = postgres;
    const uri = `postgres://${user}:${password}@${host}:${port}/${database}?sslmode=disable`;
    return {
      host,
      port,
      rendered: {
        service_uri: uri,
        service_uri_params: {
          host,
          port: String(port),
          user,
          password,
          dbname: database,
          sslmode: "disable",
        },
        connection_info: { pg: [uri] },
        users: [{ username: user, password, type: "primary" }],
      },
    };
  }
  return undefined;
}

function render(ctx: ControlPlaneContext, svc: ServiceRecord) {
  const plan = findPlan(svc.service_type, svc.plan);
  // On the flink engine the service points at its cluster's real REST API and web UI (plain http on
  // loopback; the credentials are kept in the URI for the hosted shape but Flink does not check them).
  const rest = svc.service_type === "flink" ? ctx.cluster.restEndpoint(ctx.project, svc) : undefined;
  const connection = localConnection(ctx, svc);
  const host = rest?.host ?? connection?.host ?? `${svc.service_name}-${ctx.project}.flinkform.local`;
  const port = rest?.port ?? connection?.port ?? PORTS[svc.service_type];
  const scheme = rest ? "http" : "https";
  const nodes = plan?.nodeCount ?? 1;
  const running = svc.state === "RUNNING";
  return {
    service_name: svc.service_name,
    service_type: svc.service_type,
    service_type_description: svc.service_type,
    plan: svc.plan,
    cloud_name: svc.cloud_name,
    cloud_description: svc.cloud_name,
    project_vpc_id: svc.project_vpc_id,
    state: svc.state,
    create_time: svc.create_time,
    update_time: svc.update_time,
    termination_protection: svc.termination_protection,
    group_list: ["default"],
    user_config: svc.user_config,
    maintenance: { ...svc.maintenance, enabled: true, updates: [] },
    node_count: nodes,
    node_cpu_count: plan?.nodeCpuCount ?? 1,
    node_memory_mb: plan?.nodeMemoryMb ?? 1024,
    disk_space_mb: svc.disk_space_mb,
    node_states: Array.from({ length: nodes }, (_, i) => ({
      name: `${svc.service_name}-${i + 1}`,
      state: running ? "running" : svc.state === "POWEROFF" ? "leaving" : "setting_up_vm",
      availability_zone: `${svc.cloud_name}-${String.fromCharCode(97 + (i % 3))}`,
    })),
    ...(connection
      ? connection.rendered
      : {
          service_uri: `${scheme}://avnadmin:${svc.password}@${host}:${port}`,
          service_uri_params: { host, port: String(port), user: "avnadmin", password: svc.password },
          connection_info: svc.service_type === "flink" ? { flink: [`${host}:${port}`] } : {},
          users: [{ username: "avnadmin", password: svc.password, type: "primary" }],
        }),
    components: [
      {
        component: svc.service_type,
        host,
        port,
        route: "dynamic",
        usage: "primary",
        ssl: !rest && !connection,
      },
    ],
    service_integrations: integrationsOfService(ctx, svc.service_name).map((i) => renderIntegration(ctx, i)),
    tags: svc.tags,
    tech_emails: svc.tech_emails,
    features: {},
    // The flink engine's cluster could not start: the cause, until a start succeeds.
    service_notifications: svc.cluster_error
      ? [
          {
            level: "warning",
            message: svc.cluster_error.slice(0, 1024),
            metadata: {},
            type: SERVICE_START_FAILED,
          },
        ]
      : [],
    // The release that really runs on the flink engine (every flink_version runs on it locally).
    metadata: svc.service_type === "flink" ? { flink_version: rest?.flinkVersion ?? flinkRelease(svc) } : {},
    backups: [],
  };
}
