import { type FragmentCheck, type NeutralizedSpan, neutralizeFalsePositives } from "./false-positives";
import { neutralizeRetry, within } from "./false-positives-retry";
import { loadFlinkSqlParser, type ParseErrorLike, type TreeNode } from "./loader";
import {
  blankOutside,
  codeMask,
  lineStarts,
  offsetOf,
  positionOf,
  type StatementSpan,
  splitStatements,
} from "./text";
import { SqlTree } from "./tree";
import type { SqlPosition } from "./types";

export interface SyntaxIssue {
  severity: "error" | "warning";
  code: "sql-syntax" | "parser-false-positive";
  message: string;
  position: SqlPosition;
}

/** Cached and shared between calls: treat as read-only. */
export interface SqlAnalysis {
  /** Absent when a statement has a real syntax error, or its false positive has no clean rewrite. */
  readonly tree?: SqlTree;
  readonly issues: readonly SyntaxIssue[];
  /** Rewritten spans, so extraction can drop placeholders. */
  readonly neutralized: readonly NeutralizedSpan[];
}

const SECRET_BEFORE = /(password|secret|token|user-info|jaas\.config|credential)[^'"`=]*['"`]?\s*=\s*$/i;

function parse(text: string): { root: TreeNode; errors: ParseErrorLike[] } {
  const errors: ParseErrorLike[] = [];
  // The listener also keeps ANTLR from printing to stderr.
  const root = loadFlinkSqlParser().parser.parse(text, (e) => errors.push(e));
  return { root, errors };
}

/** The parser's message, reworded where it is cryptic and never quoting a secret value. */
function describe(text: string, starts: number[], e: ParseErrorLike, spans: NeutralizedSpan[]): string {
  const start = offsetOf(starts, e.startLine, e.startColumn);
  const end = Math.max(start + 1, offsetOf(starts, e.endLine, e.endColumn));
  const stmtStart = Math.max(0, text.lastIndexOf(";", start - 1) + 1);
  if (SECRET_BEFORE.test(text.slice(stmtStart, start))) {
    return "the value of a secret option is not valid here (value not shown); option values must be quoted strings";
  }
  const overlapsRewrite = spans.some((s) => s.start < end && start < s.end);
  if (overlapsRewrite || /failed predicate/.test(e.message)) {
    return `'${text.slice(start, end)}' is not valid at this position`;
  }
  return e.message;
}

function at(e: ParseErrorLike): string {
  return `line ${e.startLine}, column ${e.startColumn}`;
}

function positionOfError(e: ParseErrorLike): SqlPosition {
  return { line: e.startLine, column: e.startColumn, endLine: e.endLine, endColumn: e.endColumn };
}

/**
 * Parses one attribute's SQL: a single parse on the happy path; on errors, each statement is parsed on its
 * own (other statements blanked, so positions stay relative to the attribute) and only its first error is
 * reported — later errors are mostly cascades of the first.
 */
export function analyzeSql(text: string, allowFalsePositives = true): SqlAnalysis {
  // Terraform validates the same text several times per plan (validate, plan, apply); results are immutable.
  const key = `${allowFalsePositives ? 1 : 0}${text}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const result = analyzeUncached(text, allowFalsePositives);
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

const CACHE_SIZE = 256;
const cache = new Map<string, SqlAnalysis>();

/**
 * Parse trees of clean texts by token shape: the type and offsets of every token, hidden ones included.
 * The parser decides on token types alone (its predicates look at token indexes and adjacency, never at
 * text), so a text with the same token shape parses to the same tree, with the same offsets; only the
 * identifiers and literals in it differ, and the tree is read through the new text. Versions generated
 * from one template (the same statement over different tables) then parse once.
 */
const shapes = new Map<string, TreeNode>();
const SHAPES_CACHED = 256;

/** Forgets every parse (for benchmarks that measure a fresh process's work with a warm parser). */
export function clearSqlCaches(): void {
  cache.clear();
  shapes.clear();
}

function tokenShape(text: string): string | undefined {
  let errors = 0;
  const tokens = loadFlinkSqlParser()
    .parser.createLexer(text, () => errors++)
    .getAllTokens();
  if (errors > 0) return undefined;
  let key = `${text.length}|`;
  for (const t of tokens) key += `${t.type}:${t.start}:${t.stop},`;
  return key;
}

/**
 * SQL a rewrite took out of the parse (FragmentCheck), parsed on its own inside its stand-in prefix and
 * suffix: its first error, positioned in the user's text.
 */
function checkFragment(
  rewritten: string,
  check: FragmentCheck,
  starts: number[],
): ParseErrorLike | undefined {
  const synthetic = check.prefix + rewritten.slice(check.start, check.end) + check.suffix;
  const e = parse(synthetic).errors[0];
  if (!e) return undefined;
  const own = lineStarts(synthetic);
  const back = (line: number, column: number) =>
    Math.min(
      Math.max(check.start, check.start + offsetOf(own, line, column) - check.prefix.length),
      check.end - 1,
    );
  const a = back(e.startLine, e.startColumn);
  const p = positionOf(starts, a, Math.max(a + 1, back(e.endLine, e.endColumn)));
  return {
    startLine: p.line,
    startColumn: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    message: e.message,
  };
}

/**
 * Tokens dt-sql-parser takes but Flink's parser rejects: a double-quoted string or name (`"EUR"`) and
 * the `!=` operator (not allowed under Flink's SQL conformance level).
 */
function lexicalProblems(mask: string): { start: number; end: number; message: string }[] {
  const found: { start: number; end: number; message: string }[] = [];
  for (const m of mask.matchAll(/"[^"]*"?|!=/g)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      message:
        m[0] === "!="
          ? "Flink SQL does not accept '!=' (its SQL conformance level rejects it); use '<>'"
          : "Flink SQL has no double-quoted strings or names: use 'single quotes' for a string and `backticks` for a name",
    });
  }
  return found;
}

const inStatement = (stmt: StatementSpan) => (s: { start: number; end: number }) =>
  s.start < stmt.end && stmt.start < s.end;

/**
 * dt-sql-parser's lexer takes a backslash in a quoted string or name as an escape (`'\\'` runs on to the
 * next quote); Flink's does not (`'csv.escape-character' = '\\'` is one backslash). The parser gets the
 * text with every backslash inside quotes made a space (same length); values are still read from the
 * user's text.
 */
function withoutQuotedBackslashes(text: string, mask: string): string {
  if (!text.includes("\\")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) out += text[i] === "\\" && mask[i] === "_" ? " " : text[i];
  return out;
}

function analyzeUncached(source: string, allowFalsePositives: boolean): SqlAnalysis {
  const mask = codeMask(source);
  const starts = lineStarts(source);
  // What the parser reads; `source` is what diagnostics quote and the tree reads.
  const text = withoutQuotedBackslashes(source, mask);
  const rewritten = neutralizeFalsePositives(text, mask, source);
  const lexical = lexicalProblems(mask);
  const shape = rewritten.spans.length === 0 && lexical.length === 0 ? tokenShape(text) : undefined;
  const known = shape === undefined ? undefined : shapes.get(shape);
  if (known)
    return {
      tree: new SqlTree(known, loadFlinkSqlParser().ruleNames, source, starts),
      issues: [],
      neutralized: [],
    };
  let first = parse(rewritten.text);
  if (shape !== undefined && first.errors.length === 0) {
    if (shapes.size >= SHAPES_CACHED) shapes.delete(shapes.keys().next().value!);
    shapes.set(shape, first.root);
  }
  const spans = [...rewritten.spans];
  const issues: SyntaxIssue[] = [];
  let clean = first.errors.length === 0;

  if (!clean || spans.length > 0 || lexical.length > 0) {
    clean = true;
    // The retry tier, computed once for the whole text and kept per statement that needs it.
    let retry: ReturnType<typeof neutralizeRetry> | undefined;
    let final = rewritten.text;
    for (const stmt of splitStatements(text, mask)) {
      const token = lexical.find(inStatement(stmt));
      let inside = spans.filter(inStatement(stmt));
      let rewrittenErrors = first.errors.length
        ? parse(blankOutside(rewritten.text, stmt.start, stmt.end)).errors
        : [];
      const unfixable = inside.find((s) => s.unfixable);
      // Parts a rewrite could not keep in the parse, parsed on their own.
      const parts = rewritten.checks
        .filter(inStatement(stmt))
        .map((c) => checkFragment(rewritten.text, c, starts))
        .filter((e): e is ParseErrorLike => e !== undefined);
      if (parts.length > 0) {
        clean = false;
        issues.push({
          severity: "error",
          code: "sql-syntax",
          message: `SQL syntax error at ${at(parts[0]!)}: ${describe(source, starts, parts[0]!, spans)}`,
          position: positionOfError(parts[0]!),
        });
        continue;
      }
      if (rewrittenErrors.length && !unfixable) {
        retry ??= neutralizeRetry(rewritten.text, mask, source);
        const more = retry.spans.filter(inStatement(stmt));
        if (more.length > 0) {
          const retried = within(rewritten.text, retry.text, stmt.start, stmt.end);
          const fragments = retry.checks
            .filter(inStatement(stmt))
            .map((c) => checkFragment(rewritten.text, c, starts))
            .filter((e): e is ParseErrorLike => e !== undefined);
          rewrittenErrors = [...parse(blankOutside(retried, stmt.start, stmt.end)).errors, ...fragments];
          if (rewrittenErrors.length === 0) {
            final = within(final, retry.text, stmt.start, stmt.end);
            spans.push(...more);
            inside = [...inside, ...more];
          }
        }
      }
      if (token && !(rewrittenErrors.length && !unfixable)) {
        // The statement parses, but Flink's lexer or parser refuses this token: reported, tree kept.
        const position = positionOf(starts, token.start, token.end);
        issues.push({
          severity: "error",
          code: "sql-syntax",
          message: `SQL syntax error at line ${position.line}, column ${position.column}: ${token.message}`,
          position,
        });
      }
      if (rewrittenErrors.length && !unfixable) {
        const e = rewrittenErrors[0]!;
        clean = false;
        issues.push({
          severity: "error",
          code: "sql-syntax",
          message: `SQL syntax error at ${at(e)}: ${describe(source, starts, e, [...spans, ...(retry?.spans ?? [])])}`,
          position: positionOfError(e),
        });
        continue;
      }
      if (inside.length === 0 || (unfixable && rewrittenErrors.length === 0)) continue;
      if (unfixable) clean = false;
      const constructs = [...new Set(inside.map((s) => s.construct))].join(", ");
      if (allowFalsePositives) {
        // The rewrites only match forms the parser is known to reject, so the original is not parsed
        // again just to locate its error (dt-sql-parser's error path is its slowest).
        const span = unfixable ? undefined : inside[0]!;
        const position = span
          ? positionOf(starts, span.start, span.end)
          : positionOfError(rewrittenErrors[0]!);
        issues.push({
          severity: "warning",
          code: "parser-false-positive",
          message: `The SQL parser rejects ${constructs} at line ${position.line}, column ${position.column}, although it is valid Flink SQL; accepted with a warning`,
          position,
        });
        continue;
      }
      const original = rewrittenErrors[0] ?? parse(blankOutside(text, stmt.start, stmt.end)).errors[0];
      if (!original) continue;
      issues.push({
        severity: "error",
        code: "sql-syntax",
        message: `SQL syntax error at ${at(original)}: ${describe(source, starts, original, [])} (a known parser limitation for ${constructs}; allow parser false positives to accept it)`,
        position: positionOfError(original),
      });
    }
    // Statements fixed by the retry tier: the tree comes from the text with their rewrites.
    if (clean && final !== rewritten.text) {
      first = parse(final);
      if (first.errors.length > 0) clean = false;
    }
  }
  const tree = clean ? new SqlTree(first.root, loadFlinkSqlParser().ruleNames, source, starts) : undefined;
  return { tree, issues, neutralized: spans };
}
