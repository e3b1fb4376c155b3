import { existsSync } from "node:fs";
import path from "node:path";
import { countedParse, installWorkCounters } from "./parse-budget";

/** The part of dt-sql-parser's FlinkSQL (through the vendored esbuild bundle) this module uses. */
export interface ParseErrorLike {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  message: string;
}
export interface TokenLike {
  start: number;
  stop: number;
  line: number;
  column: number;
  text?: string;
  type: number;
}
/** A parse-tree node: a rule context (ruleIndex set) or a terminal (symbol set). */
export interface TreeNode {
  ruleIndex?: number;
  children?: TreeNode[] | null;
  start?: TokenLike;
  stop?: TokenLike | null;
  symbol?: TokenLike;
  parent?: TreeNode | null;
}
interface FlinkSqlLexer {
  getAllTokens(): TokenLike[];
  vocabulary: {
    maxTokenType: number;
    getSymbolicName(type: number): string | null;
    getLiteralName(type: number): string | null;
  };
}
interface FlinkSqlParser {
  parse(sql: string, onError?: (error: ParseErrorLike) => void): TreeNode;
  createLexer(sql: string, onError?: (error: ParseErrorLike) => void): FlinkSqlLexer;
  createParser(sql: string): { ruleNames: string[]; interpreter: unknown };
}
interface FlinkSqlBundle {
  FlinkSQL: new () => FlinkSqlParser;
}

export interface LoadedParser {
  parser: FlinkSqlParser;
  ruleNames: readonly string[];
}

export class SqlParserUnavailableError extends Error {
  readonly code = "SQL_PARSER_UNAVAILABLE";
}

const BUNDLE = path.join("vendor", "flinksql.cjs");

/**
 * Where the bundle can be: next to a bundled entry point (`dist/<entry>.cjs` → `dist/vendor/`),
 * or in the repository's `dist/` when running from the TypeScript sources (`schemas/sql/` → `../../dist`).
 */
export function parserBundleCandidates(dir: string = __dirname): string[] {
  return [path.join(dir, BUNDLE), path.join(dir, "..", "..", "dist", BUNDLE)];
}

let loaded: LoadedParser | undefined;

/**
 * Loads the parser on first use: the bundle is 800 KB of ANTLR tables, and most callers
 * (provider start-up, resources without SQL) never need it.
 */
export function loadFlinkSqlParser(): LoadedParser {
  if (loaded) return loaded;
  const candidates = parserBundleCandidates();
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new SqlParserUnavailableError(
      `The Flink SQL parser bundle is missing (looked for ${candidates.join(", ")}); run npm run build`,
    );
  }
  // A computed path keeps esbuild from inlining the parser into the provider bundle.
  const bundle = require(found) as FlinkSqlBundle;
  const parser = new bundle.FlinkSQL();
  const probe = parser.createParser("");
  installWorkCounters(probe.interpreter);
  // Every parse runs under a work budget (parse-budget.ts): hostile text stops, it never hangs.
  const parse = parser.parse.bind(parser);
  parser.parse = (sql, onError) => countedParse(sql, () => parse(sql, onError));
  loaded = { parser, ruleNames: probe.ruleNames };
  return loaded;
}
