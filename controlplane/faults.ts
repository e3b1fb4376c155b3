import { badRequest } from "./api-error";

/** Faults the control plane injects into `/v1` answers, for testing clients' retries and waits. */
export interface FaultOptions {
  /** Fraction (0..1) of requests answered with a 5xx (`errorStatus`, default 503). */
  readonly errorRate?: number;
  readonly errorStatus?: number;
  /** Fraction (0..1) of requests answered 429 with `Retry-After`. */
  readonly throttleRate?: number;
  /** Seconds sent in `Retry-After` on a 429 (default 1). */
  readonly retryAfterSeconds?: number;
  /** Milliseconds added before every answer. */
  readonly latencyMs?: number;
  /** Fraction (0..1) of requests whose connection is reset without an answer. */
  readonly resetRate?: number;
  /** A new integration is invisible (404 on read, "Integration not found" in versions) for this long. */
  readonly integrationVisibilityDelayMs?: number;
  /**
   * The next N look-ups of an integration by id (reading, updating or deleting it, creating a version
   * that uses it) answer "Integration not found", as the hosted API does for a while after a create.
   * A count, not a time, so a test's fault window does not depend on how fast the machine is; it
   * counts down, and `GET /admin/faults` shows what is left.
   */
  readonly integrationNotFoundCount?: number;
  /** Only requests whose path (below /v1) matches this regular expression are affected by the rates. */
  readonly pathPattern?: string;
}

const RATE_KEYS = ["errorRate", "throttleRate", "resetRate"] as const;
const NUMBER_KEYS = [
  "latencyMs",
  "retryAfterSeconds",
  "integrationVisibilityDelayMs",
  "errorStatus",
  "integrationNotFoundCount",
] as const;

/** Checks a fault set from the admin API or the options; throws a 400 naming the bad key. */
export function parseFaultOptions(input: unknown): FaultOptions {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw badRequest("Faults must be a JSON object");
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if ((RATE_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== "number" || !(value >= 0 && value <= 1))
        throw badRequest(`${key} must be a number between 0 and 1`);
    } else if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        throw badRequest(`${key} must be a number >= 0`);
      if (key === "errorStatus" && !(value >= 500 && value <= 599))
        throw badRequest("errorStatus must be a 5xx status");
      if (key === "integrationNotFoundCount" && !Number.isInteger(value))
        throw badRequest("integrationNotFoundCount must be a whole number");
    } else if (key === "pathPattern") {
      if (typeof value !== "string") throw badRequest("pathPattern must be a string");
      try {
        new RegExp(value);
      } catch {
        throw badRequest("pathPattern is not a valid regular expression");
      }
    } else {
      throw badRequest(`Unknown fault option: ${key}`);
    }
    out[key] = value;
  }
  return out as FaultOptions;
}

export type FaultDecision =
  | { readonly kind: "none" }
  | { readonly kind: "reset" }
  | { readonly kind: "error"; readonly status: number }
  | { readonly kind: "throttle"; readonly retryAfterSeconds: number };

/** The current fault set; rates are drawn per request. */
export class Faults {
  private options: FaultOptions;
  private pattern: RegExp | undefined;

  constructor(
    options: FaultOptions = {},
    private readonly random: () => number = Math.random,
  ) {
    this.options = parseFaultOptions(options);
    this.pattern = compile(this.options);
  }

  get current(): FaultOptions {
    return this.options;
  }

  set(options: FaultOptions): void {
    this.options = parseFaultOptions(options);
    this.pattern = compile(this.options);
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  get integrationVisibilityDelayMs(): number {
    return this.options.integrationVisibilityDelayMs ?? 0;
  }

  /** Whether this look-up of an existing integration answers "not found"; uses up one of the count. */
  takeIntegrationNotFound(): boolean {
    const left = this.options.integrationNotFoundCount ?? 0;
    if (left <= 0) return false;
    this.options = { ...this.options, integrationNotFoundCount: left - 1 };
    return true;
  }

  decide(path: string): FaultDecision {
    const o = this.options;
    if (this.pattern && !this.pattern.test(path)) return { kind: "none" };
    if (o.resetRate && this.random() < o.resetRate) return { kind: "reset" };
    if (o.throttleRate && this.random() < o.throttleRate) {
      return { kind: "throttle", retryAfterSeconds: o.retryAfterSeconds ?? 1 };
    }
    if (o.errorRate && this.random() < o.errorRate) return { kind: "error", status: o.errorStatus ?? 503 };
    return { kind: "none" };
  }
}

function compile(o: FaultOptions): RegExp | undefined {
  return o.pathPattern ? new RegExp(o.pathPattern) : undefined;
}
