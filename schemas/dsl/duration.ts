/**
 * Go-style durations (`"20m"`, `"1h30m"`, `"500ms"`) as written in `timeouts` and provider settings,
 * shared by the validators (plan time), the docs and the provider engine (apply time).
 */

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g;

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  // Bounded input: a duration is short, and a long one must not cost a long scan.
  if (text.length === 0 || text.length > 64) return undefined;
  const parts = [...text.matchAll(PART)];
  if (!parts.length || parts.map((p) => p[0]).join("") !== text) return undefined;
  const ms = parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNITS[unit]!, 0);
  return Number.isFinite(ms) ? ms : undefined;
}

/** The range a duration attribute accepts, written as durations (`"1s"`, `"24h"`). */
export interface DurationRange {
  readonly min: string;
  readonly max: string;
  /** Values within the range, shown in messages and docs. */
  readonly examples: readonly string[];
}

/**
 * Resource `timeouts`: at least a second (zero would fail every wait at once) and at most a day.
 * The upper bound also keeps every timer below 2^31 ms, where Node fires a timer at once.
 */
export const TIMEOUT_RANGE: DurationRange = { min: "1s", max: "24h", examples: ["30s", "20m", "1h30m"] };

/** One API request: a second to an hour. */
export const REQUEST_TIMEOUT_RANGE: DurationRange = { min: "1s", max: "1h", examples: ["30s", "2m"] };

/**
 * A deployment's `savepoint_interval`: savepoints more often than a minute are what checkpoints are
 * for, and one a week is the least that still bounds how much a restore loses.
 */
export const SAVEPOINT_INTERVAL_RANGE: DurationRange = {
  min: "1m",
  max: "168h",
  examples: ["15m", "1h", "24h"],
};

/** The phrase shared by the validator and the docs. */
export function durationPhrase(range: DurationRange): string {
  const shown = range.examples.map((e) => `\`"${e}"\``);
  const examples = `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
  return `must be a duration such as ${examples}, between \`${range.min}\` and \`${range.max}\``;
}

/** Whether the text is a duration within the range. */
export function isDurationWithin(text: string, range: DurationRange): boolean {
  const ms = parseDuration(text);
  return ms !== undefined && ms >= parseDuration(range.min)! && ms <= parseDuration(range.max)!;
}

/** A duration for messages: `45 s`, `20 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1_000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
