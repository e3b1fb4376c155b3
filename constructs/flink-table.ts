import { Token } from "cdktn";
import { Construct } from "constructs";
import type { Column } from "./column";
import type { Connector } from "./connector";
import type { Duration } from "./duration";
import type { IFlinkIntegration } from "./flink-integration";
import { identifier, literal } from "./private/sql-text";
import { propError } from "./private/validation";

/** The table's event-time watermark (`WATERMARK FOR column AS expression`). */
export class Watermark {
  /** Events may arrive up to `delay` late: `column - INTERVAL 'n' SECOND`. */
  static boundedOutOfOrderness(column: string, delay: Duration): Watermark {
    const seconds = delay.toMilliseconds() / 1000;
    return new Watermark(column, `${identifier(column)} - INTERVAL '${seconds}' SECOND`);
  }
  /** Events arrive in order: the watermark is the column itself. */
  static ascending(column: string): Watermark {
    return new Watermark(column, identifier(column));
  }
  /** The connector's own watermarks (`SOURCE_WATERMARK()`). */
  static sourceWatermark(column: string): Watermark {
    return new Watermark(column, "SOURCE_WATERMARK()");
  }
  /** Any watermark expression. */
  static of(column: string, expression: string): Watermark {
    return new Watermark(column, expression);
  }
  private constructor(
    readonly column: string,
    readonly expression: string,
  ) {}
}

export interface FlinkTableProps {
  /** Table name used in SQL. @default the construct id */
  readonly tableName?: string;
  /** Columns, in order. */
  readonly columns: Column[];
  /** Primary key columns (`PRIMARY KEY (...) NOT ENFORCED`); needed by upsert-kafka and jdbc upserts. @default none */
  readonly primaryKey?: string[];
  /** @default no watermark (processing time only) */
  readonly watermark?: Watermark;
  readonly connector: Connector;
  /** The integration that supplies the connection of a kafka/upsert-kafka/jdbc table. @default none */
  readonly integration?: IFlinkIntegration;
}

/**
 * A Flink SQL table: renders one `CREATE TABLE ... WITH (...)` for a version's sources or sinks.
 * The DDL and connector rules run when a version using the table is validated, where its role is known.
 */
export class FlinkTable extends Construct {
  readonly tableName: string;
  readonly connector: Connector;
  readonly integration?: IFlinkIntegration;
  /** The rendered `CREATE TABLE` statement. */
  readonly createTable: string;

  constructor(scope: Construct, id: string, props: FlinkTableProps) {
    super(scope, id);
    this.tableName = props.tableName ?? id;
    this.connector = props.connector;
    this.integration = props.integration;
    if (!Token.isUnresolved(this.tableName) && !this.tableName.trim()) {
      throw propError(this, "tableName", "must not be empty", this.tableName);
    }
    if (!props.columns.length) throw propError(this, "columns", "must list at least one column", []);
    const wanted = props.connector.integrationKind;
    const given = props.integration?.kind;
    if (given && wanted !== given) {
      throw propError(
        this,
        "integration",
        wanted
          ? `must be a ${wanted} integration for connector '${props.connector.name}'`
          : `must be unset: connector '${props.connector.name}' takes no integration`,
        { described: `a ${given} integration` },
      );
    }
    this.createTable = renderCreateTable(this.tableName, props);
  }
}

function renderColumn(c: Column): string {
  const name = identifier(c.name);
  switch (c.kind) {
    case "physical":
      return `${name} ${c.type}`;
    case "computed":
      return `${name} AS ${c.expression}`;
    case "metadata": {
      const from = c.metadata.key && c.metadata.key !== c.name ? ` FROM ${literal(c.metadata.key)}` : "";
      return `${name} ${c.type} METADATA${from}${c.metadata.virtual ? " VIRTUAL" : ""}`;
    }
  }
}

function renderCreateTable(name: string, props: FlinkTableProps): string {
  const lines = props.columns.map(renderColumn);
  if (props.watermark) {
    lines.push(`WATERMARK FOR ${identifier(props.watermark.column)} AS ${props.watermark.expression}`);
  }
  if (props.primaryKey?.length) {
    lines.push(`PRIMARY KEY (${props.primaryKey.map(identifier).join(", ")}) NOT ENFORCED`);
  }
  const options = Object.entries(props.connector.options).map(([k, v]) => `${literal(k)} = ${literal(v)}`);
  return [
    `CREATE TABLE ${identifier(name)} (`,
    lines.map((l) => `  ${l}`).join(",\n"),
    ") WITH (",
    options.map((o) => `  ${o}`).join(",\n"),
    ")",
  ].join("\n");
}
