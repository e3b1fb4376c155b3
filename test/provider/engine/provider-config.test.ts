import {
  normalizeApiUrl,
  providerSettingsIssues,
  resolveProviderSettings,
} from "../../../provider/engine/provider-config";

const TOKEN = "tok-3f9a2c71d0";
const NO_ENV = {};

describe("api_url", () => {
  test.each([
    ["http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1"],
    ["http://127.0.0.1:8080/v1/", "http://127.0.0.1:8080/v1"],
    // Without /v1 the intent is obvious: it is appended.
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080/v1"],
    ["http://127.0.0.1:8080/", "http://127.0.0.1:8080/v1"],
    ["https://proxy.example.com/flink", "https://proxy.example.com/flink/v1"],
    ["HTTPS://API.example.com/v1", "https://api.example.com/v1"],
  ])("%s is used as %s", (raw, url) => {
    expect(normalizeApiUrl(raw)).toEqual({ url });
    expect(resolveProviderSettings({ api_url: raw }, NO_ENV).apiUrl).toBe(url);
    expect(providerSettingsIssues({ api_url: raw }, NO_ENV)).toEqual([]);
  });

  test.each([
    ["a port out of range", "http://127.0.0.1:99999/v1", "is not a valid URL"],
    ["a port that is not a number", "http://127.0.0.1:80a/v1", "is not a valid URL"],
    ["port 0", "http://127.0.0.1:0/v1", "has port 0"],
    ["no scheme", "127.0.0.1:8080/v1", "must be an http:// or https:// URL"],
    ["ftp", "ftp://example.com/v1", "must be an http:// or https:// URL"],
    ["a query string", "http://127.0.0.1:8080/v1?x=1", "must not contain a query string"],
  ])("%s is an attribute diagnostic at api_url", (_, raw, problem) => {
    const issues = providerSettingsIssues({ api_url: raw }, NO_ENV);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "error", path: ["api_url"] });
    expect(issues[0]!.detail).toContain(`api_url ${problem}`);
  });

  test("user info is refused, and the password in it is never shown", () => {
    const issues = providerSettingsIssues({ api_url: `http://me:${TOKEN}@127.0.0.1:8080/v1` }, NO_ENV);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(["api_url"]);
    expect(issues[0]!.detail).toContain("must not contain a user name or password");
    expect(issues[0]!.detail).toContain('"http://***@127.0.0.1:8080/v1"');
    expect(issues[0]!.detail).not.toContain(TOKEN);
    // Even when the URL does not parse at all.
    const broken = providerSettingsIssues({ api_url: `http://me:${TOKEN}@127.0.0.1:99999/v1` }, NO_ENV);
    expect(broken[0]!.detail).not.toContain(TOKEN);
  });

  test("a bad FLINK_API_URL is reported naming the variable, with no attribute path", () => {
    const issues = providerSettingsIssues({}, { FLINK_API_URL: "http://127.0.0.1:70000" });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual([]);
    expect(issues[0]!.detail).toMatch(/^The FLINK_API_URL environment variable is not a valid URL/);
  });

  test("an api_url known only after apply is checked when the provider is configured, not before", () => {
    const unknown = Symbol("unknown");
    expect(providerSettingsIssues({ api_url: unknown }, NO_ENV, (v) => v === unknown)).toEqual([]);
  });
});

describe("api_token", () => {
  test.each([
    ["a trailing newline (file() without trimspace())", `${TOKEN}\n`, "contains a line break"],
    ["a carriage return", `${TOKEN}\r\n`, "contains a line break"],
    ["a space", `${TOKEN} x`, "contains spaces or tabs"],
    ["a non-ASCII character", `${TOKEN}é`, "contains characters that cannot be sent in an HTTP header"],
  ])("%s is an attribute diagnostic that never shows the token", (_, token, problem) => {
    const issues = providerSettingsIssues({ api_token: token }, NO_ENV);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ["api_token"], summary: "Invalid Provider Configuration" });
    expect(issues[0]!.detail).toContain(`api_token ${problem}`);
    expect(issues[0]!.detail).not.toContain(TOKEN);
  });

  test("a bad token from the environment names the variable it came from, without its value", () => {
    const issues = providerSettingsIssues({}, { AIVEN_TOKEN: `${TOKEN}\n` });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual([]);
    expect(issues[0]!.detail).toMatch(/^The AIVEN_TOKEN environment variable contains a line break/);
    expect(issues[0]!.detail).not.toContain(TOKEN);
  });

  test("only the token in use is checked: a good api_token hides a bad FLINK_API_TOKEN", () => {
    expect(providerSettingsIssues({ api_token: TOKEN }, { FLINK_API_TOKEN: "bad\n" })).toEqual([]);
  });
});

describe("precedence: configuration, then environment variables, then defaults", () => {
  const env = { FLINK_API_TOKEN: "from-flink-env", AIVEN_TOKEN: "from-aiven-env" };
  test.each([
    ["api_token wins over both variables", { api_token: "from-config" }, env, "from-config"],
    ["FLINK_API_TOKEN wins over AIVEN_TOKEN", {}, env, "from-flink-env"],
    ["AIVEN_TOKEN is the last resort", {}, { AIVEN_TOKEN: "from-aiven-env" }, "from-aiven-env"],
    ["an empty api_token counts as unset", { api_token: "" }, env, "from-flink-env"],
    ["no token at all", {}, {}, undefined],
  ])("%s", (_, config, environment, token) => {
    expect(resolveProviderSettings(config, environment).apiToken).toBe(token);
  });

  test("api_url wins over FLINK_API_URL, which wins over the default", () => {
    const env2 = { FLINK_API_URL: "http://127.0.0.1:1/v1" };
    expect(resolveProviderSettings({ api_url: "http://127.0.0.1:2" }, env2).apiUrl).toBe(
      "http://127.0.0.1:2/v1",
    );
    expect(resolveProviderSettings({}, env2).apiUrl).toBe("http://127.0.0.1:1/v1");
    expect(resolveProviderSettings({}, {}).apiUrl).toBe("https://api.aiven.io/v1");
  });

  test("request_timeout and max_retries come from the configuration, else 60 s and 6", () => {
    expect(resolveProviderSettings({ request_timeout: "1m30s", max_retries: 0 }, {})).toMatchObject({
      requestTimeoutMs: 90_000,
      maxRetries: 0,
    });
    expect(resolveProviderSettings({}, {})).toMatchObject({ requestTimeoutMs: 60_000, maxRetries: 6 });
  });
});

describe("request_timeout", () => {
  test.each(["0s", "500ms", "2h", "forever"])("%p is an attribute diagnostic, not a silent 60 s", (value) => {
    const issues = providerSettingsIssues({ request_timeout: value }, NO_ENV);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(["request_timeout"]);
    expect(issues[0]!.detail).toContain("must be a duration between 1s and 1h");
  });
});
