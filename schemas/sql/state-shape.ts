/**
 * The stateful operators of a Flink SQL statement, read from its parse tree: aggregations (GROUP BY,
 * global, SELECT DISTINCT), window aggregations, regular joins, ROW_NUMBER/RANK (deduplication, Top-N)
 * and OVER aggregations. Flink restores a savepoint operator by operator, so comparing these between
 * two versions tells, before anything is stopped, when a running job's state cannot carry over
 * (state-shape-compare.ts). Only what the text says for sure is extracted; anything this module cannot
 * read with certainty makes the whole statement unknown (undefined), and the caller says nothing.
 */
import { loadFlinkSqlParser, SqlParserUnavailableError, type TreeNode } from "./loader";
import { SqlTooComplexError } from "./parse-budget";
import { checkSqlShape } from "./shape-limits";
import { analyzeSql } from "./syntax";
import type { SqlTree } from "./tree";

export type StatefulOperatorKind = "aggregate" | "window-aggregate" | "join" | "rank" | "over-aggregate";

export interface StatefulOperator {
  readonly kind: StatefulOperatorKind;
  /** Where it sits: `INSERT INTO sink` or `VIEW v`. */
  readonly context: string;
  /** Grouping keys, join equalities or PARTITION BY items, normalised and sorted (their order does not matter to Flink). */
  readonly keys: readonly string[];
  /** Aggregate calls (distinct, sorted): each is a field of the accumulator. */
  readonly aggregates: readonly string[];
  /** The window: a window TVF call, a legacy group window, or an OVER frame. */
  readonly window?: string;
  /** INNER, LEFT, RIGHT, FULL or CROSS for a join; the function (ROW_NUMBER...) for a rank. */
  readonly variant?: string;
  /** ORDER BY of a rank or OVER aggregation. */
  readonly order?: readonly string[];
  /** For a join, the tables it joins; for SELECT DISTINCT, `DISTINCT`. */
  readonly inputs?: readonly string[];
}

/** Built-in aggregate functions (UDAFs cannot be told from scalar UDFs in the text, so they are not compared). */
const AGGREGATES = new Set([
  "COUNT",
  "SUM",
  "SUM0",
  "AVG",
  "MIN",
  "MAX",
  "STDDEV",
  "STDDEV_POP",
  "STDDEV_SAMP",
  "VARIANCE",
  "VAR_POP",
  "VAR_SAMP",
  "COLLECT",
  "LISTAGG",
  "FIRST_VALUE",
  "LAST_VALUE",
  "ARRAY_AGG",
  "JSON_OBJECTAGG",
  "JSON_ARRAYAGG",
  "APPROX_COUNT_DISTINCT",
]);
const RANKS = new Set(["ROW_NUMBER", "RANK", "DENSE_RANK"]);
const JOIN_VARIANTS = ["INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL"];
/** Rules this module cannot read for sure: the statement is then unknown. */
const UNREADABLE = new Set(["matchRecognizeClause", "groupingSets", "groupingSetsNotationName"]);

class Unreadable extends Error {}

/** Whether `sql` parses within its budget; SQL over a shape limit or the work budget is unknown. */
function parseTree(sql: string): SqlTree | undefined {
  if (checkSqlShape(sql)) return undefined;
  try {
    const analysis = analyzeSql(sql);
    // A rewritten construct (an OVER window inside an expression, SESSION, FILTER...) leaves the tree
    // unlike the user's text there.
    if (!analysis.tree || analysis.neutralized.length > 0) return undefined;
    return analysis.tree;
  } catch (err) {
    if (err instanceof SqlTooComplexError || err instanceof SqlParserUnavailableError) return undefined;
    throw err;
  }
}

let keywordTypes: ((type: number) => boolean) | undefined;
function isKeyword(type: number): boolean {
  if (!keywordTypes) {
    const vocabulary = loadFlinkSqlParser().parser.createLexer("").vocabulary;
    keywordTypes = (t) => vocabulary.getSymbolicName(t)?.startsWith("KW_") ?? false;
  }
  return keywordTypes(type);
}

/** Reads one query block (a SELECT without the queries nested in it). */
class Scope {
  private readonly nodes: TreeNode[] = [];
  /** Alias or name of each FROM item → the name it stands for. */
  private readonly names = new Map<string, string>();
  private sources = 0;

  constructor(
    private readonly tree: SqlTree,
    readonly select: TreeNode,
  ) {
    const stack = [...(select.children ?? [])].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      const rule = tree.name(n);
      if (rule === undefined || rule === "queryStatement" || rule === "selectStatement") continue;
      if (UNREADABLE.has(rule)) throw new Unreadable(rule);
      this.nodes.push(n);
      for (let i = (n.children?.length ?? 0) - 1; i >= 0; i--) stack.push(n.children![i]!);
    }
    for (const ref of this.all("tableReference")) this.addSource(ref);
    for (const tvf of this.all("windowTVFParam")) {
      const table = tree.child(tvf, "timeAttrColumn");
      if (table && tree.hasKeyword(tvf, "TABLE")) this.addName(tree.path(table), tree.path(table));
    }
  }

  private addSource(ref: TreeNode): void {
    const primary = this.tree.child(ref, "tablePrimary");
    const path = primary && (this.tree.child(primary, "tablePath") ?? this.tree.child(primary, "viewPath"));
    const alias = this.tree.child(ref, "tableAlias");
    const id = alias && this.tree.find(alias, "identifier")[0];
    // A subquery is known by its alias only.
    const name = path ? this.tree.path(path) : id ? this.tree.path(id) : "(subquery)";
    this.addName(id ? this.tree.path(id) : name, name);
  }

  private addName(alias: string, name: string): void {
    this.sources++;
    this.names.set(alias, name);
  }

  all(rule: string): TreeNode[] {
    return this.nodes.filter((n) => this.tree.name(n) === rule);
  }

  /** A column reference with its table alias replaced by the table, or dropped when there is one table. */
  column(node: TreeNode): string {
    const parts = this.tree.path(node).split(".");
    if (parts.length < 2) return parts.join(".");
    const table = this.names.get(parts[0]!);
    if (table === undefined) return parts.join(".");
    return this.sources === 1 ? parts.slice(1).join(".") : [table, ...parts.slice(1)].join(".");
  }

  /** The text of an expression, normalised: keywords upper case, no comments, one way of spacing. */
  render(node: TreeNode): string {
    const pieces: string[] = [];
    const visit = (n: TreeNode) => {
      const rule = this.tree.name(n);
      if (rule === "columnNamePath" || rule === "columnName") return void pieces.push(this.column(n));
      if (n.symbol) {
        if (n.symbol.type < 0) return; // EOF
        const text = this.tree.text(n);
        return void pieces.push(
          isKeyword(n.symbol.type) ? text.toUpperCase() : text.startsWith("`") ? text.slice(1, -1) : text,
        );
      }
      for (const c of n.children ?? []) visit(c);
    };
    visit(node);
    return pieces
      .join(" ")
      .replace(/\s+([,.)])/g, "$1")
      .replace(/([(.])\s+/g, "$1")
      .replace(/([\w`])\s+\(/g, "$1(");
  }
}

const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

function aggregatesOf(tree: SqlTree, scope: Scope): string[] {
  const inOver = new Set<TreeNode>();
  for (const over of scope.all("overWindowItem")) for (const n of tree.walk(over)) inOver.add(n);
  const calls: string[] = [];
  for (const call of scope.all("functionCallExpression")) {
    if (inOver.has(call)) continue;
    const name = tree.child(call, "functionNameWithParams");
    if (name && AGGREGATES.has(tree.text(name).toUpperCase())) calls.push(scope.render(call));
  }
  return sorted(calls);
}

function aggregation(tree: SqlTree, scope: Scope, context: string): StatefulOperator | undefined {
  const groupBy = tree.child(scope.select, "groupByClause");
  const aggregates = aggregatesOf(tree, scope);
  const selectClause = tree.child(scope.select, "selectClause")!;
  const quantifier = tree.child(selectClause, "setQuantifier");
  const distinct = quantifier !== undefined && tree.hasKeyword(quantifier, "DISTINCT");
  if (!groupBy && aggregates.length === 0 && !distinct) return undefined;
  if (!groupBy && aggregates.length === 0) {
    const items = tree.children(tree.child(selectClause, "selectList")!, "columnProjectItem");
    return {
      kind: "aggregate",
      context,
      keys: sorted(items.map((i) => scope.render(i))),
      aggregates,
      inputs: ["DISTINCT"],
    };
  }
  let window: string | undefined;
  const keys: string[] = [];
  for (const item of groupBy ? tree.children(groupBy, "groupItemDefinition") : []) {
    const legacy = tree.child(item, "groupWindowFunction");
    if (legacy) window = scope.render(legacy);
    else keys.push(scope.render(item));
  }
  const tvf = scope.all("windowTVFExpression")[0];
  if (tvf) window = scope.render(tvf);
  const bounds = keys.map((k) => k.split(".").at(-1)!.toLowerCase());
  const windowed = window !== undefined || (bounds.includes("window_start") && bounds.includes("window_end"));
  return {
    kind: windowed ? "window-aggregate" : "aggregate",
    context,
    keys: sorted(keys),
    aggregates,
    ...(window ? { window } : {}),
  };
}

/** The `a = b` conditions an ON clause ANDs together: the join keys Flink extracts. */
function equalities(tree: SqlTree, scope: Scope, condition: TreeNode): string[] {
  const out: string[] = [];
  const visit = (n: TreeNode) => {
    const parts = tree.children(n, "booleanExpression");
    if (parts.length === 2 && tree.hasKeyword(n, "AND")) return parts.forEach(visit);
    const value = tree.child(n, "valueExpression");
    const primary =
      value && tree.children(value, "valueExpression").length === 0 && tree.child(value, "primaryExpression");
    const inner = primary && tree.child(primary, "booleanExpression");
    if (inner && !tree.child(primary, "functionCallExpression")) return visit(inner); // (a = b AND ...)
    const sides = value ? tree.children(value, "valueExpression") : [];
    const op = value && tree.child(value, "comparisonOperator");
    if (sides.length === 2 && op && tree.text(op).trim() === "=")
      out.push(sorted([scope.render(sides[0]!), scope.render(sides[1]!)]).join(" = "));
  };
  const top = tree.child(condition, "booleanExpression");
  if (top) visit(top);
  else out.push(scope.render(condition)); // USING (...)
  return sorted(out);
}

function joins(tree: SqlTree, scope: Scope, context: string): StatefulOperator[] {
  const out: StatefulOperator[] = [];
  // Innermost first: `a JOIN b JOIN c` joins a and b, then c.
  const nested = scope.all("tableExpression").reverse();
  for (const join of nested) {
    if (!tree.hasKeyword(join, "JOIN")) continue;
    const [left, right] = tree.children(join, "tableExpression");
    if (!left || !right) throw new Unreadable("join");
    // Lookup and temporal joins (FOR SYSTEM_TIME AS OF), UNNEST and LATERAL TABLE are not compared:
    // a lookup join keeps no state, and the text cannot tell it from a temporal join.
    const rightText = tree.text(right).toUpperCase();
    if (tree.find(right, "systemTimePeriod").length || /^\s*(UNNEST|LATERAL)\b/.test(rightText)) continue;
    const variant = JOIN_VARIANTS.find((v) => tree.hasKeyword(join, v)) ?? "INNER";
    const condition = tree.child(join, "joinCondition");
    const table = (side: TreeNode) => {
      const ref = tree.find(side, "tableReference")[0];
      const primary = ref && tree.child(ref, "tablePrimary");
      const path = primary && (tree.child(primary, "tablePath") ?? tree.child(primary, "viewPath"));
      const alias = ref && tree.child(ref, "tableAlias");
      return path
        ? tree.path(path)
        : alias
          ? tree.path(tree.find(alias, "identifier")[0] ?? alias)
          : "(subquery)";
    };
    out.push({
      kind: "join",
      context,
      keys: condition ? equalities(tree, scope, condition) : [],
      aggregates: [],
      variant,
      inputs: [table(left), table(right)],
    });
  }
  return out;
}

function overs(tree: SqlTree, scope: Scope, context: string): StatefulOperator[] {
  const named = new Map<string, TreeNode>();
  const clause = tree.child(scope.select, "windowClause");
  for (const w of clause ? tree.children(clause, "namedWindow") : []) {
    const spec = tree.child(w, "windowSpec");
    const id = (w.children ?? []).find((c) => c.ruleIndex !== undefined && c !== spec);
    if (spec && id) named.set(tree.text(id).trim(), spec);
  }
  const out: StatefulOperator[] = [];
  for (const item of scope.all("overWindowItem")) {
    const call = tree.find(item, "functionCallExpression")[0];
    const fn = call && tree.child(call, "functionNameWithParams");
    let spec = tree.child(item, "windowSpec");
    if (!spec) {
      const ref = tree.child(item, "errorCapturingIdentifier");
      spec = ref ? named.get(tree.text(ref).trim()) : undefined;
    }
    if (!call || !fn || !spec) throw new Unreadable("over");
    const name = tree.text(fn).toUpperCase();
    const partition = tree.child(spec, "partitionByClause");
    const orderBy = tree.child(spec, "orderByClause");
    const frame = tree.child(spec, "windowFrame");
    const keys = partition ? tree.children(partition, "columnName").map((c) => scope.column(c)) : [];
    const order = orderBy ? tree.children(orderBy, "orderItemDefinition").map((o) => scope.render(o)) : [];
    if (partition && keys.length === 0) throw new Unreadable("partition");
    out.push(
      RANKS.has(name)
        ? { kind: "rank", context, keys: sorted(keys), aggregates: [], variant: `${name}()`, order }
        : {
            kind: "over-aggregate",
            context,
            keys: sorted(keys),
            aggregates: [scope.render(call)],
            order,
            ...(frame ? { window: scope.render(frame) } : {}),
          },
    );
  }
  return out;
}

/** Where a query block belongs: the INSERT or view it is part of. */
function contextOf(tree: SqlTree, node: TreeNode): string | undefined {
  for (let n = node.parent; n; n = n.parent) {
    const rule = tree.name(n);
    if (rule === "insertSimpleStatement") return `INSERT INTO ${tree.path(tree.child(n, "tablePath")!)}`;
    if (rule === "createView") return `VIEW ${tree.path(tree.child(n, "viewPathCreate")!)}`;
  }
  return undefined;
}

/**
 * The stateful operators of a statement in document order, or undefined when the statement cannot be
 * read for sure (syntax error, parser rewrite, over a limit, MATCH_RECOGNIZE, GROUPING SETS...).
 */
export function statefulOperators(sql: string): StatefulOperator[] | undefined {
  const tree = parseTree(sql);
  if (!tree) return undefined;
  const out: StatefulOperator[] = [];
  try {
    for (const n of tree.walk()) {
      const rule = tree.name(n);
      if (UNREADABLE.has(rule ?? "")) return undefined;
      if (rule !== "selectStatement") continue;
      const context = contextOf(tree, n);
      if (context === undefined) continue;
      const scope = new Scope(tree, n);
      out.push(...joins(tree, scope, context));
      const agg = aggregation(tree, scope, context);
      if (agg) out.push(agg);
      out.push(...overs(tree, scope, context));
    }
  } catch (err) {
    if (err instanceof Unreadable) return undefined;
    throw err;
  }
  return out;
}
