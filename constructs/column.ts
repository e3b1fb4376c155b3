/**
 * Column types as Flink SQL text. Constants and functions cover the common types; any other Flink type
 * can be written as a string (`"ROW<a INT, b STRING>"`).
 */
export const FlinkType = {
  STRING: "STRING",
  BOOLEAN: "BOOLEAN",
  TINYINT: "TINYINT",
  SMALLINT: "SMALLINT",
  INT: "INT",
  BIGINT: "BIGINT",
  FLOAT: "FLOAT",
  DOUBLE: "DOUBLE",
  DATE: "DATE",
  BYTES: "BYTES",
  varchar: (length: number) => `VARCHAR(${length})`,
  decimal: (precision: number, scale = 0) => `DECIMAL(${precision}, ${scale})`,
  /** Event-time columns need precision 0..3. */
  timestamp: (precision = 3) => `TIMESTAMP(${precision})`,
  timestampLtz: (precision = 3) => `TIMESTAMP_LTZ(${precision})`,
  array: (element: string) => `ARRAY<${element}>`,
  map: (key: string, value: string) => `MAP<${key}, ${value}>`,
  notNull: (type: string) => `${type} NOT NULL`,
} as const;

export type ColumnKind = "physical" | "computed" | "metadata";

export interface MetadataColumnOptions {
  /** Metadata key of the connector, such as `timestamp` or `partition`. @default the column name */
  readonly key?: string;
  /** Read-only (not written by sinks). @default false */
  readonly virtual?: boolean;
}

/** A column of a FlinkTable: physical, computed (`AS expr`) or metadata (`METADATA FROM 'key'`). */
export class Column {
  static physical(name: string, type: string): Column {
    return new Column(name, "physical", type);
  }

  /** `name AS expression`, e.g. `Column.computed("proc_time", "PROCTIME()")`. */
  static computed(name: string, expression: string): Column {
    return new Column(name, "computed", undefined, expression);
  }

  static metadata(name: string, type: string, options: MetadataColumnOptions = {}): Column {
    return new Column(name, "metadata", type, undefined, options);
  }

  private constructor(
    readonly name: string,
    readonly kind: ColumnKind,
    readonly type?: string,
    readonly expression?: string,
    readonly metadata: MetadataColumnOptions = {},
  ) {}
}
