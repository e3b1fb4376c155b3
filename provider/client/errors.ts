/**
 * Typed errors of the API client. Callers branch on `code`, never on `message`: the message is
 * the API's human text and may change; the code is stable.
 *
 * An error carries the method and the path TEMPLATE (`/project/{project}/service/{service_name}`),
 * never the expanded path with user values, never the token, never a request body (bodies may
 * hold passwords of integration endpoints).
 */

export const API_ERROR_CODES = [
  "FLINK_API_BAD_REQUEST", // 400, 422
  "FLINK_API_UNAUTHORIZED", // 401
  "FLINK_API_FORBIDDEN", // 403
  "FLINK_API_NOT_FOUND", // 404
  "FLINK_API_CONFLICT", // 409
  "FLINK_API_EXPECTATION_FAILED", // 417: e.g. deleting an application that still has deployments
  "FLINK_API_RATE_LIMITED", // 429 after the retries ran out
  "FLINK_API_CLIENT_ERROR", // any other 4xx (405, 413, ...)
  "FLINK_API_SERVER_ERROR", // 5xx after the retries ran out
  "FLINK_API_TIMEOUT", // no complete answer within requestTimeoutMs, or 408 after the retries ran out
  "FLINK_API_CONNECTION", // could not connect: nothing was sent (refused, unknown host, connect timeout)
  "FLINK_API_CONNECTION_LOST", // the connection broke after the request was sent: its outcome is unknown
  "FLINK_API_ABORTED", // the caller's AbortSignal fired
  "FLINK_API_INVALID_RESPONSE", // a 2xx answer whose body is not the JSON we expect
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One entry of the API's `errors[]` array. */
export interface ApiErrorDetail {
  message: string;
  status?: number;
  error_code?: string;
  more_info?: string;
  metadata?: Record<string, unknown>;
}

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  /** HTTP status, or 0 when there was no HTTP answer (connection, timeout, abort). */
  status?: number;
  method: string;
  pathTemplate: string;
  errors?: ApiErrorDetail[];
  attempts?: number;
  /** Whether this client had reached the API before (see ApiError.reachedBefore). */
  reachedBefore?: boolean;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when no HTTP answer was received. */
  readonly status: number;
  /** The API's own `message` (or the truncated raw body), without the `[status METHOD path]` prefix. */
  readonly apiMessage: string;
  /** The API's `errors[]`, as sent (may be empty). */
  readonly errors: readonly ApiErrorDetail[];
  readonly method: string;
  readonly pathTemplate: string;
  /** How many HTTP attempts were made before giving up. */
  readonly attempts: number;
  /**
   * Whether something at the API's address had answered this client (or accepted one of its
   * requests) before this error. A connection refused at the very start is most likely a wrong
   * URL; after that it is an outage or a restart.
   */
  readonly reachedBefore: boolean;

  constructor(init: ApiErrorInit) {
    const status = init.status ?? 0;
    const prefix =
      status > 0 ? `${status} ${init.method} ${init.pathTemplate}` : `${init.method} ${init.pathTemplate}`;
    super(`[${prefix}]: ${init.message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = status;
    this.apiMessage = init.message;
    this.errors = init.errors ?? [];
    this.method = init.method;
    this.pathTemplate = init.pathTemplate;
    this.attempts = init.attempts ?? 1;
    this.reachedBefore = init.reachedBefore ?? status > 0;
  }

  is(code: ApiErrorCode): boolean {
    return this.code === code;
  }

  /** The machine codes (`errors[].error_code`) the API sent, if any. */
  get apiErrorCodes(): string[] {
    return this.errors.flatMap((e) => (typeof e.error_code === "string" ? [e.error_code] : []));
  }
}

/** Type guard: `isApiError(err, "FLINK_API_NOT_FOUND")`. */
export function isApiError(err: unknown, code?: ApiErrorCode): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

export function errorCodeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
    case 422:
      return "FLINK_API_BAD_REQUEST";
    case 401:
      return "FLINK_API_UNAUTHORIZED";
    case 403:
      return "FLINK_API_FORBIDDEN";
    case 404:
      return "FLINK_API_NOT_FOUND";
    case 408:
      return "FLINK_API_TIMEOUT";
    case 409:
      return "FLINK_API_CONFLICT";
    case 417:
      return "FLINK_API_EXPECTATION_FAILED";
    case 429:
      return "FLINK_API_RATE_LIMITED";
    default:
      return status >= 500 ? "FLINK_API_SERVER_ERROR" : "FLINK_API_CLIENT_ERROR";
  }
}

const MAX_MESSAGE_CHARS = 500;

/** Collapses whitespace and cuts long text (an HTML error page from a proxy, say). */
export function truncateText(text: string, max = MAX_MESSAGE_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}… (${flat.length - max} more characters)` : flat;
}

/**
 * Reads an error body: `{"errors":[...],"message":"..."}` when it is JSON of that shape,
 * otherwise the raw text (truncated) becomes the message, as the official clients do.
 */
export function parseErrorBody(raw: string, status: number): { message: string; errors: ApiErrorDetail[] } {
  let parsed: unknown;
  try {
    parsed = raw.trim() === "" ? undefined : JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
    const obj = parsed as Record<string, unknown>;
    const errors = Array.isArray(obj.errors) ? obj.errors.flatMap(toDetail) : [];
    const message =
      typeof obj.message === "string" && obj.message !== ""
        ? obj.message
        : (errors[0]?.message ?? truncateText(raw));
    return { message: truncateText(message), errors };
  }
  const text = truncateText(raw);
  return { message: text === "" ? `HTTP ${status} with an empty body` : text, errors: [] };
}

function toDetail(e: unknown): ApiErrorDetail[] {
  if (e === null || typeof e !== "object") return [];
  const o = e as Record<string, unknown>;
  const detail: ApiErrorDetail = { message: typeof o.message === "string" ? o.message : "" };
  if (typeof o.status === "number") detail.status = o.status;
  if (typeof o.error_code === "string") detail.error_code = o.error_code;
  if (typeof o.more_info === "string") detail.more_info = o.more_info;
  if (o.metadata !== null && typeof o.metadata === "object") {
    detail.metadata = o.metadata as Record<string, unknown>;
  }
  return [detail];
}
