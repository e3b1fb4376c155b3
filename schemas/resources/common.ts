/** Attributes shared by several specs, written once. */
import { integer, object, string } from "../dsl/builders";
import type { AttributeSpec, TimeoutDefaults } from "../dsl/types";

export const PROJECT_PATTERN = {
  regex: "^[a-zA-Z0-9_-]+$",
  message: "must contain only letters, digits, `_` and `-`",
};
export const SERVICE_NAME_PATTERN = {
  regex: "^[a-z][-a-z0-9]*$",
  message: "must start with a lowercase letter and contain only lowercase letters, digits and `-`",
};
export const UUID_PATTERN = {
  regex: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  message: "must be a UUID",
};

export function projectAttribute(): AttributeSpec {
  return string("Name of the project the service belongs to. Changing it creates a new resource.", {
    required: true,
    replaceOnChange: true,
    maxLength: 63,
    pattern: PROJECT_PATTERN,
  });
}

export function serviceNameAttribute(description = "Name of the Flink service."): AttributeSpec {
  return string(`${description} Changing it creates a new resource.`, {
    required: true,
    replaceOnChange: true,
    minLength: 1,
    maxLength: 64,
    pattern: SERVICE_NAME_PATTERN,
  });
}

export function idAttribute(format: string): AttributeSpec {
  return string(`Identifier of the resource: \`${format}\`.`, { computed: true, api: false });
}

export function uuidAttribute(description: string, options: Partial<AttributeSpec> = {}): AttributeSpec {
  return string(description, { minLength: 36, maxLength: 36, pattern: UUID_PATTERN, ...options });
}

export function timeoutsAttribute(defaults: TimeoutDefaults): AttributeSpec {
  const one = (op: keyof TimeoutDefaults) =>
    string(`How long to wait for ${op} (default \`${defaults[op]}\`).`, {
      optional: true,
      format: "timeout",
    });
  return object(
    { create: one("create"), read: one("read"), update: one("update"), delete: one("delete") },
    "Timeouts for long operations, as durations between `1s` and `24h`. While the API does not answer (an outage, a restart), waits and the look-up of a create whose answer was lost go on until the timeout.",
    { optional: true, api: false },
  );
}

export const TWENTY_MINUTES: TimeoutDefaults = { create: "20m", read: "5m", update: "20m", delete: "20m" };

export function timestampAttribute(description: string, api: string, volatile = false): AttributeSpec {
  return string(description, { computed: true, api, volatile });
}

/** A count the API returns (versions, nodes). */
export function computedInteger(description: string, api: string, volatile = false): AttributeSpec {
  return integer(description, { computed: true, api, volatile });
}

/** The Flink API base path of a service. */
export const FLINK_BASE = "/project/{project}/service/{service_name}/flink";
