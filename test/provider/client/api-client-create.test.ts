import { ApiClient, ApiError } from "../../../provider/client";
import { freePort, sendApiError, sendJson, startServer, type TestServer } from "./http-test-server";

/**
 * A non-idempotent create whose outcome is unknown must not create the object twice: the client
 * looks it up first, and only sends the POST again when the look-up finds nothing.
 */

interface App {
  id: string;
  name: string;
}

const CREATE = "/project/{project}/service/{service_name}/flink/application";
const params = { project: "p", service_name: "flink1" };

let server: TestServer | undefined;
let client: ApiClient | undefined;

afterEach(async () => {
  await client?.destroy();
  await server?.close();
  client = undefined;
  server = undefined;
});

/** A tiny application store; `firstPost` says how the first POST misbehaves. */
async function startAppServer(
  firstPost: "create-then-hang" | "drop-before-create" | "create-then-502" | "hang",
) {
  const apps: App[] = [];
  let posts = 0;
  const s = await startServer((req, res) => {
    if (req.method === "GET") {
      sendJson(res, 200, { applications: apps });
      return;
    }
    posts++;
    const name = (JSON.parse(req.body) as { name: string }).name;
    const create = () => {
      const app = { id: `app-${apps.length + 1}`, name };
      apps.push(app);
      return app;
    };
    if (posts === 1 && firstPost === "drop-before-create") {
      res.socket?.destroy();
      return;
    }
    if (posts === 1 && firstPost === "hang") return;
    const app = create();
    if (posts === 1 && firstPost === "create-then-hang") return; // created, but the answer never comes
    if (posts === 1 && firstPost === "create-then-502") {
      sendApiError(res, 502, "Bad Gateway");
      return;
    }
    sendJson(res, 200, app);
  });
  server = s;
  return { apps, posts: () => posts };
}

function makeClient(): ApiClient {
  client = new ApiClient({
    baseUrl: server!.baseUrl,
    token: "t0k3n",
    requestTimeoutMs: 300,
    minRetryDelayMs: 1,
    maxRetryDelayMs: 20,
  });
  return client;
}

function findByName(api: ApiClient, name: string) {
  return async (signal?: AbortSignal) => {
    const list = await api.request<{ applications: App[] }>({
      method: "GET",
      path: "/project/{project}/service/{service_name}/flink/application",
      params,
      signal,
    });
    return list.body.applications.find((a) => a.name === name);
  };
}

test("a create that timed out after the server created the object returns that object, created once", async () => {
  const { apps, posts } = await startAppServer("create-then-hang");
  const api = makeClient();
  const res = await api.request<App>({
    method: "POST",
    path: CREATE,
    params,
    body: { name: "clicks" },
    lookupAfterTimeout: findByName(api, "clicks"),
  });
  expect(res).toEqual({ status: 200, body: { id: "app-1", name: "clicks" }, recoveredByLookup: true });
  expect(apps).toHaveLength(1);
  expect(posts()).toBe(1);
});

test("a create lost before the server acted is sent again when the look-up finds nothing", async () => {
  const { apps, posts } = await startAppServer("drop-before-create");
  const api = makeClient();
  const res = await api.request<App>({
    method: "POST",
    path: CREATE,
    params,
    body: { name: "clicks" },
    lookupAfterTimeout: findByName(api, "clicks"),
  });
  expect(res.body).toEqual({ id: "app-1", name: "clicks" });
  expect(res.recoveredByLookup).toBeUndefined();
  expect(apps).toHaveLength(1);
  expect(posts()).toBe(2);
});

test("a create answered by 502 after the backend created the object is found, not repeated", async () => {
  const { apps, posts } = await startAppServer("create-then-502");
  const api = makeClient();
  const res = await api.request<App>({
    method: "POST",
    path: CREATE,
    params,
    body: { name: "clicks" },
    lookupAfterTimeout: findByName(api, "clicks"),
  });
  expect(res.recoveredByLookup).toBe(true);
  expect(apps).toHaveLength(1);
  expect(posts()).toBe(1);
});

test("without a look-up, a timed-out create is not repeated and fails with FLINK_API_TIMEOUT", async () => {
  const { apps, posts } = await startAppServer("create-then-hang");
  const api = makeClient();
  const err = await api
    .request<App>({ method: "POST", path: CREATE, params, body: { name: "clicks" } })
    .catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect((err as ApiError).code).toBe("FLINK_API_TIMEOUT");
  expect(apps).toHaveLength(1);
  expect(posts()).toBe(1);
});

test("without a look-up, a create answered by 500 is not repeated", async () => {
  server = await startServer((_req, res) => sendApiError(res, 500, "internal"));
  const api = makeClient();
  const err = (await api
    .request({ method: "POST", path: CREATE, params, body: {} })
    .catch((e) => e)) as ApiError;
  expect(err.code).toBe("FLINK_API_SERVER_ERROR");
  expect(server.requests).toHaveLength(1);
});

test("a create answered by 429 or 503 is repeated: the server did not act on it", async () => {
  server = await startServer((_req, res, i) => {
    if (i === 0) sendApiError(res, 429, "rate limited");
    else if (i === 1) sendApiError(res, 503, "unavailable");
    else sendJson(res, 200, { id: "app-1", name: "x" });
  });
  const api = makeClient();
  const res = await api.request<App>({ method: "POST", path: CREATE, params, body: { name: "x" } });
  expect(res.body.id).toBe("app-1");
  expect(server.requests).toHaveLength(3);
});

test("a POST marked idempotent is retried after a timeout without a look-up", async () => {
  server = await startServer((_req, res, i) => {
    if (i > 0) sendJson(res, 200, { ok: true });
  });
  const api = makeClient();
  const res = await api.request({
    method: "POST",
    path: "/project/{project}/service/{service_name}/flink/application/{application_id}/version/validate",
    params: { ...params, application_id: "a1" },
    body: { statement: "SELECT 1" },
    idempotent: true,
  });
  expect(res.body).toEqual({ ok: true });
  expect(server.requests).toHaveLength(2);
});

test("when the look-up fails too, the error says the outcome is unknown and nothing is created twice", async () => {
  const { apps } = await startAppServer("create-then-hang");
  const api = makeClient();
  const err = (await api
    .request<App>({
      method: "POST",
      path: CREATE,
      params,
      body: { name: "clicks" },
      lookupAfterTimeout: async () => {
        throw new ApiError({
          code: "FLINK_API_FORBIDDEN",
          status: 403,
          message: "no list permission",
          method: "GET",
          pathTemplate: CREATE,
        });
      },
    })
    .catch((e) => e)) as ApiError;
  expect(err.code).toBe("FLINK_API_TIMEOUT");
  expect(err.message).toMatch(/looking up whether it took effect anyway failed too: .*no list permission/);
  expect(apps).toHaveLength(1);
});

test("a POST that could not even connect is retried: nothing reached the server", async () => {
  const port = await freePort();
  const api = new ApiClient({
    baseUrl: `http://127.0.0.1:${port}/v1`,
    minRetryDelayMs: 1,
    maxRetryDelayMs: 5,
  });
  client = api;
  const err = (await api
    .request({ method: "POST", path: CREATE, params, body: {} })
    .catch((e) => e)) as ApiError;
  expect(err.code).toBe("FLINK_API_CONNECTION");
  expect(err.attempts).toBe(3);
});
