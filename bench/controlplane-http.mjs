// Local control plane throughput: GET service and list applications over 64 keep-alive connections.
// The server runs in a child process (as `flinkform local start` would); the floor is a bare node:http
// server answering a fixed JSON body, measured with the same client in the same run. Appends to RESULTS.md.
// Run: node bench/controlplane-http.mjs [--no-write] [--seconds N]
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Pool } from "undici";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TOKEN = "bench-token-0123456789";
const CONNECTIONS = 64;
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf("--seconds") + 1]) || 5;

if (args[0] === "--serve-controlplane" || args[0] === "--serve-floor") {
  let port;
  if (args[0] === "--serve-floor") {
    const body = JSON.stringify({ service: { service_name: "bench", state: "RUNNING", plan: "business-4" } });
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
    server.keepAliveTimeout = 65_000;
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    port = server.address().port;
  } else {
    const { startControlPlane } = await import(pathToFileURL(path.join(root, "controlplane/index.ts")).href);
    const sink = fs.createWriteStream("/dev/null");
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "flinkform-bench-"));
    const cp = await startControlPlane({
      dataDir,
      token: TOKEN,
      timeScale: 0.001,
      log: (l) => sink.write(`${l}\n`),
    });
    port = cp.port;
  }
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  await new Promise(() => {});
}

function serve(mode) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), `--serve-${mode}`],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => {
      out += c;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, port: JSON.parse(line).port });
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
}

async function load(port, paths, durationMs) {
  const pool = new Pool(`http://127.0.0.1:${port}`, {
    connections: CONNECTIONS,
    pipelining: 1,
    keepAliveTimeout: 60_000,
  });
  const headers = { authorization: `aivenv1 ${TOKEN}` };
  const latencies = [];
  let errors = 0;
  let i = 0;
  const end = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const p = paths[i++ % paths.length];
      const t0 = performance.now();
      const res = await pool.request({ method: "GET", path: p, headers });
      await res.body.text();
      latencies.push(performance.now() - t0);
      if (res.statusCode !== 200) errors++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
    errors,
    n: latencies.length,
  };
}

async function api(port, method, p, body) {
  const res = await fetch(`http://127.0.0.1:${port}/v1${p}`, {
    method,
    headers: { authorization: `aivenv1 ${TOKEN}`, "content-type": "application/json" },
    body: body && JSON.stringify(body),
  });
  return res.json();
}

const cp = await serve("controlplane");
const floor = await serve("floor");
try {
  await api(cp.port, "POST", "/project/local/service", {
    service_name: "bench",
    service_type: "flink",
    plan: "business-4",
  });
  for (let n = 0; n < 10; n++)
    await api(cp.port, "POST", "/project/local/service/bench/flink/application", { name: `app-${n}` });
  const service = "/v1/project/local/service/bench";
  const apps = "/v1/project/local/service/bench/flink/application";
  await load(cp.port, [service, apps], 1000); // warm-up
  await load(floor.port, ["/"], 1000);
  const rows = [
    ["GET service", await load(cp.port, [service], seconds * 1000)],
    ["list applications (10)", await load(cp.port, [apps], seconds * 1000)],
    ["mixed 50/50", await load(cp.port, [service, apps], seconds * 1000)],
  ];
  const bare = await load(floor.port, ["/"], seconds * 1000);
  const fmt = (r) =>
    `${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms${r.errors ? `, ${r.errors} errors` : ""}`;
  const table = [
    `## controlplane-http (${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, ${CONNECTIONS} keep-alive connections, ${seconds} s each)`,
    "",
    "| endpoint | throughput, latency | floor ratio (bare node:http, fixed body) | target |",
    "|---|---|---|---|",
    ...rows.map(
      ([name, r]) =>
        `| ${name} | ${fmt(r)} | ${(r.rps / bare.rps).toFixed(2)}x of ${Math.round(bare.rps)} req/s | >= 5,000 req/s, p99 < 10 ms |`,
    ),
    `| floor: bare node:http | ${fmt(bare)} | 1.00x | — |`,
    "",
  ].join("\n");
  process.stdout.write(`${table}\n`);
  if (!args.includes("--no-write")) fs.appendFileSync(path.join(root, "bench/RESULTS.md"), `\n${table}\n`);
} finally {
  cp.child.kill("SIGTERM");
  floor.child.kill("SIGTERM");
}
