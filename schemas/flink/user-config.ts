/**
 * The Flink service's advanced configuration as the API names it (`user_config` keys).
 * One table, used by the `flink_service` spec (Terraform attributes map onto these keys), by the
 * local control plane (request validation: an unknown key is a 400 naming it) and by the constructs.
 *
 * The `restart_strategy*` keys were dropped from the current public API schema but are kept, as the
 * managed service's documentation describes them (reference: aiven-flink-api.md §13).
 */
export const FLINK_VERSIONS = ["1.16", "1.19", "1.20"] as const;
export const DEFAULT_FLINK_VERSION = "1.20";
/** Versions the service still runs but that are on their way out: accepted with a warning. */
export const DEPRECATED_FLINK_VERSIONS: readonly string[] = ["1.16"];

export const RESTART_STRATEGY_TYPES = ["failure-rate", "fixed-delay", "exponential-delay", "none"] as const;
export type RestartStrategyType = (typeof RESTART_STRATEGY_TYPES)[number];
/** The API also accepts `default`, which means the service default: failure-rate. */
export const API_RESTART_STRATEGY_VALUES = ["default", ...RESTART_STRATEGY_TYPES] as const;
export const DEFAULT_RESTART_STRATEGY: RestartStrategyType = "failure-rate";

/** The API's limits on `ip_filter`: entries, and the length of an entry's description. */
export const IP_FILTER_MAX_ITEMS = 8000;
export const IP_FILTER_DESCRIPTION_MAX_LENGTH = 1024;

/** `ip_filter`: CIDR strings or `{network, description}` objects, mixed as the API allows. */
export type UserConfigKeyKind =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "string_list"
  | "ip_filter"
  | "object";

export interface UserConfigKey {
  readonly kind: UserConfigKeyKind;
  readonly min?: number;
  readonly max?: number;
  readonly enum?: readonly string[];
  /** For lists: the most items the API takes. */
  readonly maxItems?: number;
  /** Changing it restarts the cluster (running jobs restart from their latest checkpoint). */
  readonly restartsCluster?: boolean;
  /** Can only be set when the service is created. */
  readonly createOnly?: boolean;
  readonly description: string;
}

export const FLINK_USER_CONFIG_KEYS = {
  flink_version: {
    kind: "string",
    enum: FLINK_VERSIONS,
    createOnly: true,
    description: "Flink major version",
  },
  number_of_task_slots: {
    kind: "integer",
    min: 1,
    max: 1024,
    restartsCluster: true,
    description: "Task slots per TaskManager (per node); total slots = nodes × this value",
  },
  parallelism_default: {
    kind: "integer",
    min: 1,
    max: 128,
    restartsCluster: true,
    description: "Default parallelism for operators that set none",
  },
  execution_checkpointing_interval_ms: {
    kind: "integer",
    min: 100,
    max: 3_600_000,
    restartsCluster: true,
    description: "Checkpoint interval in milliseconds",
  },
  execution_checkpointing_timeout_ms: {
    kind: "integer",
    min: 100,
    max: 86_400_000,
    restartsCluster: true,
    description: "Checkpoint timeout in milliseconds",
  },
  restart_strategy: {
    kind: "string",
    enum: API_RESTART_STRATEGY_VALUES,
    restartsCluster: true,
    description: "Restart strategy of the cluster (failure-rate when unset or `default`)",
  },
  restart_strategy_delay_sec: {
    kind: "integer",
    min: 1,
    max: 3600,
    restartsCluster: true,
    description: "Delay between restart attempts, in seconds",
  },
  restart_strategy_failure_rate_interval_min: {
    kind: "integer",
    min: 1,
    max: 2880,
    restartsCluster: true,
    description: "Time interval for measuring the failure rate, in minutes",
  },
  restart_strategy_max_failures: {
    kind: "integer",
    min: 1,
    max: 128,
    restartsCluster: true,
    description: "Maximum restart attempts (fixed-delay) or failures per interval (failure-rate)",
  },
  // flinkform extensions for exponential-delay (Flink's exponential-delay.* options); the API never had them.
  restart_strategy_max_backoff_sec: {
    kind: "integer",
    min: 1,
    max: 3600,
    restartsCluster: true,
    description: "Largest delay between restarts for exponential-delay, in seconds",
  },
  restart_strategy_backoff_multiplier: {
    kind: "number",
    min: 1,
    max: 10,
    restartsCluster: true,
    description: "Factor the delay grows by after each failure (exponential-delay); must be greater than 1",
  },
  restart_strategy_jitter_factor: {
    kind: "number",
    min: 0,
    max: 1,
    restartsCluster: true,
    description: "Random jitter applied to each delay (exponential-delay)",
  },
  pekko_ask_timeout_s: {
    kind: "integer",
    min: 5,
    max: 60,
    restartsCluster: true,
    description: "Timeout in seconds of futures and blocking Pekko requests (Flink `pekko.ask.timeout`)",
  },
  pekko_framesize_b: {
    kind: "integer",
    min: 1_048_576,
    max: 52_428_800,
    restartsCluster: true,
    description: "Largest message between JobManager and TaskManagers, in bytes (Flink `pekko.framesize`)",
  },
  ip_filter: {
    kind: "ip_filter",
    maxItems: IP_FILTER_MAX_ITEMS,
    description: "Allowed inbound CIDR ranges: strings or `{network, description}` objects",
  },
  privatelink_access: {
    kind: "object",
    description: "Private link access: `{flink, prometheus}` booleans",
  },
  public_access: {
    kind: "object",
    description: "Public access from a VPC service: `{flink}` boolean",
  },
  custom_code: {
    kind: "boolean",
    createOnly: true,
    description: "Enables JAR applications",
  },
  static_ips: {
    kind: "boolean",
    description: "Use static public IP addresses",
  },
  service_log: {
    kind: "boolean",
    description: "Store logs for the service",
  },
  additional_backup_regions: {
    kind: "string_list",
    maxItems: 1,
    description: "Deprecated: an additional cloud region for backup replication",
  },
} as const satisfies Record<string, UserConfigKey>;

export type FlinkUserConfigKeyName = keyof typeof FLINK_USER_CONFIG_KEYS;
