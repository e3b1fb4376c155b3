import type { NeutralizedSpan, Rewriter, TableElement } from "./false-positives";
import { blank, closingBracket, openingParen, place, splitTopLevel } from "./scan";
import { closingParen, overwrite } from "./text";
import { unquoteIdentifier } from "./tree";

/** Valid CREATE TABLE syntax that dt-sql-parser 4.5.1 rejects, rewritten as in false-positives.ts. */

/** The ranges of type brackets: `ROW<...>`, `ROW(...)`, `ARRAY<...>`, `MAP<...>`, `MULTISET<...>`. */
function typeBrackets(mask: string, pattern: RegExp): { open: number; close: number }[] {
  const found: { open: number; close: number }[] = [];
  for (const m of mask.matchAll(pattern)) {
    const open = m.index + m[0].length - 1;
    const close = closingBracket(mask, open);
    if (close > open) found.push({ open, close });
  }
  return found;
}

const TYPE_WORDS = new Set(
  "CHAR VARCHAR STRING BOOLEAN BINARY VARBINARY BYTES DECIMAL DEC NUMERIC TINYINT SMALLINT INT INTEGER BIGINT FLOAT REAL DOUBLE PRECISION DATE TIME TIMESTAMP TIMESTAMP_LTZ ZONE INTERVAL ARRAY MULTISET MAP ROW RAW NULL".split(
    " ",
  ),
);

/**
 * Whether the code before `at` ends with a type (`INT`, `DECIMAL(10, 2)`, `ARRAY<INT>`, `INT NOT NULL`),
 * as before a field description; not with an operand, as in `ROW(name LIKE 'a%')` or `ROW(a > 'x')`.
 */
function endsWithType(mask: string, at: number, angleCloses: Set<number>): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(mask[i]!)) i--;
  const c = mask[i];
  if (c === ">") return angleCloses.has(i);
  if (c === ")") {
    const open = openingParen(mask, i);
    return open > 0 && TYPE_WORDS.has((/\w+$/.exec(mask.slice(0, open).trimEnd())?.[0] ?? "").toUpperCase());
  }
  return TYPE_WORDS.has((/\w+$/.exec(mask.slice(0, i + 1))?.[0] ?? "").toUpperCase());
}

/** `ROW<a INT 'a description'>`, `ROW(a INT 'a description')`: the field descriptions go. */
const rowFieldDescriptions: Rewriter = (mask, chars, spans) => {
  const angles = typeBrackets(mask, /\b(?:ROW|ARRAY|MAP|MULTISET)\s*</gi);
  const angleCloses = new Set(angles.map((a) => a.close));
  for (const { open, close } of typeBrackets(mask, /\bROW\s*[<(]/gi)) {
    for (const lit of mask.slice(open, close).matchAll(/'_*'/g)) {
      const at = open + lit.index;
      if (!endsWithType(mask, at, angleCloses)) continue;
      blank(chars, at, at + lit[0].length);
      spans.push({ start: at, end: at + lit[0].length, construct: "a ROW field description" });
    }
  }
};

/** `ARRAY<INT NOT NULL>`, `ROW<a INT NOT NULL>`: nullability inside a type. */
const nestedNotNull: Rewriter = (mask, chars, spans) => {
  for (const { open, close } of typeBrackets(mask, /\b(?:ROW|ARRAY|MAP|MULTISET)\s*</gi)) {
    for (const n of mask.slice(open, close).matchAll(/\bNOT\s+NULL\b/gi)) {
      const at = open + n.index;
      blank(chars, at, at + n[0].length);
      spans.push({ start: at, end: at + n[0].length, construct: "NOT NULL inside a type" });
    }
  }
};

/** `id BIGINT NOT NULL PRIMARY KEY NOT ENFORCED`: the grammar takes one column constraint. */
const notNullPrimaryKey: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bNOT\s+NULL(?=\s+(?:CONSTRAINT\s+\w+\s+)?PRIMARY\s+KEY\b)/gi)) {
    blank(chars, m.index, m.index + m[0].length);
    spans.push({ start: m.index, end: m.index + m[0].length, construct: "NOT NULL before PRIMARY KEY" });
  }
};

/** `ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL COMMENT '...'`. */
const metadataComment: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bMETADATA(?:\s+FROM\s+'_*')?(?:\s+VIRTUAL)?(\s+COMMENT\s+'_*')/gi)) {
    const end = m.index + m[0].length;
    blank(chars, end - m[1]!.length, end);
    spans.push({ start: end - m[1]!.length, end, construct: "a COMMENT on a metadata column" });
  }
};

/** `DISTRIBUTED BY HASH(id) INTO 4 BUCKETS` (Flink 1.20 bucketing). */
const distributedBy: Rewriter = (mask, chars, spans) => {
  const clause =
    /\bDISTRIBUTED\s+(?:BY\s+(?:HASH|RANGE)?\s*\([^()]*\)(?:\s+INTO\s+\d+\s+BUCKETS)?|INTO\s+\d+\s+BUCKETS)/gi;
  for (const m of mask.matchAll(clause)) {
    blank(chars, m.index, m.index + m[0].length);
    spans.push({
      start: m.index,
      end: m.index + m[0].length,
      construct: "DISTRIBUTED BY ... INTO n BUCKETS",
    });
  }
};

const HEAD = /^\s*CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[\w.`]+\s*/iy;
/** What may come between the column list and WITH. */
const BEFORE_WITH = /^\s*(?:COMMENT\s+'_*'\s*)?(?:PARTITIONED\s+BY\s*\([^()]*\)\s*)?WITH\b/i;

interface CreateTableText {
  base: number;
  text: string;
  /** End of `CREATE TABLE name `. */
  head: number;
  /** The column list's parentheses, if there is one. */
  open?: number;
  close: number;
}

/** Each CREATE TABLE of the text. */
function createTables(mask: string): CreateTableText[] {
  const found: CreateTableText[] = [];
  for (const stmt of mask.matchAll(/[^;]+/g)) {
    HEAD.lastIndex = 0;
    const h = HEAD.exec(stmt[0]);
    if (!h) continue;
    const head = stmt.index + h[0].length;
    const close = mask[head] === "(" ? closingParen(mask, head) : -1;
    found.push({ base: stmt.index, text: stmt[0], head, ...(close > head ? { open: head } : {}), close });
  }
  return found;
}

const NOTHING_BUT_COMMENT_OR_PARTITIONS = /^\s*(?:COMMENT\s+'_*'\s*)?(?:PARTITIONED\s+BY\s*\([^()]*\)\s*)?$/i;
/** Stand-ins around a fragment of a LIKE statement, so it parses on its own. */
const LIKE_TABLE = "CREATE TABLE x (a INT) ";
const LIKE_OPTIONS = "WITH ('a' = 'b') ";

/**
 * `CREATE TABLE t (WATERMARK ...) WITH (...) LIKE s` (a placeholder column stands in for the missing
 * columns), and `CREATE TABLE t WITH (...) LIKE s` and `CREATE TABLE t (...) LIKE s`, which have no
 * same-length rewrite: their parts (column list, WITH, LIKE clause) are parsed on their own instead.
 */
const createTableLike: Rewriter = (mask, chars, spans, checks) => {
  for (const { base, text, head, open, close } of createTables(mask)) {
    // LIKE after the column list (a LIKE inside it is a computed column's predicate).
    const from = open === undefined ? head : close + 1;
    const end = base + text.length;
    const tail = mask.slice(from, end);
    const likeAt = tail.search(/(?:^|[\s)])LIKE\s/i);
    if (likeAt < 0) continue;
    const like = from + likeAt + (/^LIKE/i.test(tail.slice(likeAt)) ? 0 : 1);
    const between = mask.slice(from, like);
    const likeClause = { start: like, end, prefix: LIKE_TABLE + LIKE_OPTIONS, suffix: "" };
    if (open === undefined) {
      if (!/^\s*(?:WITH\s*\([\s\S]*\))?\s*$/i.test(between)) continue; // something else: the parser says what
      spans.push({
        start: base,
        end,
        construct: "CREATE TABLE ... LIKE without a column list",
        unfixable: true,
      });
      const withAt = between.search(/\S/);
      if (withAt >= 0) checks.push({ start: from + withAt, end: like, prefix: LIKE_TABLE, suffix: "" });
      checks.push(likeClause);
      continue;
    }
    if (NOTHING_BUT_COMMENT_OR_PARTITIONS.test(between)) {
      spans.push({ start: base, end, construct: "CREATE TABLE ... LIKE without WITH", unfixable: true });
      checks.push({
        start: open + 1,
        end: close,
        prefix: "CREATE TABLE x (fx_like INT, ",
        suffix: `) ${LIKE_OPTIONS}`,
      });
      checks.push(likeClause);
      continue;
    }
    if (!BEFORE_WITH.test(between)) continue;
    if (!/^\(\s*(WATERMARK|PRIMARY|CONSTRAINT)\b/i.test(mask.slice(open, close))) continue;
    // A placeholder column takes the place of the constraint-only list; extraction drops it.
    overwrite(chars, open + 1, close, "fx_like INT");
    spans.push({
      start: open,
      end: close + 1,
      construct: "CREATE TABLE ... LIKE without columns",
      placeholder: true,
    });
  }
};

const identifierPath = (text: string) =>
  text
    .split(/\s*\.\s*/)
    .map((p) => unquoteIdentifier(p))
    .join(".");

/**
 * Columns, the WATERMARK and the PRIMARY KEY in any order (Flink takes any; the grammar wants columns,
 * then the watermark, then the key). An element out of the grammar's order becomes a placeholder column
 * that extraction drops: the watermark a computed column `fx_wm AS <its expression>` (so the expression
 * is still parsed), the key `fx_pk INT`; what they declare is read from the user's text into the span.
 */
const tableElementOrder: Rewriter = (mask, chars, spans, _checks, source) => {
  for (const { open, close } of createTables(mask)) {
    if (open === undefined) continue;
    const elements = splitTopLevel(mask, open + 1, close).map((e) => ({
      ...e,
      kind: /^WATERMARK\b/i.test(mask.slice(e.start, e.end))
        ? "watermark"
        : /^(PRIMARY\s+KEY|CONSTRAINT)\b/i.test(mask.slice(e.start, e.end))
          ? "key"
          : "column",
    }));
    const watermarks = elements.filter((e) => e.kind === "watermark");
    const keys = elements.filter((e) => e.kind === "key");
    if (watermarks.length !== 1 && keys.length !== 1) continue; // duplicates are real errors
    const moved: { start: number; end: number; replacement: string; element: TableElement }[] = [];
    elements.forEach((e, i) => {
      const later = elements.slice(i + 1);
      const text = source.slice(e.start, e.end);
      if (e.kind === "watermark" && watermarks.length === 1) {
        const earlierKey = elements.slice(0, i).some((x) => x.kind === "key");
        if (!earlierKey && !later.some((x) => x.kind === "column")) return;
        const m = /^WATERMARK\s+FOR\s+([\s\S]+?)\s+AS\s/i.exec(mask.slice(e.start, e.end));
        if (!m) return;
        const as = m[0].length - 3;
        moved.push({
          start: e.start,
          end: e.start + as,
          replacement: "fx_wm",
          element: {
            kind: "watermark",
            column: identifierPath(text.slice(m[0].indexOf(m[1]!), m[0].indexOf(m[1]!) + m[1]!.length)),
            expression: text.slice(m[0].length).replace(/\s+/g, " ").trim(),
          },
        });
      } else if (e.kind === "key" && keys.length === 1 && later.some((x) => x.kind !== "key")) {
        const m = /PRIMARY\s+KEY\s*\(([^()]*)\)\s*NOT\s+ENFORCED$/i.exec(mask.slice(e.start, e.end));
        if (!m) return;
        const inner = text.slice(m.index + m[0].indexOf("(") + 1, m.index + m[0].indexOf(")"));
        moved.push({
          start: e.start,
          end: e.end,
          replacement: "fx_pk INT",
          element: { kind: "primaryKey", columns: inner.split(",").map((c) => unquoteIdentifier(c.trim())) },
        });
      }
    });
    for (const mv of moved) {
      const span: NeutralizedSpan = {
        start: mv.start,
        end: mv.end,
        construct: `${mv.element.kind === "watermark" ? "the WATERMARK" : "the PRIMARY KEY"} declared before a column or the watermark`,
        placeholder: true,
        element: mv.element,
      };
      if (place(chars, mv.start, mv.end, mv.replacement)) spans.push(span);
    }
  }
};

/** `DOUBLE PRECISION` → `DOUBLE`. */
const doublePrecision: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bDOUBLE(\s+PRECISION)\b/gi)) {
    const end = m.index + m[0].length;
    blank(chars, end - m[1]!.length, end);
    spans.push({ start: m.index, end, construct: "DOUBLE PRECISION" });
  }
};

export const ddlRewriters: Rewriter[] = [
  doublePrecision,
  rowFieldDescriptions,
  nestedNotNull,
  notNullPrimaryKey,
  metadataComment,
  distributedBy,
  createTableLike,
  tableElementOrder,
];
