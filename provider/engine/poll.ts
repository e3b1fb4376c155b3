import { formatDuration } from "../../schemas/dsl/duration";
import { sleep } from "../client/sleep";
import { untilAborted } from "./until-aborted";

/**
 * Polls until a condition holds, for the waits after create/update: service `RUNNING` seen 5
 * times in a row, integration `active` 10 times in a row, deployment `RUNNING` (or `FAILED`,
 * which stops at once with the job's `error_msg`).
 */
export interface PollOptions<T> {
  /** Reads the current state. Gets a signal that fires on abort or timeout; pass it on to the API client. */
  fetch: (signal: AbortSignal) => Promise<T>;
  done: (value: T) => boolean;
  /** Returns an error message to stop with (checked before `done`), or undefined to go on. */
  failed?: (value: T) => string | undefined;
  /** How many polls in a row must see `done`; one miss starts the count again. @default 1 */
  consecutive?: number;
  timeoutMs: number;
  /** Wait before the first poll. @default 0 */
  initialDelayMs?: number;
  /** Gap between polls; also the gap while counting consecutive successes. @default 1000 */
  minIntervalMs?: number;
  /** The gap grows by half after each poll that is not done, up to this. @default 10000 */
  maxIntervalMs?: number;
  signal?: AbortSignal;
  onProgress?: (value: T, elapsedMs: number) => void;
  /** Used in messages: "waiting for <what>", e.g. `service "flink1" to be RUNNING`. */
  what?: string;
  /**
   * Short summary of a value for the timeout message, e.g. the state. Without it the message
   * shows no value: a whole API object may hold secrets (a service's `service_uri`).
   */
  describe?: (value: T) => string;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export type PollErrorCode = "POLL_TIMEOUT" | "POLL_FAILED" | "POLL_ABORTED";

export class PollError extends Error {
  override readonly name: string = "PollError";
  constructor(
    readonly code: PollErrorCode,
    message: string,
    /** The last value fetched, if any. */
    readonly lastValue: unknown,
    readonly polls: number,
    readonly elapsedMs: number,
  ) {
    super(message);
  }
}

export class PollTimeoutError extends PollError {
  override readonly name = "PollTimeoutError";
  constructor(message: string, lastValue: unknown, polls: number, elapsedMs: number) {
    super("POLL_TIMEOUT", message, lastValue, polls, elapsedMs);
  }
}

export class PollFailedError extends PollError {
  override readonly name = "PollFailedError";
  constructor(
    /** The message `failed` returned, e.g. a deployment's `error_msg`. */
    readonly reason: string,
    lastValue: unknown,
    polls: number,
    elapsedMs: number,
  ) {
    super("POLL_FAILED", reason, lastValue, polls, elapsedMs);
  }
}

export class PollAbortedError extends PollError {
  override readonly name = "PollAbortedError";
  constructor(message: string, lastValue: unknown, polls: number, elapsedMs: number) {
    super("POLL_ABORTED", message, lastValue, polls, elapsedMs);
  }
}

export async function pollUntil<T>(options: PollOptions<T>): Promise<T> {
  const consecutive = options.consecutive ?? 1;
  if (!Number.isInteger(consecutive) || consecutive < 1) {
    throw new TypeError(`consecutive must be an integer >= 1, got ${consecutive}`);
  }
  // Node fires a timer above 2^31-1 ms at once: such a timeout would end every wait immediately.
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0 || options.timeoutMs > MAX_TIMER_MS) {
    throw new TypeError(`timeoutMs must be between 1 and ${MAX_TIMER_MS}, got ${options.timeoutMs}`);
  }
  const minInterval = Math.max(0, options.minIntervalMs ?? 1_000);
  const maxInterval = Math.max(minInterval, options.maxIntervalMs ?? 10_000);
  const what = options.what ?? "the condition";
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  // One signal for fetches and waits, fired by the caller's abort or by the deadline.
  const inner = new AbortController();
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    inner.abort();
  }, options.timeoutMs);
  const forwardAbort = () => inner.abort();
  options.signal?.addEventListener("abort", forwardAbort, { once: true });
  if (options.signal?.aborted) inner.abort();

  let polls = 0;
  let streak = 0;
  let last: T | undefined;
  const stopped = () => new Error("poll stopped");
  try {
    if (options.initialDelayMs) await sleep(options.initialDelayMs, inner.signal, stopped);
    let interval = minInterval;
    for (;;) {
      if (inner.signal.aborted) throw stopped();
      const value = await untilAborted(options.fetch(inner.signal), inner.signal, stopped);
      polls++;
      last = value;
      options.onProgress?.(value, elapsed());
      const failure = options.failed?.(value);
      if (failure !== undefined) throw new PollFailedError(failure, value, polls, elapsed());
      let wait: number;
      if (options.done(value)) {
        streak++;
        if (streak >= consecutive) return value;
        wait = minInterval;
      } else {
        streak = 0;
        wait = interval;
        interval = Math.min(maxInterval, Math.round(interval * 1.5));
      }
      await sleep(wait, inner.signal, stopped);
    }
  } catch (err) {
    if (err instanceof PollFailedError) throw err;
    // Whatever the fetch threw because we aborted it is noise; say why we stopped.
    if (options.signal?.aborted) {
      throw new PollAbortedError(`stopped waiting for ${what}: aborted`, last, polls, elapsed());
    }
    if (timedOut) {
      const seen =
        polls === 0
          ? "; nothing was read yet"
          : options.describe
            ? `; last seen: ${options.describe(last as T)}`
            : "";
      const progress =
        consecutive > 1 && streak > 0 ? ` (done ${streak} of ${consecutive} times in a row)` : "";
      throw new PollTimeoutError(
        `timed out after ${formatDuration(options.timeoutMs)} waiting for ${what}${seen}${progress}`,
        last,
        polls,
        elapsed(),
      );
    }
    throw err;
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener("abort", forwardAbort);
  }
}
