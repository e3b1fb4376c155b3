/**
 * Limits of the HTTP front and of the request validators: JSON depth, the time to receive a request,
 * fault injection only after authentication, and look-ups by own keys only.
 */
import net from "node:net";
import { type FaultOptions, Faults } from "../../controlplane/faults";
import { createHttpServer } from "../../controlplane/http-server";
import { Router } from "../../controlplane/router";
import { type Harness, start } from "./helpers";

const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];

/** A JSON object with `key` as its one own key (an object literal would set the prototype for `__proto__`). */
const withKey = (key: string, value: unknown) => `{${JSON.stringify(key)}:${JSON.stringify(value)}}`;

/** Sends raw bytes and collects what comes back until the server closes, or `waitMs`. */
function rawExchange(port: number, bytes: string, waitMs: number): Promise<string> {
  return new Promise((resolve) => {
    let got = "";
    const socket = net.connect(port, "127.0.0.1", () => socket.write(bytes));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(got);
    }, waitMs);
    socket.on("data", (d) => {
      got += d.toString();
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.on("error", () => {});
  });
}

describe("request bodies", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.cp.close());

  test.each([
    ["/project/local/service", "POST"],
    ["/project/local/integration_endpoint", "POST"],
  ])("JSON nested 10,000 deep to %s is a 400 with the depth, not a 500", async (path, method) => {
    const body = `{"a":${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    const res = await h.api(method, path, body);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe("JSON body nested too deeply (10001 levels; at most 32)");
  });

  test("brackets inside JSON strings do not count as nesting", async () => {
    const res = await h.api("POST", "/project/local/service", {
      service_name: "x".repeat(5),
      service_type: "flink",
      plan: `${"[{".repeat(100)}`,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^plan: /);
  });

  test("the admin API has the same limit", async () => {
    const res = await h.admin("PUT", "/faults", `{"errorRate":${"[".repeat(100)}${"]".repeat(100)}}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe("JSON body nested too deeply (101 levels; at most 32)");
  });
});

describe("faults apply only after authentication", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.cp.close());

  test.each<[string, FaultOptions]>([
    ["resetRate", { resetRate: 1 }],
    ["errorRate", { errorRate: 1 }],
    ["throttleRate", { throttleRate: 1 }],
  ])("with %s 1, a caller without a valid token gets 401, never the fault", async (_, faults) => {
    h.cp.setFaults(faults);
    try {
      for (const authorization of [undefined, "aivenv1 wrong-token-000"]) {
        const res = await fetch(`${h.cp.url}/project/local/service`, {
          headers: authorization ? { authorization } : {},
        });
        expect(res.status).toBe(401);
      }
      // With the token, the fault is there.
      const ok = await fetch(`${h.cp.url}/project/local/service`, {
        headers: { authorization: `aivenv1 ${h.cp.token}` },
      }).then(
        (r) => r.status,
        () => "reset",
      );
      expect(ok).toBe(faults.resetRate ? "reset" : faults.errorRate ? 503 : 429);
    } finally {
      h.cp.setFaults({});
    }
  });
});

describe("the time to receive a request is limited", () => {
  let server: ReturnType<typeof createHttpServer>;
  let port: number;
  beforeAll(async () => {
    server = createHttpServer({
      api: new Router([{ method: "POST", path: "/echo", handler: ({ body }) => ({ body }) }]),
      admin: new Router([]),
      token: "limits-token-0123",
      project: "local",
      faults: new Faults(),
      log: () => {},
      requestTimeoutMs: 500,
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const head = (length: number) =>
    `POST /v1/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: aivenv1 limits-token-0123\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

  test("a body that stops arriving gets 408 and the connection closed", async () => {
    const got = await rawExchange(port, `${head(100)}{"a":`, 10_000);
    expect(got).toMatch(/^HTTP\/1\.1 408 /);
  });

  test("headers that never end get 408", async () => {
    const got = await rawExchange(port, "POST /v1/echo HTTP/1.1\r\nHost: x\r\n", 10_000);
    expect(got).toMatch(/^HTTP\/1\.1 408 /);
  });

  test("a complete request is answered", async () => {
    const got = await rawExchange(port, `${head(7)}{"a":1}`, 2_000);
    expect(got).toMatch(/^HTTP\/1\.1 200 [\s\S]*\{"a":1\}$/);
  });
});

describe("keys named like Object.prototype's properties", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
    expect(
      (
        await h.api("POST", "/project/local/service", {
          service_name: "keys",
          service_type: "flink",
          plan: "business-4",
        })
      ).status,
    ).toBe(200);
  });
  afterAll(() => h.cp.close());

  const service = (userConfig: string) =>
    `{"service_name":"proto-keys","service_type":"flink","plan":"business-4","user_config":${userConfig}}`;

  test.each(PROTOTYPE_NAMES)(
    "user_config key '%s' on create is a 400 naming it; nothing is created",
    async (key) => {
      const res = await h.api(
        "POST",
        "/project/local/service",
        service(withKey(key, { flink_version: "1.16" })),
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(
        new RegExp(`^user_config: unknown key '${key}'; allowed keys: flink_version`),
      );
      expect((await h.api("GET", "/project/local/service/proto-keys")).status).toBe(404);
    },
  );

  test.each(PROTOTYPE_NAMES)(
    "user_config key '%s' on update is a 400; the config is unchanged",
    async (key) => {
      const before = (await h.api("GET", "/project/local/service/keys")).body.service.user_config;
      expect(before.flink_version).toBeDefined();
      const res = await h.api("PUT", "/project/local/service/keys", `{"user_config":${withKey(key, "x")}}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(new RegExp(`^user_config: unknown key '${key}'`));
      expect((await h.api("GET", "/project/local/service/keys")).body.service.user_config).toEqual(before);
    },
  );

  test.each(PROTOTYPE_NAMES)("integration endpoint user_config key '%s' is a 400", async (key) => {
    const res = await h.api(
      "POST",
      "/project/local/integration_endpoint",
      `{"endpoint_name":"e-${key.replace(/_/g, "")}","endpoint_type":"external_kafka","user_config":${withKey(key, "x")}}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(new RegExp(`^user_config: unknown key '${key}' for external_kafka`));
    const list = await h.api("GET", "/project/local/integration_endpoint");
    expect(list.body.service_integration_endpoints).toEqual([]);
  });

  test("a table option named __proto__ is kept and shown like any other option", async () => {
    const app = await h.api("POST", "/project/local/service/keys/flink/application", { name: "proto-app" });
    const res = await h.api("POST", `/project/local/service/keys/flink/application/${app.body.id}/version`, {
      statement: "INSERT INTO k SELECT a FROM s",
      sources: [{ create_table: "CREATE TABLE s (a INT) WITH ('connector' = 'datagen', '__proto__' = 'x')" }],
      sinks: [{ create_table: "CREATE TABLE k (a INT) WITH ('connector' = 'blackhole')" }],
    });
    expect(res.status).toBe(200);
    const options = res.body.sources[0].options;
    expect(Object.hasOwn(options, "__proto__")).toBe(true);
    expect(Object.entries(options)).toEqual([
      ["connector", "datagen"],
      ["__proto__", "x"],
    ]);
  });

  test.each(PROTOTYPE_NAMES)("integration user_config key '%s' is a 400", async (key) => {
    const res = await h.api(
      "POST",
      "/project/local/integration",
      `{"integration_type":"logs","source_service":"keys","dest_service":"keys","user_config":${withKey(key, [])}}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(new RegExp(`^user_config: unknown key '${key}' for logs`));
  });
});
