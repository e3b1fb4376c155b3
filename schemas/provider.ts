import { bool, integer, string } from "./dsl/builders";
import { defineProvider } from "./dsl/define";

export const PROVIDER_SOURCE = "registry.terraform.io/flinkform/flink";
export const DEFAULT_API_URL = "https://api.aiven.io/v1";

export const providerSpec = defineProvider({
  source: PROVIDER_SOURCE,
  description:
    "flinkform's provider for managed Apache Flink: services, integrations, SQL applications, versions and deployments.",
  attributes: {
    api_url: string(
      `Base URL of the API, including \`/v1\`. Defaults to the \`FLINK_API_URL\` environment variable, then \`${DEFAULT_API_URL}\`. Point it at \`npx flinkform local start\` to work against the local control plane.`,
      { optional: true, pattern: { regex: "^https?://", message: "must be an http:// or https:// URL" } },
    ),
    api_token: string(
      "API token. Defaults to the `FLINK_API_TOKEN` environment variable, then `AIVEN_TOKEN`.",
      {
        optional: true,
        sensitive: true,
      },
    ),
    request_timeout: string('Timeout of one API request, such as `"60s"` (default).', {
      optional: true,
      pattern: {
        regex: "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$",
        message: 'must be a duration such as `"30s"` or `"2m"`',
      },
    }),
    max_retries: integer(
      "How often a request is retried on 429, 5xx, 408 and connection errors (default 6).",
      {
        optional: true,
        min: 0,
        max: 20,
      },
    ),
    server_side_validation: bool(
      "Also validate application versions with the service's validate endpoint at plan time, when the service exists (default true). Offline checks always run.",
      { optional: true },
    ),
  },
});
