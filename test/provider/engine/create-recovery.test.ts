/**
 * Creates through a flaky network, on the real engine, API client and local control plane, with a
 * proxy between them that loses answers and refuses connections exactly where a test says: a
 * create that took effect is found by its unique name and adopted (never made twice), the look-up
 * and the wait after a create go on through an API outage, and what the user reads names the
 * cause (a lost connection is not "check api_url").
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ControlPlane, startControlPlane } from "../../../controlplane";
import { ApiClient, type ApiError } from "../../../provider/client";
import { diagnosticFor } from "../../../provider/engine/error-diagnostics";
import { planResource } from "../../../provider/engine/plan";
import { type EngineContext, ResourceEngine } from "../../../provider/engine/resource-engine";
import type { Values } from "../../../provider/engine/values";
import type { ResourceSpec } from "../../../schemas/dsl/types";
import { flinkApplicationSpec } from "../../../schemas/resources/flink-application";
import { flinkIntegrationEndpointSpec } from "../../../schemas/resources/flink-integration-endpoint";
import { flinkServiceSpec } from "../../../schemas/resources/flink-service";
import { flinkServiceIntegrationSpec } from "../../../schemas/resources/flink-service-integration";
import { directApi } from "./direct-api";
import { type FaultProxy, startFaultProxy } from "./fault-proxy";

const TOKEN = "create-recovery-token";
let dir: string;
let cp: ControlPlane;
let proxy: FaultProxy;
let progress: string[];
let client: ApiClient;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "flinkform-recovery-"));
  cp = await startControlPlane({ dataDir: dir, token: TOKEN, timeScale: 0.001 });
  await api("POST", "/project/local/service", {
    service_name: "flink-r",
    service_type: "flink",
    plan: "business-4",
  });
}, 30_000);

afterAll(async () => {
  await cp?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  proxy = await startFaultProxy(cp.url);
  progress = [];
  client = new ApiClient({
    baseUrl: proxy.url,
    token: TOKEN,
    requestTimeoutMs: 5_000,
    maxRetries: 3,
    minRetryDelayMs: 5,
    maxRetryDelayMs: 20,
  });
});

afterEach(async () => {
  await client.destroy();
  await proxy.close();
});

const api = directApi(() => cp.url, TOKEN);

function context(): EngineContext {
  return {
    client,
    signal: new AbortController().signal,
    timing: { minIntervalMs: 5, maxIntervalMs: 20 },
    progress: (line) => {
      progress.push(line);
      onProgress?.(line);
    },
  };
}
let onProgress: ((line: string) => void) | undefined;
afterEach(() => {
  onProgress = undefined;
});

/** What terraform would plan for a create with this configuration. */
function planned(spec: ResourceSpec, config: Values): Values {
  const full = Object.fromEntries(Object.keys(spec.attributes).map((name) => [name, config[name] ?? null]));
  return planResource(spec, null, full, full).planned!;
}

const posts = (apiPath: string) => proxy.requests.filter((r) => r.method === "POST" && r.path === apiPath);
const APPS = "/project/local/service/flink-r/flink/application";

test("an application create whose answer is lost after it took effect is found by name and adopted, not made twice", async () => {
  proxy.rule = (r) => (r.method === "POST" && r.seen === 0 ? "forward-then-reset" : "forward");
  const state = await new ResourceEngine(flinkApplicationSpec).create(
    context(),
    planned(flinkApplicationSpec, { project: "local", service_name: "flink-r", name: "lost-answer" }),
  );
  const apps = (await api<{ applications: { id: string; name: string }[] }>("GET", APPS)).applications;
  const mine = apps.filter((a) => a.name === "lost-answer");
  expect(mine).toHaveLength(1);
  expect(state.application_id).toBe(mine[0]!.id);
  expect(posts(APPS)).toHaveLength(1);
  expect(progress.join("\n")).toContain("the create took effect although its answer was lost; adopting it");
});

test("an application create answered 500 after it took effect is adopted too", async () => {
  proxy.rule = (r) => (r.method === "POST" && r.seen === 0 ? "forward-then-500" : "forward");
  const state = await new ResourceEngine(flinkApplicationSpec).create(
    context(),
    planned(flinkApplicationSpec, { project: "local", service_name: "flink-r", name: "after-500" }),
  );
  const apps = (await api<{ applications: { id: string; name: string }[] }>("GET", APPS)).applications;
  expect(apps.filter((a) => a.name === "after-500").map((a) => a.id)).toEqual([state.application_id]);
  expect(posts(APPS)).toHaveLength(1);
});

test("a create answered 500 that did not take effect is sent again after the look-up finds nothing", async () => {
  proxy.rule = (r) => (r.method === "POST" && r.seen === 0 ? "500" : "forward");
  const state = await new ResourceEngine(flinkApplicationSpec).create(
    context(),
    planned(flinkApplicationSpec, { project: "local", service_name: "flink-r", name: "not-made" }),
  );
  const apps = (await api<{ applications: { id: string; name: string }[] }>("GET", APPS)).applications;
  expect(apps.filter((a) => a.name === "not-made").map((a) => a.id)).toEqual([state.application_id]);
  expect(posts(APPS)).toHaveLength(2);
});

test("a create sent again after a look-up that missed it, and refused as a duplicate, is adopted", async () => {
  // The look-up answers an empty list (the object is not listed yet), so the create is repeated.
  proxy.rule = (r) =>
    r.method === "POST" && r.seen === 0
      ? "forward-then-reset"
      : r.method === "GET" && r.path === APPS && r.seen === 0
        ? { reply: { applications: [] } }
        : "forward";
  const state = await new ResourceEngine(flinkApplicationSpec).create(
    context(),
    planned(flinkApplicationSpec, { project: "local", service_name: "flink-r", name: "raced" }),
  );
  const apps = (await api<{ applications: { id: string; name: string }[] }>("GET", APPS)).applications;
  expect(apps.filter((a) => a.name === "raced").map((a) => a.id)).toEqual([state.application_id]);
  expect(posts(APPS)).toHaveLength(2);
});

test("a create that always fails with 500 and made nothing fails with the API's error after its retries", async () => {
  proxy.rule = (r) => (r.method === "POST" ? "500" : "forward");
  const err = (await new ResourceEngine(flinkApplicationSpec)
    .create(
      context(),
      planned(flinkApplicationSpec, { project: "local", service_name: "flink-r", name: "never" }),
    )
    .catch((e) => e)) as ApiError;
  expect(err.code).toBe("FLINK_API_SERVER_ERROR");
  expect(posts(APPS)).toHaveLength(4); // the first attempt and maxRetries = 3
  const apps = (await api<{ applications: { name: string }[] }>("GET", APPS)).applications;
  expect(apps.map((a) => a.name)).not.toContain("never");
});

test("an endpoint create whose answer is lost while the API goes away is looked up through the outage and adopted", async () => {
  const ENDPOINTS = "/project/local/integration_endpoint";
  // The create takes effect, then the API goes away before answering.
  proxy.rule = (r) => (r.method === "POST" ? "forward-then-stop" : "forward");
  let refused = 0;
  onProgress = (line) => {
    // Back after the look-up met refused connections twice.
    if (line.includes("the API is not answering") && ++refused === 2) void proxy.start();
  };
  const state = await new ResourceEngine(flinkIntegrationEndpointSpec).create(
    context(),
    planned(flinkIntegrationEndpointSpec, {
      project: "local",
      endpoint_name: "kafka-out",
      endpoint_type: "external_kafka",
      external_kafka: { bootstrap_servers: "kafka:9092", security_protocol: "PLAINTEXT" },
    }),
  );
  const listed = (
    await api<{ service_integration_endpoints: { endpoint_id: string; endpoint_name: string }[] }>(
      "GET",
      ENDPOINTS,
    )
  ).service_integration_endpoints.filter((e) => e.endpoint_name === "kafka-out");
  expect(listed.map((e) => e.endpoint_id)).toEqual([state.endpoint_id]);
  expect(posts(ENDPOINTS)).toHaveLength(1);
  expect(refused).toBeGreaterThanOrEqual(2);
  expect(progress.join("\n")).toMatch(
    /looking up the create whose answer was lost: the API is not answering \(cannot connect/,
  );
});

test("an integration create whose answer is lost is found by its type and ends and adopted", async () => {
  const endpoint = (
    await api<{ service_integration_endpoint: { endpoint_id: string } }>(
      "POST",
      "/project/local/integration_endpoint",
      {
        endpoint_name: "pg-in",
        endpoint_type: "external_postgresql",
        user_config: { host: "db", port: 5432, username: "u" },
      },
    )
  ).service_integration_endpoint.endpoint_id;
  const INTEGRATIONS = "/project/local/integration";
  proxy.rule = (r) => (r.method === "POST" && r.path === INTEGRATIONS ? "forward-then-reset" : "forward");
  const state = await new ResourceEngine(flinkServiceIntegrationSpec).create(
    context(),
    planned(flinkServiceIntegrationSpec, {
      project: "local",
      integration_type: "flink_external_postgresql",
      source_endpoint_id: endpoint,
      destination_service_name: "flink-r",
    }),
  );
  const listed = (
    await api<{ service_integrations: { service_integration_id: string; source_endpoint_id: string }[] }>(
      "GET",
      "/project/local/service/flink-r/integration",
    )
  ).service_integrations.filter((i) => i.source_endpoint_id === endpoint);
  expect(listed.map((i) => i.service_integration_id)).toEqual([state.integration_id]);
  expect(posts(INTEGRATIONS)).toHaveLength(1);
  expect(state.active).toBe(true);
});

test("a service create waits through an API outage during its build and ends RUNNING, the same service", async () => {
  const SERVICES = "/project/local/service";
  let refused = 0;
  onProgress = (line) => {
    // The create was answered and the wait has begun: now the API goes away, and comes back after
    // the wait met refused connections three times.
    if (/state = \w+ after/.test(line) && refused === 0 && progress.length === 1) void proxy.stop();
    if (line.includes("the API is not answering") && ++refused === 3) void proxy.start();
  };
  const state = await new ResourceEngine(flinkServiceSpec).create(
    context(),
    planned(flinkServiceSpec, { project: "local", service_name: "flink-outage", plan: "business-4" }),
  );
  expect(state.state).toBe("RUNNING");
  expect(refused).toBeGreaterThanOrEqual(3);
  expect(posts(SERVICES)).toHaveLength(1);
  expect(progress.join("\n")).toMatch(
    /flink_service local\/flink-outage: the API is not answering \(cannot connect to .*ECONNREFUSED.*\); trying again for up to \d+ min/,
  );
});

describe("what the user reads", () => {
  const read = (values: Values) => new ResourceEngine(flinkApplicationSpec).read(context(), values);
  const app = {
    project: "local",
    service_name: "flink-r",
    application_id: "0b7e3f3c-59a5-4a4b-9b55-1f0c5a8b2e10",
  };

  test("a connection lost after sending is Connection Lost, not API Unreachable with the api_url hint", async () => {
    proxy.rule = () => "forward-then-reset";
    const diagnostic = diagnosticFor(await read(app).catch((e) => e), "Reading flink_application");
    expect(diagnostic?.summary).toBe("Connection Lost");
    expect(diagnostic?.detail).toContain("broke after the request was sent");
    expect(diagnostic?.detail).not.toContain("api_url");
  });

  test("connection refused before the API ever answered is API Unreachable with the api_url hint", async () => {
    await proxy.stop();
    const diagnostic = diagnosticFor(await read(app).catch((e) => e), "Reading flink_application");
    expect(diagnostic?.summary).toBe("API Unreachable");
    expect(diagnostic?.detail).toContain("Check api_url (or FLINK_API_URL)");
  });

  test("connection refused after the API answered is an outage: no api_url hint", async () => {
    await read(app);
    await proxy.stop();
    const diagnostic = diagnosticFor(await read(app).catch((e) => e), "Reading flink_application");
    expect(diagnostic?.summary).toBe("API Unreachable");
    expect(diagnostic?.detail).toContain("answered earlier in this run");
    expect(diagnostic?.detail).not.toContain("api_url");
  });
});
