import type { ServiceRecord } from "../../model";

/** Where one service's cluster keeps its files, all under the control plane's data directory. */
export interface ClusterPaths {
  readonly root: string;
  readonly conf: string;
  readonly log: string;
  readonly checkpoints: string;
  readonly savepoints: string;
  readonly tmp: string;
}

export interface ClusterPorts {
  readonly rest: number;
  readonly rpc: number;
  readonly gateway: number;
}

export interface ClusterSizing {
  /** Task slots of the one local TaskManager: the service's nodes × `number_of_task_slots`. */
  readonly slots: number;
  readonly jobManagerMemory: string;
  readonly taskManagerMemory: string;
}

/** What a cluster is configured from: a service's name and `user_config` (API names). */
export type ClusterSettings = Pick<ServiceRecord, "service_name" | "user_config">;

/** Used when the service sets no checkpoint interval: jobs must be resumable after a crash. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 60_000;

/**
 * The Flink configuration of a service's session cluster, from its `user_config` (API names) to
 * Flink 1.20 keys. Jobs inherit the restart strategy and checkpointing from the cluster, as on the
 * hosted service; a deployment can only turn restarts off (`restart_enabled = false`).
 */
export function clusterConfig(
  svc: ClusterSettings,
  sizing: ClusterSizing,
  paths: ClusterPaths,
  ports: ClusterPorts,
): Record<string, string> {
  const uc = svc.user_config;
  const checkpointMs = num(uc["execution_checkpointing_interval_ms"]) ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
  const timeoutMs = num(uc["execution_checkpointing_timeout_ms"]);
  return {
    "jobmanager.rpc.address": "127.0.0.1",
    "jobmanager.rpc.port": String(ports.rpc),
    "jobmanager.bind-host": "127.0.0.1",
    "rest.address": "127.0.0.1",
    "rest.bind-address": "127.0.0.1",
    "rest.port": String(ports.rest),
    "taskmanager.host": "127.0.0.1",
    "taskmanager.bind-host": "127.0.0.1",
    "taskmanager.resource-id": `${svc.service_name}-taskmanager-1`,
    // The three processes start at once: a TaskManager up before its JobManager retries in half a
    // second, not Flink's default 10 s (made for remote clusters), which stalled one start in three.
    "cluster.registration.error-delay": "500 ms",
    "cluster.registration.refused-registration-delay": "500 ms",
    "taskmanager.numberOfTaskSlots": String(sizing.slots),
    "parallelism.default": String(num(uc["parallelism_default"]) ?? 1),
    "jobmanager.memory.process.size": sizing.jobManagerMemory,
    "taskmanager.memory.process.size": sizing.taskManagerMemory,
    // The HashMap state backend keeps state on the heap; managed memory is for RocksDB and batch.
    "taskmanager.memory.managed.fraction": "0.05",
    "state.backend.type": "hashmap",
    "state.checkpoints.dir": fileUri(paths.checkpoints),
    "state.savepoints.dir": fileUri(paths.savepoints),
    "state.checkpoints.num-retained": "3",
    "execution.checkpointing.interval": `${checkpointMs} ms`,
    ...(timeoutMs !== undefined ? { "execution.checkpointing.timeout": `${timeoutMs} ms` } : {}),
    ...pekkoOptions(uc),
    "execution.checkpointing.externalized-checkpoint-retention": "RETAIN_ON_CANCELLATION",
    ...restartStrategy(uc),
    // How long the REST API caches a job's details (and how often the web UI refreshes).
    "web.refresh-interval": "1000",
    "io.tmp.dirs": paths.tmp,
    "web.tmpdir": paths.tmp,
    "blob.storage.directory": paths.tmp,
    // The SQL Gateway of the service submits to this cluster.
    "execution.target": "remote",
    "sql-gateway.endpoint.rest.address": "127.0.0.1",
    "sql-gateway.endpoint.rest.bind-address": "127.0.0.1",
    "sql-gateway.endpoint.rest.port": String(ports.gateway),
  };
}

/** The service's restart strategy (`restart_strategy*` keys) as Flink options; `default` is failure-rate. */
export function restartStrategy(uc: Record<string, unknown>): Record<string, string> {
  const raw = typeof uc["restart_strategy"] === "string" ? (uc["restart_strategy"] as string) : "default";
  const type = raw === "default" ? "failure-rate" : raw;
  const delay = num(uc["restart_strategy_delay_sec"]);
  const maxFailures = num(uc["restart_strategy_max_failures"]);
  const p = "restart-strategy";
  switch (type) {
    case "none":
      return { [`${p}.type`]: "none" };
    case "fixed-delay":
      return {
        [`${p}.type`]: "fixed-delay",
        [`${p}.fixed-delay.attempts`]: String(maxFailures ?? 1),
        [`${p}.fixed-delay.delay`]: `${delay ?? 1} s`,
      };
    case "exponential-delay": {
      const multiplier = num(uc["restart_strategy_backoff_multiplier"]);
      const jitter = num(uc["restart_strategy_jitter_factor"]);
      const maxBackoff = num(uc["restart_strategy_max_backoff_sec"]);
      return {
        [`${p}.type`]: "exponential-delay",
        [`${p}.exponential-delay.initial-backoff`]: `${delay ?? 1} s`,
        ...(maxBackoff !== undefined ? { [`${p}.exponential-delay.max-backoff`]: `${maxBackoff} s` } : {}),
        ...(multiplier !== undefined
          ? { [`${p}.exponential-delay.backoff-multiplier`]: String(multiplier) }
          : {}),
        ...(jitter !== undefined ? { [`${p}.exponential-delay.jitter-factor`]: String(jitter) } : {}),
      };
    }
    default:
      return {
        [`${p}.type`]: "failure-rate",
        [`${p}.failure-rate.max-failures-per-interval`]: String(maxFailures ?? 1),
        [`${p}.failure-rate.failure-rate-interval`]: `${num(uc["restart_strategy_failure_rate_interval_min"]) ?? 1} min`,
        [`${p}.failure-rate.delay`]: `${delay ?? 1} s`,
      };
  }
}

/** `pekko_ask_timeout_s` and `pekko_framesize_b`, when set, as Flink's own RPC options. */
export function pekkoOptions(uc: Record<string, unknown>): Record<string, string> {
  const timeout = num(uc["pekko_ask_timeout_s"]);
  const frame = num(uc["pekko_framesize_b"]);
  return {
    ...(timeout !== undefined ? { "pekko.ask.timeout": `${timeout} s` } : {}),
    ...(frame !== undefined ? { "pekko.framesize": `${frame}b` } : {}),
  };
}

/** Flink's config.yaml with flat keys; every value a double-quoted YAML string (JSON quoting is valid YAML). */
export function renderConfigYaml(config: Record<string, string>): string {
  return `${Object.entries(config)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join("\n")}\n`;
}

/** The log4j2 configuration every process of the cluster uses: one file per process, rolled. */
export const LOG4J_PROPERTIES = `monitorInterval = 0
rootLogger.level = INFO
rootLogger.appenderRef.main.ref = MainAppender
logger.pekko.name = org.apache.pekko
logger.pekko.level = WARN
logger.kafka.name = org.apache.kafka
logger.kafka.level = WARN
logger.netty.name = org.apache.flink.shaded.netty4
logger.netty.level = WARN
appender.main.name = MainAppender
appender.main.type = RollingFile
appender.main.fileName = \${sys:log.file}
appender.main.filePattern = \${sys:log.file}.%i
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
appender.main.policies.type = Policies
appender.main.policies.size.type = SizeBasedTriggeringPolicy
appender.main.policies.size.size = 20MB
appender.main.strategy.type = DefaultRolloverStrategy
appender.main.strategy.max = 3
`;

export const fileUri = (p: string): string => `file://${p}`;

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
