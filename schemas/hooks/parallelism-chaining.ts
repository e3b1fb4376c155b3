/**
 * Plan-time warning for a parallelism change that Flink cannot restore: the change moves an operator
 * pinned to a parallelism of its own into or out of its neighbours' chain, which changes Flink SQL's
 * operator ids (schemas/sql/operator-chaining.ts has the rule and what was measured), so Flink
 * refuses the restore and the apply rolls back.
 */
import type { HookDiagnostic, StateObject } from "../dsl/types";
import { chainingChanges, pinnedOperators } from "../sql/operator-chaining";
import type { VersionReader } from "./planned-version";

const createTables = (list: unknown): string[] =>
  Array.isArray(list)
    ? list
        .map((t) => (t && typeof t === "object" ? (t as Record<string, unknown>).create_table : undefined))
        .filter((s): s is string => typeof s === "string")
    : [];

/** The warning for a stateful handover whose parallelism change Flink will refuse to restore. */
export async function parallelismChainingWarning(
  prior: StateObject,
  planned: StateObject,
  targetVersion: VersionReader,
): Promise<HookDiagnostic | undefined> {
  const [before, after] = [prior.parallelism, planned.parallelism];
  if (typeof before !== "number" || typeof after !== "number" || before === after) return undefined;
  if (planned.upgrade_mode === "stateless" || prior.status !== "RUNNING") return undefined;
  const version = await targetVersion();
  if (!version) return undefined;
  const changes = chainingChanges(
    pinnedOperators(createTables(version.sinks), createTables(version.sources)),
    before,
    after,
  );
  if (changes.length === 0) return undefined;
  const first = changes[0]!;
  const restorePoint = planned.upgrade_mode === "last-state" ? "checkpoint" : "savepoint";
  return {
    severity: "warning",
    path: ["parallelism"],
    summary: "Parallelism Change Flink Cannot Restore",
    detail:
      `Changing parallelism from ${before} to ${after} changes which operators Flink chains to ${changes.map((c) => `${c.what}, which runs at parallelism ${c.parallelism}`).join("; ")}. ` +
      `Flink SQL derives operator ids from that chaining, so the running job's ${restorePoint} will not map onto the new job: Flink refuses the restore ("Cannot map checkpoint/savepoint state") and the apply rolls back to parallelism ${before}. ` +
      `Parallelisms on the same side restore (both ${first.parallelism}, or both other than ${first.parallelism}); upgrade_mode = "stateless" makes the change with empty state, and allow_non_restored_state = true starts the job without the state of the operators it cannot map.`,
  };
}
