/**
 * Just enough of HCL's native syntax for `flinkform migrate` to edit a file in place: a tokenizer
 * that knows strings (with `${...}` templates), heredocs and comments, and a parser of bodies into
 * blocks and attributes with their source offsets. Expressions are kept as text spans; the rewriter
 * edits only the spans it changes, so everything else (comments, layout) stays byte for byte.
 */

export class HclError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = "HclError";
  }
}

export type TokenKind = "ident" | "string" | "heredoc" | "comment" | "newline" | "punct" | "other";

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
}

export interface Attribute {
  type: "attribute";
  name: string;
  nameStart: number;
  /** The expression's text span (after `=`, trimmed, up to the end of its line or closing). */
  exprStart: number;
  exprEnd: number;
  /** The whole item: name to end of expression. */
  start: number;
  end: number;
}

export interface Block {
  type: "block";
  name: string;
  nameStart: number;
  labels: { value: string; start: number; end: number }[];
  openBrace: number;
  closeBrace: number;
  start: number;
  /** Just past the closing brace. */
  end: number;
  body: Item[];
}

export type Item = Attribute | Block;

export function lineOf(src: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < src.length; i++) if (src.charCodeAt(i) === 10) line++;
  return line;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_-]/;

/**
 * All tokens of `src`. Template strings are one `string` token; the identifiers inside their
 * interpolations are also returned (in `templateIdents`) so references in them can be renamed.
 */
export function tokenize(src: string, file: string): { tokens: Token[]; templateIdents: Token[] } {
  const tokens: Token[] = [];
  const templateIdents: Token[] = [];
  const fail = (at: number, msg: string): never => {
    throw new HclError(file, lineOf(src, at), msg);
  };
  let i = 0;

  /** Scans a quoted template from the opening quote; returns the index after the closing quote. */
  const scanString = (from: number): number => {
    let j = from + 1;
    while (j < src.length) {
      const c = src[j];
      if (c === "\\") {
        j += 2;
        continue;
      }
      if (c === '"') return j + 1;
      if (c === "\n") fail(from, "unterminated string (a quoted string cannot span lines)");
      if ((c === "$" || c === "%") && src[j + 1] === "{" && src[j - 1] !== c) {
        j = scanInterpolation(j + 2, from);
        continue;
      }
      j++;
    }
    return fail(from, "unterminated string");
  };

  /** Scans code inside `${ ... }` up to its closing brace; returns the index after it. */
  const scanInterpolation = (from: number, stringStart: number): number => {
    let depth = 0;
    let j = from;
    while (j < src.length) {
      const c = src[j];
      if (c === '"') {
        j = scanString(j);
        continue;
      }
      if (c === "{") depth++;
      else if (c === "}") {
        if (depth === 0) return j + 1;
        depth--;
      } else if (IDENT_START.test(c) && !IDENT.test(src[j - 1] ?? "")) {
        let k = j + 1;
        while (k < src.length && IDENT.test(src[k])) k++;
        templateIdents.push({ kind: "ident", start: j, end: k, text: src.slice(j, k) });
        j = k;
        continue;
      }
      j++;
    }
    return fail(stringStart, "unterminated template interpolation `${`");
  };

  while (i < src.length) {
    const c = src[i];
    const start = i;
    if (c === "\n") {
      tokens.push({ kind: "newline", start, end: i + 1, text: "\n" });
      i++;
    } else if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "#" || (c === "/" && src[i + 1] === "/")) {
      while (i < src.length && src[i] !== "\n") i++;
      tokens.push({ kind: "comment", start, end: i, text: src.slice(start, i) });
    } else if (c === "/" && src[i + 1] === "*") {
      const close = src.indexOf("*/", i + 2);
      if (close < 0) fail(start, "unterminated comment `/*`");
      i = close + 2;
      tokens.push({ kind: "comment", start, end: i, text: src.slice(start, i) });
    } else if (c === '"') {
      i = scanString(i);
      tokens.push({ kind: "string", start, end: i, text: src.slice(start, i) });
    } else if (c === "<" && src[i + 1] === "<" && /^<<-?[A-Za-z_]/.test(src.slice(i, i + 4))) {
      const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(src.slice(i));
      if (!m) fail(start, "a heredoc marker must end its line");
      const marker = m![2];
      let j = i + m![0].length;
      for (;;) {
        if (j >= src.length) fail(start, `unterminated heredoc: no line \`${marker}\` closes it`);
        const eol = src.indexOf("\n", j);
        const lineEnd = eol < 0 ? src.length : eol;
        if (src.slice(j, lineEnd).trim() === marker) {
          i = lineEnd;
          break;
        }
        j = lineEnd + 1;
      }
      // References inside the heredoc's `${...}` are renamed like any other.
      for (let k = start + m![0].length; k < i; k++) {
        if (src[k] === "$" && src[k + 1] === "{" && src[k - 1] !== "$")
          k = scanInterpolation(k + 2, start) - 1;
      }
      tokens.push({ kind: "heredoc", start, end: i, text: src.slice(start, i) });
    } else if (IDENT_START.test(c)) {
      while (i < src.length && IDENT.test(src[i])) i++;
      tokens.push({ kind: "ident", start, end: i, text: src.slice(start, i) });
    } else if ("{}[]()=,.:?".includes(c)) {
      // `==`, `=>` are not assignments.
      if (c === "=" && (src[i + 1] === "=" || src[i + 1] === ">")) {
        tokens.push({ kind: "other", start, end: i + 2, text: src.slice(i, i + 2) });
        i += 2;
      } else {
        tokens.push({ kind: "punct", start, end: i + 1, text: c });
        i++;
      }
    } else {
      // Operators (`!=`, `<=`, `>=` included) and numbers.
      if ("!<>".includes(c) && src[i + 1] === "=") i++;
      i++;
      tokens.push({ kind: "other", start, end: i, text: src.slice(start, i) });
    }
  }
  return { tokens, templateIdents };
}

/** Parses a whole file into its top-level items. */
export function parseHcl(
  src: string,
  file: string,
): { items: Item[]; tokens: Token[]; templateIdents: Token[] } {
  const { tokens, templateIdents } = tokenize(src, file);
  const code = tokens.filter((t) => t.kind !== "comment");
  let p = 0;
  const fail = (t: Token | undefined, msg: string): never => {
    throw new HclError(file, lineOf(src, t ? t.start : src.length), msg);
  };
  const skipNewlines = () => {
    while (code[p]?.kind === "newline") p++;
  };

  /** An expression from code[p] to the end of its line at bracket depth 0 (or `}` of the body). */
  const expression = (): { start: number; end: number } => {
    let depth = 0;
    const first = code[p];
    if (!first || first.kind === "newline") fail(first, "expected an expression after `=`");
    let last = first;
    while (p < code.length) {
      const t = code[p];
      if (t.kind === "newline" && depth === 0) break;
      if (t.kind === "punct" && (t.text === "{" || t.text === "[" || t.text === "(")) depth++;
      if (t.kind === "punct" && (t.text === "}" || t.text === "]" || t.text === ")")) {
        if (depth === 0) break;
        depth--;
      }
      last = t;
      p++;
    }
    if (depth > 0) fail(first, "unclosed bracket in this expression");
    return { start: first.start, end: last.end };
  };

  const body = (closing: boolean): Item[] => {
    const items: Item[] = [];
    for (;;) {
      skipNewlines();
      const t = code[p];
      if (!t) {
        if (closing) fail(undefined, "missing `}`: a block is not closed");
        return items;
      }
      if (t.kind === "punct" && t.text === "}") {
        if (!closing) fail(t, "unexpected `}`");
        return items;
      }
      if (t.kind !== "ident") fail(t, `expected an attribute or block name, found \`${t.text}\``);
      p++;
      const next = code[p];
      if (next?.kind === "punct" && next.text === "=") {
        p++;
        const expr = expression();
        items.push({
          type: "attribute",
          name: t.text,
          nameStart: t.start,
          exprStart: expr.start,
          exprEnd: expr.end,
          start: t.start,
          end: expr.end,
        });
        continue;
      }
      const labels: Block["labels"] = [];
      while (code[p] && (code[p].kind === "string" || code[p].kind === "ident")) {
        const l = code[p];
        labels.push({
          value: l.kind === "string" ? l.text.slice(1, -1) : l.text,
          start: l.start,
          end: l.end,
        });
        p++;
      }
      const open = code[p];
      if (!(open?.kind === "punct" && open.text === "{"))
        fail(open ?? t, `expected \`=\` or \`{\` after \`${t.text}\``);
      p++;
      const inner = body(true);
      const close = code[p];
      p++;
      items.push({
        type: "block",
        name: t.text,
        nameStart: t.start,
        labels,
        openBrace: open.start,
        closeBrace: close.start,
        start: t.start,
        end: close.end,
        body: inner,
      });
    }
  };

  return { items: body(false), tokens, templateIdents };
}
