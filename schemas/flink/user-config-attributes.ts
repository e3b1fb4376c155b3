/**
 * `flink_user_config` attributes that mirror the official provider's: the three forms of the IP
 * filter, the Pekko RPC settings, the checkpoint timeout and the service flags. The `flink_service`
 * spec spreads them into its `flink_user_config` object; ranges come from the key table.
 */
import { bool, integer, listOf, object, setOf, string } from "../dsl/builders";
import type { AttributeSpec, ValueCodec } from "../dsl/types";
import { CIDR_MAX_LENGTH } from "../rules/cidr";
import {
  IP_FILTER_DESCRIPTION_MAX_LENGTH,
  IP_FILTER_MAX_ITEMS,
  FLINK_USER_CONFIG_KEYS as KEYS,
} from "./user-config";

type IntegerKey = "pekko_ask_timeout_s" | "pekko_framesize_b" | "execution_checkpointing_timeout_ms";

function configInteger(key: IntegerKey, description: string): AttributeSpec {
  return integer(description, { optional: true, api: key, min: KEYS[key].min, max: KEYS[key].max });
}

const isEntry = (item: unknown): item is { network?: unknown; description?: unknown } =>
  typeof item === "object" && item !== null && !Array.isArray(item);

/** The API's `ip_filter` holds strings and `{network, description}` objects: the networks, once each. */
const networksCodec: ValueCodec = {
  toApi: (value) => value,
  fromApi: (value) =>
    Array.isArray(value) ? [...new Set(value.map((item) => (isEntry(item) ? item.network : item)))] : value,
};

/** Objects both ways; a plain string entry reads as an object without a description. */
const entriesCodec: ValueCodec = {
  toApi: (value) =>
    Array.isArray(value)
      ? value.map((item) =>
          isEntry(item) && (item.description === null || item.description === undefined)
            ? { network: item.network }
            : item,
        )
      : value,
  fromApi: (value) =>
    Array.isArray(value)
      ? value.map((item) =>
          isEntry(item)
            ? { network: item.network ?? null, description: item.description ?? null }
            : { network: item, description: null },
        )
      : value,
};

const IP_FILTER_FORMS = ["ip_filter", "ip_filter_string", "ip_filter_object"] as const;

/**
 * The three forms write the one API list `ip_filter`; a plan sets at most one. Each reads back the
 * whole list in its own shape, so the form a configuration uses (also after an import, which knows
 * no form) shows no diff; they are computed and planned unknown on any update, as any of them
 * changes the others.
 */
function ipFilterForm(name: (typeof IP_FILTER_FORMS)[number], spec: AttributeSpec): AttributeSpec {
  return {
    ...spec,
    optional: true,
    computed: true,
    volatile: true,
    api: "ip_filter",
    maxItems: IP_FILTER_MAX_ITEMS,
    conflictsWith: IP_FILTER_FORMS.filter((other) => other !== name),
  };
}

const cidr = () => string("", { maxLength: CIDR_MAX_LENGTH, format: "cidr" });

export const ipFilterAttributes = {
  ip_filter: ipFilterForm(
    "ip_filter",
    setOf(cidr(), "CIDR ranges allowed to connect. The service default allows every address.", {
      codec: networksCodec,
    }),
  ),
  ip_filter_string: ipFilterForm(
    "ip_filter_string",
    setOf(cidr(), "CIDR ranges allowed to connect, such as `10.20.0.0/16`.", { codec: networksCodec }),
  ),
  ip_filter_object: ipFilterForm(
    "ip_filter_object",
    setOf(
      object(
        {
          network: string("CIDR range, such as `10.20.0.0/16`.", {
            required: true,
            maxLength: CIDR_MAX_LENGTH,
            format: "cidr",
          }),
          description: string("What the range is, such as `Production service IP range`.", {
            optional: true,
            maxLength: IP_FILTER_DESCRIPTION_MAX_LENGTH,
          }),
        },
        "",
      ),
      "CIDR ranges allowed to connect, each with an optional description.",
      { codec: entriesCodec },
    ),
  ),
} satisfies Record<string, AttributeSpec>;

export const flinkUserConfigParityAttributes = {
  execution_checkpointing_timeout_ms: configInteger(
    "execution_checkpointing_timeout_ms",
    "Time a checkpoint may take before it is discarded, in milliseconds. Unset means Flink's default. Changing it restarts the cluster.",
  ),
  pekko_ask_timeout_s: configInteger(
    "pekko_ask_timeout_s",
    "Timeout of futures and blocking Pekko requests, in seconds (Flink's `pekko.ask.timeout`). Changing it restarts the cluster.",
  ),
  pekko_framesize_b: configInteger(
    "pekko_framesize_b",
    "Largest message exchanged between the JobManager and the TaskManagers, in bytes (Flink's `pekko.framesize`). Changing it restarts the cluster.",
  ),
  custom_code: bool(
    "Enables JAR applications. The API takes it only when the service is created. Changing it creates a new service.",
    { optional: true, replaceOnChange: true },
  ),
  service_log: bool("Store the service's logs so that the API and the console show them.", {
    optional: true,
  }),
  static_ips: bool("Use static public IP addresses.", { optional: true }),
  additional_backup_regions: listOf(
    string("", { minLength: 1, maxLength: 256 }),
    "Additional cloud region for backup replication, such as `aws-eu-central-1`.",
    { optional: true, maxItems: 1, deprecated: "The API no longer uses it." },
  ),
} satisfies Record<string, AttributeSpec>;
