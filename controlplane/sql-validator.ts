import path from "node:path";
import { createTableInfo } from "./create-table-info";

/**
 * The one place the control plane gets SQL diagnostics from. The project's validator
 * (`schemas/sql`, `validateApplicationVersion`) has this exact signature; until it lands, this file
 * does syntax checks with the vendored dt-sql-parser plus the INSERT-target check. Switching is the
 * `validateApplicationVersion` line below.
 */
export interface SqlDiagnostic {
  severity: "error" | "warning";
  code: string;
  message: string;
  location: { part: "statement" } | { part: "source" | "sink"; index: number };
  position?: { line: number; column: number; endLine: number; endColumn: number };
}

export interface SqlTableInput {
  create_table: string;
  integration_id?: string | null;
}

export interface SqlVersionInput {
  statement?: string;
  sources: SqlTableInput[];
  sinks: SqlTableInput[];
}

/** Diagnostic codes that mean "the text does not parse"; the hosted API refuses such versions on create. */
export const SYNTAX_CODES: ReadonlySet<string> = new Set(["syntax"]);

export const validateApplicationVersion = (input: SqlVersionInput): SqlDiagnostic[] =>
  syntaxLevelValidation(input);

interface ParseError {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
}

let parser: { validate(sql: string): ParseError[] } | undefined;

function flinkSql(): { validate(sql: string): ParseError[] } {
  if (!parser) {
    // The parser only loads through its esbuild bundle (see scripts/vendor); resolved from the repo root.
    const mod = require(path.resolve(__dirname, "../dist/vendor/flinksql.cjs")) as {
      FlinkSQL: new () => { validate(sql: string): ParseError[] };
    };
    parser = new mod.FlinkSQL();
  }
  return parser;
}

function firstSyntaxError(sql: string, location: SqlDiagnostic["location"]): SqlDiagnostic | undefined {
  if (sql.trim() === "") {
    return { severity: "error", code: "syntax", message: "SQL text is empty", location };
  }
  // Only the first error: the parser's later ones are cascades of it.
  const e = flinkSql().validate(sql)[0];
  if (!e) return undefined;
  return {
    severity: "error",
    code: "syntax",
    message: e.message,
    location,
    position: { line: e.startLine, column: e.startColumn, endLine: e.endLine, endColumn: e.endColumn },
  };
}

function syntaxLevelValidation(input: SqlVersionInput): SqlDiagnostic[] {
  const out: SqlDiagnostic[] = [];
  const tables = (part: "source" | "sink", list: SqlTableInput[]) =>
    list.forEach((t, index) => {
      const d = firstSyntaxError(t.create_table, { part, index });
      if (d) out.push(d);
      else if (!/^\s*create\s+(temporary\s+)?table\b/i.test(t.create_table)) {
        out.push({
          severity: "error",
          code: "not_create_table",
          message: "Expected a CREATE TABLE statement",
          location: { part, index },
        });
      }
    });
  tables("source", input.sources);
  tables("sink", input.sinks);
  if (input.statement !== undefined) {
    const d = firstSyntaxError(input.statement, { part: "statement" });
    if (d) out.push(d);
    else {
      const target = /\binsert\s+(?:into|overwrite)\s+((?:`[^`]*`|[\w$]+)(?:\.(?:`[^`]*`|[\w$]+))*)/i.exec(
        input.statement,
      );
      const sinkNames = input.sinks.map((s) => createTableInfo(s.create_table).table_name.toLowerCase());
      const name = (target?.[1]?.split(".").pop() ?? "").replace(/`/g, "").toLowerCase();
      if (!target) {
        out.push({
          severity: "error",
          code: "no_insert",
          message: "The statement must INSERT INTO one of the sink tables",
          location: { part: "statement" },
        });
      } else if (!sinkNames.includes(name)) {
        out.push({
          severity: "error",
          code: "unknown_sink",
          message: `INSERT INTO target '${name}' is not a declared sink table${sinkNames.length ? ` (sinks: ${sinkNames.join(", ")})` : ""}`,
          location: { part: "statement" },
        });
      }
    }
  }
  return out;
}
