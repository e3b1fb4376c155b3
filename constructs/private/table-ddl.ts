import {
  type ColumnDefinition,
  computedColumnType,
  exactCreateTable,
  lexesAsPlainIdentifier,
  type SqlPosition,
  type TableDefinition,
} from "../../schemas/sql";
import type { Column } from "../column";
import { identifier, literal } from "./sql-text";

/** What a FlinkTable renders from: its typed model. */
export interface TableModel {
  readonly columns: readonly Column[];
  readonly watermark?: { readonly column: string; readonly expression: string };
  readonly primaryKey?: readonly string[];
  readonly options: Readonly<Record<string, string>>;
}

export interface RenderedTable {
  readonly sql: string;
  /** What the parser reads from `sql`, derived from the model and the layout (positions included). */
  readonly definition: TableDefinition;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const NOT_NULL = / NOT NULL$/i;

/** Appends text and reports 1-based positions the way the SQL module does (endColumn one past the end). */
class Writer {
  private text = "";
  private line = 1;
  /** Offset at which the current line starts. */
  private lineStart = 0;

  write(part: string): SqlPosition {
    const line = this.line;
    const column = this.text.length - this.lineStart + 1;
    this.text += part;
    for (let nl = part.indexOf("\n"); nl >= 0; nl = part.indexOf("\n", nl + 1)) {
      this.line++;
      this.lineStart = this.text.length - part.length + nl + 1;
    }
    return { line, column, endLine: this.line, endColumn: this.text.length - this.lineStart + 1 };
  }

  toString(): string {
    return this.text;
  }
}

function columnDefinition(c: Column, position: SqlPosition): ColumnDefinition {
  switch (c.kind) {
    case "physical":
      // The parser reads NOT NULL as a column constraint, not as part of the type.
      return { name: c.name, type: squash(c.type ?? "").replace(NOT_NULL, ""), kind: "physical", position };
    case "computed": {
      const expression = squash(c.expression ?? "");
      return { name: c.name, type: computedColumnType(expression), kind: "computed", expression, position };
    }
    case "metadata":
      return {
        name: c.name,
        type: squash(c.type ?? ""),
        kind: "metadata",
        virtual: c.metadata.virtual ?? false,
        metadataKey: c.metadata.key ?? c.name,
        position,
      };
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

/** Renders `CREATE TABLE name (...) WITH (...)` and, alongside, the definition the parser reads from it. */
export function renderTable(name: string, model: TableModel): RenderedTable {
  const w = new Writer();
  w.write("CREATE TABLE ");
  const definition: TableDefinition = {
    name,
    columns: [],
    options: {},
    optionPositions: {},
    position: w.write(identifier(name)),
  };
  w.write(" (\n");
  const items: Array<{ text: string; done: (p: SqlPosition) => void }> = model.columns.map((c) => ({
    text: renderColumn(c),
    done: (p) => definition.columns.push(columnDefinition(c, p)),
  }));
  const wm = model.watermark;
  if (wm) {
    items.push({
      text: `WATERMARK FOR ${identifier(wm.column)} AS ${wm.expression}`,
      done: (position) => {
        definition.watermark = { column: wm.column, expression: squash(wm.expression), position };
      },
    });
  }
  const pk = model.primaryKey;
  if (pk?.length) {
    items.push({
      text: `PRIMARY KEY (${pk.map(identifier).join(", ")}) NOT ENFORCED`,
      done: (position) => {
        definition.primaryKey = { columns: [...pk], position };
      },
    });
  }
  items.forEach((item, i) => {
    if (i > 0) w.write(",\n");
    w.write("  ");
    item.done(w.write(item.text));
  });
  w.write("\n) WITH (\n");
  Object.entries(model.options).forEach(([key, value], i) => {
    if (i > 0) w.write(",\n");
    w.write("  ");
    definition.options[key] = value;
    definition.optionPositions[key] = w.write(`${literal(key)} = ${literal(value)}`);
  });
  w.write("\n)");
  return { sql: w.toString(), definition };
}

// Printable ASCII without the quote and the backslash (the lexer reads `\` as an escape): such a value is
// one string-literal token, like '' — and on one line, so it only moves the end of its own option.
const PLAIN_VALUE = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;
const PLACEHOLDER_NAME = "flinkform_table";
const verified = new Map<string, boolean>();
const VERIFIED_CACHED = 1024;

/**
 * The rendered table's definition when the rendering is known to parse to exactly that, else undefined
 * (the text is then parsed at validation, with its errors). The check parses the table's shape once: the
 * same DDL with its name and plain option values replaced by placeholders that lex as the same tokens, so
 * the parser sees the same token types and builds the same tree. Parsing that shape must give exactly the
 * definition this module derives for it, so free text (column types, expressions, option keys) is always
 * checked by the parser, and the derivation is checked against the parser.
 */
export function verifiedDefinition(
  name: string,
  model: TableModel,
  rendered: RenderedTable,
): TableDefinition | undefined {
  const shapeName = identifier(name) === name && lexesAsPlainIdentifier(name) ? PLACEHOLDER_NAME : name;
  const options: Record<string, string> = {};
  for (const [k, v] of Object.entries(model.options)) options[k] = PLAIN_VALUE.test(v) ? "" : v;
  const shape = renderTable(shapeName, { ...model, options });
  let ok = verified.get(shape.sql);
  if (ok === undefined) {
    ok = sameDefinition(exactCreateTable(shape.sql), shape.definition);
    if (verified.size >= VERIFIED_CACHED) verified.clear();
    verified.set(shape.sql, ok);
  }
  return ok ? rendered.definition : undefined;
}

/** Forgets which shapes were checked (for benchmarks that measure a fresh process's work). */
export function clearVerifiedShapes(): void {
  verified.clear();
}

/** Deep equality in which option order counts (rules report in that order) and undefined keys do not. */
export function sameDefinition(a: TableDefinition | undefined, b: TableDefinition): boolean {
  if (!a) return false;
  const keys = (o: Record<string, unknown>) => Object.keys(o).join("\n");
  return keys(a.options) === keys(b.options) && canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
