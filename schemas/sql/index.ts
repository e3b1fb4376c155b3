/**
 * Flink SQL validation of an application version: syntax (dt-sql-parser 4.5.1 through the vendored
 * bundle), references between the statement and the declared tables, connector options and DDL rules
 * (reference: flink-rules.md §2, §3, §6). Shared by the provider's plan, the constructs' synth and the
 * local control plane's validate endpoint.
 */
import { type DeclaredTable, Diagnostics } from "./context";
import { extractStatementRefs } from "./extract-statement";
import { extractCreateTable, guessTableName } from "./extract-table";
import { budgetFor, PARSE_BUDGET, SqlTooComplexError, withParseBudget } from "./parse-budget";
import { checkConnector } from "./rules-connectors";
import { checkTableDdl } from "./rules-ddl";
import { checkIntegration } from "./rules-integration";
import { checkDuplicateTables, checkReferences, type NamedTable } from "./rules-references";
import { checkSqlShape } from "./shape-limits";
import { analyzeSql, type SqlAnalysis } from "./syntax";
import type {
  ApplicationVersionInput,
  SqlDiagnostic,
  SqlLocation,
  TableDefinition,
  TableInput,
  ValidateOptions,
} from "./types";
import { throughMemo } from "./validation-memo";

export { exactCreateTable, lexesAsPlainIdentifier } from "./exact-create-table";
export { computedColumnType } from "./extract-table";
export { SqlParserUnavailableError } from "./loader";
export { PARSE_BUDGET, SqlTooComplexError } from "./parse-budget";
export { SQL_SHAPE_LIMITS } from "./shape-limits";
export { clearSqlCaches } from "./syntax";
export type {
  ApplicationVersionInput,
  ColumnDefinition,
  ColumnKind,
  SqlDiagnostic,
  SqlLocation,
  SqlPosition,
  TableDefinition,
  TableInput,
  ValidateOptions,
} from "./types";
export { useValidationMemo, type ValidationMemo } from "./validation-memo";

/** Limits of the API's create/validate body (aiven-flink-api.md §5). */
export const LIMITS = { statement: 50_000, createTable: 4096, tables: 64 } as const;

const STATEMENT: SqlLocation = { part: "statement" };

/** Analyses SQL within the limits (shape-limits.ts, parse-budget.ts); undefined when it is not parsed. */
type Analyze = (sql: string, location: SqlLocation) => SqlAnalysis | undefined;

/**
 * The analyser of one validation: text over a shape limit is not parsed, and once the validation's
 * parse budget is spent, the rest of its SQL is not parsed either (one diagnostic says why).
 */
function analyzer(d: Diagnostics, allowFalsePositives: boolean): Analyze {
  let stopped = false;
  return (sql, location) => {
    if (stopped) return undefined;
    const shape = checkSqlShape(sql);
    if (shape) {
      d.error(shape.code, shape.message, location, shape.position);
      return undefined;
    }
    try {
      return analyzeSql(sql, allowFalsePositives);
    } catch (err) {
      if (!(err instanceof SqlTooComplexError)) throw err;
      stopped = true;
      if (err.reason === "stack")
        d.error(
          "sql-too-deep",
          "statement nested too deeply for the SQL parser: nest less, for example with a view or a WITH query for the inner part",
          location,
        );
      else
        d.error(
          "sql-too-complex",
          `statement too complex to check: the SQL parser's work limit (${PARSE_BUDGET.baseUnits.toLocaleString("en-US")} units plus ${PARSE_BUDGET.unitsPerChar} per character) was reached. Calls of user-defined functions nested directly in one another are the usual cause: compute the inner ones in a view or a WITH query, or split the statement`,
          location,
        );
      return undefined;
    }
  };
}

/** The SQL characters of a version: its work budget grows with them. */
function sqlLength(input: ApplicationVersionInput): number {
  let n = typeof input?.statement === "string" ? input.statement.length : 0;
  for (const t of [...(input?.sources ?? []), ...(input?.sinks ?? [])])
    if (typeof t?.create_table === "string" && !t.definition) n += t.create_table.length;
  return n;
}

/** Parses one `create_table`: syntax, then exactly one CREATE TABLE. Diagnostics go to `d`. */
function readCreateTable(
  sql: string,
  location: SqlLocation,
  d: Diagnostics,
  analyze: Analyze,
): { table?: TableDefinition; name?: string } {
  // Over the length limit (reported by checkLimits) the text is not parsed: the API refuses it anyway.
  const analysis = sql.length > LIMITS.createTable ? undefined : analyze(sql, location);
  if (!analysis) return { name: guessTableName(sql) };
  for (const issue of analysis.issues)
    d.add(issue.severity, issue.code, issue.message, location, issue.position);
  if (!analysis.tree) return { name: guessTableName(sql) };
  const shape = extractCreateTable(analysis.tree, analysis.neutralized);
  switch (shape.kind) {
    case "table":
      return { table: shape.table, name: shape.table.name };
    case "none":
      d.error(
        "create-table-missing",
        "create_table is empty: it must hold one CREATE TABLE statement",
        location,
      );
      return {};
    case "many":
      d.error(
        "create-table-multiple",
        `create_table holds ${shape.count} CREATE TABLE statements; it must hold exactly one (declare each table as its own source or sink)`,
        location,
        shape.second && analysis.tree.position(shape.second),
      );
      return { name: guessTableName(sql) };
    case "not-create-table":
      d.error(
        "create-table-not-a-table",
        `create_table must hold one plain CREATE TABLE statement (columns and WITH options), not ${shape.what}`,
        location,
        analysis.tree.position(shape.node),
      );
      return { name: guessTableName(sql) };
  }
}

/**
 * Parses a single CREATE TABLE into its name, columns, options, primary key and watermark, or returns
 * the first problem as a diagnostic.
 */
export function parseCreateTable(
  sql: string,
  location: SqlLocation = { part: "source", index: 0 },
): TableDefinition | { error: SqlDiagnostic } {
  const d = new Diagnostics();
  const text = String(sql ?? "");
  const { table } = withParseBudget(budgetFor(text.length), () =>
    readCreateTable(text, location, d, analyzer(d, true)),
  );
  const error = d.list.find((x) => x.severity === "error");
  if (error || !table) return { error: error ?? d.list[0]! };
  return table;
}

function checkLimits(input: ApplicationVersionInput, d: Diagnostics): void {
  for (const role of ["source", "sink"] as const) {
    const list = role === "source" ? input.sources : input.sinks;
    if (list.length > LIMITS.tables) {
      d.error("too-many-tables", `A version takes at most ${LIMITS.tables} ${role}s; got ${list.length}`, {
        part: role,
        index: LIMITS.tables,
      });
    }
    list.forEach((t, index) => {
      if (typeof t?.create_table === "string" && t.create_table.length > LIMITS.createTable) {
        d.error(
          "sql-too-long",
          `create_table is ${t.create_table.length} characters; the API accepts at most ${LIMITS.createTable}`,
          { part: role, index },
        );
      }
    });
  }
  if (typeof input.statement === "string" && input.statement.length > LIMITS.statement) {
    d.error(
      "sql-too-long",
      `The statement is ${input.statement.length} characters; the API accepts at most ${LIMITS.statement}`,
      STATEMENT,
    );
  }
}

/**
 * Validates a whole application version. Errors block (plan/synth); warnings inform. Positions are
 * relative to the attribute in `location`. Messages never contain secret option values.
 */
export function validateApplicationVersion(
  input: ApplicationVersionInput,
  options: ValidateOptions = {},
): SqlDiagnostic[] {
  if (options.skipSql) return [];
  const validate = () =>
    withParseBudget(budgetFor(sqlLength(input)), () => validateWithinBudget(input, options));
  // Parsed table definitions (the constructs' fast path) are objects of this process: not remembered.
  const tables = [...(input?.sources ?? []), ...(input?.sinks ?? [])];
  if (tables.some((t) => t?.definition)) return validate();
  return throughMemo(JSON.stringify([input, options]), validate);
}

function validateWithinBudget(input: ApplicationVersionInput, options: ValidateOptions): SqlDiagnostic[] {
  const allowFalsePositives = options.allowParserFalsePositives ?? true;
  const d = new Diagnostics();
  const analyze = analyzer(d, allowFalsePositives);
  const version = { statement: input?.statement, sources: input?.sources ?? [], sinks: input?.sinks ?? [] };
  checkLimits(version, d);

  const named: NamedTable[] = [];
  const declared: DeclaredTable[] = [];
  let unnamed = false;
  const read = (inputs: readonly TableInput[], role: "source" | "sink") =>
    inputs.forEach((t, index) => {
      const location: SqlLocation = { part: role, index };
      if (typeof t?.create_table !== "string") {
        unnamed = true; // unknown at plan time (or malformed): nothing to check yet
        return;
      }
      const { table, name } = t.definition
        ? { table: t.definition, name: t.definition.name }
        : readCreateTable(t.create_table, location, d, analyze);
      if (name) named.push({ role, index, name, location });
      else unnamed = true;
      if (table) declared.push({ role, index, table, integrationId: t.integration_id, location });
    });
  read(version.sources, "source");
  read(version.sinks, "sink");

  for (const t of declared) {
    checkTableDdl(t, d);
    checkConnector(t, d);
    checkIntegration(t, d);
  }
  checkDuplicateTables(named, d);

  if (typeof version.statement === "string" && version.statement.length <= LIMITS.statement) {
    const analysis = analyze(version.statement, STATEMENT);
    for (const issue of analysis?.issues ?? [])
      d.add(issue.severity, issue.code, issue.message, STATEMENT, issue.position);
    // With a table whose name is unknown, "not declared" errors would be guesses.
    if (analysis?.tree && !unnamed) checkReferences(named, extractStatementRefs(analysis.tree), d);
  }
  return d.list;
}
