/**
 * aiven_flink → flink_service: `tag` blocks become the `tags` map, `tech_emails` blocks a set of
 * strings, the list-of-one `flink_user_config` block an object (its keys carried by name where
 * flinkform has them). Settings flinkform does not manage (VPC, static IPs, disk, CMK...) stay on
 * the service untouched; a warning names each one that was set, as terraform stops managing it.
 */
import type { AttributeSpec } from "../../schemas/dsl/types";
import { flinkServiceSpec } from "../../schemas/resources/flink-service";
import { first, list, type Mapped, type MoveIssue, record, str } from "./move-state-values";
import type { Values } from "./values";

/** Schema version 0 of aiven_flink stored user-config numbers and booleans as strings. */
function num(v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}
function bool(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  return null;
}
/** SDKv2 stores an unset value as its zero value. */
const isSet = (v: unknown) =>
  v !== null &&
  v !== undefined &&
  v !== "" &&
  v !== false &&
  v !== 0 &&
  !(Array.isArray(v) && v.length === 0);

/** Official service attributes with no flinkform counterpart whose value keeps mattering. */
const UNMANAGED_SERVICE: Record<string, string> = {
  disk_space: "the disk size stays",
  cmk_id: "the customer managed key stays",
};
/** The official user-config keys mapped by hand below; any other key carries over by name. */
const HANDLED = new Set([
  "flink_version",
  "number_of_task_slots",
  "parallelism_default",
  "execution_checkpointing_interval_ms",
  "restart_strategy",
  "restart_strategy_delay_sec",
  "restart_strategy_max_failures",
  "restart_strategy_failure_rate_interval_min",
  "ip_filter",
  "ip_filter_string",
  "ip_filter_object",
  "public_access",
  "privatelink_access",
]);

/** flinkform's flink_user_config attributes (the set grows towards the official provider's). */
const OUR_USER_CONFIG: Readonly<Record<string, AttributeSpec>> =
  flinkServiceSpec.attributes.flink_user_config.attributes ?? {};

function unmanaged(where: string, attribute: string, effect: string): MoveIssue {
  return {
    severity: "warning",
    summary: "Setting Not Managed by flinkform",
    detail: `${where}${attribute} is set in the aiven_flink state, but flinkform's flink_service has no such attribute: ${effect}, and terraform no longer manages it.`,
  };
}

function restartStrategy(uc: Values): Values | null {
  const type = str(uc.restart_strategy);
  if (!type) return null;
  return {
    type,
    delay_sec: num(uc.restart_strategy_delay_sec),
    max_failures: num(uc.restart_strategy_max_failures),
    failure_rate_interval_min: num(uc.restart_strategy_failure_rate_interval_min),
  };
}

/** A value of the official state as the attribute of ours takes it (SDKv2 zero values are unset). */
function carry(attr: AttributeSpec, v: unknown): unknown {
  if (!isSet(v)) return null;
  if (attr.kind === "number") return num(v);
  if (attr.kind === "bool") return bool(v);
  if (attr.kind === "string") return str(v);
  return v;
}

function userConfig(block: Values | null, issues: MoveIssue[]): Values | null {
  if (!block) return null;
  const out: Values = {};
  for (const [key, value] of Object.entries(block)) {
    if (HANDLED.has(key)) continue;
    const attr = OUR_USER_CONFIG[key];
    if (attr) out[key] = carry(attr, value);
    else if (isSet(value))
      issues.push(unmanaged("flink_user_config.", key, "the value stays on the service"));
  }
  const objects = list(block.ip_filter_object).map(record);
  const strings = [...list(block.ip_filter), ...list(block.ip_filter_string)];
  const cidrs = [...strings, ...objects.map((o) => o.network)].filter(
    (c): c is string => typeof c === "string" && c !== "",
  );
  if (OUR_USER_CONFIG.ip_filter_object && OUR_USER_CONFIG.ip_filter_string) {
    // Each form as it was; the refresh reads the one API list back in every form.
    const plain = list(block.ip_filter).filter((c): c is string => typeof c === "string");
    const stringForm = list(block.ip_filter_string).filter((c): c is string => typeof c === "string");
    out.ip_filter = plain.length ? plain : null;
    out.ip_filter_string = stringForm.length ? stringForm : null;
    out.ip_filter_object = objects.length
      ? objects.map((o) => ({ network: o.network ?? null, description: str(o.description) }))
      : null;
  } else {
    // ip_filter, ip_filter_string and ip_filter_object are one set of CIDRs.
    if (objects.some((o) => str(o.description)))
      issues.push({
        severity: "warning",
        summary: "IP Filter Descriptions Dropped",
        detail:
          "flink_user_config.ip_filter_object entries have descriptions; flinkform's ip_filter is a set of CIDRs, so the descriptions are not kept in terraform (the service keeps them until the filter is next changed).",
      });
    out.ip_filter = cidrs.length > 0 ? [...new Set(cidrs)].sort() : null;
  }
  const pub = first(block.public_access);
  const priv = first(block.privatelink_access);
  return {
    ...out,
    flink_version: str(block.flink_version),
    number_of_task_slots: num(block.number_of_task_slots),
    parallelism_default: num(block.parallelism_default),
    execution_checkpointing_interval_ms: num(block.execution_checkpointing_interval_ms),
    restart_strategy: restartStrategy(block),
    public_access: pub ? { flink: bool(pub.flink) } : null,
    privatelink_access: priv ? { flink: bool(priv.flink), prometheus: bool(priv.prometheus) } : null,
  };
}

export function moveService(s: Values): Mapped {
  const issues: MoveIssue[] = [];
  for (const [key, effect] of Object.entries(UNMANAGED_SERVICE))
    if (isSet(s[key])) issues.push(unmanaged("", key, effect));
  const tags = Object.fromEntries(
    list(s.tag)
      .map(record)
      .filter((t) => typeof t.key === "string")
      .map((t) => [t.key as string, typeof t.value === "string" ? t.value : ""]),
  );
  const emails = list(s.tech_emails)
    .map((e) => record(e).email)
    .filter((e): e is string => typeof e === "string" && e !== "");
  const staticIps = list(s.static_ips).filter((ip): ip is string => typeof ip === "string" && ip !== "");
  const state = str(s.state);
  return {
    values: {
      plan: s.plan,
      cloud_name: str(s.cloud_name),
      maintenance_window_dow: str(s.maintenance_window_dow),
      maintenance_window_time: str(s.maintenance_window_time),
      termination_protection: typeof s.termination_protection === "boolean" ? s.termination_protection : null,
      tech_emails: emails.length > 0 ? emails.sort() : null,
      tags: Object.keys(tags).length > 0 ? tags : null,
      project_vpc_id: str(s.project_vpc_id),
      additional_disk_space: str(s.additional_disk_space),
      static_ips: staticIps.length > 0 ? staticIps.sort() : null,
      flink_user_config: userConfig(first(s.flink_user_config), issues),
      // The official provider cannot power a service off, but one can be off (the console did it).
      powered: state ? state !== "POWEROFF" : null,
      state,
      service_uri: str(s.service_uri),
      service_host: str(s.service_host),
      service_port: typeof s.service_port === "number" ? s.service_port : null,
    },
    issues,
  };
}
