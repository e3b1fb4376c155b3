/** Waits declared in specs (`wait.create`) and used by hooks, polled through the read operation. */
import type { ApiObject, WaitSpec } from "../../schemas/dsl/types";
import { isApiError } from "../client";
import { isApiUnavailable, unavailableProgress } from "./api-unavailable";
import { pollUntil } from "./poll";

export interface WaitTiming {
  /** Shortest gap between polls; tests against the accelerated local control plane lower it. */
  readonly minIntervalMs: number;
  readonly maxIntervalMs: number;
}

/**
 * How often waits poll: every 2 s growing to 10 s against a remote API (it is rate-limited and
 * eventually consistent anyway), every 250 ms up to 1 s against a control plane on this machine,
 * where a poll costs a millisecond and apply would otherwise mostly be spent sleeping.
 * FLINKFORM_POLL_INTERVAL_MS sets the shortest gap either way.
 */
export function defaultWaitTiming(env: NodeJS.ProcessEnv = process.env, apiUrl?: string): WaitTiming {
  const min = Number(env.FLINKFORM_POLL_INTERVAL_MS);
  const local = apiUrl !== undefined && isLoopback(apiUrl);
  const minIntervalMs = Number.isFinite(min) && min > 0 ? min : local ? 250 : 2000;
  return { minIntervalMs, maxIntervalMs: Math.max(minIntervalMs, local ? 1000 : 10_000) };
}

function isLoopback(apiUrl: string): boolean {
  try {
    const host = new URL(apiUrl).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** What a poll saw when the API did not answer: not done, not failed, polled again. */
const UNAVAILABLE = Symbol("api unavailable");
type Seen = ApiObject | null | typeof UNAVAILABLE;

/**
 * Polls until the object's `wait.field` reaches one of `wait.until`. Returns the last object, or
 * null when it disappeared and `gone` counts as done (deletes). While the API does not answer (an
 * outage, a restart) the wait goes on, with a progress line, until its timeout.
 */
export async function waitFor(options: {
  wait: WaitSpec;
  what: string;
  read: (signal: AbortSignal) => Promise<ApiObject>;
  timeoutMs: number;
  timing: WaitTiming;
  signal: AbortSignal;
  goneIsDone?: boolean;
  onProgress?: (message: string) => void;
}): Promise<ApiObject | null> {
  const { wait } = options;
  const deadline = performance.now() + options.timeoutMs;
  const shown = (obj: Seen) =>
    obj === UNAVAILABLE
      ? "the API was not answering"
      : obj
        ? `${wait.field} = ${String(obj[wait.field])}`
        : "not found";
  const result = await pollUntil<Seen>({
    what: options.what,
    fetch: async (signal) => {
      try {
        return await options.read(signal);
      } catch (err) {
        if (isApiError(err, "FLINK_API_NOT_FOUND") && (options.goneIsDone || wait.notFoundIsPending))
          return null;
        if (isApiUnavailable(err) && !signal.aborted) {
          options.onProgress?.(unavailableProgress(options.what, err, deadline - performance.now()));
          return UNAVAILABLE;
        }
        throw err;
      }
    },
    done: (obj) =>
      obj === UNAVAILABLE
        ? false
        : obj === null
          ? Boolean(options.goneIsDone)
          : wait.until.includes(obj[wait.field] as string | boolean),
    failed: (obj) => {
      if (obj === UNAVAILABLE) return undefined;
      const reported = obj && wait.failWhen?.(obj);
      if (reported) return `${options.what}: ${reported}`;
      if (!obj || !wait.failOn?.includes(String(obj[wait.field]))) return undefined;
      const reason = wait.errorField ? obj[wait.errorField] : undefined;
      return `${options.what} is ${String(obj[wait.field])}${reason ? `: ${String(reason)}` : ""}`;
    },
    describe: shown,
    consecutive: wait.consecutive ?? 1,
    timeoutMs: options.timeoutMs,
    minIntervalMs: options.timing.minIntervalMs,
    maxIntervalMs: options.timing.maxIntervalMs,
    signal: options.signal,
    onProgress: (obj, elapsed) => {
      if (obj === UNAVAILABLE) return;
      options.onProgress?.(
        `${options.what}: ${obj ? shown(obj) : "not visible yet"} after ${Math.round(elapsed / 1000)}s`,
      );
    },
  });
  return result === UNAVAILABLE ? null : result;
}
