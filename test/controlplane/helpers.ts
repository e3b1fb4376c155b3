import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ControlPlane, type ControlPlaneOptions, startControlPlane } from "../../controlplane";

/** Response bodies in tests: their shape is what the assertions check. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = any;

export const TOKEN = "test-token-0123456789";

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "flinkform-cp-"));
}

export interface Harness {
  cp: ControlPlane;
  logs: string[];
  api: (
    method: string,
    p: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: Json; headers: Headers }>;
  admin: (method: string, p: string, body?: unknown) => Promise<{ status: number; body: Json }>;
}

/** Starts a control plane on a free port in a fresh data dir, at a fast time scale. */
export async function start(options: Partial<ControlPlaneOptions> = {}): Promise<Harness> {
  const logs: string[] = [];
  const cp = await startControlPlane({
    dataDir: tempDir(),
    token: TOKEN,
    timeScale: 0.01,
    log: (l) => logs.push(l),
    ...options,
  });
  const call = async (
    base: string,
    method: string,
    p: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(base + p, {
      method,
      headers: { authorization: `aivenv1 ${cp.token}`, "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
  return {
    cp,
    logs,
    api: (m, p, b, h) => call(cp.url, m, p, b, h),
    admin: (m, p, b) => call(cp.adminUrl, m, p, b),
  };
}

/** Polls until `check` returns a value that is not undefined (lifecycle transitions are asynchronous). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

export const SRC =
  "CREATE TABLE clicks (user_id BIGINT, url STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka', 'topic' = 'clicks', 'properties.bootstrap.servers' = '', 'format' = 'json')";
export const SINK =
  "CREATE TABLE counts (user_id BIGINT NOT NULL, n BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'counts', 'properties.bootstrap.servers' = '', 'key.format' = 'json', 'value.format' = 'json')";
export const STATEMENT = "INSERT INTO counts SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id";

/** A running Flink service with a Kafka source integration, an application and its version 1. */
export async function pipeline(
  h: Harness,
  opts: { plan?: string; userConfig?: Record<string, unknown>; service?: string } = {},
) {
  const service = opts.service ?? "flink1";
  const p = h.cp.project;
  await h.api("POST", `/project/${p}/service`, {
    service_name: service,
    service_type: "flink",
    plan: opts.plan ?? "business-4",
    user_config: opts.userConfig ?? {},
  });
  await h.api("POST", `/project/${p}/service`, {
    service_name: `${service}-kafka`,
    service_type: "kafka",
    plan: "startup-2",
  });
  await eventually(
    async () =>
      (await h.api("GET", `/project/${p}/service/${service}`)).body.service.state === "RUNNING"
        ? true
        : undefined,
    "service RUNNING",
  );
  const integration = (
    await h.api("POST", `/project/${p}/integration`, {
      integration_type: "flink",
      source_service: `${service}-kafka`,
      dest_service: service,
    })
  ).body.service_integration.service_integration_id as string;
  const appBase = `/project/${p}/service/${service}/flink/application`;
  const app = (await h.api("POST", appBase, { name: "clickstream" })).body;
  const version = (
    await h.api("POST", `${appBase}/${app.id}/version`, {
      statement: STATEMENT,
      sources: [{ create_table: SRC, integration_id: integration }],
      sinks: [{ create_table: SINK, integration_id: integration }],
    })
  ).body;
  return { service, integration, app, version, appBase: `${appBase}/${app.id}` };
}

export async function deploymentIn(h: Harness, url: string, statuses: string[]): Promise<Json> {
  return eventually(
    async () => {
      const d = (await h.api("GET", url)).body;
      return statuses.includes(d.status) ? d : undefined;
    },
    `deployment in ${statuses.join("/")}`,
  );
}
