// The real Flink engine against the simulated one, measured in the same run (medians):
//  - service create → RUNNING (a session cluster starting), flink only;
//  - deployment create → RUNNING, flink vs simulated (time scale 0.01, as tests run it, and 1, the
//    hosted service's modelled durations);
//  - `terraform apply` of a datagen → blackhole pipeline (service, application, version, deployment);
//  - the validate endpoint: Flink's planner vs the SQL parser, both over HTTP;
//  - resident memory of a one-service cluster (JobManager, TaskManager, SQL Gateway) running one job.
//   npx tsx bench/flink-engine.mjs [runs]   (default 3; --write appends the results to bench/RESULTS.md)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import * as kit from "./bench-kit.mjs";

// Loaded under tsx (not its require API, whose module ids break the SQL validator's worker thread).
const { startControlPlane, findFlinkInstallation } = await import("../controlplane/index.ts");
const { installProvider } = await import("../provider/install/install-provider.ts");
const { runs, write, bundlePath, found } = kit.realEngineBench("flink-engine", 3, findFlinkInstallation);

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

async function withControlPlane(engine, timeScale, fn) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "flinkform-bench-"));
  const cp = await startControlPlane({ dataDir, token: "bench-token-0001", engine, timeScale });
  const api = async (method, p, body) => {
    const res = await fetch(cp.url + p, {
      method,
      headers: { authorization: `aivenv1 ${cp.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  };
  try {
    return await fn(api, dataDir);
  } finally {
    await cp.close();
  }
}

const P = "/project/local/service";
async function until(read, done, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(v).slice(0, 300)}`);
    await kit.sleep(20);
  }
}

const SOURCE =
  "CREATE TABLE clicks (user_id INT, url STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '50', 'fields.user_id.min' = '1', 'fields.user_id.max' = '100')";
const SINK = "CREATE TABLE counts (user_id INT, n BIGINT) WITH ('connector' = 'blackhole')";
const STATEMENT = "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id";

async function createService(api, name) {
  const t0 = performance.now();
  await api("POST", `${P}`, {
    service_name: name,
    service_type: "flink",
    plan: "business-4",
    user_config: { number_of_task_slots: 2 },
  });
  await until(
    () => api("GET", `${P}/${name}`),
    (r) => r.service?.state === "RUNNING",
  );
  return performance.now() - t0;
}

/** Deployment create → RUNNING, `runs` times, each cancelled before the next. */
async function deployLatencies(api, service) {
  const app = await api("POST", `${P}/${service}/flink/application`, { name: "bench" });
  const base = `${P}/${service}/flink/application/${app.id}`;
  const version = await api("POST", `${base}/version`, {
    statement: STATEMENT,
    sources: [{ create_table: SOURCE }],
    sinks: [{ create_table: SINK }],
  });
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const d = await api("POST", `${base}/deployment`, { version_id: version.id });
    await until(
      () => api("GET", `${base}/deployment/${d.id}`),
      (x) => x.status === "RUNNING" || x.status === "FAILED",
    );
    out.push(performance.now() - t0);
    await api("POST", `${base}/deployment/${d.id}/cancel`);
    await until(
      () => api("GET", `${base}/deployment/${d.id}`),
      (x) => x.status === "CANCELED",
    );
  }
  return { out, app: app.id, version: version.id };
}

async function validateLatencies(api, service, appId) {
  const body = { statement: STATEMENT, sources: [{ create_table: SOURCE }], sinks: [{ create_table: SINK }] };
  const url = `${P}/${service}/flink/application/${appId}/version/validate`;
  for (let i = 0; i < 3; i++) await api("POST", url, body); // warm-up
  const out = [];
  for (let i = 0; i < Math.max(10, runs * 5); i++) {
    const t0 = performance.now();
    await api("POST", url, body);
    out.push(performance.now() - t0);
  }
  return out;
}

function clusterRssMb(dataDir) {
  const ps = execFileSync("ps", ["-eo", "pid=,rss=,args="], { encoding: "utf8", maxBuffer: 16 << 20 });
  const rows = ps.split("\n").filter((l) => l.includes(`-Dflinkform.cluster=${dataDir}`));
  const byRole = {};
  for (const l of rows) {
    const [, rss] = l.trim().split(/\s+/);
    const role = /TaskManagerRunner/.test(l)
      ? "taskmanager"
      : /SqlGateway/.test(l)
        ? "sql-gateway"
        : "jobmanager";
    byRole[role] = Number(rss) / 1024;
  }
  return byRole;
}

const results = {};

// 1-2, 4-5: the flink engine.
await withControlPlane({ kind: "flink" }, 1, async (api, dataDir) => {
  const starts = [];
  for (let i = 0; i < runs; i++) {
    starts.push(await createService(api, `start${i}`));
    if (i < runs - 1) await api("DELETE", `${P}/start${i}`);
  }
  results.clusterStart = starts;
  const service = `start${runs - 1}`;
  const deploy = await deployLatencies(api, service);
  results.deployFlink = deploy.out;
  results.validatePlanner = await validateLatencies(api, service, deploy.app);
  const d = await api("POST", `${P}/${service}/flink/application/${deploy.app}/deployment`, {
    version_id: deploy.version,
  });
  await until(
    () => api("GET", `${P}/${service}/flink/application/${deploy.app}/deployment/${d.id}`),
    (x) => x.status === "RUNNING",
  );
  await kit.sleep(5000);
  results.rss = clusterRssMb(dataDir);
});

for (const scale of [0.01, 1]) {
  await withControlPlane("simulated", scale, async (api) => {
    await createService(api, "sim");
    const deploy = await deployLatencies(api, "sim");
    results[`deploySimulated${scale}`] = deploy.out;
    if (scale === 0.01) results.validateParser = await validateLatencies(api, "sim", deploy.app);
  });
}

// 3: terraform apply of the whole pipeline.
const pipeline = (name) =>
  kit.pipelineHcl({
    service: name,
    userConfig: "number_of_task_slots = 2",
    source: SOURCE,
    sink: SINK,
    statement: STATEMENT,
  });

for (const [label, engine, timeScale] of [
  ["applyFlink", { kind: "flink" }, 1],
  ["applySimulated", "simulated", 0.005],
]) {
  const work = mkdtempSync(path.join(tmpdir(), "flinkform-bench-apply-"));
  const cp = await startControlPlane({
    dataDir: path.join(work, "data"),
    token: "bench-token-0001",
    engine,
    timeScale,
  });
  try {
    const installed = await installProvider({ baseDir: path.join(work, ".flinkform"), bundlePath });
    const env = kit.terraformEnv(installed, cp);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const wd = path.join(work, `apply${i}`);
      mkdirSync(wd, { recursive: true });
      writeFileSync(path.join(wd, "main.tf"), pipeline(`apply${i}`));
      await kit.terraform(wd, env, ["init"]);
      const t0 = performance.now();
      await kit.terraform(wd, env, ["apply", "-auto-approve"]);
      times.push(performance.now() - t0);
      await kit.terraform(wd, env, ["destroy", "-auto-approve"]);
    }
    results[label] = times;
  } finally {
    await cp.close();
    rmSync(work, { recursive: true, force: true });
  }
}

const m = (k) => kit.median(results[k]);
const lines = [
  `## flink-engine (${new Date().toISOString()}, node ${process.version}, Apache Flink ${found.installation.flinkVersion} on Java ${found.installation.javaMajor}, 2 cores, load average ${loadavg()[0].toFixed(1)}, ${runs} runs, medians)`,
  "",
  "| measure | flink | simulated (floor) | ratio |",
  "|---|---|---|---|",
  `| service create → RUNNING (cluster start) | ${fmt(m("clusterStart"))} | — | — |`,
  `| deployment create → RUNNING | ${fmt(m("deployFlink"))} | ${fmt(m("deploySimulated0.01"))} at time scale 0.01; ${fmt(m("deploySimulated1"))} at 1 (hosted model) | ${(m("deployFlink") / m("deploySimulated0.01")).toFixed(1)}× / ${(m("deployFlink") / m("deploySimulated1")).toFixed(2)}× |`,
  `| terraform apply, datagen → blackhole pipeline (4 resources) | ${fmt(m("applyFlink"))} | ${fmt(m("applySimulated"))} at time scale 0.005 | ${(m("applyFlink") / m("applySimulated")).toFixed(1)}× |`,
  `| validate endpoint (HTTP), planner vs parser | ${fmt(m("validatePlanner"))} | ${fmt(m("validateParser"))} | ${(m("validatePlanner") / m("validateParser")).toFixed(1)}× |`,
  `| resident memory of a one-service cluster, one job | ${Object.entries(results.rss)
    .map(([k, v]) => `${k} ${v.toFixed(0)} MB`)
    .join(", ")}; total ${Object.values(results.rss)
    .reduce((a, b) => a + b, 0)
    .toFixed(0)} MB | — | — |`,
  "",
];
process.stdout.write(`${lines.join("\n")}\n`);
process.stdout.write(`raw: ${JSON.stringify(results)}\n`);
if (write) kit.appendResults(lines);
