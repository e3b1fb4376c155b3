/**
 * Provider settings: configuration first, then environment variables, then defaults; and the
 * checks that turn a mistyped URL or token into a diagnostic at the attribute (or naming the
 * environment variable it came from) instead of an exception deep in the API client.
 */
import { parseDuration, REQUEST_TIMEOUT_RANGE } from "../../schemas/dsl/duration";
import { DEFAULT_API_URL } from "../../schemas/provider";
import type { ValidationIssue } from "../../schemas/validate/validate-config";
import type { Values } from "./values";

export interface ProviderSettings {
  readonly apiUrl: string;
  readonly apiToken: string | undefined;
  readonly requestTimeoutMs: number;
  readonly maxRetries: number;
  readonly serverSideValidation: boolean;
}

const text = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);

/** Where a setting came from, for messages: the attribute, or the environment variable. */
interface Source {
  readonly value: string;
  /** Attribute path when it came from the provider block. */
  readonly path: readonly string[];
  readonly label: string;
}

function apiUrlSource(c: Values, env: NodeJS.ProcessEnv): Source {
  const fromConfig = text(c.api_url);
  if (fromConfig) return { value: fromConfig, path: ["api_url"], label: "api_url" };
  const fromEnv = text(env.FLINK_API_URL);
  if (fromEnv) return { value: fromEnv, path: [], label: "The FLINK_API_URL environment variable" };
  return { value: DEFAULT_API_URL, path: [], label: "The default API URL" };
}

function apiTokenSource(c: Values, env: NodeJS.ProcessEnv): Source | undefined {
  const fromConfig = text(c.api_token);
  if (fromConfig) return { value: fromConfig, path: ["api_token"], label: "api_token" };
  for (const name of ["FLINK_API_TOKEN", "AIVEN_TOKEN"]) {
    const fromEnv = text(env[name]);
    if (fromEnv) return { value: fromEnv, path: [], label: `The ${name} environment variable` };
  }
  return undefined;
}

/** A URL for a message, with any user name or password masked. */
function shownUrl(url: string): string {
  const masked = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1***@");
  return JSON.stringify(masked.length > 200 ? `${masked.slice(0, 197)}...` : masked);
}

/**
 * The API base URL to use, or an issue. A URL without `/v1` gets it appended: the API lives there,
 * and `http://127.0.0.1:8080` is what a user copies from a browser.
 */
export function normalizeApiUrl(raw: string): { url: string } | { problem: string } {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim()))
    return { problem: "must be an http:// or https:// URL, such as `http://127.0.0.1:8080/v1`" };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      problem: "is not a valid URL (check the host and that the port is a number between 1 and 65535)",
    };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { problem: `must be an http:// or https:// URL, not ${url.protocol}//` };
  if (url.username !== "" || url.password !== "")
    return {
      problem:
        "must not contain a user name or password: credentials in a URL end up in logs; set api_token (or FLINK_API_TOKEN) instead",
    };
  if (url.search !== "" || url.hash !== "") return { problem: "must not contain a query string or fragment" };
  if (url.port === "0") return { problem: "has port 0; use the port the API listens on" };
  const path = url.pathname.replace(/\/+$/, "");
  return { url: `${url.origin}${path.endsWith("/v1") ? path : `${path}/v1`}` };
}

/** Printable ASCII without spaces: what an `Authorization` header can carry. */
function tokenProblem(token: string): string | undefined {
  if (/[\r\n]/.test(token))
    return "contains a line break; a token read with file() keeps the file's last newline, so wrap it in trimspace()";
  if (/\s/.test(token)) return "contains spaces or tabs";
  if (!/^[\x21-\x7e]+$/.test(token)) return "contains characters that cannot be sent in an HTTP header";
  return undefined;
}

function issue(source: Source, problem: string, value?: string): ValidationIssue {
  return {
    severity: "error",
    path: source.path,
    summary: "Invalid Provider Configuration",
    // The token's value is never shown, not even when it is wrong.
    detail: `${source.label} ${problem}${value === undefined ? "" : `, got ${value}`}.`,
  };
}

/**
 * Problems of the settings that the provider block's validators cannot see: a URL that does not
 * parse, a token no HTTP header can carry, values from the environment. Unknown values (known
 * only after apply) are skipped; the same check runs again when the provider is configured.
 */
export function providerSettingsIssues(
  config: Values | null,
  env: NodeJS.ProcessEnv = process.env,
  isUnresolved: (v: unknown) => boolean = () => false,
): ValidationIssue[] {
  const c = config ?? {};
  const issues: ValidationIssue[] = [];
  if (!isUnresolved(c.api_url)) {
    const url = apiUrlSource(c, env);
    const normalized = normalizeApiUrl(url.value);
    if ("problem" in normalized) issues.push(issue(url, normalized.problem, shownUrl(url.value)));
  }
  if (!isUnresolved(c.api_token)) {
    const token = apiTokenSource(c, env);
    const problem = token && tokenProblem(token.value);
    if (token && problem) issues.push(issue(token, problem));
  }
  const timeout = text(c.request_timeout);
  if (timeout && !isUnresolved(c.request_timeout)) {
    const ms = parseDuration(timeout);
    const min = parseDuration(REQUEST_TIMEOUT_RANGE.min)!;
    const max = parseDuration(REQUEST_TIMEOUT_RANGE.max)!;
    if (ms === undefined || ms < min || ms > max) {
      const source = { value: timeout, path: ["request_timeout"], label: "request_timeout" };
      issues.push(
        issue(
          source,
          `must be a duration between ${REQUEST_TIMEOUT_RANGE.min} and ${REQUEST_TIMEOUT_RANGE.max}, such as "30s" or "2m"`,
          JSON.stringify(timeout),
        ),
      );
    }
  }
  return issues;
}

/** The settings to run with; call providerSettingsIssues first (it explains what this rejects). */
export function resolveProviderSettings(
  config: Values | null,
  env: NodeJS.ProcessEnv = process.env,
): ProviderSettings {
  const c = config ?? {};
  const normalized = normalizeApiUrl(apiUrlSource(c, env).value);
  if ("problem" in normalized) throw new TypeError(`api_url ${normalized.problem}`);
  const timeout = text(c.request_timeout);
  return {
    apiUrl: normalized.url,
    apiToken: apiTokenSource(c, env)?.value,
    requestTimeoutMs: (timeout && parseDuration(timeout)) || 60_000,
    maxRetries: typeof c.max_retries === "number" ? c.max_retries : 6,
    serverSideValidation: c.server_side_validation !== false,
  };
}
