/** The timeout of each operation, from the resource's `timeouts` attribute or the spec's defaults. */
import { parseDuration, TIMEOUT_RANGE } from "../../schemas/dsl/duration";
import type { TimeoutDefaults } from "../../schemas/dsl/types";

export { parseDuration } from "../../schemas/dsl/duration";

const MIN_MS = parseDuration(TIMEOUT_RANGE.min)!;
const MAX_MS = parseDuration(TIMEOUT_RANGE.max)!;

/**
 * The timeout of one operation: the resource's `timeouts` attribute, else the spec default. Plan
 * refuses values outside 1 s … 24 h; state written before that check could still hold one, so the
 * value is clamped here too (a timer above 2^31 ms would fire at once).
 */
export function operationTimeoutMs(
  state: Record<string, unknown> | null,
  defaults: TimeoutDefaults,
  op: "create" | "read" | "update" | "delete",
): number {
  const configured = (state?.timeouts as Record<string, unknown> | null | undefined)?.[op];
  const fromConfig = typeof configured === "string" ? parseDuration(configured) : undefined;
  const ms = fromConfig ?? parseDuration(defaults[op]) ?? 20 * 60_000;
  return Math.min(MAX_MS, Math.max(MIN_MS, ms));
}
