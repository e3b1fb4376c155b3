import type { FragmentCheck, Neutralized, NeutralizedSpan, Rewriter } from "./false-positives";
import { blank, prefixSlot, selectLists } from "./scan";
import { closingParen, overwrite } from "./text";

/**
 * Valid Flink SQL that dt-sql-parser 4.5.1 rejects in some positions only (flink-rules.md §3.4). These
 * rewrites run on a statement that failed to parse (syntax.ts), never on one that parses: a rewrite
 * that blanks SQL out of the parse hands that SQL to a FragmentCheck, so its own syntax is still checked.
 */

/** Names whose calls have their own syntax: never renamed. */
const SPECIAL_CALLS = new Set(
  "CAST TRY_CAST EXTRACT POSITION OVERLAY SUBSTRING TRIM ROW ARRAY MAP MULTISET EXISTS IN VALUES OVER TABLE LATERAL UNNEST DESCRIPTOR INTERVAL CASE WHEN THEN ELSE AND OR NOT ON AS FILTER WITHIN PATTERN SELECT FROM WHERE BY USING KEY".split(
    " ",
  ),
);

/**
 * A call right after an operator in a select item (`'x' || DATE_FORMAT(ts, 'yyyy')`, `a + foo(b)`)
 * fails unless its name is one of the grammar's own function keywords: the name becomes `ABS` (or `LN`)
 * padded to its length. Names are not checked; arguments still are.
 */
const operandCalls: Rewriter = (mask, chars, spans) => {
  for (const list of selectLists(mask)) {
    const text = mask.slice(list.start, list.end);
    for (const m of text.matchAll(/(?:[-+*/%=<>|]|\b(?:AND|OR|NOT)\b)\s*([A-Za-z_][\w$]*)(?=\s*\()/gi)) {
      const name = m[1]!;
      if (name.length < 2 || SPECIAL_CALLS.has(name.toUpperCase())) continue;
      const at = list.start + m.index + m[0].length - name.length;
      overwrite(chars, at, at + name.length, name.length === 2 ? "LN" : "ABS");
      spans.push({
        start: at,
        end: at + name.length,
        construct: "a function call after an operator in the SELECT list",
      });
    }
  }
};

/** A select item that is a scalar subquery, `(SELECT ...)`, or an implicit row, `(a, b)`: `+(SELECT ...)`, `f(a, b)`. */
const parenthesizedItems: Rewriter = (mask, chars, spans) => {
  for (const list of selectLists(mask)) {
    for (const item of list.items) {
      if (mask[item.start] !== "(") continue;
      const close = closingParen(mask, item.start);
      if (close < 0) continue;
      const subquery = /^\(\s*(SELECT|WITH)\b/i.test(mask.slice(item.start, close));
      const row = !subquery && /,/.test(mask.slice(item.start + 1, close).replace(/\([^()]*\)/g, ""));
      const slot = prefixSlot(mask, item.start, !subquery);
      if ((!subquery && !row) || slot < 0) continue;
      chars[slot] = subquery ? "+" : "f";
      spans.push({
        start: item.start,
        end: close + 1,
        construct: subquery ? "a scalar subquery in the SELECT list" : "an implicit row constructor (a, b)",
      });
    }
  }
};

const CLAUSE_WORDS = new Set(
  "WHERE GROUP HAVING WINDOW ORDER LIMIT UNION INTERSECT EXCEPT JOIN LEFT RIGHT FULL INNER CROSS NATURAL ON USING MATCH_RECOGNIZE FOR FETCH OFFSET".split(
    " ",
  ),
);

/** `FROM TABLE(TUMBLE(...)) AS w`: a window TVF with an alias. The alias goes (nothing checks column qualifiers). */
const windowTvfAlias: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bTABLE\s*\(\s*(?:TUMBLE|HOP|CUMULATE|SESSION)\s*\(/gi)) {
    const close = closingParen(mask, mask.indexOf("(", m.index));
    if (close < 0) continue;
    const alias = /^(\s*)(AS\s+)?(`_*`|[A-Za-z_]\w*)(\s*\([^()]*\))?/i.exec(mask.slice(close + 1));
    if (!alias || (!alias[2] && CLAUSE_WORDS.has(alias[3]!.toUpperCase()))) continue;
    const start = close + 1 + alias[1]!.length;
    blank(chars, start, close + 1 + alias[0].length);
    spans.push({ start, end: close + 1 + alias[0].length, construct: "an alias on a window table function" });
  }
};

/**
 * `SUM(x) OVER (...)` is only taken as a whole select item with `AS alias`: without the alias or inside an
 * expression, the OVER clause goes (the aggregate stays) and the window spec is parsed on its own.
 */
const overClauses: Rewriter = (mask, chars, spans, checks) => {
  const items = selectLists(mask).flatMap((l) => l.items);
  for (const m of mask.matchAll(/\bOVER(\s*)(\(|[A-Za-z_]\w*)/gi)) {
    const specStart = m.index + 4 + m[1]!.length;
    const specEnd = m[2] === "(" ? closingParen(mask, specStart) + 1 : specStart + m[2]!.length;
    if (specEnd <= specStart) continue;
    // The innermost select item around the OVER (select lists nest through subqueries).
    const item = items
      .filter((i) => i.start <= m.index && m.index < i.end)
      .reduce<(typeof items)[number] | undefined>(
        (best, i) => (!best || i.start > best.start ? i : best),
        undefined,
      );
    // The form the grammar takes: an item `name(...) OVER spec AS alias`.
    if (item) {
      const head = /^[A-Za-z_]\w*\s*\(/.exec(mask.slice(item.start, item.end));
      const call = head ? closingParen(mask, item.start + head[0].length - 1) : -1;
      const whole =
        call > 0 &&
        /^\s*$/.test(mask.slice(call + 1, m.index)) &&
        /^\s+AS\s+(`_*`|[A-Za-z_]\w*)$/i.test(mask.slice(specEnd, item.end));
      if (whole) continue;
    }
    blank(chars, m.index, specEnd);
    if (m[2] === "(")
      checks.push({ start: specStart, end: specEnd, prefix: "SELECT 1 OVER ", suffix: " AS a FROM t" });
    spans.push({
      start: m.index,
      end: specEnd,
      construct: "an OVER window inside an expression or without an alias",
    });
  }
};

/**
 * `VALUES (1 + 1, 'a'), (CAST(...), 'b')`: the grammar's rows take literals and plain calls only. The
 * rows become one select list (`SELECT  1 + 1, 'a' ,  CAST(...), 'b' `): every value is still parsed.
 */
const valuesRows: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bVALUES\b/gi)) {
    const rows: { open: number; close: number }[] = [];
    let at = m.index + m[0].length;
    for (;;) {
      const next = /^\s*\(/.exec(mask.slice(at));
      if (!next) break;
      const open = at + next[0].length - 1;
      const close = closingParen(mask, open);
      if (close < 0) break;
      rows.push({ open, close });
      const comma = /^\s*,/.exec(mask.slice(close + 1));
      if (!comma) break;
      at = close + 1 + comma[0].length;
    }
    // Rows must be separated by commas: `(1, 'a')(2, 'b')` stays the parser's to report.
    if (rows.length === 0 || /^\s*\(/.test(mask.slice(rows.at(-1)!.close + 1))) continue;
    overwrite(chars, m.index, m.index + 6, "SELECT");
    for (const r of rows) {
      chars[r.open] = " ";
      chars[r.close] = " ";
    }
    spans.push({ start: m.index, end: rows.at(-1)!.close + 1, construct: "VALUES rows with expressions" });
  }
};

/** `FROM t MATCH_RECOGNIZE (...) AS m WHERE ...`: the clauses after MATCH_RECOGNIZE go, parsed on their own. */
const afterMatchRecognize: Rewriter = (mask, chars, spans, checks) => {
  for (const m of mask.matchAll(/\bMATCH_RECOGNIZE\s*\(/gi)) {
    const close = closingParen(mask, m.index + m[0].length - 1);
    if (close < 0) continue;
    const tail = /^(\s*(?:AS\s+)?(?:`_*`|[A-Za-z_]\w*)?\s*)(WHERE|GROUP\s+BY|HAVING)\b/i.exec(
      mask.slice(close + 1),
    );
    if (!tail) continue;
    const start = close + 1 + tail[1]!.length;
    let depth = 0;
    let end = mask.length;
    for (let i = start; i < mask.length; i++) {
      const c = mask[i];
      if (c === "(") depth++;
      else if (c === ")" && --depth < 0) {
        end = i;
        break;
      } else if (
        depth === 0 &&
        (c === ";" || /^(UNION|INTERSECT|EXCEPT|ORDER|LIMIT)\b/i.test(mask.slice(i)))
      ) {
        if (c === ";" || !/\w/.test(mask[i - 1]!)) {
          end = i;
          break;
        }
      }
    }
    blank(chars, start, end);
    checks.push({ start, end, prefix: "SELECT * FROM t ", suffix: "" });
    spans.push({ start, end, construct: "WHERE/GROUP BY after MATCH_RECOGNIZE" });
  }
};

const retryRewriters: Rewriter[] = [
  operandCalls,
  parenthesizedItems,
  windowTvfAlias,
  overClauses,
  valuesRows,
  afterMatchRecognize,
];

/**
 * The retry rewrites over `text` (already through the first tier); `source` is the user's text and
 * `mask` its code mask. The caller keeps them only inside statements that failed to parse.
 */
export function neutralizeRetry(text: string, mask: string, source: string): Neutralized {
  const chars = text.split("");
  const spans: NeutralizedSpan[] = [];
  const checks: FragmentCheck[] = [];
  for (const rewrite of retryRewriters) rewrite(mask, chars, spans, checks, source);
  return { text: spans.length ? chars.join("") : text, spans, checks };
}

/** Keeps only the retry's changes inside [start, end) of `base`. */
export function within(base: string, retried: string, start: number, end: number): string {
  return base.slice(0, start) + retried.slice(start, end) + base.slice(end);
}
