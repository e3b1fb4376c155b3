import { Token } from "cdktn";
import { Construct } from "constructs";
import type { TableDefinition } from "../schemas/sql";
import type { Column } from "./column";
import type { Connector } from "./connector";
import type { Duration } from "./duration";
import type { IFlinkIntegration } from "./flink-integration";
import { identifier } from "./private/sql-text";
import { type RenderedTable, renderTable, type TableModel, verifiedDefinition } from "./private/table-ddl";
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
    this.model = {
      columns: [...props.columns],
      watermark: props.watermark,
      primaryKey: props.primaryKey,
      options: props.connector.options,
    };
    this.rendered = renderTable(this.tableName, this.model);
    this.createTable = this.rendered.sql;
  }

  /**
   * What the SQL parser reads from `createTable` (name, columns, options, key, watermark, positions),
   * derived from the props; undefined when the rendering cannot be vouched for without parsing this text
   * (a token inside, or a shape that does not parse cleanly). Validation passes it instead of the text, so
   * only one table of each shape is parsed.
   */
  get definition(): TableDefinition | undefined {
    if (this.definitionChecked === undefined) {
      this.definitionChecked = Token.isUnresolved(this.createTable)
        ? null
        : (verifiedDefinition(this.tableName, this.model, this.rendered) ?? null);
    }
    return this.definitionChecked ?? undefined;
  }

  private readonly model: TableModel;
  private readonly rendered: RenderedTable;
  private definitionChecked?: TableDefinition | null;
}
