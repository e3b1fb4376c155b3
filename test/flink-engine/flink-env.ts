/**
 * What the real-engine tests share: whether real Flink can run here, a control plane on the flink
 * engine, and readers of what Flink itself reports (its REST API) and of the processes it runs.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type ControlPlane,
  type DataServiceOptions,
  type EngineOption,
  findFlinkInstallation,
  startControlPlane,
} from "../../controlplane";

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions
export type Json = any;

const found = findFlinkInstallation();
if (!found.ok && process.env.FLINKFORM_REQUIRE_FLINK === "1") {
  throw new Error(`the real-engine suite must run here (FLINKFORM_REQUIRE_FLINK=1): ${found.reason}`);
}

/** `describe`, or `describe.skip` with the reason when this machine cannot run Flink (CI requires it). */
export const describeWithFlink: jest.Describe = found.ok
  ? describe
  : (((name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: ${found.reason})`, fn)) as unknown as jest.Describe);

export const TOKEN = "flink-engine-token";

export interface EngineHarness {
  cp: ControlPlane;
  dataDir: string;
  logs: string[];
  api: (method: string, p: string, body?: unknown) => Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

export function tempDir(prefix = "flinkform-flink-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startFlinkControlPlane(
  engine: EngineOption = { kind: "flink" },
  dataDir = tempDir(),
  dataServices: DataServiceOptions = {},
): Promise<EngineHarness> {
  const logs: string[] = [];
  const cp = await startControlPlane({
    dataDir,
    token: TOKEN,
    engine,
    dataServices,
    log: (l) => {
      logs.push(l);
      if (process.env.FLINKFORM_ACC_DEBUG && !l.includes('"method"')) process.stderr.write(`${l}\n`);
    },
  });
  const api = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(cp.url + p, {
      method,
      headers: { authorization: `aivenv1 ${cp.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return { cp, dataDir, logs, api, close: () => cp.close() };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `read` until `done` holds; fails with the last value after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await sleep(250);
  }
}

/** GET on Flink's own REST API (not the control plane's). */
export async function flinkGet(restUrl: string, p: string): Promise<Json> {
  const res = await fetch(`${restUrl}/v1${p}`);
  if (!res.ok) throw new Error(`Flink REST ${p}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A job as Flink's REST API reports it, or `{ state: "NOT FOUND" }` while Flink does not know it (yet). */
export async function flinkJob(restUrl: string, jobId: string): Promise<Json> {
  const res = await fetch(`${restUrl}/v1/jobs/${jobId}`);
  if (res.status === 404) return { state: "NOT FOUND" };
  if (!res.ok) throw new Error(`Flink REST /jobs/${jobId}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * The failures Flink recorded for a finished job (its exception history). Flink's REST API serves a
 * job's details from a cache refreshed every second, so a failure that just ended the job can
 * appear a moment after the job's FAILED state: the history is read until it stops growing.
 */
export async function failureHistory(restUrl: string, jobId: string): Promise<Json[]> {
  let last: Json[] = [];
  for (let quiet = 0; quiet < 3; ) {
    const entries = ((await flinkGet(restUrl, `/jobs/${jobId}/exceptions`)).exceptionHistory?.entries ??
      []) as Json[];
    quiet = entries.length === last.length ? quiet + 1 : 0;
    last = entries;
    await sleep(600);
  }
  return last;
}

/** Whether two paths name the same file: Flink reports `file:/...`; the control plane as Flink gave them to it. */
export const samePath = (a: string, b: string) => a.replace(/^file:\/*/, "/") === b.replace(/^file:\/*/, "/");

/** The base URL of a service's Flink REST API, from what the service reports (host and port). */
export function restUrlOf(service: Json): string {
  const host = service.service_uri_params.host as string;
  const port = service.service_uri_params.port as string;
  return `http://${host}:${port}`;
}

/** Pids of the Flink JVMs started under `dataDir` (found by the marker every cluster process carries). */
export function flinkPids(dataDir: string): number[] {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return out
    .split("\n")
    .filter((l) => l.includes(`-Dflinkform.cluster=${dataDir}`))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

/** Pids of the PostgreSQL server processes of a control plane's data directory. */
export function postgresPids(dataDir: string): number[] {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return out
    .split("\n")
    .filter((l) => l.includes(path.join(dataDir, "postgres")) && !l.includes("<defunct>"))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

export const PROJECT = "/project/local";

/** Creates a Flink service and waits until the control plane reports it RUNNING. */
export async function createService(
  h: EngineHarness,
  name: string,
  userConfig: Record<string, unknown> = {},
  plan = "business-4",
): Promise<Json> {
  const created = await h.api("POST", `${PROJECT}/service`, {
    service_name: name,
    service_type: "flink",
    plan,
    user_config: userConfig,
  });
  if (created.status !== 200) throw new Error(`create service: ${JSON.stringify(created.body)}`);
  return waitService(h, name);
}

export async function waitService(h: EngineHarness, name: string, timeoutMs = 180_000): Promise<Json> {
  const r = await waitFor(
    `service ${name} RUNNING`,
    () => h.api("GET", `${PROJECT}/service/${name}`),
    (r) => r.body.service?.state === "RUNNING",
    timeoutMs,
  );
  return r.body.service;
}

export async function waitDeployment(
  h: EngineHarness,
  service: string,
  appId: string,
  id: string,
  statuses: readonly string[],
  timeoutMs = 120_000,
): Promise<Json> {
  const r = await waitFor(
    `deployment ${id} in ${statuses.join("/")}`,
    () => h.api("GET", `${PROJECT}/service/${service}/flink/application/${appId}/deployment/${id}`),
    (r) => statuses.includes(r.body?.status),
    timeoutMs,
  );
  return r.body;
}
