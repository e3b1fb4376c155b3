/**
 * Which parallelism changes Flink cannot restore a SQL job's state across. Flink SQL gives operators
 * no ids of their own: Flink derives each id from the job graph, including which operators are
 * chained together, and operators only chain at equal parallelism. An operator pinned to a
 * parallelism of its own — the filesystem sink's committer always runs at 1; a table's
 * 'sink.parallelism' or 'scan.parallelism' — chains with its neighbours only while the job runs at
 * that parallelism. A change to or from it changes the ids, and the savepoint's state maps onto no
 * operator of the new job. Measured on Flink 1.20.3 with a filesystem sink: 1 → 2 and 3 → 1 are
 * refused ("Cannot map checkpoint/savepoint state"), 2 → 3 restores. Shared by the deployment's plan
 * (a warning) and the simulated engine (which refuses the restore as Flink does).
 */

export interface PinnedOperator {
  /** What runs at its own parallelism, for the message. */
  readonly what: string;
  readonly parallelism: number;
}

const optionValue = (ddl: string, key: string): string | undefined =>
  new RegExp(`'${key.replace(/\./g, "\\.")}'\\s*=\\s*'([^']*)'`, "i").exec(ddl)?.[1];

const tableName = (ddl: string): string =>
  /create\s+(?:temporary\s+)?table\s+(?:if\s+not\s+exists\s+)?([`"]?[\w.]+[`"]?)/i.exec(ddl)?.[1] ??
  "a table";

/** The operators of a version's tables (their CREATE TABLE statements) that run at a parallelism of their own. */
export function pinnedOperators(sinks: readonly string[], sources: readonly string[]): PinnedOperator[] {
  const pinned: PinnedOperator[] = [];
  for (const ddl of sinks) {
    if (optionValue(ddl, "connector")?.toLowerCase() === "filesystem")
      pinned.push({ what: `the committer of filesystem sink ${tableName(ddl)}`, parallelism: 1 });
    const own = Number(optionValue(ddl, "sink.parallelism"));
    if (Number.isInteger(own) && own > 0)
      pinned.push({ what: `sink ${tableName(ddl)} ('sink.parallelism')`, parallelism: own });
  }
  for (const ddl of sources) {
    const own = Number(optionValue(ddl, "scan.parallelism"));
    if (Number.isInteger(own) && own > 0)
      pinned.push({ what: `source ${tableName(ddl)} ('scan.parallelism')`, parallelism: own });
  }
  return pinned;
}

/** The pinned operators whose chaining a change from `before` to `after` changes. */
export function chainingChanges(
  pinned: readonly PinnedOperator[],
  before: number,
  after: number,
): PinnedOperator[] {
  return pinned.filter((p) => (before === p.parallelism) !== (after === p.parallelism));
}
