import { closingParen, overwrite } from "./text";

/**
 * Scanning helpers for the rewrites in false-positives*.ts. They all work on the code mask (text.ts:
 * literals reduced to their quotes plus `_`, comments blanked), so nothing here matches inside a string,
 * a quoted identifier or a comment.
 */

/** A function name of `length` characters the grammar takes as a plain call (`fx___`). */
export const fnName = (length: number) => ("fx" + "_".repeat(length)).slice(0, length);

/** Blanks [start, end) (newlines kept). */
export function blank(chars: string[], start: number, end: number): void {
  overwrite(chars, start, end, "");
}

/**
 * Blanks [start, end) and writes `replacement` at `start`, if it fits before the first newline in the
 * range (a newline cannot be overwritten without moving every later position). Returns whether it did.
 */
export function place(chars: string[], start: number, end: number, replacement: string): boolean {
  const newline = chars.slice(start, end).indexOf("\n");
  if (replacement.length > end - start || (newline >= 0 && newline < replacement.length)) return false;
  overwrite(chars, start, end, replacement);
  return true;
}

/** Index of the `(` that the `)` at `close` closes, or -1. */
export function openingParen(mask: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (mask[i] === ")") depth++;
    else if (mask[i] === "(" && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `>` closing the `<` at `open` of a type (`ARRAY<ROW<a INT>>`), or -1. */
export function closingAngle(mask: string, open: number): number {
  let depth = 0;
  for (let i = open; i < mask.length; i++) {
    if (mask[i] === "<") depth++;
    else if (mask[i] === ">" && --depth === 0) return i;
    else if (mask[i] === ";") return -1;
  }
  return -1;
}

/** The close of a type bracket opened at `open`: `(` → its `)`, `<` → its `>`. */
export function closingBracket(mask: string, open: number): number {
  return mask[open] === "<" ? closingAngle(mask, open) : closingParen(mask, open);
}

/** Top-level (depth 1) offsets in `(open, close)` where `word` (a sticky regexp) occurs. */
export function topLevelWords(mask: string, open: number, close: number, word: RegExp): number[] {
  const hits: number[] = [];
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const c = mask[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && /\w/.test(c!) && !/\w/.test(mask[i - 1]!)) {
      word.lastIndex = 0;
      const m = word.exec(mask.slice(i, close));
      if (m && m.index === 0) hits.push(i);
    }
  }
  return hits;
}

export function nextTopLevelComma(mask: string, from: number, close: number): number {
  let depth = 0;
  for (let i = from; i < close; i++) {
    if (mask[i] === "(") depth++;
    else if (mask[i] === ")") depth--;
    else if (mask[i] === "," && depth === 0) return i;
  }
  return -1;
}

/** The ranges between top-level commas of [start, end), each trimmed of surrounding whitespace. */
export function splitTopLevel(mask: string, start: number, end: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let from = start;
  for (;;) {
    const comma = nextTopLevelComma(mask, from, end);
    const to = comma < 0 ? end : comma;
    let a = from;
    let b = to;
    while (a < b && /\s/.test(mask[a]!)) a++;
    while (b > a && /\s/.test(mask[b - 1]!)) b--;
    parts.push({ start: a, end: b });
    if (comma < 0) return parts;
    from = comma + 1;
  }
}

const LIST_END =
  /(FROM|WHERE|GROUP|HAVING|WINDOW|UNION|INTERSECT|EXCEPT|ORDER|LIMIT|FETCH|OFFSET|INTO|MATCH_RECOGNIZE)\b/iy;

/** The select lists of the text (after SELECT [DISTINCT|ALL], up to FROM or the end of the query) and their items. */
export function selectLists(
  mask: string,
): { start: number; end: number; items: { start: number; end: number }[] }[] {
  const lists: { start: number; end: number; items: { start: number; end: number }[] }[] = [];
  for (const m of mask.matchAll(/\bSELECT\b(?:\s+(?:DISTINCT|ALL)\b)?/gi)) {
    const start = m.index + m[0].length;
    let depth = 0;
    let end = mask.length;
    for (let i = start; i < mask.length; i++) {
      const c = mask[i]!;
      if (c === "(") depth++;
      else if (c === ")") {
        if (--depth < 0) {
          end = i;
          break;
        }
      } else if (depth === 0 && (c === ";" || (/\w/.test(c) && !/\w/.test(mask[i - 1] ?? " ")))) {
        LIST_END.lastIndex = i;
        if (c === ";" || LIST_END.test(mask)) {
          end = i;
          break;
        }
      }
    }
    lists.push({ start, end, items: splitTopLevel(mask, start, end) });
  }
  return lists;
}

/**
 * Where a one-character prefix can go in front of the `(` at `open`: the blank right before it. A
 * letter (`f(a, b)`) needs the blank before that too, so that it does not join the previous word; an
 * operator (`+(SELECT ...)`) does not. -1 if there is no such blank.
 */
export function prefixSlot(mask: string, open: number, letter = true): number {
  const before = mask[open - 1];
  const twoBefore = mask[open - 2];
  if (before !== " " && before !== "\t") return -1;
  if (!letter) return open - 1;
  return twoBefore !== undefined && /[\s,(]/.test(twoBefore) ? open - 1 : -1;
}
