/**
 * Edits of HCL source text for `flinkform migrate`: each pass collects spans to replace and applies
 * them at once, so only what it edits changes and comments and layout elsewhere stay as they are.
 */
import type { Attribute, Block, Item } from "./migrate-hcl";

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(src: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = src;
  let limit = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at offset ${e.start}`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

const lineStart = (src: string, at: number) => src.lastIndexOf("\n", at - 1) + 1;
export const indentAt = (src: string, at: number) => /^[ \t]*/.exec(src.slice(lineStart(src, at)))![0];

/** The span of an item with its whole line(s) when nothing else shares them. */
export function wholeLines(src: string, start: number, end: number): { start: number; end: number } {
  const ls = lineStart(src, start);
  const eol = src.indexOf("\n", end);
  const le = eol < 0 ? src.length : eol;
  // A comment after the item on its line goes with it.
  if (src.slice(ls, start).trim() === "" && /^\s*((#|\/\/).*)?$/.test(src.slice(end, le)))
    return { start: ls, end: Math.min(src.length, le + 1) };
  return { start, end };
}

export function commentOut(src: string, item: Item, reason: string): Edit {
  const span = wholeLines(src, item.start, item.end);
  const indent = indentAt(src, item.start);
  const text = src.slice(span.start, span.end).replace(/\n$/, "");
  const body = text
    .split("\n")
    .map((l) => `${indent}# ${l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()}`)
    .join("\n");
  const trailing = src.slice(span.start, span.end).endsWith("\n") ? "\n" : "";
  return { ...span, text: `${indent}# flinkform migrate: ${reason}\n${body}${trailing}` };
}

export const attrs = (block: Block) => block.body.filter((i): i is Attribute => i.type === "attribute");
export const blocksNamed = (block: Block, name: string) =>
  block.body.filter((i): i is Block => i.type === "block" && i.name === name);
