/** Provider settings: configuration first, then environment variables, then defaults. */
import { DEFAULT_API_URL } from "../../schemas/provider";
import { parseDuration } from "./timeouts";
import type { Values } from "./values";

export interface ProviderSettings {
  readonly apiUrl: string;
  readonly apiToken: string | undefined;
  readonly requestTimeoutMs: number;
  readonly maxRetries: number;
  readonly serverSideValidation: boolean;
}

const text = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);

export function resolveProviderSettings(
  config: Values | null,
  env: NodeJS.ProcessEnv = process.env,
): ProviderSettings {
  const c = config ?? {};
  return {
    apiUrl: (text(c.api_url) ?? text(env.FLINK_API_URL) ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    apiToken: text(c.api_token) ?? text(env.FLINK_API_TOKEN) ?? text(env.AIVEN_TOKEN),
    requestTimeoutMs: (text(c.request_timeout) && parseDuration(c.request_timeout as string)) || 60_000,
    maxRetries: typeof c.max_retries === "number" ? c.max_retries : 6,
    serverSideValidation: c.server_side_validation !== false,
  };
}
