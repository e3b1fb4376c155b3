import { ApiClient, type ApiClientOptions, ApiError, isApiError } from "../../../provider/client";
import { freePort, sendApiError, sendJson, startServer, type TestServer } from "./http-test-server";

const TOKEN = "tok_SECRET_abc123";
const SERVICE_PATH = "/project/{project}/service/{service_name}";

let server: TestServer | undefined;
let client: ApiClient | undefined;

afterEach(async () => {
  await client?.destroy();
  await server?.close();
  client = undefined;
  server = undefined;
});

function makeClient(baseUrl: string, extra: Partial<ApiClientOptions> = {}): ApiClient {
  client = new ApiClient({
    baseUrl,
    token: TOKEN,
    requestTimeoutMs: 5_000,
    minRetryDelayMs: 1,
    maxRetryDelayMs: 20,
    ...extra,
  });
  return client;
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected the request to fail");
}

describe("ApiClient happy path", () => {
  test("sends the aivenv1 token and encodes every path parameter into its own segment", async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { service: { state: "RUNNING" } }));
    const api = makeClient(server.baseUrl, { userAgent: "flinkform-test" });
    const res = await api.request<{ service: { state: string } }>({
      method: "GET",
      path: SERVICE_PATH,
      params: { project: "my proj", service_name: "a/../b?c#d" },
      query: { include_secrets: true, skipped: undefined },
    });
    expect(res).toEqual({ status: 200, body: { service: { state: "RUNNING" } } });
    const seen = server.requests[0];
    expect(seen.url).toBe("/v1/project/my%20proj/service/a%2F..%2Fb%3Fc%23d?include_secrets=true");
    expect(seen.headers.authorization).toBe(`aivenv1 ${TOKEN}`);
    expect(seen.headers["user-agent"]).toBe("flinkform-test");
    expect(seen.headers.accept).toBe("application/json");
  });

  test("sends a JSON body with its content type, and reads an empty 204 as undefined", async () => {
    server = await startServer((req, res) => {
      if (req.method === "PUT") sendJson(res, 200, { echoed: JSON.parse(req.body) });
      else res.writeHead(204).end();
    });
    const api = makeClient(server.baseUrl);
    const put = await api.request({
      method: "PUT",
      path: "/project/{project}/service/{service_name}/tags",
      params: { project: "p", service_name: "s" },
      body: { tags: { team: "data" } },
    });
    expect(put.body).toEqual({ echoed: { tags: { team: "data" } } });
    expect(server.requests[0].headers["content-type"]).toBe("application/json");
    const del = await api.request({
      method: "DELETE",
      path: SERVICE_PATH,
      params: { project: "p", service_name: "s" },
    });
    expect(del).toEqual({ status: 204, body: undefined });
    expect(server.requests[1].headers["content-type"]).toBeUndefined();
  });

  test("sends no Authorization header when there is no token", async () => {
    server = await startServer((_req, res) => sendJson(res, 200, {}));
    const api = makeClient(server.baseUrl, { token: undefined });
    await api.request({ method: "GET", path: "/service_types" });
    expect(server.requests[0].headers.authorization).toBeUndefined();
  });

  test("refuses a missing, empty or dot-segment parameter before sending anything", async () => {
    server = await startServer((_req, res) => sendJson(res, 200, {}));
    const api = makeClient(server.baseUrl);
    await expect(
      api.request({ method: "GET", path: SERVICE_PATH, params: { project: "p" } }),
    ).rejects.toThrow(/path parameter "service_name" .* is missing/);
    for (const bad of ["..", ".", ""]) {
      await expect(
        api.request({ method: "DELETE", path: SERVICE_PATH, params: { project: "p", service_name: bad } }),
      ).rejects.toThrow(TypeError);
    }
    expect(server.requests).toHaveLength(0);
  });

  test("rejects a base URL with credentials or a token that cannot be a header", () => {
    expect(() => new ApiClient({ baseUrl: "http://user:pw@127.0.0.1:1/v1" })).toThrow(
      /must not contain a user name/,
    );
    expect(() => new ApiClient({ baseUrl: "ftp://x/v1" })).toThrow(/http or https/);
    expect(() => new ApiClient({ baseUrl: "not a url" })).toThrow(/not a valid URL/);
    let err: unknown;
    try {
      new ApiClient({ baseUrl: "http://127.0.0.1:1/v1", token: "abc\r\nX-Evil: 1" });
    } catch (e) {
      err = e;
    }
    expect(String(err)).toMatch(/cannot be sent in an HTTP header/);
    expect(String(err)).not.toContain("X-Evil");
  });
});

describe("ApiClient error mapping", () => {
  test.each([
    [400, "FLINK_API_BAD_REQUEST"],
    [401, "FLINK_API_UNAUTHORIZED"],
    [403, "FLINK_API_FORBIDDEN"],
    [404, "FLINK_API_NOT_FOUND"],
    [405, "FLINK_API_CLIENT_ERROR"],
    [409, "FLINK_API_CONFLICT"],
    [417, "FLINK_API_EXPECTATION_FAILED"],
    [429, "FLINK_API_RATE_LIMITED"],
    [408, "FLINK_API_TIMEOUT"],
    [500, "FLINK_API_SERVER_ERROR"],
    [503, "FLINK_API_SERVER_ERROR"],
  ] as const)("HTTP %i becomes %s with the API's message and errors[]", async (status, code) => {
    server = await startServer((_req, res) => sendApiError(res, status, `it went wrong (${status})`));
    const api = makeClient(server.baseUrl, { maxRetries: 0 });
    const err = await rejection(
      api.request({ method: "GET", path: SERVICE_PATH, params: { project: "p", service_name: "svc" } }),
    );
    expect(err.code).toBe(code);
    expect(err.is(code)).toBe(true);
    expect(isApiError(err, code)).toBe(true);
    expect(err.status).toBe(status);
    expect(err.apiMessage).toBe(`it went wrong (${status})`);
    expect(err.errors).toEqual([
      { message: `it went wrong (${status})`, status, error_code: `code_${status}` },
    ]);
    expect(err.apiErrorCodes).toEqual([`code_${status}`]);
    expect(err.method).toBe("GET");
    expect(err.pathTemplate).toBe(SERVICE_PATH);
    expect(err.message).toBe(`[${status} GET ${SERVICE_PATH}]: it went wrong (${status})`);
  });

  test("a non-JSON error body becomes the message, truncated", async () => {
    const html = `<html><body><h1>502 Bad Gateway</h1>${"x".repeat(5000)}</body></html>`;
    server = await startServer((_req, res) => res.writeHead(400, { "content-type": "text/html" }).end(html));
    const api = makeClient(server.baseUrl);
    const err = await rejection(
      api.request({ method: "GET", path: "/project/{project}", params: { project: "p" } }),
    );
    expect(err.code).toBe("FLINK_API_BAD_REQUEST");
    expect(err.apiMessage.startsWith("<html><body><h1>502 Bad Gateway</h1>")).toBe(true);
    expect(err.apiMessage.length).toBeLessThan(600);
    expect(err.apiMessage).toMatch(/more characters\)$/);
  });

  test("a 200 whose body is not JSON is FLINK_API_INVALID_RESPONSE and is not retried", async () => {
    server = await startServer((_req, res) => res.writeHead(200).end("<html>login page</html>"));
    const api = makeClient(server.baseUrl);
    const err = await rejection(
      api.request({ method: "GET", path: "/project/{project}", params: { project: "p" } }),
    );
    expect(err.code).toBe("FLINK_API_INVALID_RESPONSE");
    expect(server.requests).toHaveLength(1);
  });

  test("a redirect is reported, not followed", async () => {
    server = await startServer((_req, res) => res.writeHead(301, { location: "https://elsewhere/v1" }).end());
    const api = makeClient(server.baseUrl);
    const err = await rejection(api.request({ method: "GET", path: "/service_types" }));
    expect(err.code).toBe("FLINK_API_INVALID_RESPONSE");
    expect(err.message).toMatch(/check the API URL/);
  });
});

describe("ApiClient retries", () => {
  test.each([500, 501, 502, 503, 504, 408, 429])("GET is retried after HTTP %i", async (status) => {
    server = await startServer((_req, res, i) =>
      i === 0 ? sendApiError(res, status, "try again") : sendJson(res, 200, { ok: true }),
    );
    const api = makeClient(server.baseUrl);
    const res = await api.request({ method: "GET", path: "/project/{project}", params: { project: "p" } });
    expect(res.body).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  test.each([400, 404, 409, 417])("HTTP %i is not retried", async (status) => {
    server = await startServer((_req, res) => sendApiError(res, status, "no"));
    const api = makeClient(server.baseUrl);
    const err = await rejection(
      api.request({ method: "DELETE", path: "/project/{project}", params: { project: "p" } }),
    );
    expect(err.status).toBe(status);
    expect(err.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  test("gives up after maxRetries with the last error and the attempt count", async () => {
    server = await startServer((_req, res) => sendApiError(res, 503, "maintenance"));
    const api = makeClient(server.baseUrl, { maxRetries: 2 });
    const err = await rejection(
      api.request({ method: "GET", path: "/project/{project}", params: { project: "p" } }),
    );
    expect(err.code).toBe("FLINK_API_SERVER_ERROR");
    expect(err.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  test("waits at least the Retry-After seconds of a 429 before the next attempt", async () => {
    server = await startServer((_req, res, i) =>
      i === 0
        ? sendApiError(res, 429, "slow down", { "retry-after": "1" })
        : sendJson(res, 200, { ok: true }),
    );
    const api = makeClient(server.baseUrl, { maxRetryDelayMs: 5_000 });
    await api.request({ method: "GET", path: "/project/{project}", params: { project: "p" } });
    expect(server.requests).toHaveLength(2);
    // Both timestamps come from the server; the client only sleeps after the first answer arrived.
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(999);
  });

  test("caps a huge Retry-After at maxRetryDelayMs instead of parking for an hour", async () => {
    server = await startServer((_req, res, i) =>
      i === 0 ? sendApiError(res, 503, "later", { "retry-after": "3600" }) : sendJson(res, 200, { ok: true }),
    );
    const api = makeClient(server.baseUrl, { maxRetryDelayMs: 50 });
    const res = await api.request({ method: "GET", path: "/project/{project}", params: { project: "p" } });
    expect(res.body).toEqual({ ok: true });
  });

  test("a connection reset in the middle of the answer is retried for a GET", async () => {
    server = await startServer((_req, res, i) => {
      if (i === 0) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        res.write('{"service": {"sta');
        setTimeout(() => res.socket?.destroy(), 20);
      } else {
        sendJson(res, 200, { service: { state: "RUNNING" } });
      }
    });
    const api = makeClient(server.baseUrl);
    const res = await api.request({
      method: "GET",
      path: SERVICE_PATH,
      params: { project: "p", service_name: "s" },
    });
    expect(res.body).toEqual({ service: { state: "RUNNING" } });
    expect(server.requests).toHaveLength(2);
  });

  test("a GET that gets no answer within requestTimeoutMs is retried", async () => {
    server = await startServer((_req, res, i) => {
      if (i > 0) sendJson(res, 200, { ok: true });
      // the first request is left hanging
    });
    const api = makeClient(server.baseUrl, { requestTimeoutMs: 200 });
    const res = await api.request({ method: "GET", path: "/project/{project}", params: { project: "p" } });
    expect(res.body).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  test("a server that stalls in the middle of the body times out", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"partial": ');
    });
    const api = makeClient(server.baseUrl, { requestTimeoutMs: 200, maxRetries: 1 });
    const err = await rejection(
      api.request({ method: "GET", path: "/project/{project}", params: { project: "p" } }),
    );
    expect(err.code).toBe("FLINK_API_TIMEOUT");
    expect(err.status).toBe(0);
    expect(err.attempts).toBe(2);
  });

  test("connection refused is retried only briefly and names the address, not the token", async () => {
    const port = await freePort();
    const api = makeClient(`http://127.0.0.1:${port}/v1`);
    const err = await rejection(
      api.request({ method: "GET", path: "/project/{project}", params: { project: "p" } }),
    );
    expect(err.code).toBe("FLINK_API_CONNECTION");
    expect(err.attempts).toBe(3);
    expect(err.message).toContain(`127.0.0.1:${port}`);
    expect(err.message).toContain("ECONNREFUSED");
    expect(err.message).not.toContain(TOKEN);
  });

  test("retryOn adds answers to retry, e.g. a service that lags right after create", async () => {
    server = await startServer((_req, res, i) =>
      i === 0 ? sendApiError(res, 404, "Service s does not exist") : sendJson(res, 200, { service: {} }),
    );
    const api = makeClient(server.baseUrl);
    const res = await api.request({
      method: "GET",
      path: SERVICE_PATH,
      params: { project: "p", service_name: "s" },
      retryOn: (e) => e.is("FLINK_API_NOT_FOUND") && /^Service \S+ does not exist/.test(e.apiMessage),
    });
    expect(res.body).toEqual({ service: {} });
    expect(server.requests).toHaveLength(2);
  });
});

describe("ApiClient abort", () => {
  test("an abort during a Retry-After wait ends the request at once", async () => {
    const controller = new AbortController();
    server = await startServer((_req, res) => {
      sendApiError(res, 503, "later", { "retry-after": "120" });
      setTimeout(() => controller.abort(), 50);
    });
    const api = makeClient(server.baseUrl, { maxRetryDelayMs: 600_000 });
    const err = await rejection(
      api.request({
        method: "GET",
        path: "/project/{project}",
        params: { project: "p" },
        signal: controller.signal,
      }),
    );
    expect(err.code).toBe("FLINK_API_ABORTED");
    expect(server.requests).toHaveLength(1);
  });

  test("an abort while the request is in flight ends it without a retry", async () => {
    const controller = new AbortController();
    server = await startServer(() => {
      setTimeout(() => controller.abort(), 20);
    });
    const api = makeClient(server.baseUrl, { requestTimeoutMs: 600_000 });
    const err = await rejection(
      api.request({
        method: "GET",
        path: "/project/{project}",
        params: { project: "p" },
        signal: controller.signal,
      }),
    );
    expect(err.code).toBe("FLINK_API_ABORTED");
    expect(server.requests).toHaveLength(1);
  });

  test("an already-aborted signal sends nothing", async () => {
    server = await startServer((_req, res) => sendJson(res, 200, {}));
    const api = makeClient(server.baseUrl);
    const err = await rejection(
      api.request({ method: "GET", path: "/service_types", signal: AbortSignal.abort() }),
    );
    expect(err.code).toBe("FLINK_API_ABORTED");
    expect(server.requests).toHaveLength(0);
  });
});

describe("ApiClient secrets and logging", () => {
  test("logs one debug line per attempt, with the template and never the token, path values or bodies", async () => {
    server = await startServer((req, res, i) =>
      i === 0
        ? sendApiError(res, 500, `boom; you sent ${req.headers.authorization} and ${req.body}`)
        : sendJson(res, 200, { application: { id: "a1" } }),
    );
    const lines: Array<{ level: string; message: string; fields: Record<string, unknown> }> = [];
    const api = makeClient(server.baseUrl, {
      logger: (level, message, fields) => lines.push({ level, message, fields }),
    });
    await api.request({
      method: "PUT",
      path: "/project/{project}/integration_endpoint/{endpoint_id}",
      params: { project: "customer-x", endpoint_id: "e1" },
      body: { user_config: { password: "hunter2-db-password" } },
    });
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.level)).toEqual(["debug", "debug"]);
    expect(lines[0].fields).toMatchObject({
      method: "PUT",
      path: "/project/{project}/integration_endpoint/{endpoint_id}",
      status: 500,
      attempt: 1,
      code: "FLINK_API_SERVER_ERROR",
    });
    expect(typeof lines[0].fields.retryInMs).toBe("number");
    expect(lines[1].fields).toMatchObject({ status: 200, attempt: 2 });
    expect(typeof lines[1].fields.durationMs).toBe("number");
    const text = JSON.stringify(lines);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("hunter2-db-password");
    expect(text).not.toContain("customer-x");
  });

  test("an error body that echoes the token gets it redacted", async () => {
    server = await startServer((req, res) =>
      sendApiError(res, 401, `bad header: ${req.headers.authorization}`),
    );
    const api = makeClient(server.baseUrl);
    const err = await rejection(api.request({ method: "GET", path: "/service_types" }));
    expect(err.code).toBe("FLINK_API_UNAUTHORIZED");
    expect(err.message).toContain("aivenv1 [REDACTED]");
    expect(JSON.stringify({ m: err.message, e: err.errors, a: err.apiMessage })).not.toContain(TOKEN);
  });

  test("a POST body is never part of an error", async () => {
    server = await startServer((_req, res) => sendApiError(res, 400, "invalid user_config"));
    const api = makeClient(server.baseUrl);
    const err = await rejection(
      api.request({
        method: "POST",
        path: "/project/{project}/integration_endpoint",
        params: { project: "p" },
        body: { password: "pw-123456" },
      }),
    );
    expect(`${err.message} ${err.stack} ${JSON.stringify(err)}`).not.toContain("pw-123456");
  });
});
