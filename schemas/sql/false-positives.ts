import { closingParen, overwrite } from "./text";

/**
 * Valid Flink SQL that dt-sql-parser 4.5.1 rejects (flink-rules.md §3.4). Each construct is rewritten,
 * at the same length and with the same newlines, into a shape the grammar accepts and that reads the
 * same tables; if the rewritten text parses, the original error was a false positive. Positions of any
 * remaining error still point into the user's text.
 */
export interface NeutralizedSpan {
  start: number;
  end: number;
  construct: string;
  /** No same-length rewrite exists: errors in this statement are taken as false positives, without a tree. */
  unfixable?: boolean;
}

export interface Neutralized {
  text: string;
  spans: NeutralizedSpan[];
}

type Rewriter = (mask: string, chars: string[], spans: NeutralizedSpan[]) => void;

const fnName = (length: number) => ("fx" + "_".repeat(length)).slice(0, length);

/** `EXTRACT(HOUR FROM ts)`, `TRIM(BOTH ' ' FROM s)` → `fx_____(          ts)`: a plain call on the operand. */
function leadingKeywordArgs(pattern: RegExp, construct: string): Rewriter {
  return (mask, chars, spans) => {
    for (const m of mask.matchAll(pattern)) {
      const start = m.index;
      const open = mask.indexOf("(", start);
      const end = start + m[0].length;
      overwrite(chars, start, open, fnName(open - start));
      overwrite(chars, open + 1, end, "");
      spans.push({ start, end: Math.max(end, closingParen(mask, open) + 1), construct });
    }
  };
}

/** Top-level (depth 1) offsets in `(open, close)` where `word` occurs. */
function topLevelWords(mask: string, open: number, close: number, word: RegExp): number[] {
  const hits: number[] = [];
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const c = mask[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && /\w/.test(c!) && !/\w/.test(mask[i - 1]!)) {
      const m = word.exec(mask.slice(i, close));
      if (m && m.index === 0) hits.push(i);
    }
  }
  return hits;
}

function nextTopLevelComma(mask: string, from: number, close: number): number {
  let depth = 0;
  for (let i = from; i < close; i++) {
    if (mask[i] === "(") depth++;
    else if (mask[i] === ")") depth--;
    else if (mask[i] === "," && depth === 0) return i;
  }
  return -1;
}

const session: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bSESSION(\s*)\(\s*TABLE\b/gi)) {
    const open = mask.indexOf("(", m.index);
    const close = closingParen(mask, open);
    if (close < 0) continue;
    overwrite(chars, m.index, m.index + 7, "TUMBLE ");
    for (const at of topLevelWords(mask, open, close, /PARTITION\s+BY\b/iy)) {
      const comma = nextTopLevelComma(mask, at, close);
      if (comma > at) overwrite(chars, at, comma, "");
    }
    spans.push({ start: m.index, end: close + 1, construct: "the SESSION window function" });
  }
};

const substring: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bSUBSTRING\s*\(/gi)) {
    const open = m.index + m[0].length - 1;
    const close = closingParen(mask, open);
    const words = close < 0 ? [] : topLevelWords(mask, open, close, /(FROM|FOR)\b/iy);
    if (words.length === 0) continue;
    for (const at of words) overwrite(chars, at, at + (/^FROM/i.test(mask.slice(at)) ? 4 : 3), ",");
    spans.push({ start: m.index, end: close + 1, construct: "SUBSTRING(... FROM ... FOR ...)" });
  }
};

const aggregateFilter: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\)(\s*)FILTER\s*\(\s*WHERE\b/gi)) {
    const start = m.index + 1 + m[1]!.length;
    const open = mask.indexOf("(", start);
    const close = closingParen(mask, open);
    if (close < 0) continue;
    overwrite(chars, start, close + 1, "");
    spans.push({ start, end: close + 1, construct: "aggregate FILTER (WHERE ...)" });
  }
};

const keywordFunctions: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\b(CHAR_LENGTH|CHARACTER_LENGTH|SQRT)(?=\s*\()/gi)) {
    overwrite(chars, m.index, m.index + m[0].length, fnName(m[0].length));
    spans.push({
      start: m.index,
      end: m.index + m[0].length,
      construct: `the ${m[0].toUpperCase()} function`,
    });
  }
  for (const m of mask.matchAll(/\bTRY_CAST(?=\s*\()/gi)) {
    overwrite(chars, m.index, m.index + 8, "    CAST");
    spans.push({ start: m.index, end: m.index + 8, construct: "the TRY_CAST function" });
  }
};

/** `CREATE TABLE t (WATERMARK ...) WITH (...) LIKE s` and `CREATE TABLE t WITH (...) LIKE s`. */
const createTableLike: Rewriter = (mask, chars, spans) => {
  const head = /^\s*CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?[\w.`]+\s*/iy;
  for (const stmt of mask.matchAll(/[^;]+/g)) {
    const text = stmt[0];
    const h = head.exec(text);
    head.lastIndex = 0;
    if (!h || !/\)\s*LIKE\s/i.test(text)) continue;
    const base = stmt.index;
    const after = base + h[0].length;
    if (mask[after] !== "(") {
      spans.push({
        start: base,
        end: base + text.length,
        construct: "CREATE TABLE ... LIKE without a column list",
        unfixable: true,
      });
      continue;
    }
    const close = closingParen(mask, after);
    if (close < 0 || !/^\(\s*(WATERMARK|PRIMARY|CONSTRAINT)\b/i.test(mask.slice(after, close))) continue;
    // A placeholder column takes the place of the constraint-only list; extraction drops it.
    overwrite(chars, after + 1, close, "fx_like INT");
    spans.push({
      start: after,
      end: close + 1,
      construct: "CREATE TABLE ... LIKE without columns",
      unfixable: false,
    });
  }
};

const rewriters: Rewriter[] = [
  session,
  leadingKeywordArgs(/\bEXTRACT\s*\(\s*[A-Za-z_]+\s+FROM\b/gi, "EXTRACT(... FROM ...)"),
  leadingKeywordArgs(
    /\bTRIM\s*\(\s*(?:(?:BOTH|LEADING|TRAILING)\s*)?(?:'[^']*'\s*)?FROM\b/gi,
    "TRIM(... FROM ...)",
  ),
  substring,
  keywordFunctions,
  // Blanks whole clauses, so it runs after the rewriters that may have matched inside them.
  aggregateFilter,
  createTableLike,
];

export function neutralizeFalsePositives(text: string, mask: string): Neutralized {
  // Cheap pre-check: most statements contain none of the trigger words.
  if (!/SESSION|EXTRACT|TRIM|SUBSTRING|FILTER|LENGTH|SQRT|TRY_CAST|LIKE/i.test(mask))
    return { text, spans: [] };
  const chars = text.split("");
  const spans: NeutralizedSpan[] = [];
  for (const rewrite of rewriters) rewrite(mask, chars, spans);
  return { text: spans.length ? chars.join("") : text, spans };
}
