import { Pool } from "undici";
import {
  ApiError,
  type ApiErrorCode,
  type ApiErrorDetail,
  errorCodeForStatus,
  parseErrorBody,
} from "./errors";
import { expandPath } from "./path-template";
import { parseRetryAfter, retryDelay } from "./retry-policy";
import { sleep } from "./sleep";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
export type LogLevel = "debug" | "info" | "warn" | "error";
/** Receives one line per attempt. Fields never hold the token, the expanded path or a body. */
export type ApiLogger = (level: LogLevel, message: string, fields: Record<string, unknown>) => void;

export interface ApiClientOptions {
  /** e.g. `https://api.aiven.io/v1` or `http://127.0.0.1:8080/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: aivenv1 <token>`. Empty or absent: no Authorization header. */
  token?: string;
  /** Limit for one attempt, from sending to the last byte of the answer. @default 60000 */
  requestTimeoutMs?: number;
  /** Retries after the first attempt. @default 6 (as the official Go client) */
  maxRetries?: number;
  /** @default 2000 (as the official Go client) */
  minRetryDelayMs?: number;
  /** Also caps a server's Retry-After. @default 15000 (as the official Go client) */
  maxRetryDelayMs?: number;
  /** @default "flinkform" */
  userAgent?: string;
  logger?: ApiLogger;
}

export interface ApiRequest<T> {
  method: HttpMethod;
  /** Template such as `/project/{project}/service/{service_name}`, relative to baseUrl. */
  path: string;
  /** Every `{name}` of the template; each value is encodeURIComponent-encoded. */
  params?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Serialised as JSON. Never logged, never put in an error. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Whether sending the request twice has the same effect as once. Defaults to true for
   * everything but POST. A POST that is safe to repeat (validate, cancel) may say so here.
   */
  idempotent?: boolean;
  /**
   * For a non-idempotent request whose outcome is unknown (it timed out or lost its connection
   * after being sent, or got a 500/502/504): finds the object the request would have created.
   * If it returns one, that is the result and the request is not sent again; if it returns
   * undefined, the request is retried. Without it such a request is not retried.
   */
  lookupAfterTimeout?: (signal?: AbortSignal) => Promise<T | undefined>;
  /** Extra answers to retry (bounded by maxRetries), e.g. 404 "Service x does not exist" right after create. */
  retryOn?: (err: ApiError) => boolean;
  /** Overrides the client's maxRetries for this request: a wait that polls anyway asks for fewer. */
  maxRetries?: number;
}

export interface ApiResponse<T> {
  status: number;
  /** Parsed JSON; undefined for an empty body (204). */
  body: T;
  /** True when the body came from lookupAfterTimeout (status is then 200). */
  recoveredByLookup?: boolean;
}

/** Connect-phase failures: the request never left this machine, so any method may be retried. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);
/**
 * Nothing listening or no such host before the API ever answered is usually a wrong URL, not a
 * blip: retry it only a little, so the user hears about it in seconds rather than minutes. Once
 * the API has answered, the same failure is an outage or a restart and gets the full retries.
 */
const BRIEF_RETRY_CODES = new Set(["ECONNREFUSED", "ENOTFOUND"]);
const MAX_BRIEF_RETRIES = 2;

/** Answers that mean the server did not act on the request: safe to repeat even a POST. */
const NOT_PROCESSED_STATUSES = new Set([408, 429, 501, 503]);

type Outcome =
  | { kind: "response"; status: number; headers: Record<string, string | string[] | undefined>; raw: string }
  | { kind: "failure"; error: ApiError; sent: "no" | "maybe"; transportCode?: string };

type Decision = "fail" | "retry" | "lookup";

export class ApiClient {
  private readonly origin: string;
  private readonly basePath: string;
  private readonly token: string | undefined;
  private readonly requestTimeoutMs: number;
  private readonly maxRetries: number;
  private readonly minRetryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly userAgent: string;
  private readonly logger: ApiLogger | undefined;
  private readonly pool: Pool;
  /**
   * Set once something answered at the URL, or accepted a request before the connection broke:
   * the URL is right, so a later refusal is an outage or a restart rather than a typo.
   */
  private reached = false;

  constructor(options: ApiClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new TypeError(`API base URL is not a valid URL: ${JSON.stringify(options.baseUrl)}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new TypeError(`API base URL must use http or https, got ${url.protocol}`);
    }
    if (url.username !== "" || url.password !== "") {
      // Credentials in the URL would end up in messages; the token option is the way.
      throw new TypeError("API base URL must not contain a user name or password; use the token option");
    }
    if (url.search !== "" || url.hash !== "") {
      throw new TypeError("API base URL must not contain a query string or fragment");
    }
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, "");
    const token = options.token === "" ? undefined : options.token;
    if (token !== undefined && !/^[\x21-\x7e]+$/.test(token)) {
      throw new TypeError("API token contains characters that cannot be sent in an HTTP header");
    }
    this.token = token;
    this.requestTimeoutMs = positive("requestTimeoutMs", options.requestTimeoutMs, 60_000);
    this.maxRetries = nonNegativeInt("maxRetries", options.maxRetries, 6);
    this.minRetryDelayMs = nonNegativeInt("minRetryDelayMs", options.minRetryDelayMs, 2_000);
    this.maxRetryDelayMs = Math.max(
      this.minRetryDelayMs,
      nonNegativeInt("maxRetryDelayMs", options.maxRetryDelayMs, 15_000),
    );
    this.userAgent = options.userAgent ?? "flinkform";
    this.logger = options.logger;
    this.pool = new Pool(this.origin, {
      connections: 16,
      // Short, like undici's default: a load balancer that drops idle connections sooner than we
      // expect makes a POST fail with an unknown outcome, which we cannot safely retry.
      keepAliveTimeout: 4_000,
      connectTimeout: Math.min(10_000, this.requestTimeoutMs),
      // Our own per-attempt timer is the real limit; these only back it up.
      headersTimeout: this.requestTimeoutMs + 1_000,
      bodyTimeout: this.requestTimeoutMs + 1_000,
      maxResponseSize: 64 * 1024 * 1024,
    });
  }

  /** Sends one API request with retries. Resolves with the parsed 2xx answer or rejects with ApiError. */
  async request<T>(req: ApiRequest<T>): Promise<ApiResponse<T>> {
    const method = req.method;
    const template = req.path;
    const path = this.buildPath(template, req.params ?? {}, req.query);
    const idempotent = req.idempotent ?? method !== "POST";
    const maxRetries =
      req.maxRetries === undefined ? this.maxRetries : nonNegativeInt("maxRetries", req.maxRetries, 0);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const signal = req.signal;
    const aborted = (cause?: unknown) =>
      new ApiError({
        code: "FLINK_API_ABORTED",
        message: "request aborted",
        method,
        pathTemplate: template,
        cause,
      });

    let retries = 0;
    let briefRetries = 0;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw aborted(signal.reason);
      const started = performance.now();
      const outcome = await this.attempt(method, template, path, body, signal, attempt);
      const durationMs = Math.round(performance.now() - started);

      let error: ApiError;
      let retryAfterMs: number | undefined;
      let decision: Decision;
      if (outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300) {
        const parsed = this.parseSuccess<T>(outcome.raw, method, template, attempt);
        this.log("api request", { method, path: template, status: outcome.status, durationMs, attempt });
        if (parsed instanceof ApiError) throw parsed;
        return { status: outcome.status, body: parsed.value };
      }
      if (outcome.kind === "response") {
        error = this.responseError(outcome.status, outcome.raw, method, template, attempt);
        retryAfterMs = parseRetryAfter(outcome.headers["retry-after"]);
        decision = this.decideForStatus(outcome.status, idempotent, req, error);
      } else {
        error = outcome.error;
        decision = this.decideForFailure(outcome, idempotent, req);
        const brief = !outcome.error.reachedBefore;
        if (
          decision === "retry" &&
          brief &&
          outcome.transportCode &&
          BRIEF_RETRY_CODES.has(outcome.transportCode)
        ) {
          if (briefRetries >= MAX_BRIEF_RETRIES) decision = "fail";
          briefRetries++;
        }
      }
      const outOfRetries = retries >= maxRetries;
      const willRetry = decision === "lookup" || (decision === "retry" && !outOfRetries);
      const delayMs = willRetry
        ? retryDelay(retries, retryAfterMs, {
            minDelayMs: this.minRetryDelayMs,
            maxDelayMs: this.maxRetryDelayMs,
          })
        : undefined;
      this.log("api request", {
        method,
        path: template,
        status: outcome.kind === "response" ? outcome.status : 0,
        durationMs,
        attempt,
        code: error.code,
        ...(delayMs === undefined ? {} : { retryInMs: delayMs }),
        ...(decision === "lookup" ? { lookup: true } : {}),
      });
      if (!willRetry || delayMs === undefined) throw error;
      await sleep(delayMs, signal, () => aborted(signal?.reason));

      if (decision === "lookup" && req.lookupAfterTimeout) {
        const found = await this.lookup(req.lookupAfterTimeout, error, signal, method, template);
        if (found !== undefined) return { status: 200, body: found, recoveredByLookup: true };
        if (outOfRetries) throw error;
      }
      retries++;
    }
  }

  /** Waits for in-flight requests, then closes the connections. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Closes the connections at once, failing in-flight requests. */
  async destroy(): Promise<void> {
    await this.pool.destroy();
  }

  private buildPath(
    template: string,
    params: Readonly<Record<string, string>>,
    query: ApiRequest<unknown>["query"],
  ) {
    let path = this.basePath + expandPath(template, params);
    if (query) {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined) search.append(k, String(v));
      const qs = search.toString();
      if (qs !== "") path += `?${qs}`;
    }
    return path;
  }

  private async attempt(
    method: HttpMethod,
    template: string,
    path: string,
    body: string | undefined,
    signal: AbortSignal | undefined,
    attempt: number,
  ): Promise<Outcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.requestTimeoutMs);
    const forwardAbort = () => controller.abort();
    signal?.addEventListener("abort", forwardAbort, { once: true });
    const headers: Record<string, string> = { accept: "application/json", "user-agent": this.userAgent };
    if (this.token !== undefined) headers.authorization = `aivenv1 ${this.token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    try {
      const res = await this.pool.request({ method, path, headers, body, signal: controller.signal });
      // Read the whole body inside the timer: a server that stalls mid-body is a timeout too.
      const raw = await res.body.text();
      this.reached = true;
      return { kind: "response", status: res.statusCode, headers: res.headers, raw };
    } catch (cause) {
      const transportCode = errorCode(cause);
      const base = { method, pathTemplate: template, cause, attempts: attempt, reachedBefore: this.reached };
      if (signal?.aborted) {
        const error = new ApiError({ ...base, code: "FLINK_API_ABORTED", message: "request aborted" });
        return { kind: "failure", error, sent: "maybe" };
      }
      if (
        timedOut ||
        transportCode === "UND_ERR_HEADERS_TIMEOUT" ||
        transportCode === "UND_ERR_BODY_TIMEOUT"
      ) {
        const message = `no complete answer from ${this.origin} within ${this.requestTimeoutMs} ms`;
        return {
          kind: "failure",
          error: new ApiError({ ...base, code: "FLINK_API_TIMEOUT", message }),
          sent: "maybe",
        };
      }
      if (transportCode === "UND_ERR_RES_EXCEEDED_MAX_SIZE") {
        const message = "the answer is larger than 64 MiB";
        const error = new ApiError({ ...base, code: "FLINK_API_INVALID_RESPONSE", message });
        return { kind: "failure", error, sent: "maybe" };
      }
      const notSent = transportCode !== undefined && NOT_SENT_CODES.has(transportCode);
      if (!notSent) this.reached = true;
      const what = cause instanceof Error ? this.redact(cause.message) : String(cause);
      const message = notSent
        ? `cannot connect to ${this.origin} (${transportCode}): ${what}`
        : `the connection to ${this.origin} broke after the request was sent${transportCode ? ` (${transportCode})` : ""}: ${what}`;
      return {
        kind: "failure",
        error: new ApiError({
          ...base,
          code: notSent ? "FLINK_API_CONNECTION" : "FLINK_API_CONNECTION_LOST",
          message,
        }),
        sent: notSent ? "no" : "maybe",
        transportCode,
      };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forwardAbort);
    }
  }

  private decideForStatus(
    status: number,
    idempotent: boolean,
    req: ApiRequest<unknown>,
    error: ApiError,
  ): Decision {
    if (NOT_PROCESSED_STATUSES.has(status)) return "retry";
    if (status >= 500) {
      if (idempotent) return "retry";
      return req.lookupAfterTimeout ? "lookup" : "fail";
    }
    return req.retryOn?.(error) ? "retry" : "fail";
  }

  private decideForFailure(
    outcome: Extract<Outcome, { kind: "failure" }>,
    idempotent: boolean,
    req: ApiRequest<unknown>,
  ): Decision {
    const code: ApiErrorCode = outcome.error.code;
    if (
      code !== "FLINK_API_TIMEOUT" &&
      code !== "FLINK_API_CONNECTION" &&
      code !== "FLINK_API_CONNECTION_LOST"
    )
      return "fail";
    if (outcome.sent === "no" || idempotent) return "retry";
    return req.lookupAfterTimeout ? "lookup" : "fail";
  }

  private async lookup<T>(
    fn: (signal?: AbortSignal) => Promise<T | undefined>,
    original: ApiError,
    signal: AbortSignal | undefined,
    method: string,
    template: string,
  ): Promise<T | undefined> {
    let found: T | undefined;
    try {
      found = await fn(signal);
    } catch (cause) {
      if (signal?.aborted) {
        throw new ApiError({
          code: "FLINK_API_ABORTED",
          message: "request aborted",
          method,
          pathTemplate: template,
          cause,
        });
      }
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new ApiError({
        code: original.code,
        status: original.status,
        method,
        pathTemplate: template,
        message: `${original.apiMessage}; looking up whether it took effect anyway failed too: ${this.redact(why)}`,
        errors: [...original.errors],
        attempts: original.attempts,
        reachedBefore: original.reachedBefore,
        cause,
      });
    }
    this.log("api lookup after unknown outcome", { method, path: template, found: found !== undefined });
    return found;
  }

  private parseSuccess<T>(
    raw: string,
    method: string,
    template: string,
    attempt: number,
  ): { value: T } | ApiError {
    if (raw.trim() === "") return { value: undefined as T };
    try {
      return { value: JSON.parse(raw) as T };
    } catch (cause) {
      return new ApiError({
        code: "FLINK_API_INVALID_RESPONSE",
        status: 200,
        message: `the answer is not JSON: ${this.redact(raw.slice(0, 200))}`,
        method,
        pathTemplate: template,
        attempts: attempt,
        cause,
      });
    }
  }

  private responseError(
    status: number,
    raw: string,
    method: string,
    template: string,
    attempt: number,
  ): ApiError {
    if (status < 400) {
      // Redirects are not followed: a moved API is a configuration problem to report, not to chase.
      return new ApiError({
        code: "FLINK_API_INVALID_RESPONSE",
        status,
        message: `unexpected HTTP ${status}; check the API URL`,
        method,
        pathTemplate: template,
        attempts: attempt,
      });
    }
    const parsed = parseErrorBody(raw, status);
    const errors: ApiErrorDetail[] = parsed.errors.map((e) => ({ ...e, message: this.redact(e.message) }));
    return new ApiError({
      code: errorCodeForStatus(status),
      status,
      message: this.redact(parsed.message),
      errors,
      method,
      pathTemplate: template,
      attempts: attempt,
    });
  }

  /** A server that echoes the request back (a debugging proxy, say) must not leak the token. */
  private redact(text: string): string {
    return this.token === undefined ? text : text.split(this.token).join("[REDACTED]");
  }

  private log(message: string, fields: Record<string, unknown>): void {
    if (!this.logger) return;
    try {
      this.logger("debug", message, fields);
    } catch {
      // A broken logger must not break API calls.
    }
  }
}

function errorCode(err: unknown): string | undefined {
  if (err !== null && typeof err === "object" && "code" in err && typeof err.code === "string")
    return err.code;
  return undefined;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new TypeError(`${name} must be a positive number, got ${value}`);
  return value;
}

function nonNegativeInt(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0)
    throw new TypeError(`${name} must be an integer >= 0, got ${value}`);
  return value;
}
