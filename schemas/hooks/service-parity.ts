/**
 * Read shapes of the `flink_service` attributes the official provider has beside the Flink-specific
 * ones: disk sizes as it prints them, the admin credentials, `components`, `flink.host_ports`, and
 * the create-time settings (`project_vpc_id`, `service_integrations`) in the shape the API takes.
 */
import type { ApiObject, ValueCodec } from "../dsl/types";
import { findFlinkPlan } from "../flink/plans";

const MIB = 1024 * 1024;
const GIB_IN_MB = 1024;

/** The API's disk step when a plan has disk (the hosted 30 GiB increments); none without disk. */
const DISK_STEP_MB = 30 * GIB_IN_MB;

/** `additional_disk_space` as users write it: whole GiB, `30GiB` or `30G` (both binary, as upstream). */
export const DISK_SIZE_PATTERN = {
  regex: "^[1-9][0-9]*(GiB|G)$",
  message: "must be a whole number of GiB such as `30GiB` (or `30G`)",
};

/** `PROJECT/VPC_ID`, the official provider's form: the project, then the VPC's UUID. */
export const PROJECT_VPC_ID_PATTERN = {
  regex: "^[a-zA-Z0-9_-]+/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  message: "must be `PROJECT/VPC_ID`, the project and the VPC's UUID",
};

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Megabytes as the official provider prints them (go-units `CustomSize("%.12g%s")`, binary units up
 * to GiB): `0B`, `512MiB`, `30GiB`, `1.5GiB`, `1200GiB`.
 */
export function humanSizeMb(mb: number): string {
  const units = ["B", "KiB", "MiB", "GiB"];
  let size = mb * MIB;
  let i = 0;
  while (size >= 1024 && i < units.length - 1) {
    size /= 1024;
    i += 1;
  }
  return `${Number(size.toPrecision(12))}${units[i]}`;
}

/** `30GiB` / `30G` → 30720 (MB); anything else (unknown, null) passes through for the API to refuse. */
export function diskSizeToMb(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = /^([0-9]+)(GiB|G)$/.exec(value);
  return m ? Number(m[1]) * GIB_IN_MB : value;
}

/**
 * Disk the plan includes, its step and cap, from the Flink plan catalogue (the local control plane's
 * plan specs say the same); null for a plan this release does not list.
 */
function planDisk(service: ApiObject): { defaultMb: number; stepMb: number; capMb: number } | null {
  const plan = typeof service.plan === "string" ? findFlinkPlan(service.plan) : undefined;
  if (!plan) return null;
  return {
    defaultMb: plan.diskSpaceMb,
    stepMb: plan.diskSpaceMb === 0 ? 0 : DISK_STEP_MB,
    capMb: plan.diskSpaceMb,
  };
}

/**
 * Sent as the service's `disk_space_mb`: the plan's own disk plus this. Every Flink plan's own disk
 * is 0 MB (schemas/flink/plans.ts), so the total is this amount.
 */
export const additionalDiskCodec: ValueCodec = { toApi: diskSizeToMb, fromApi: (v) => v };

/** Disk beyond the plan's: null when there is none (the official provider reads "" then). */
export function additionalDiskSpace(service: ApiObject): string | null {
  const total = service.disk_space_mb;
  const disk = planDisk(service);
  if (typeof total !== "number" || !disk || total <= disk.defaultMb) return null;
  return humanSizeMb(total - disk.defaultMb);
}

export function diskSpaceUsed(service: ApiObject): string | null {
  return typeof service.disk_space_mb === "number" ? humanSizeMb(service.disk_space_mb) : null;
}

export const diskSpaceDefault = (s: ApiObject) => size(planDisk(s)?.defaultMb);
export const diskSpaceStep = (s: ApiObject) => size(planDisk(s)?.stepMb);
export const diskSpaceCap = (s: ApiObject) => size(planDisk(s)?.capMb);

function size(mb: number | undefined): string | null {
  return mb === undefined ? null : humanSizeMb(mb);
}

/** The admin user: `service_uri_params`, else the `avnadmin` entry of `users` (as upstream). */
function admin(service: ApiObject): { user: string | null; password: string | null } {
  const params = record(service.service_uri_params);
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  if (params.user !== undefined || params.password !== undefined)
    return { user: text(params.user), password: text(params.password) };
  const users = Array.isArray(service.users) ? service.users.map(record) : [];
  const avnadmin = users.find((u) => u.username === "avnadmin");
  return { user: text(avnadmin?.username), password: text(avnadmin?.password) };
}

export const serviceUsername = (s: ApiObject) => admin(s).user;
export const servicePassword = (s: ApiObject) => admin(s).password;

/** `components[]` as the official provider flattens them; `ssl` absent means encrypted. */
export function serviceComponents(service: ApiObject): Record<string, unknown>[] | null {
  if (!Array.isArray(service.components)) return null;
  const list = service.components.map(record);
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  return list.map((c) => ({
    component: text(c.component),
    host: text(c.host),
    port: typeof c.port === "number" ? c.port : null,
    connection_uri: `${String(c.host ?? "")}:${String(c.port ?? "")}`,
    route: text(c.route),
    usage: text(c.usage),
    ssl: typeof c.ssl === "boolean" ? c.ssl : true,
    kafka_authentication_method: text(c.kafka_authentication_method),
    kafka_ssl_ca: text(c.kafka_ssl_ca),
    privatelink_connection_id: text(c.privatelink_connection_id),
  }));
}

/** `flink.host_ports`: the service's `connection_info.flink` list of `host:port`. */
export function flinkConnection(service: ApiObject): { host_ports: string[] } | null {
  const hostPorts = record(service.connection_info).flink;
  return Array.isArray(hostPorts) ? { host_ports: hostPorts.map(String) } : null;
}

/** The API takes the VPC's UUID; users write `PROJECT/VPC_ID`. */
export const projectVpcIdCodec: ValueCodec = {
  toApi: (value) => (typeof value === "string" && value.includes("/") ? value.split("/")[1] : value),
  fromApi: (value) => value,
};

/** `source_service_name` is the API's `source_service`. */
export const serviceIntegrationsCodec: ValueCodec = {
  toApi: (value) =>
    Array.isArray(value)
      ? value.map((item) => {
          const i = record(item);
          return { integration_type: i.integration_type, source_service: i.source_service_name };
        })
      : value,
  fromApi: (value) => value,
};

/**
 * The integrations made with the service: a Flink service takes none (the official provider reads
 * only the "bootstrap" types, and Flink has none), so later `flink_service_integration`s are not
 * drift here.
 */
export const bootstrapIntegrations = (): unknown[] => [];

/**
 * Static IPs associated with the service. The service object does not list them and the local
 * control plane has none (it refuses every id), so this reads as empty.
 */
export const associatedStaticIps = (): unknown[] => [];
