import { ddlRewriters } from "./false-positives-ddl";
import { blank, fnName, nextTopLevelComma, openingParen, place, prefixSlot, topLevelWords } from "./scan";
import { closingParen, overwrite } from "./text";

/**
 * Valid Flink SQL that dt-sql-parser 4.5.1 rejects (flink-rules.md §3.4). Each construct is rewritten,
 * at the same length and with the same newlines, into a shape the grammar accepts and that reads the
 * same tables; if the rewritten text parses, the original error was a false positive. Positions of any
 * remaining error still point into the user's text.
 *
 * Two tiers. The rewrites here match forms the grammar always rejects and run on every text. The
 * retry rewrites (false-positives-retry.ts) match forms the grammar rejects only in some positions;
 * they run only on a statement that failed to parse, so a statement that parses is never rewritten
 * (and never warned about).
 */
export interface NeutralizedSpan {
  start: number;
  end: number;
  construct: string;
  /** No same-length rewrite exists: errors in this statement are taken as false positives, without a tree. */
  unfixable?: boolean;
  /** The span holds a placeholder column that extraction drops. */
  placeholder?: boolean;
  /** A table element that was moved out of the grammar's way (a placeholder); extraction reads it from here. */
  element?: TableElement;
}

/** A WATERMARK or PRIMARY KEY declared where the grammar does not take it, as written by the user. */
export type TableElement =
  | { kind: "watermark"; column: string; expression: string }
  | { kind: "primaryKey"; columns: string[] };

/**
 * SQL a retry rewrite blanked out of the parse: it is parsed on its own, as `prefix + text + suffix`, so
 * a real syntax error inside it is still reported.
 */
export interface FragmentCheck {
  start: number;
  end: number;
  prefix: string;
  suffix: string;
}

export interface Neutralized {
  text: string;
  spans: NeutralizedSpan[];
  checks: FragmentCheck[];
}

/** Writes its rewrites into `chars`; `mask` and `source` are the user's text (masked and as written). */
export type Rewriter = (
  mask: string,
  chars: string[],
  spans: NeutralizedSpan[],
  checks: FragmentCheck[],
  source: string,
) => void;

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

/**
 * Keyword arguments of a call become commas: `SUBSTRING(s FROM 2 FOR 3)` → `SUBSTRING(s ,    2 ,   3)`.
 * With `rename`, the call becomes a plain `fx...(...)` and needs the keyword `rename` among its arguments.
 */
function keywordArgs(name: RegExp, words: RegExp, construct: string, rename?: RegExp): Rewriter {
  return (mask, chars, spans) => {
    for (const m of mask.matchAll(name)) {
      const open = m.index + m[0].length - 1;
      const close = closingParen(mask, open);
      const hits = close < 0 ? [] : topLevelWords(mask, open, close, words);
      if (hits.length === 0) continue;
      if (rename && !hits.some((at) => rename.test(mask.slice(at, at + 16)))) continue;
      for (const at of hits) {
        const word = /^\w+/.exec(mask.slice(at))![0];
        overwrite(chars, at, at + word.length, ",");
      }
      if (rename) {
        const nameEnd = m.index + /^\w+/.exec(m[0])![0].length;
        overwrite(chars, m.index, nameEnd, fnName(nameEnd - m.index));
      }
      spans.push({ start: m.index, end: close + 1, construct });
    }
  };
}

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
  for (const m of mask.matchAll(
    /\b(CHAR_LENGTH|CHARACTER_LENGTH|SQRT|ARRAY_AGG|ARRAY_CONCAT_AGG)(?=\s*\()/gi,
  )) {
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

/** `LAST(A.price, 1)`, `FIRST(A.ts, 2)` (MATCH_RECOGNIZE logical offsets): a plain call. */
const logicalOffsets: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\b(FIRST|LAST)(\s*)\(/gi)) {
    const open = m.index + m[0].length - 1;
    const close = closingParen(mask, open);
    if (close < 0 || nextTopLevelComma(mask, open + 1, close) < 0) continue;
    overwrite(chars, m.index, m.index + m[1]!.length, fnName(m[1]!.length));
    spans.push({ start: m.index, end: close + 1, construct: `${m[1]!.toUpperCase()}(... , offset)` });
  }
};

/** `FETCH FIRST 5 ROWS ONLY` → `LIMIT 5`. */
const fetchFirst: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bFETCH\s+(?:FIRST|NEXT)\s+(\d+)\s+ROWS?\s+ONLY\b/gi)) {
    if (place(chars, m.index, m.index + m[0].length, `LIMIT ${m[1]}`))
      spans.push({ start: m.index, end: m.index + m[0].length, construct: "FETCH FIRST n ROWS ONLY" });
  }
};

/** `ROWS UNBOUNDED PRECEDING` (a frame without BETWEEN): the frame goes; the window spec still parses. */
const frameWithoutBetween: Rewriter = (mask, chars, spans) => {
  const frame =
    /\b(?:ROWS|RANGE)\s+(?:UNBOUNDED\s+PRECEDING|CURRENT\s+ROW|\d+\s+PRECEDING|INTERVAL\s+'_*'\s+\w+(?:\s+TO\s+\w+)?\s+PRECEDING)\b/gi;
  for (const m of mask.matchAll(frame)) {
    blank(chars, m.index, m.index + m[0].length);
    spans.push({ start: m.index, end: m.index + m[0].length, construct: "a window frame without BETWEEN" });
  }
};

/** `x IS NOT JSON ARRAY` → `x IS     JSON ARRAY`. */
const isNotJson: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bIS\s+(NOT)\s+JSON\b/gi)) {
    const not = m.index + m[0].search(/NOT/i);
    blank(chars, not, not + 3);
    spans.push({ start: m.index, end: m.index + m[0].length, construct: "IS NOT JSON" });
  }
};

/** MATCH_RECOGNIZE quantifiers the grammar lacks: `A{3}` → `A+  `, reluctant `B*?` → `B* `. */
const patternQuantifiers: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\bPATTERN\s*\(/gi)) {
    const open = m.index + m[0].length - 1;
    const close = closingParen(mask, open);
    if (close < 0) continue;
    const body = mask.slice(open, close);
    let changed = false;
    for (const q of body.matchAll(/\{\s*\d+\s*\}/g)) {
      overwrite(chars, open + q.index, open + q.index + q[0].length, "+");
      changed = true;
    }
    for (const q of body.matchAll(/[*+?}]\?/g)) {
      blank(chars, open + q.index + 1, open + q.index + 2);
      changed = true;
    }
    if (changed)
      spans.push({
        start: open,
        end: close + 1,
        construct: "pattern quantifiers {n} and reluctant *?, +?, ??",
      });
  }
};

/**
 * `(ts, INTERVAL '1' HOUR) OVERLAPS (t2, INTERVAL '2' HOUR)` → `f(ts, ...) =     ABS(t2, ...)`: two calls
 * compared, in the room of the implicit row constructors and of the keyword (the right-hand call has
 * a function keyword's name: after an operator the grammar takes no other).
 */
const overlaps: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\)(\s*)OVERLAPS\b(\s*)\(/gi)) {
    const leftOpen = openingParen(mask, m.index);
    const rightOpen = m.index + m[0].length - 1;
    const rightClose = closingParen(mask, rightOpen);
    const slot = leftOpen < 0 ? -1 : prefixSlot(mask, leftOpen);
    const keyword = m.index + 1 + m[1]!.length;
    if (slot < 0 || rightClose < 0 || mask.slice(rightOpen - 3, rightOpen).includes("\n")) continue;
    chars[slot] = "f";
    overwrite(chars, keyword, rightOpen, "=");
    overwrite(chars, rightOpen - 3, rightOpen, "ABS");
    spans.push({ start: leftOpen, end: rightClose + 1, construct: "(...) OVERLAPS (...)" });
  }
};

/** `ARRAY[1, 2]`, `MAP['a', 1]` → `ARRAY(1, 2)`, `MAP('a', 1)`. */
const collectionConstructors: Rewriter = (mask, chars, spans) => {
  for (const m of mask.matchAll(/\b(?:ARRAY|MAP)\s*\[/gi)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < mask.length && close < 0; i++) {
      if (mask[i] === "[") depth++;
      else if (mask[i] === "]" && --depth === 0) close = i;
    }
    if (close < 0) continue;
    chars[open] = "(";
    chars[close] = ")";
    spans.push({ start: m.index, end: close + 1, construct: "ARRAY[...] and MAP[...] constructors" });
  }
};

const rewriters: Rewriter[] = [
  session,
  // Only these units are keywords the grammar does not take as the field (EXTRACT(DOW FROM d) parses).
  leadingKeywordArgs(
    /\bEXTRACT\s*\(\s*(?:YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)\s+FROM\b/gi,
    "EXTRACT(... FROM ...)",
  ),
  leadingKeywordArgs(
    /\bTRIM\s*\(\s*(?:(?:BOTH|LEADING|TRAILING)\s*)?(?:'[^']*'\s*)?FROM\b/gi,
    "TRIM(... FROM ...)",
  ),
  keywordArgs(/\bSUBSTRING\s*\(/gi, /(FROM|FOR)\b/iy, "SUBSTRING(... FROM ... FOR ...)"),
  keywordArgs(
    /\bOVERLAY\s*\(/gi,
    /(PLACING|FROM|FOR)\b/iy,
    "OVERLAY(... PLACING ... FROM ...)",
    /^PLACING\b/i,
  ),
  keywordArgs(/\b(?:FLOOR|CEIL|CEILING)\s*\(/gi, /TO\b/iy, "FLOOR/CEIL(... TO unit)"),
  keywordFunctions,
  logicalOffsets,
  fetchFirst,
  frameWithoutBetween,
  isNotJson,
  patternQuantifiers,
  overlaps,
  collectionConstructors,
  // Blanks whole clauses, so it runs after the rewriters that may have matched inside them.
  aggregateFilter,
  ...ddlRewriters,
];

const TRIGGERS =
  /SESSION|EXTRACT|ARRAY|MAP|TRIM|SUBSTRING|OVERLAY|FLOOR|CEIL|FILTER|LENGTH|SQRT|_AGG|TRY_CAST|FIRST|LAST|FETCH|ROWS|RANGE|JSON|PATTERN|OVERLAPS|LIKE|ROW|NULL|METADATA|DISTRIBUTED|PRECISION|WATERMARK|PRIMARY|CONSTRAINT/i;

/** `source` is the user's text when `text` differs from it only inside quotes (same length). */
export function neutralizeFalsePositives(text: string, mask: string, source = text): Neutralized {
  // Cheap pre-check: most statements contain none of the trigger words.
  if (!TRIGGERS.test(mask)) return { text, spans: [], checks: [] };
  const chars = text.split("");
  const spans: NeutralizedSpan[] = [];
  const checks: FragmentCheck[] = [];
  for (const rewrite of rewriters) rewrite(mask, chars, spans, checks, source);
  return { text: spans.length ? chars.join("") : text, spans, checks };
}
