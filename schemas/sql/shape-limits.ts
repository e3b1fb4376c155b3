import { codeMask, lineStarts, positionOf, splitStatements } from "./text";
import type { SqlPosition } from "./types";

/**
 * Limits on the shape of SQL text, checked before the parser sees it. dt-sql-parser's parser recurses
 * once per nesting level and its prediction looks further ahead the deeper it is: a few thousand nested
 * parentheses take minutes and overflow the stack. Real statements nest a few levels and hold a few
 * thousand tokens; the limits are far above that.
 */
export const SQL_SHAPE_LIMITS = {
  /** Parentheses, brackets, CASE ... END and runs of prefix operators (NOT, -, +, ~), counted together. */
  nesting: 100,
  /** Words, numbers, literals and punctuation; a 50,000-character statement of real SQL has about 12,000. */
  tokens: 20_000,
  /**
   * Statements in one text (a STATEMENT SET counts as one). A text with syntax errors is parsed again
   * statement by statement, so the work grows with statements times length.
   */
  statements: 100,
} as const;

export interface ShapeIssue {
  readonly code: "sql-too-deep" | "sql-too-many-tokens" | "sql-too-many-statements";
  readonly message: string;
  readonly position: SqlPosition;
}

const WORD = /[A-Za-z0-9_$]/;
const PREFIX_OPERATORS = new Set(["-", "+", "~"]);
/** Words that end what a prefix operator applies to, and after which `-` is unary. */
const SEPARATORS = new Set([
  "SELECT",
  "FROM",
  "WHERE",
  "AND",
  "OR",
  "WHEN",
  "THEN",
  "ELSE",
  "ON",
  "HAVING",
  "BY",
  "AS",
  "UNION",
]);

/**
 * The first limit the text goes over, or undefined. One pass over the code mask (literals and comments
 * masked), so brackets inside strings and comments do not count. Linear; never recurses.
 */
export function checkSqlShape(text: string): ShapeIssue | undefined {
  const mask = codeMask(text);
  // Open brackets and CASEs. Prefix operators (`NOT`, unary `-`) nest what follows them up to the next
  // separator: `NOT a[...]`, `NOT (...)` are two levels inside. A bracket opened after them carries
  // them (`carried`) until it closes; then they are pending again at the outer level.
  const open: { readonly kind: "bracket" | "case"; readonly carried: number }[] = [];
  const count = { bracket: 0, case: 0 };
  let carried = 0;
  let prefixRun = 0;
  // After a word, literal or closing bracket, `-` and `+` are binary: they nest nothing.
  let afterOperand = false;
  let tokens = 0;
  let deepest = 0;
  let deepAt = -1;
  let tokensAt = -1;
  const token = (at: number) => {
    tokens++;
    if (tokens > SQL_SHAPE_LIMITS.tokens && tokensAt < 0) tokensAt = at;
  };
  const depth = (at: number) => {
    const d = open.length + carried + prefixRun;
    if (d > deepest) deepest = d;
    if (d > SQL_SHAPE_LIMITS.nesting && deepAt < 0) deepAt = at;
  };
  const push = (kind: "bracket" | "case", at: number) => {
    open.push({ kind, carried: prefixRun });
    count[kind]++;
    carried += prefixRun;
    prefixRun = 0;
    depth(at);
  };
  // Closes the innermost `kind`, and whatever was left open inside it (unbalanced text). Each entry is
  // popped once: linear overall.
  const pop = (kind: "bracket" | "case") => {
    if (count[kind] === 0) return;
    for (let top = open.pop(); top; top = open.pop()) {
      count[top.kind]--;
      carried -= top.carried;
      prefixRun = top.carried;
      if (top.kind === kind) break;
    }
  };
  let i = 0;
  while (i < mask.length) {
    const c = mask[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    token(start);
    if (c === "'" || c === '"' || c === "`") {
      // The mask keeps the quotes and turns the content (doubled quotes included) into `_`.
      i++;
      while (i < mask.length && mask[i] !== c) i++;
      i++;
      afterOperand = true;
    } else if (WORD.test(c)) {
      while (i < mask.length && WORD.test(mask[i]!)) i++;
      const word = mask.slice(start, i).toUpperCase();
      afterOperand = !SEPARATORS.has(word) && word !== "NOT" && word !== "CASE";
      if (word === "CASE") push("case", start);
      else if (word === "END") pop("case");
      else if (word === "NOT") {
        prefixRun++;
        depth(start);
      } else if (SEPARATORS.has(word)) prefixRun = 0;
    } else {
      i++;
      if (c === "(" || c === "[") push("bracket", start);
      else if (c === ")" || c === "]") pop("bracket");
      else if (c === "," || c === ";") prefixRun = 0;
      else if (PREFIX_OPERATORS.has(c) && !afterOperand) {
        prefixRun++;
        depth(start);
      }
      afterOperand = c === ")" || c === "]";
    }
  }
  if (deepAt < 0 && tokensAt < 0) return tooManyStatements(text, mask);
  const starts = lineStarts(text);
  if (deepAt >= 0) {
    const position = positionOf(starts, deepAt, deepAt + 1);
    return {
      code: "sql-too-deep",
      message: `statement nested too deeply (${deepest} levels; at most ${SQL_SHAPE_LIMITS.nesting}): nest less, for example with a view or a WITH query for the inner part`,
      position,
    };
  }
  const position = positionOf(starts, tokensAt, tokensAt + 1);
  return {
    code: "sql-too-many-tokens",
    message: `statement has too many tokens (${tokens}; at most ${SQL_SHAPE_LIMITS.tokens}): split it into several statements or versions`,
    position,
  };
}

function tooManyStatements(text: string, mask: string): ShapeIssue | undefined {
  const statements = splitStatements(text, mask);
  const over = statements[SQL_SHAPE_LIMITS.statements];
  if (!over) return undefined;
  let start = over.start;
  while (start < over.end && /\s/.test(mask[start]!)) start++;
  const position = positionOf(lineStarts(text), start, over.end);
  return {
    code: "sql-too-many-statements",
    message: `text holds too many statements (${statements.length}; at most ${SQL_SHAPE_LIMITS.statements}): split it into several application versions`,
    position,
  };
}
