/**
 * Telling "the API did not answer" (an outage, a restart, an overload) from "the API refused": the
 * first is waited out for as long as the operation's timeout allows, the second fails at once.
 */
import { formatDuration } from "../../schemas/dsl/duration";
import { ApiError, type ApiErrorCode, isApiError } from "../client";
import { sleep } from "../client/sleep";

const UNAVAILABLE: ReadonlySet<ApiErrorCode> = new Set([
  "FLINK_API_CONNECTION_LOST",
  "FLINK_API_TIMEOUT",
  "FLINK_API_SERVER_ERROR",
  "FLINK_API_RATE_LIMITED",
]);

/**
 * True when the API failed to answer after the client's own retries. A connection refused before
 * the API ever answered is not among them: that is a wrong URL, reported at once.
 */
export function isApiUnavailable(err: unknown): err is ApiError {
  if (!isApiError(err)) return false;
  if (err.is("FLINK_API_CONNECTION")) return err.reachedBefore;
  return UNAVAILABLE.has(err.code);
}

/** A progress line for a call that found the API unavailable and will try again. */
export function unavailableProgress(what: string, err: ApiError, leftMs: number): string {
  return `${what}: the API is not answering (${err.apiMessage}); trying again for up to ${formatDuration(Math.max(0, leftMs))}`;
}

/**
 * Runs `call` until it settles with anything but "API unavailable", or until `deadline`
 * (performance.now() time), when the last unavailable error is thrown.
 */
export async function untilAvailable<T>(
  call: () => Promise<T>,
  options: {
    deadline: number;
    signal: AbortSignal;
    what: string;
    progress?: (message: string) => void;
    /** Gap between tries. @default 2000 */
    intervalMs?: number;
  },
): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (err) {
      const left = options.deadline - performance.now();
      if (!isApiUnavailable(err) || left <= 0 || options.signal.aborted) throw err;
      options.progress?.(unavailableProgress(options.what, err, left));
      const gap = Math.min(options.intervalMs ?? 2_000, left);
      await sleep(
        gap,
        options.signal,
        () =>
          new ApiError({
            code: "FLINK_API_ABORTED",
            message: "request aborted",
            method: err.method,
            pathTemplate: err.pathTemplate,
          }),
      );
    }
  }
}
