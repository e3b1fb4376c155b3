import type { SqlPosition } from "./types";

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Position of the characters [start, end) as 1-based line/column. */
export function positionOf(starts: readonly number[], start: number, end: number): SqlPosition {
  const at = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  const a = at(start);
  const b = at(Math.max(start, end));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/** Offset of a 1-based line/column. */
export function offsetOf(starts: readonly number[], line: number, column: number): number {
  return (starts[line - 1] ?? starts[starts.length - 1]!) + column - 1;
}

/**
 * The text with string literals and quoted identifiers reduced to their quotes plus `_` and comments
 * blanked, same length and same newlines: patterns run on it never match inside literals.
 */
export function codeMask(text: string): string {
  const out = text.split("");
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === "`") {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === c) {
          if (text[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      for (let k = i + 1; k < Math.min(j, text.length); k++) if (out[k] !== "\n") out[k] = "_";
      i = j + 1;
    } else if (c === "-" && text[i + 1] === "-") {
      while (i < text.length && text[i] !== "\n") out[i++] = " ";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) if (out[i] !== "\n") out[i] = " ";
    } else i++;
  }
  return out.join("");
}

/** Every character outside [start, end) becomes a space (newlines kept), so positions stay put. */
export function blankOutside(text: string, start: number, end: number): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

/** Index of the `)` closing the `(` at `open` in masked text, or -1. */
export function closingParen(mask: string, open: number): number {
  let depth = 0;
  for (let i = open; i < mask.length; i++) {
    if (mask[i] === "(") depth++;
    else if (mask[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

export interface StatementSpan {
  start: number;
  end: number;
}

/**
 * Splits SQL text at top-level `;`, keeping `[EXECUTE] STATEMENT SET BEGIN ... END` together.
 * Spans with only whitespace/comments are dropped.
 */
export function splitStatements(text: string, mask: string = codeMask(text)): StatementSpan[] {
  const spans: StatementSpan[] = [];
  let start = 0;
  let inSet = false;
  let caseDepth = 0;
  const words = /\b(BEGIN|END|CASE)\b|;/gi;
  for (let m = words.exec(mask); m; m = words.exec(mask)) {
    const token = m[0].toUpperCase();
    if (token === "BEGIN" && /STATEMENT\s+SET\s*$/i.test(mask.slice(start, m.index))) inSet = true;
    else if (token === "CASE") caseDepth++;
    else if (token === "END" && caseDepth > 0) caseDepth--;
    else if (token === "END") inSet = false;
    else if (token === ";" && !inSet) {
      spans.push({ start, end: m.index + 1 });
      start = m.index + 1;
    }
  }
  spans.push({ start, end: text.length });
  return spans.filter((s) => mask.slice(s.start, s.end).replace(/;/g, "").trim() !== "");
}

/** Replaces [start, end) by `replacement` padded/truncated to the same length, keeping newlines. */
export function overwrite(chars: string[], start: number, end: number, replacement: string): void {
  for (let i = start; i < end; i++) {
    if (chars[i] === "\n") continue;
    chars[i] = replacement[i - start] ?? " ";
  }
}
