/**
 * Option tables of the connectors flinkform checks (flink-rules.md §2a, the connectors' docs).
 * Keys not listed are unknown, except `properties.*` (Kafka client settings, passed through),
 * format-prefixed keys (`json.*`, `key.avro-confluent.*`, ...: format-options.ts) and the listed patterns.
 */
export type OptionType =
  | { kind: "string" }
  | { kind: "enum"; values: readonly string[]; ignoreCase?: boolean }
  | { kind: "int"; min: number }
  | { kind: "number"; min: number }
  | { kind: "bool" }
  | { kind: "duration" }
  /** Exactly one character; `unescapes`: Flink unescapes Java escapes first (`\t`), so such values are not checked. */
  | { kind: "char"; unescapes?: boolean };

export interface ConnectorSpec {
  readonly name: string;
  readonly roles: readonly ("source" | "sink")[];
  readonly options: Readonly<Record<string, OptionType>>;
  readonly prefixes?: readonly string[];
  /**
   * Keys whose value names a format (format-options.ts): `'format'` gives options `<format>.*` (and
   * wins over `'value.format'`), `'value.format'` gives `value.<format>.*`, `'key.format'` gives
   * `key.<format>.*`.
   */
  readonly formatKeys?: readonly ("format" | "value.format" | "key.format")[];
  readonly patterns?: readonly RegExp[];
}

const str: OptionType = { kind: "string" };
const int0: OptionType = { kind: "int", min: 0 };
const int1: OptionType = { kind: "int", min: 1 };
const bool: OptionType = { kind: "bool" };
const duration: OptionType = { kind: "duration" };
const enumOf = (...values: string[]): OptionType => ({ kind: "enum", values });

export const STARTUP_MODES = [
  "earliest-offset",
  "latest-offset",
  "group-offsets",
  "timestamp",
  "specific-offsets",
];
const BOUNDED_MODES = ["unbounded", "latest-offset", "group-offsets", "timestamp", "specific-offsets"];
const DELIVERY = enumOf("at-least-once", "exactly-once", "none");
const FIELDS_INCLUDE: OptionType = { kind: "enum", values: ["ALL", "EXCEPT_KEY"], ignoreCase: true };

// Framework options FactoryUtil accepts for every connector that validates through it (Flink 1.18+):
// all but datagen, which validates its own options and takes neither.
const WATERMARK_PREFIX = "scan.watermark.";
const PROPERTY_VERSION: Record<string, OptionType> = { "property-version": { kind: "int", min: 0 } };

const kafkaShared: Record<string, OptionType> = {
  connector: str,
  ...PROPERTY_VERSION,
  topic: str,
  "topic-pattern": str,
  format: str,
  "key.format": str,
  "value.format": str,
  "key.fields-prefix": str,
  "value.fields-include": FIELDS_INCLUDE,
  "scan.bounded.mode": enumOf(...BOUNDED_MODES),
  "scan.bounded.specific-offsets": str,
  "scan.bounded.timestamp-millis": int0,
  "scan.topic-partition-discovery.interval": duration,
  "scan.parallelism": int1,
  "sink.delivery-guarantee": DELIVERY,
  "sink.transactional-id-prefix": str,
  "sink.parallelism": int1,
};

export const CONNECTORS: Readonly<Record<string, ConnectorSpec>> = {
  kafka: {
    name: "kafka",
    roles: ["source", "sink"],
    options: {
      ...kafkaShared,
      "key.fields": str,
      "scan.startup.mode": enumOf(...STARTUP_MODES),
      "scan.startup.specific-offsets": str,
      "scan.startup.timestamp-millis": int0,
      "sink.partitioner": str,
      "sink.semantic": enumOf("at-least-once", "exactly-once", "none"),
    },
    prefixes: ["properties.", WATERMARK_PREFIX],
    formatKeys: ["format", "key.format", "value.format"],
  },
  "upsert-kafka": {
    name: "upsert-kafka",
    roles: ["source", "sink"],
    options: {
      ...kafkaShared,
      "sink.buffer-flush.max-rows": int0,
      "sink.buffer-flush.interval": duration,
    },
    prefixes: ["properties.", WATERMARK_PREFIX],
    // No 'format': Flink's upsert-kafka rejects it ("Unsupported options ... format").
    formatKeys: ["key.format", "value.format"],
  },
  jdbc: {
    name: "jdbc",
    roles: ["source", "sink"],
    options: {
      connector: str,
      ...PROPERTY_VERSION,
      url: str,
      "table-name": str,
      driver: str,
      username: str,
      password: str,
      "connection.max-retry-timeout": duration,
      "scan.partition.column": str,
      "scan.partition.num": int1,
      "scan.partition.lower-bound": str,
      "scan.partition.upper-bound": str,
      "scan.fetch-size": int0,
      "scan.auto-commit": bool,
      "scan.parallelism": int1,
      "lookup.cache": { kind: "enum", values: ["NONE", "PARTIAL", "FULL"], ignoreCase: true },
      "lookup.partial-cache.max-rows": int1,
      "lookup.partial-cache.expire-after-write": duration,
      "lookup.partial-cache.expire-after-access": duration,
      "lookup.partial-cache.cache-missing-key": bool,
      "lookup.cache.max-rows": int1,
      "lookup.cache.ttl": duration,
      "lookup.cache.caching-missing-key": bool,
      "lookup.max-retries": int0,
      "sink.buffer-flush.max-rows": int0,
      "sink.buffer-flush.interval": duration,
      "sink.max-retries": int0,
      "sink.parallelism": int1,
      "filter.handling.policy": { kind: "enum", values: ["always", "never"], ignoreCase: true },
    },
    prefixes: [WATERMARK_PREFIX],
  },
  datagen: {
    name: "datagen",
    roles: ["source"],
    options: {
      connector: str,
      // A Long: '0.5' fails with "For input string".
      "rows-per-second": int0,
      "number-of-rows": int0,
      "scan.parallelism": int1,
    },
    patterns: [/^fields\.[^.]+\.(kind|min|max|max-past|length|start|end|null-rate|var-len)$/],
  },
  print: {
    name: "print",
    roles: ["sink"],
    options: {
      connector: str,
      ...PROPERTY_VERSION,
      "print-identifier": str,
      "standard-error": bool,
      "sink.parallelism": int1,
    },
    prefixes: [WATERMARK_PREFIX],
  },
  blackhole: {
    name: "blackhole",
    roles: ["sink"],
    options: { connector: str, ...PROPERTY_VERSION },
    prefixes: [WATERMARK_PREFIX],
  },
};

/**
 * Flink duration strings (TimeUtils.parseDuration): a number and an optional unit, exactly the unit
 * labels Flink knows (`500 ms`, `10s`, `1 min`, `2 hours`); `mins`, `us` or ISO-8601 (`PT30S`) fail.
 */
export const DURATION =
  /^\d+\s*(d|days?|h|hours?|min|m|minutes?|s|secs?|seconds?|ms|millis?|milliseconds?|µs|micros?|microseconds?|ns|nanos?|nanoseconds?)?$/i;

/**
 * Formats with a `<format>.` option namespace; any other format name is still accepted as a value.
 * format-options.ts holds the option tables of those flinkform checks.
 */
export const KNOWN_FORMATS = [
  "json",
  "csv",
  "avro",
  "avro-confluent",
  "raw",
  "protobuf",
  "debezium-json",
  "debezium-avro-confluent",
  "canal-json",
  "maxwell-json",
  "ogg-json",
];
