import { setOwn } from "../own";
import type { NeutralizedSpan } from "./false-positives";
import type { TreeNode } from "./loader";
import { type SqlTree, unquoteIdentifier, unquoteString } from "./tree";
import type { ColumnDefinition, TableDefinition } from "./types";

export type CreateTableShape =
  | { kind: "table"; table: TableDefinition }
  | { kind: "none" }
  | { kind: "many"; count: number; second?: TreeNode }
  | { kind: "not-create-table"; what: string; node: TreeNode };

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** What a computed column's expression evaluates to, where that is plain from the text. */
export function computedColumnType(expression: string): string | undefined {
  const e = squash(expression);
  if (/^PROCTIME\s*\(\s*\)$/i.test(e)) return "TIMESTAMP_LTZ(3) *PROCTIME*";
  const cast = /^(?:TRY_)?CAST\s*\((.*)\s+AS\s+([^()]+(?:\(\s*\d+(?:\s*,\s*\d+)?\s*\))?[^()]*)\)$/i.exec(e);
  if (cast) return squash(cast[2]!);
  const ltz = /^TO_TIMESTAMP_LTZ\s*\(.*,\s*(\d+)\s*\)$/i.exec(e);
  if (ltz) return `TIMESTAMP_LTZ(${ltz[1]})`;
  if (/^TO_TIMESTAMP\s*\(/i.test(e)) return "TIMESTAMP(3)";
  return undefined;
}

function column(tree: SqlTree, def: TreeNode): ColumnDefinition | undefined {
  const body = def.children?.find((c) => c.ruleIndex !== undefined);
  const kind = tree.name(body);
  if (!body || !kind) return undefined;
  const nameNode = tree.child(body, "columnNameCreate");
  const name = nameNode ? unquoteIdentifier(tree.text(nameNode)) : "";
  const position = tree.position(body);
  const typeNode = tree.child(body, "columnType");
  const type = typeNode ? squash(tree.text(typeNode)) : undefined;
  if (kind === "physicalColumnDefinition") return { name, type, kind: "physical", position };
  if (kind === "metadataColumnDefinition") {
    const key = tree.child(body, "metadataKey");
    return {
      name,
      type,
      kind: "metadata",
      virtual: tree.hasKeyword(body, "VIRTUAL"),
      metadataKey: key ? unquoteString(tree.text(key)) : name,
      position,
    };
  }
  if (kind === "computedColumnDefinition") {
    const exprNode = tree.child(body, "computedColumnExpression");
    const expression = exprNode ? squash(tree.text(exprNode)) : "";
    return { name, type: computedColumnType(expression), kind: "computed", expression, position };
  }
  return undefined;
}

function tableFrom(tree: SqlTree, ct: TreeNode, neutralized: readonly NeutralizedSpan[]): TableDefinition {
  const pathNode = tree.child(ct, "tablePathCreate");
  const table: TableDefinition = {
    name: pathNode ? tree.path(pathNode) : "",
    columns: [],
    options: {},
    optionPositions: {},
    position: pathNode ? tree.position(pathNode) : tree.position(ct),
  };
  const placeholders = neutralized.filter((s) => s.placeholder);
  for (const def of tree.children(ct, "columnOptionDefinition")) {
    const start = def.start?.start ?? 0;
    if (placeholders.some((s) => s.start <= start && start < s.end)) continue; // a rewrite's placeholder column
    const col = column(tree, def);
    if (!col) continue;
    table.columns.push(col);
    const constraint = tree.find(def, "columnConstraint").find((c) => tree.hasKeyword(c, "PRIMARY"));
    if (constraint) table.primaryKey = { columns: [col.name], position: tree.position(constraint) };
  }
  const pk = tree.find(ct, "tableConstraint")[0];
  if (pk) {
    const columns = tree.find(pk, "columnName").map((c) => unquoteIdentifier(tree.text(c)));
    table.primaryKey = { columns, position: tree.position(pk) };
  }
  const wm = tree.child(ct, "watermarkDefinition");
  if (wm) {
    const col = tree.child(wm, "columnName");
    const expr = tree.child(wm, "expression");
    table.watermark = {
      column: col ? tree.path(col) : "",
      expression: expr ? squash(tree.text(expr)) : "",
      position: tree.position(wm),
    };
  }
  // A watermark or key declared out of the grammar's order was rewritten into a placeholder column.
  const [ctStart, ctEnd] = [ct.start?.start ?? 0, (ct.stop?.stop ?? 0) + 1];
  for (const s of placeholders) {
    if (!s.element || s.start < ctStart || s.end > ctEnd) continue;
    const position = tree.positionOfRange(s.start, s.end);
    if (s.element.kind === "watermark")
      table.watermark ??= { column: s.element.column, expression: s.element.expression, position };
    else table.primaryKey ??= { columns: s.element.columns, position };
  }
  for (const prop of tree.find(ct, "tableProperty")) {
    const key = tree.child(prop, "tablePropertyKey");
    const value = tree.child(prop, "tablePropertyValue");
    if (!key) continue;
    const k = unquoteString(tree.text(key));
    setOwn(table.options, k, value ? unquoteString(tree.text(value)) : "");
    setOwn(table.optionPositions, k, tree.position(prop));
  }
  const like = tree.child(ct, "likeDefinition");
  const likePath = like && tree.child(like, "tablePath");
  if (likePath) table.like = tree.path(likePath);
  return table;
}

/** The single CREATE TABLE of a `create_table` attribute, or why there is not exactly one. */
export function extractCreateTable(tree: SqlTree, neutralized: readonly NeutralizedSpan[]): CreateTableShape {
  const statements = tree
    .find(tree.root, "sqlStatement")
    .map((s) => s.children?.find((c) => c.ruleIndex !== undefined))
    .filter((s): s is TreeNode => !!s && tree.name(s) !== "emptyStatement");
  if (statements.length === 0) return { kind: "none" };
  const tables = statements.flatMap((s) => [
    ...tree.find(s, "simpleCreateTable"),
    ...tree.find(s, "createTableAsSelect"),
  ]);
  const other = statements.find((s) => tree.find(s, "createTable").length === 0);
  if (other) {
    const what = squash(tree.text(other)).split(" ").slice(0, 2).join(" ").toUpperCase();
    return { kind: "not-create-table", what, node: other };
  }
  if (tables.length !== 1) return { kind: "many", count: tables.length, second: tables[1] };
  if (tree.name(tables[0]) === "createTableAsSelect") {
    return { kind: "not-create-table", what: "CREATE TABLE ... AS SELECT", node: tables[0]! };
  }
  return { kind: "table", table: tableFrom(tree, tables[0]!, neutralized) };
}

/** Best-effort table name when the text does not parse, so references to the table still resolve. */
export function guessTableName(sql: string): string | undefined {
  const m =
    /CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:`[^`]+`|[\w$]+)(?:\s*\.\s*(?:`[^`]+`|[\w$]+))*)/i.exec(
      sql,
    );
  return m
    ? m[1]!
        .split(/\s*\.\s*/)
        .map(unquoteIdentifier)
        .join(".")
    : undefined;
}
