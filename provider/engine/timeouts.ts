/** Go-style durations (`"20m"`, `"1h30m"`, `"500ms"`) as used by `timeouts` and provider settings. */
import type { TimeoutDefaults } from "../../schemas/dsl/types";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(text: string): number | undefined {
  const parts = [...text.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join("") !== text) return undefined;
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNITS[unit], 0);
}

/** The timeout of one operation: the resource's `timeouts` attribute, else the spec default. */
export function operationTimeoutMs(
  state: Record<string, unknown> | null,
  defaults: TimeoutDefaults,
  op: "create" | "read" | "update" | "delete",
): number {
  const configured = (state?.timeouts as Record<string, unknown> | null | undefined)?.[op];
  const fromConfig = typeof configured === "string" ? parseDuration(configured) : undefined;
  return fromConfig ?? parseDuration(defaults[op]) ?? 20 * 60_000;
}
