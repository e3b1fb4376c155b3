/**
 * Which restart-strategy parameters belong to which type, and the constraints between them
 * (reference: flink-rules.md §1a). Shared by the `flink_service` validator and the constructs.
 */
import type { HookDiagnostic, StateObject } from "../dsl/types";
import { own } from "../own";

export const RESTART_PARAMETERS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  "failure-rate": ["max_failures", "failure_rate_interval_min", "delay_sec"],
  "fixed-delay": ["max_failures", "delay_sec"],
  "exponential-delay": ["delay_sec", "max_backoff_sec", "backoff_multiplier", "jitter_factor"],
  none: [],
};

export const ALL_RESTART_PARAMETERS = [
  "delay_sec",
  "max_failures",
  "failure_rate_interval_min",
  "max_backoff_sec",
  "backoff_multiplier",
  "jitter_factor",
] as const;

/**
 * Rules for a `restart_strategy` object. `path` is where the object sits (for diagnostics);
 * unresolved values (Terraform unknowns, CDK tokens) are skipped.
 */
export function checkRestartStrategy(
  strategy: StateObject,
  path: readonly (string | number)[],
  isUnresolved: (v: unknown) => boolean,
): HookDiagnostic[] {
  const out: HookDiagnostic[] = [];
  const type = strategy.type;
  if (typeof type !== "string" || isUnresolved(type)) return out;
  const allowed = own(RESTART_PARAMETERS_BY_TYPE, type);
  if (!allowed) return out; // an unknown type is reported by the enum check
  for (const name of ALL_RESTART_PARAMETERS) {
    const value = strategy[name];
    if (value === null || value === undefined || allowed.includes(name)) continue;
    out.push({
      severity: "error",
      path: [...path, name],
      summary: "Restart Strategy Parameter Not Used",
      detail:
        `${name} has no effect with restart strategy type "${type}". ` +
        (allowed.length
          ? `Parameters for "${type}": ${allowed.join(", ")}.`
          : `Type "${type}" takes no parameters: failed jobs are not restarted.`),
    });
  }
  if (type === "exponential-delay") {
    const initial = strategy.delay_sec;
    const max = strategy.max_backoff_sec;
    if (
      typeof initial === "number" &&
      typeof max === "number" &&
      !isUnresolved(initial) &&
      !isUnresolved(max) &&
      initial > max
    ) {
      out.push({
        severity: "error",
        path: [...path, "delay_sec"],
        summary: "Invalid Restart Backoff",
        detail: `delay_sec (the initial backoff, ${initial}) must not exceed max_backoff_sec (${max}).`,
      });
    }
    const multiplier = strategy.backoff_multiplier;
    if (typeof multiplier === "number" && !isUnresolved(multiplier) && multiplier <= 1) {
      out.push({
        severity: "error",
        path: [...path, "backoff_multiplier"],
        summary: "Invalid Restart Backoff",
        detail: `backoff_multiplier must be greater than 1 so the delay grows, got ${multiplier}.`,
      });
    }
  }
  return out;
}
