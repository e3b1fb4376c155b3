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
      `Base URL of the API, such as \`${DEFAULT_API_URL}\`; \`/v1\` is appended when the URL does not end with it (\`http://127.0.0.1:8080\` means \`http://127.0.0.1:8080/v1\`). No user name or password in it: the token goes in \`api_token\`. Defaults to the \`FLINK_API_URL\` environment variable, then \`${DEFAULT_API_URL}\`. Point it at \`npx flinkform local start\` to work against the local control plane.`,
      { optional: true, pattern: { regex: "^https?://", message: "must be an http:// or https:// URL" } },
    ),
    api_token: string(
      "API token. Defaults to the `FLINK_API_TOKEN` environment variable, then `AIVEN_TOKEN`. It must be printable ASCII without spaces or line breaks (a token read with `file()` needs `trimspace()`); it is never shown in messages or logs.",
      {
        optional: true,
        sensitive: true,
      },
    ),
    request_timeout: string('Timeout of one API request, such as `"60s"` (default).', {
      optional: true,
      format: "request_timeout",
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
