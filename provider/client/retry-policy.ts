/**
 * Pure pieces of the retry policy, kept apart from the HTTP code so they can be tested on their own.
 */

/**
 * Parses a `Retry-After` header: delta-seconds or an HTTP date. Returns milliseconds to wait
 * (>= 0), or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  nowMs = Date.now(),
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // A date must look like one: Date.parse accepts odd strings such as "1" or "-5".
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

export interface BackoffOptions {
  minDelayMs: number;
  maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter: a uniform draw between minDelayMs and
 * min(maxDelayMs, minDelayMs * 2^retry). Full jitter spreads clients that failed together
 * (a control plane restart) instead of having them retry in lock-step.
 * `retry` is 0 for the first retry.
 */
export function backoffDelay(
  retry: number,
  opts: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.minDelayMs * 2 ** Math.min(retry, 30));
  const floor = Math.min(opts.minDelayMs, ceiling);
  return Math.round(floor + random() * (ceiling - floor));
}

/**
 * The delay before the next attempt: the server's Retry-After when it sent one (capped by
 * maxDelayMs, so a hostile or confused server cannot park us for hours), else backoff.
 */
export function retryDelay(retry: number, retryAfterMs: number | undefined, opts: BackoffOptions): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, opts.maxDelayMs);
  return backoffDelay(retry, opts);
}
