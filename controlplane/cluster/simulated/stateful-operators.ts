/**
 * The simulated engine's stand-in for Flink's check that every operator state in a savepoint maps to
 * an operator of the new job. No SQL runs here, so the rule is deliberately simple: the stateful
 * operators of an INSERT are counted by kind from its keywords (GROUP BY aggregations, joins,
 * windowing table functions, OVER aggregations, ROW_NUMBER deduplication and Top-N), and a new
 * version drops state when it has fewer operators of some kind than the version that wrote the
 * savepoint. Renaming columns or changing a filter keeps state, as it usually does in Flink.
 */
const KINDS: readonly (readonly [string, RegExp])[] = [
  ["group aggregation", /\bGROUP\s+BY\b/g],
  ["join", /\bJOIN\b/g],
  ["window", /\b(?:TUMBLE|HOP|CUMULATE|SESSION)\s*\(/g],
  ["over aggregation", /\bOVER\s*\(/g],
  ["rank or deduplication", /\bROW_NUMBER\s*\(/g],
];

/** Comments and string literals removed, so a keyword inside them does not count. */
function code(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/'(?:[^']|'')*'/g, "''");
}

/** How many stateful operators of each kind the statement has. */
export function statefulOperators(statement: string): Map<string, number> {
  const text = code(statement).toUpperCase();
  const counts = new Map<string, number>();
  for (const [kind, pattern] of KINDS) {
    const n = text.match(pattern)?.length ?? 0;
    if (n > 0) counts.set(kind, n);
  }
  return counts;
}

/** The kinds of stateful operator `before` has more of than `after`: state the new job cannot take. */
export function droppedOperators(before: string, after: string): string[] {
  const now = statefulOperators(after);
  return [...statefulOperators(before)].filter(([kind, n]) => (now.get(kind) ?? 0) < n).map(([k]) => k);
}
