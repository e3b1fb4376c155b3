import type { Duration } from "./duration";
import { IntegrationKind } from "./flink-integration";

/** Where a Kafka source starts reading (`scan.startup.mode`). */
export enum KafkaStartupMode {
  EARLIEST = "earliest-offset",
  LATEST = "latest-offset",
  /** Flink's default; fails at run time when the group has no committed offsets. */
  GROUP_OFFSETS = "group-offsets",
  TIMESTAMP = "timestamp",
  SPECIFIC_OFFSETS = "specific-offsets",
}

interface CommonOptions {
  /** Further `WITH` options, written as given (they win over the builder's). @default none */
  readonly options?: Record<string, string>;
}

interface KafkaConnection {
  /**
   * Bootstrap servers. Leave unset when the table has an integration: it injects them.
   * @default '' (the integration's placeholder)
   */
  readonly bootstrapServers?: string;
  /** `properties.*` options for the Kafka client (without the prefix). @default none */
  readonly properties?: Record<string, string>;
}

export interface KafkaConnectorOptions extends CommonOptions, KafkaConnection {
  /** Topic to read or write. Set this or `topicPattern`. */
  readonly topic?: string;
  /** Regular expression of topics to read (sources only). */
  readonly topicPattern?: string;
  /** Value format (`json`, `avro`, `avro-confluent`, `csv`, `raw`, `debezium-json`, ...). @default "json" */
  readonly format?: string;
  /** Key format; needs `keyFields`. @default no key */
  readonly keyFormat?: string;
  /** Columns that make up the key. @default none */
  readonly keyFields?: string[];
  /** Where a source starts. Set it: Flink's default (group offsets) fails on a new consumer group. @default Flink's `group-offsets` */
  readonly startupMode?: KafkaStartupMode;
  /** Start time for `KafkaStartupMode.TIMESTAMP`. @default none */
  readonly startupTimestamp?: Date;
  /** Consumer group of a source. @default Flink picks one */
  readonly groupId?: string;
}

export interface UpsertKafkaConnectorOptions extends CommonOptions, KafkaConnection {
  readonly topic: string;
  /** @default "json" */
  readonly keyFormat?: string;
  /** @default "json" */
  readonly valueFormat?: string;
}

export interface JdbcConnectorOptions extends CommonOptions {
  /** Target table, `schema.table`; it must already exist in the database. */
  readonly tableName: string;
  /**
   * JDBC URL. Leave unset when the table has an integration: it injects the connection.
   * @default 'jdbc:postgresql://' (the integration's placeholder)
   */
  readonly url?: string;
  /** Rows buffered before a flush. @default 100 */
  readonly bufferFlushMaxRows?: number;
  /** Longest time rows wait in the buffer. @default 1 second */
  readonly bufferFlushInterval?: Duration;
  /** Retries of a failed write. @default 3 */
  readonly maxRetries?: number;
}

export interface DatagenConnectorOptions extends CommonOptions {
  /** @default 10000 */
  readonly rowsPerSecond?: number;
  /** Stop after this many rows. @default unbounded */
  readonly numberOfRows?: number;
  /** Per-column generator settings: `{ user_id: { kind: "random", length: "8" } }` → `fields.user_id.kind`. @default none */
  readonly fields?: Record<string, Record<string, string>>;
}

export interface PrintConnectorOptions extends CommonOptions {
  /** Prefix of each printed row. @default none */
  readonly printIdentifier?: string;
  /** Print to stderr instead of stdout. @default false */
  readonly standardError?: boolean;
}

type Options = Record<string, string | undefined>;

/**
 * A table connector and its `WITH (...)` options. The builders fill in what the connector needs;
 * options an integration injects (`'properties.bootstrap.servers'`, `'url'`) are left as its placeholder.
 */
export class Connector {
  static kafka(options: KafkaConnectorOptions): Connector {
    return new Connector("kafka", IntegrationKind.KAFKA, {
      connector: "kafka",
      ...kafkaConnection(options),
      topic: options.topic,
      "topic-pattern": options.topicPattern,
      "value.format": options.format ?? "json",
      "key.format": options.keyFormat,
      "key.fields": options.keyFields?.join(";"),
      "scan.startup.mode": options.startupMode,
      "scan.startup.timestamp-millis": options.startupTimestamp?.getTime().toString(),
      "properties.group.id": options.groupId,
      ...prefixed("properties.", options.properties),
      ...options.options,
    });
  }

  /** Kafka as a changelog keyed by the table's primary key (which it needs). */
  static upsertKafka(options: UpsertKafkaConnectorOptions): Connector {
    return new Connector("upsert-kafka", IntegrationKind.KAFKA, {
      connector: "upsert-kafka",
      ...kafkaConnection(options),
      topic: options.topic,
      "key.format": options.keyFormat ?? "json",
      "value.format": options.valueFormat ?? "json",
      ...prefixed("properties.", options.properties),
      ...options.options,
    });
  }

  /** A JDBC (PostgreSQL) table; as a sink with a primary key it upserts. */
  static jdbc(options: JdbcConnectorOptions): Connector {
    return new Connector("jdbc", IntegrationKind.POSTGRESQL, {
      connector: "jdbc",
      url: options.url ?? "jdbc:postgresql://",
      "table-name": options.tableName,
      "sink.buffer-flush.max-rows": options.bufferFlushMaxRows?.toString(),
      "sink.buffer-flush.interval": options.bufferFlushInterval?.toFlinkString(),
      "sink.max-retries": options.maxRetries?.toString(),
      ...options.options,
    });
  }

  /** Generated rows, for tests and demos. */
  static datagen(options: DatagenConnectorOptions = {}): Connector {
    const fields: Options = {};
    for (const [column, settings] of Object.entries(options.fields ?? {}))
      Object.assign(fields, prefixed(`fields.${column}.`, settings));
    return new Connector("datagen", undefined, {
      connector: "datagen",
      "rows-per-second": options.rowsPerSecond?.toString(),
      "number-of-rows": options.numberOfRows?.toString(),
      ...fields,
      ...options.options,
    });
  }

  /** Rows go to the TaskManager log. */
  static print(options: PrintConnectorOptions = {}): Connector {
    return new Connector("print", undefined, {
      connector: "print",
      "print-identifier": options.printIdentifier,
      "standard-error": options.standardError?.toString(),
      ...options.options,
    });
  }

  /** Rows are discarded. */
  static blackhole(options: CommonOptions = {}): Connector {
    return new Connector("blackhole", undefined, { connector: "blackhole", ...options.options });
  }

  /** Any other connector, options as given. */
  static of(
    name: string,
    options: Record<string, string> = {},
    integrationKind?: IntegrationKind,
  ): Connector {
    return new Connector(name, integrationKind, { connector: name, ...options });
  }

  /** The `WITH (...)` options in order, unset ones dropped. */
  readonly options: Readonly<Record<string, string>>;

  private constructor(
    /** The `connector` option. */
    readonly name: string,
    /** The kind of integration that can supply this connector's connection, if any. */
    readonly integrationKind: IntegrationKind | undefined,
    options: Options,
  ) {
    this.options = Object.fromEntries(
      Object.entries(options).filter((e): e is [string, string] => e[1] !== undefined),
    );
  }
}

function kafkaConnection(options: KafkaConnection): Options {
  return { "properties.bootstrap.servers": options.bootstrapServers ?? "" };
}

function prefixed(prefix: string, options: Record<string, string> | undefined): Options {
  return Object.fromEntries(Object.entries(options ?? {}).map(([k, v]) => [`${prefix}${k}`, v]));
}
