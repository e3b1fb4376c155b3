import { extractCreateTable } from "./extract-table";
import { loadFlinkSqlParser } from "./loader";
import { budgetFor, SqlTooComplexError, withParseBudget } from "./parse-budget";
import { checkSqlShape } from "./shape-limits";
import { analyzeSql, type SqlAnalysis } from "./syntax";
import type { TableDefinition } from "./types";

/**
 * The definition of `sql` when it is exactly one plain CREATE TABLE that parses without any diagnostic
 * (no syntax error, no parser false positive, nothing rewritten); otherwise undefined. Callers that render
 * DDL use it to check a rendering once, then pass definitions (`TableInput.definition`) instead of text.
 */
export function exactCreateTable(sql: string): TableDefinition | undefined {
  if (checkSqlShape(sql)) return undefined;
  let analysis: SqlAnalysis;
  try {
    analysis = withParseBudget(budgetFor(sql.length), () => analyzeSql(sql));
  } catch (err) {
    // Too complex to parse here: the caller passes the text, and the validator reports why.
    if (err instanceof SqlTooComplexError) return undefined;
    throw err;
  }
  if (!analysis.tree || analysis.issues.length > 0 || analysis.neutralized.length > 0) return undefined;
  const shape = extractCreateTable(analysis.tree, analysis.neutralized);
  return shape.kind === "table" ? shape.table : undefined;
}

let keywords: Set<string> | undefined;

/** Every keyword of the lexer (its rules with a literal word), upper case. */
function lexerKeywords(): Set<string> {
  if (keywords) return keywords;
  const vocabulary = loadFlinkSqlParser().parser.createLexer("").vocabulary;
  keywords = new Set();
  for (let type = 1; type <= vocabulary.maxTokenType; type++) {
    const literal = vocabulary.getLiteralName(type);
    if (literal && /^'\w+'$/.test(literal)) keywords.add(literal.slice(1, -1).toUpperCase());
  }
  return keywords;
}

/**
 * Whether `text` is a single plain identifier token for the parser (not a keyword, not quoted): two such
 * names are interchangeable for the grammar, so texts differing only in them parse to the same shape.
 * The lexer is case-insensitive and its only word-shaped rules are the keywords and ID_LITERAL, so a word
 * that is not a keyword lexes as ID_LITERAL (the tests check this against the lexer itself).
 */
export function lexesAsPlainIdentifier(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) && !lexerKeywords().has(text.toUpperCase());
}
