/** 1-based, relative to the text of the attribute it belongs to; endColumn is one past the last character. */
export interface SqlPosition {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Which attribute of an application version a diagnostic points at. */
export type SqlLocation = { part: "statement" } | { part: "source" | "sink"; index: number };

export interface SqlDiagnostic {
  severity: "error" | "warning";
  /** Stable identifier of the rule (branch on this, never on the message). */
  code: string;
  message: string;
  location: SqlLocation;
  position?: SqlPosition;
}

export interface TableInput {
  create_table: string;
  integration_id?: string | null;
  /**
   * What `parseCreateTable(create_table)` returns, when the caller already knows it (the constructs
   * render the DDL from a typed model and check the rendering once per shape): the text is then not
   * parsed, but its length limit and every DDL, connector, integration and reference rule still run on
   * this definition. The caller guarantees that the text parses, without any diagnostic, to exactly this.
   */
  definition?: TableDefinition;
}

export interface ApplicationVersionInput {
  statement?: string;
  sources: TableInput[];
  sinks: TableInput[];
}

export interface ValidateOptions {
  /** Known false errors of the parser become warnings (default true); false keeps them as errors. */
  allowParserFalsePositives?: boolean;
  /** Skip all SQL checks (the per-resource escape hatch). */
  skipSql?: boolean;
}

export type ColumnKind = "physical" | "computed" | "metadata";

export interface ColumnDefinition {
  name: string;
  /** Full type text including precision (`TIMESTAMP(3)`); for computed columns, the expression's CAST type if any. */
  type?: string;
  kind: ColumnKind;
  /** Metadata columns only. */
  virtual?: boolean;
  metadataKey?: string;
  /** Computed columns only. */
  expression?: string;
  position?: SqlPosition;
}

export interface TableDefinition {
  name: string;
  columns: ColumnDefinition[];
  /** The WITH (...) options, keys and values unquoted. */
  options: Record<string, string>;
  optionPositions: Record<string, SqlPosition>;
  primaryKey?: { columns: string[]; position?: SqlPosition };
  watermark?: { column: string; expression: string; position?: SqlPosition };
  /** `LIKE other`: columns and options are merged from that table, so column checks are incomplete. */
  like?: string;
  position?: SqlPosition;
}
