/**
 * Refresh reads through one list call (provider/engine/list-reads.ts), on the real engine, API client
 * and local control plane, with a forwarding proxy counting what reaches the API: a refresh of many
 * applications of a service lists them once instead of a GET each, reads exactly what the GETs read,
 * and whatever the list cannot answer (an object gone, a service gone, a list that fails) is decided
 * by the GET as before. A write drops every list, so nothing written is read from an older one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ControlPlane, startControlPlane } from "../../../controlplane";
import { ApiClient } from "../../../provider/client";
import { FRESH_FOR_MS, ListReads } from "../../../provider/engine/list-reads";
import { planResource } from "../../../provider/engine/plan";
import { type EngineContext, ResourceEngine } from "../../../provider/engine/resource-engine";
import type { Values } from "../../../provider/engine/values";
import { flinkApplicationSpec } from "../../../schemas/resources/flink-application";
import { flinkJarApplicationSpec } from "../../../schemas/resources/flink-jar-application";
import { directApi } from "./direct-api";
import { type FaultProxy, startFaultProxy } from "./fault-proxy";

const TOKEN = "list-reads-token";
const SERVICE = "flink-lr";
const APPS = `/project/local/service/${SERVICE}/flink/application`;
let dir: string;
let cp: ControlPlane;
let proxy: FaultProxy;
let client: ApiClient;
let clock: number;
let listReads: ListReads;
const engine = new ResourceEngine(flinkApplicationSpec);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "flinkform-list-reads-"));
  cp = await startControlPlane({ dataDir: dir, token: TOKEN, timeScale: 0.001 });
  await api("POST", "/project/local/service", {
    service_name: SERVICE,
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
  client = new ApiClient({
    baseUrl: proxy.url,
    token: TOKEN,
    maxRetries: 2,
    minRetryDelayMs: 5,
    maxRetryDelayMs: 20,
  });
  clock = 0;
  listReads = new ListReads(client, () => clock);
});

afterEach(async () => {
  await client.destroy();
  await proxy.close();
});

const api = directApi(() => cp.url, TOKEN);

const context = (withLists = true): EngineContext => ({
  client,
  ...(withLists ? { listReads } : {}),
  signal: new AbortController().signal,
  timing: { minIntervalMs: 5, maxIntervalMs: 20 },
});

/** State of applications made through the API, as terraform holds it after their create. */
async function createApplications(prefix: string, count: number): Promise<Values[]> {
  const states: Values[] = [];
  for (let i = 0; i < count; i++) {
    const config = { project: "local", service_name: SERVICE, name: `${prefix}-${i}` };
    const full = Object.fromEntries(
      Object.keys(flinkApplicationSpec.attributes).map((n) => [n, config[n as keyof typeof config] ?? null]),
    );
    states.push(
      await engine.create(context(false), planResource(flinkApplicationSpec, null, full, full).planned!),
    );
  }
  return states;
}

const seen = (method: string, pattern: RegExp) =>
  proxy.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
const LIST = /\/flink\/application$/;
const GET_ONE = /\/flink\/application\/[^/]+$/;

test("a refresh of twelve applications lists the service once and reads exactly what twelve GETs read", async () => {
  const states = await createApplications("burst", 12);
  const viaGets = await Promise.all(states.map((s) => engine.read(context(false), s)));
  proxy.requests.length = 0;

  const viaList = await Promise.all(states.map((s) => engine.read(context(), s)));

  expect(viaList).toEqual(viaGets);
  expect(viaList.map((s) => s?.name)).toEqual(states.map((s) => s.name));
  expect(seen("GET", LIST)).toBe(1);
  expect(seen("GET", GET_ONE)).toBe(0);
});

test("a list older than its freshness is made again, and shows a rename made outside terraform", async () => {
  const [state] = await createApplications("fresh", 1);
  await engine.read(context(), state!);
  await api("PUT", `${APPS}/${String(state!.application_id)}`, { name: "renamed-outside" });

  clock += FRESH_FOR_MS;
  const read = await engine.read(context(), state!);

  expect(read?.name).toBe("renamed-outside");
  expect(seen("GET", LIST)).toBe(2);
});

test("a write drops the lists: a read right after an update reads the update", async () => {
  const [state] = await createApplications("write", 1);
  await engine.read(context(), state!);
  const planned = { ...state!, name: "written-by-apply" };

  await listReads.whileWriting(() => engine.update(context(), state!, planned, ["name"]));
  const read = await engine.read(context(), state!);

  expect(read?.name).toBe("written-by-apply");
  expect(seen("GET", LIST)).toBe(2);
});

test("an application deleted outside terraform is not in the list: its GET's 404 removes it from state", async () => {
  const [kept, gone] = await createApplications("gone", 2);
  await api("DELETE", `${APPS}/${String(gone!.application_id)}`);
  proxy.requests.length = 0;

  const [keptRead, goneRead] = await Promise.all([
    engine.read(context(), kept!),
    engine.read(context(), gone!),
  ]);

  expect(keptRead?.name).toBe(kept!.name);
  expect(goneRead).toBeNull();
  expect(seen("GET", LIST)).toBe(1);
  // The one GET is the deleted application's: the list answers the other.
  expect(proxy.requests.filter((r) => r.method === "GET" && GET_ONE.test(r.path)).map((r) => r.path)).toEqual(
    [`${APPS}/${String(gone!.application_id)}`],
  );
});

test("when the list fails, each read falls back to its GET and reads the same", async () => {
  const states = await createApplications("fallback", 3);
  proxy.rule = (r) => (r.method === "GET" && LIST.test(r.path) ? "500" : "forward");
  proxy.requests.length = 0;

  const reads = await Promise.all(states.map((s) => engine.read(context(), s)));

  expect(reads.map((s) => s?.name)).toEqual(states.map((s) => s.name));
  expect(seen("GET", GET_ONE)).toBe(3);
});

test("applications of a deleted service are removed from state, as their GETs decide", async () => {
  await api("POST", "/project/local/service", {
    service_name: "flink-short",
    service_type: "flink",
    plan: "business-4",
  });
  const app = await api<{ id: string; name: string }>(
    "POST",
    "/project/local/service/flink-short/flink/application",
    {
      name: "orphan",
    },
  );
  await api("DELETE", "/project/local/service/flink-short");
  const state = { project: "local", service_name: "flink-short", application_id: app.id, name: "orphan" };

  await expect(engine.read(context(), state)).resolves.toBeNull();
});

test("a read whose call terraform cancels stops waiting for the list", async () => {
  const [state] = await createApplications("cancel", 1);
  proxy.rule = (r) => (r.method === "GET" && LIST.test(r.path) ? "hang" : "forward");
  const cancel = new AbortController();

  const read = engine.read({ ...context(), signal: cancel.signal }, state!);
  cancel.abort(new Error("terraform stopped the provider"));

  await expect(read).rejects.toThrow("terraform stopped the provider");
});

test("JAR applications read through their own list", async () => {
  const jar = await api<{ id: string; name: string }>(
    "POST",
    `/project/local/service/${SERVICE}/flink/jar_application`,
    {
      name: "jar-listed",
    },
  );
  const state = { project: "local", service_name: SERVICE, application_id: jar.id, name: "jar-listed" };

  const read = await new ResourceEngine(flinkJarApplicationSpec).read(context(), state);

  expect(read?.name).toBe("jar-listed");
  expect(seen("GET", /\/flink\/jar_application$/)).toBe(1);
  expect(seen("GET", /\/flink\/jar_application\/[^/]+$/)).toBe(0);
});
