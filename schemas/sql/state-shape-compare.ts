/**
 * Whether a running job's savepoint fits a new version of its statement. Flink restores a savepoint
 * operator by operator: an operator whose grouping/join keys, aggregate functions or window change
 * keeps its place in the job graph but cannot read its old state (key or accumulator serializers
 * differ), and the state of a removed operator is claimed by nobody. Both fail the new job's restore
 * (the second only without allow-non-restored-state). Operators are paired by kind in document order
 * after identical ones are set aside; an operator only the new version has starts empty, which Flink
 * accepts, so it is not reported. Nothing is reported when either statement cannot be read for sure.
 */
import { type StatefulOperator, type StatefulOperatorKind, statefulOperators } from "./state-shape";

export type StateFindingCode =
  | "operator-removed"
  | "keys-changed"
  | "aggregates-changed"
  | "window-changed"
  | "join-type-changed"
  | "order-changed";

export interface StateFinding {
  readonly code: StateFindingCode;
  /** The old operator, as a user would name it: `the GROUP BY aggregation over url`. */
  readonly operator: string;
  readonly message: string;
}

const list = (items: readonly string[]) => items.join(", ");

/** How the finding names an operator of the running version. */
export function describeOperator(op: StatefulOperator, withContext: boolean): string {
  const where = withContext ? ` in ${op.context}` : "";
  const over = op.keys.length ? ` over ${list(op.keys)}` : "";
  const by = `${op.keys.length ? `PARTITION BY ${list(op.keys)} ` : ""}ORDER BY ${list(op.order ?? [])}`;
  const names: Record<StatefulOperatorKind, () => string> = {
    aggregate: () =>
      op.inputs?.includes("DISTINCT")
        ? `the SELECT DISTINCT${over}`
        : op.keys.length
          ? `the GROUP BY aggregation${over}`
          : `the aggregation without GROUP BY (${list(op.aggregates)})`,
    "window-aggregate": () => `the window aggregation${op.window ? ` ${op.window}` : ""}${over}`,
    join: () =>
      `the ${op.variant} JOIN of ${(op.inputs ?? []).join(" and ")}${op.keys.length ? ` on ${op.keys.join(" AND ")}` : ""}`,
    rank: () => `the ${op.variant} OVER (${by}) (deduplication or Top-N)`,
    "over-aggregate": () => `the OVER aggregation ${list(op.aggregates)} (${by})`,
  };
  return names[op.kind]() + where;
}

const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a ?? []).join("\n") === (b ?? []).join("\n");

function signature(op: StatefulOperator): string {
  return JSON.stringify([
    op.kind,
    op.context,
    op.keys,
    op.aggregates,
    op.window,
    op.variant,
    op.order,
    op.inputs,
  ]);
}

function differences(
  old: StatefulOperator,
  now: StatefulOperator,
): { code: StateFindingCode; what: string }[] {
  const out: { code: StateFindingCode; what: string }[] = [];
  if (old.kind === "join" && old.variant !== now.variant)
    out.push({ code: "join-type-changed", what: `join type changed to ${now.variant}` });
  if (!same(old.keys, now.keys)) {
    const noun =
      old.kind === "join"
        ? "join keys"
        : old.kind === "aggregate" || old.kind === "window-aggregate"
          ? "keys"
          : "PARTITION BY keys";
    out.push({
      code: "keys-changed",
      what: `${noun} changed to ${now.keys.length ? list(now.keys) : "none"}`,
    });
  }
  if (!same(old.aggregates, now.aggregates)) {
    const added = now.aggregates.filter((a) => !old.aggregates.includes(a));
    const removed = old.aggregates.filter((a) => !now.aggregates.includes(a));
    const parts = [
      added.length ? `added ${list(added)}` : "",
      removed.length ? `removed ${list(removed)}` : "",
    ];
    out.push({
      code: "aggregates-changed",
      what: `aggregate functions changed (${parts.filter(Boolean).join("; ")})`,
    });
  }
  // A window only one side names (a TVF in a subquery) is not known to differ.
  if (old.window !== undefined && now.window !== undefined && old.window !== now.window)
    out.push({ code: "window-changed", what: `window changed to ${now.window}` });
  if (!same(old.order, now.order))
    out.push({ code: "order-changed", what: `ORDER BY changed to ${list(now.order ?? [])}` });
  return out;
}

/** Operators of the same kind, context aside: an INSERT's target may change without touching its state. */
const pairKey = (op: StatefulOperator) => op.kind + (op.inputs?.includes("DISTINCT") ? ":distinct" : "");

/**
 * What keeps the running job's state from restoring into the new statement, one finding per old
 * operator; empty when nothing is known to break or when either statement cannot be read.
 */
export function compareStateShapes(oldSql: string, newSql: string): StateFinding[] {
  const before = statefulOperators(oldSql);
  const after = statefulOperators(newSql);
  if (!before || !after || before.length === 0) return [];
  const withContext = new Set(before.map((o) => o.context)).size > 1;
  const unmatchedNew = [...after];
  const unmatchedOld: StatefulOperator[] = [];
  for (const op of before) {
    const i = unmatchedNew.findIndex((n) => signature(n) === signature(op));
    if (i >= 0) unmatchedNew.splice(i, 1);
    else unmatchedOld.push(op);
  }
  const findings: StateFinding[] = [];
  for (const op of unmatchedOld) {
    const operator = describeOperator(op, withContext);
    const sameKind = (n: StatefulOperator) => pairKey(n) === pairKey(op);
    let i = unmatchedNew.findIndex((n) => sameKind(n) && n.context === op.context);
    if (i < 0) i = unmatchedNew.findIndex(sameKind);
    if (i < 0) {
      findings.push({ code: "operator-removed", operator, message: `${operator} was removed` });
      continue;
    }
    const [now] = unmatchedNew.splice(i, 1);
    for (const d of differences(op, now!))
      findings.push({ code: d.code, operator, message: `${operator}: ${d.what}` });
  }
  return findings;
}
