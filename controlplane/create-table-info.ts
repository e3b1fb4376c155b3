/**
 * What the API reports about a table from its `CREATE TABLE` text: name, columns and WITH options.
 * A light scanner, not a parser: syntax errors are the SQL validator's job; this only has to read
 * statements that passed it, and must never throw on ones that did not.
 */
import { setOwn } from "../schemas/own";

export interface TableColumn {
  name: string;
  data_type: string;
  nullable: boolean;
  key?: string;
  extras?: string;
  watermark?: string;
}

export interface TableInfo {
  table_name: string;
  columns: TableColumn[];
  options: Record<string, string>;
}

export function createTableInfo(sql: string): TableInfo {
  const info: TableInfo = { table_name: "", columns: [], options: {} };
  const head =
    /create\s+(?:temporary\s+)?table\s+(?:if\s+not\s+exists\s+)?((?:`[^`]*`|[\w$]+)(?:\s*\.\s*(?:`[^`]*`|[\w$]+))*)/i.exec(
      sql,
    );
  if (!head) return info;
  info.table_name =
    head[1]!
      .split(".")
      .map((p) => p.trim().replace(/^`|`$/g, ""))
      .pop() ?? "";
  const open = sql.indexOf("(", head.index + head[0].length);
  if (open < 0) return info;
  const close = matchingParen(sql, open);
  if (close < 0) return info;
  const keys = new Set<string>();
  const watermarks = new Map<string, string>();
  for (const part of splitTopLevel(sql.slice(open + 1, close))) {
    const pk = /^(?:constraint\s+\S+\s+)?primary\s+key\s*\(([^)]*)\)/i.exec(part);
    if (pk) {
      for (const k of pk[1]!.split(",")) keys.add(unquote(k.trim()));
      continue;
    }
    const wm = /^watermark\s+for\s+(`[^`]*`|\S+)\s+as\s+([\s\S]*)$/i.exec(part);
    if (wm) {
      watermarks.set(unquote(wm[1]!), wm[2]!.trim());
      continue;
    }
    const col = /^(`[^`]*`|[\w$]+)\s+([\s\S]*)$/.exec(part);
    if (!col) continue;
    const rest = col[2]!.trim();
    const computed = /^as\s+([\s\S]*)$/i.exec(rest);
    const typeEnd = rest.search(/\s+(?:not\s+null|null|metadata|comment|primary\s+key)\b/i);
    const column: TableColumn = {
      name: unquote(col[1]!),
      data_type: computed ? "" : (typeEnd < 0 ? rest : rest.slice(0, typeEnd)).trim().toUpperCase(),
      nullable: !/\bnot\s+null\b/i.test(rest),
    };
    const extras = computed ? `AS ${computed[1]!.trim()}` : typeEnd < 0 ? "" : rest.slice(typeEnd).trim();
    if (extras && !/^(?:not\s+)?null$/i.test(extras)) column.extras = extras;
    if (/\bprimary\s+key\b/i.test(rest)) keys.add(column.name);
    info.columns.push(column);
  }
  for (const c of info.columns) {
    if (keys.has(c.name)) c.key = "PRI";
    const w = watermarks.get(c.name);
    if (w) c.watermark = w;
  }
  const withMatch = /\bwith\s*\(/i.exec(sql.slice(close));
  if (withMatch) {
    const wOpen = close + withMatch.index + withMatch[0].length - 1;
    const wClose = matchingParen(sql, wOpen);
    const body = sql.slice(wOpen + 1, wClose < 0 ? sql.length : wClose);
    const pair = /'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'/g;
    for (let m = pair.exec(body); m; m = pair.exec(body)) {
      // An own key even for `__proto__` (a plain assignment would set the prototype and lose it).
      setOwn(info.options, m[1]!.replace(/''/g, "'"), m[2]!.replace(/''/g, "'"));
    }
  }
  return info;
}

function unquote(s: string): string {
  return s.replace(/^`|`$/g, "");
}

/** Index of the parenthesis closing the one at `open`, skipping quoted text; -1 when unbalanced. */
function matchingParen(s: string, open: number): number {
  let depth = 0;
  let quote = "";
  for (let i = open; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === quote) quote = "";
      continue;
    }
    if (ch === "'" || ch === "`" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === quote) quote = "";
      continue;
    }
    if (ch === "'" || ch === "`" || ch === '"') quote = ch;
    else if (ch === "(" || ch === "<") depth++;
    else if (ch === ")" || ch === ">") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(s.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}
