/**
 * The provider block on the real provider and terraform: which token wins (`api_token` over
 * `FLINK_API_TOKEN` over `AIVEN_TOKEN`), what `request_timeout` and `max_retries` do, that the
 * token never shows even at `TF_LOG=trace`, and that configuration mistakes are diagnostics at
 * the attribute, never "a bug in the provider".
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

interface LogLine {
  method: string;
  path: string;
  status: number;
}

let acc: AcceptanceEnv;
const requests: LogLine[] = [];
let wd: string;

const LOOKUP = `
data "flink_service" "s" {
  project      = "local"
  service_name = "flink-config"
}
output "state" {
  value = data.flink_service.s.state
}
`;
const WRONG = "wrong-token-5e1f0c9b7a";
const CRASH = /plugin crashed|panic|This is a bug in the provider|Plugin did not respond/i;
const flat = (text: string) => text.replace(/\s+/g, " ");

beforeAll(async () => {
  acc = await startAcceptanceEnv({
    log: (text) => {
      const line = JSON.parse(text) as Partial<LogLine>;
      if (typeof line.method === "string" && typeof line.path === "string")
        requests.push({ method: line.method, path: line.path, status: line.status ?? 0 });
    },
  });
  const created = await acc.api("POST", "/project/local/service", {
    service_name: "flink-config",
    service_type: "flink",
    plan: "business-4",
  });
  expect(created.status).toBe(200);
  wd = acc.workdir("config", LOOKUP);
  await acc.tf(wd, ["init", "-input=false"]);
}, 60_000);
afterEach(() => acc?.cp.setFaults({}));
afterAll(() => acc?.close());

/** A plan of the data source with this provider block and these environment variables. */
async function plan(providerBody: string, env: NodeJS.ProcessEnv = {}) {
  acc.writeConfig(wd, LOOKUP, providerBody);
  const result = await acc.terraform(wd, ["plan", "-no-color", "-input=false"], {
    env: { FLINK_API_TOKEN: "", AIVEN_TOKEN: "", ...env },
  });
  return { ...result, text: flat(result.stdout + result.stderr) };
}

describe("which token is used", () => {
  test.each([
    ["api_token wins over FLINK_API_TOKEN and AIVEN_TOKEN", "right", WRONG, WRONG, true],
    ["a wrong api_token is not rescued by a right FLINK_API_TOKEN", WRONG, "right", "right", false],
    ["FLINK_API_TOKEN wins over AIVEN_TOKEN", "", "right", WRONG, true],
    ["a wrong FLINK_API_TOKEN is not rescued by a right AIVEN_TOKEN", "", WRONG, "right", false],
    ["AIVEN_TOKEN is used when nothing else is set", "", "", "right", true],
  ])(
    "%s",
    async (_, config, flinkEnv, aivenEnv, works) => {
      const token = (v: string) => (v === "right" ? acc.cp.token : v);
      const result = await plan(config ? `api_token = "${token(config)}"` : "", {
        FLINK_API_TOKEN: token(flinkEnv),
        AIVEN_TOKEN: token(aivenEnv),
      });
      if (works) {
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/state\s+= "(REBUILDING|RUNNING)"/);
      } else {
        expect(result.code).toBe(1);
        expect(result.stderr).toContain("Error: Authentication Failed");
      }
      expect(result.text).not.toContain(WRONG);
      expect(result.text).not.toContain(acc.cp.token);
    },
    60_000,
  );
});

describe("request_timeout and max_retries", () => {
  test("request_timeout limits each request: 1s against an API that answers after 5s fails, naming the limit", async () => {
    acc.cp.setFaults({ latencyMs: 5_000 });
    const result = await plan('request_timeout = "1s"\nmax_retries = 0', { FLINK_API_TOKEN: acc.cp.token });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Error: API Not Answering");
    expect(result.text).toContain("no complete answer from http://127.0.0.1:");
    expect(result.text).toContain("within 1000 ms");
    expect(result.stderr).not.toMatch(CRASH);
  }, 60_000);

  test("the same slow API is fine with the default request timeout", async () => {
    acc.cp.setFaults({ latencyMs: 2_000 });
    const result = await plan("", { FLINK_API_TOKEN: acc.cp.token });
    expect(result.code).toBe(0);
  }, 60_000);

  test.each([
    [0, 1],
    [2, 3],
  ])(
    "max_retries = %d: a read answered 503 every time is sent %d times in all, then fails",
    async (retries) => {
      acc.cp.setFaults({
        errorRate: 1,
        errorStatus: 503,
        pathPattern: "^/project/local/service/flink-config$",
      });
      requests.length = 0;
      const result = await plan(`max_retries = ${retries}`, { FLINK_API_TOKEN: acc.cp.token });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Error: API Request Failed");
      expect(result.text).toContain("Service unavailable (injected fault 503)");
      const reads = requests.filter(
        (r) => r.method === "GET" && r.path === "/v1/project/local/service/flink-config",
      );
      expect(reads.map((r) => r.status)).toEqual(Array(retries + 1).fill(503));
    },
    60_000,
  );
});

describe("the token never shows", () => {
  test("at TF_LOG=trace, neither terraform's log nor the provider's holds the token from api_token", async () => {
    const result = await plan(`api_token = "${acc.cp.token}"`, { TF_LOG: "trace" });
    expect(result.code).toBe(0);
    // The provider's own request lines are in the trace: masking is tested where it matters.
    expect(result.stderr).toContain("api request");
    expect(result.stderr).toContain("provider.terraform-provider-flink");
    expect(result.stdout + result.stderr).not.toContain(acc.cp.token);
  }, 60_000);

  test("at TF_LOG=trace, a token from FLINK_API_TOKEN does not show either", async () => {
    const result = await plan("", { TF_LOG: "trace", FLINK_API_TOKEN: acc.cp.token });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("api request");
    expect(result.stdout + result.stderr).not.toContain(acc.cp.token);
  }, 60_000);

  test("a FLINK_API_TOKEN with a trailing newline is a configuration error that names the variable, not the token", async () => {
    const result = await plan("", { TF_LOG: "trace", FLINK_API_TOKEN: `${acc.cp.token}\n` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Error: Invalid Provider Configuration");
    expect(result.text).toContain("The FLINK_API_TOKEN environment variable contains a line break");
    expect(result.stderr).not.toMatch(CRASH);
    expect(result.stdout + result.stderr).not.toContain(acc.cp.token);
  }, 60_000);
});

describe("mistakes in the configuration are diagnostics at the attribute", () => {
  const port = () => new URL(acc.cp.url).port;

  test("an api_url without /v1 works: /v1 is appended", async () => {
    const result = await plan(`api_url = "http://127.0.0.1:${port()}"`, { FLINK_API_TOKEN: acc.cp.token });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/state\s+= "(REBUILDING|RUNNING)"/);
  }, 60_000);

  test.each([
    [
      "an api_url with a port out of range",
      'api_url = "http://127.0.0.1:99999/v1"',
      'api_url = "http://127.0.0.1:99999/v1"',
      "api_url is not a valid URL",
    ],
    [
      "an api_url with user info",
      'api_url = "http://me:pw@127.0.0.1:8080/v1"',
      "api_url",
      "api_url must not contain a user name or password",
    ],
    [
      "an api_token with a newline",
      'api_token = "abc123\\n"',
      "api_token",
      "api_token contains a line break",
    ],
    [
      "request_timeout = 0s",
      'request_timeout = "0s"',
      'request_timeout = "0s"',
      "request_timeout must be a duration such as",
    ],
  ])(
    "%s",
    async (_, body, line, message) => {
      const result = await plan(body, { FLINK_API_TOKEN: acc.cp.token });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/Error: Invalid (Provider Configuration|Attribute Value)/);
      expect(result.stderr).toContain(line);
      expect(result.text).toContain(message);
      expect(result.stderr).not.toMatch(CRASH);
    },
    60_000,
  );

  test.each([
    ["timeouts.create = 597h", 'timeouts = { create = "597h" }', '"597h"'],
    ["timeouts.delete = 0s", 'timeouts = { delete = "0s" }', '"0s"'],
    ["number_of_task_slots = 1e400", "flink_user_config = { number_of_task_slots = 1e400 }", "1.00e+400"],
  ])(
    "%s is refused at plan, at its line",
    async (_, attribute, shown) => {
      const config = `
resource "flink_service" "bad" {
  project      = "local"
  service_name = "flink-bad"
  plan         = "business-4"
  ${attribute}
}
`;
      const bad = acc.workdir(`bad-${shown.replace(/\W/g, "")}`, config);
      await acc.tf(bad, ["init", "-input=false"]);
      requests.length = 0;
      const result = await acc.terraform(bad, ["plan", "-no-color", "-input=false"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Error: Invalid Attribute Value");
      expect(result.stderr).toContain(attribute);
      expect(flat(result.stderr)).toContain(shown);
      expect(result.stderr).not.toMatch(CRASH);
      // Nothing reached the API: the mistake was caught before any apply.
      expect(requests.filter((r) => r.method !== "GET")).toEqual([]);
    },
    60_000,
  );
});
