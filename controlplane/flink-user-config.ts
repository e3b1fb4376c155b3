import { FLINK_USER_CONFIG_KEYS, type UserConfigKey } from "../schemas/flink/user-config";
import { own } from "../schemas/own";
import { badRequest } from "./api-error";
import { describe } from "./body-fields";
import { checkIpFilterEntry } from "./field-rules";

const KEYS: Readonly<Record<string, UserConfigKey>> = FLINK_USER_CONFIG_KEYS;

/**
 * Checks a Flink `user_config` against the shared key table: an unknown key is a 400 naming it, and
 * each value must have the key's kind, range and enum. Returns the config with null values dropped
 * (null unsets a key on update).
 */
export function checkFlinkUserConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    // Own keys only: `constructor`, `toString` or `__proto__` are not config keys.
    const spec = own(KEYS, key);
    if (!spec) {
      throw badRequest(`user_config: unknown key '${key}'; allowed keys: ${Object.keys(KEYS).join(", ")}`);
    }
    if (value === null) continue;
    checkValue(`user_config.${key}`, spec, value);
    out[key] = value;
  }
  if (
    out["restart_strategy_backoff_multiplier"] !== undefined &&
    (out["restart_strategy_backoff_multiplier"] as number) <= 1
  ) {
    throw badRequest("user_config.restart_strategy_backoff_multiplier: must be greater than 1");
  }
  return out;
}

/** The keys whose change restarts the cluster, among those that differ between two configs. */
export function restartingChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(KEYS).filter(
    (k) => KEYS[k]!.restartsCluster && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

/** Create-only keys that an update tries to change. */
export function changedCreateOnlyKeys(
  before: Record<string, unknown>,
  update: Record<string, unknown>,
): string[] {
  return Object.keys(update).filter(
    (k) =>
      own(KEYS, k)?.createOnly &&
      update[k] !== undefined &&
      JSON.stringify(before[k]) !== JSON.stringify(update[k]),
  );
}

/** Items of a plain string list key (`additional_backup_regions` names a cloud: at most 256). */
const STRING_ITEM_MAX_LENGTH = 256;

function checkList(label: string, spec: UserConfigKey, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw badRequest(`${label}: expected an array, got ${describe(value)}`);
  if (spec.maxItems !== undefined && value.length > spec.maxItems)
    throw badRequest(`${label}: at most ${spec.maxItems} items allowed, got ${value.length}`);
  return value;
}

function checkValue(label: string, spec: UserConfigKey, value: unknown): void {
  switch (spec.kind) {
    case "string":
      if (typeof value !== "string") throw badRequest(`${label}: expected a string, got ${describe(value)}`);
      if (spec.enum && !spec.enum.includes(value)) {
        throw badRequest(`${label}: '${value}' is not one of ${spec.enum.map((v) => `'${v}'`).join(", ")}`);
      }
      return;
    case "integer":
    case "number":
      if (
        typeof value !== "number" ||
        !Number.isFinite(value) ||
        (spec.kind === "integer" && !Number.isInteger(value))
      ) {
        throw badRequest(
          `${label}: expected ${spec.kind === "integer" ? "an integer" : "a number"}, got ${describe(value)}`,
        );
      }
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        throw badRequest(`${label}: must be between ${spec.min} and ${spec.max}, got ${value}`);
      }
      return;
    case "boolean":
      if (typeof value !== "boolean")
        throw badRequest(`${label}: expected a boolean, got ${describe(value)}`);
      return;
    case "string_list":
      checkList(label, spec, value).forEach((item, i) => {
        if (typeof item !== "string" || item.length < 1 || item.length > STRING_ITEM_MAX_LENGTH)
          throw badRequest(
            `${label}[${i}]: expected a string of 1..${STRING_ITEM_MAX_LENGTH} characters, got ${describe(item)}`,
          );
      });
      return;
    case "ip_filter":
      checkList(label, spec, value).forEach((item, i) => {
        checkIpFilterEntry(item, `${label}[${i}]`);
      });
      return;
    case "object":
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw badRequest(`${label}: expected an object, got ${describe(value)}`);
      }
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== "boolean") throw badRequest(`${label}.${k}: expected a boolean, got ${describe(v)}`);
      }
      return;
  }
}
