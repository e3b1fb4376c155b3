// Where the time of a `terraform plan` (refresh, no changes) of N flink_application resources goes:
// every provider process terraform starts reports its start, life, CPU time and memory; terraform's
// own CPU is the whole command's CPU minus the providers'. With --cpu-prof, one more run is traced
// (TF_LOG_CORE=trace timestamps) and each provider process profiled (V8 self time grouped by
// package or node module). Several builds (`--dist DIR`, each a dist/ made by scripts/build.mjs)
// are run in turn, so a before/after comparison sees the same load on this shared machine.
// Prints the breakdown; nothing is appended to bench/RESULTS.md.
//   node bench/plan-profile.mjs [resources] [--runs N] [--dist DIR]... [--cpu-prof]   (200, 5, dist/)
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { require as tsxRequire } from "tsx/cjs/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const count = Number(
  process.argv.slice(2).find((a, i, all) => /^\d+$/.test(a) && all[i - 1] !== "--runs") ?? 200,
);
const cpuProf = process.argv.includes("--cpu-prof");
const argValues = (flag) => process.argv.flatMap((a, i) => (a === flag ? [process.argv[i + 1]] : []));
const runs = Number(argValues("--runs")[0] ?? 5);
const dists = argValues("--dist").map((d) => path.resolve(d));
if (dists.length === 0) dists.push(path.join(root, "dist"));
for (const d of dists)
  if (!existsSync(path.join(d, "terraform-provider-flink.cjs")))
    throw new Error(`${d}/terraform-provider-flink.cjs is missing; run \`npm run build\` first`);

const { startControlPlane } = tsxRequire("../controlplane/index.ts", import.meta.url);
const { installProvider } = tsxRequire("../provider/install/install-provider.ts", import.meta.url);

const work = mkdtempSync(path.join(tmpdir(), "flinkform-plan-profile-"));
const report = path.join(work, "report");
mkdirSync(report);
const profDir = path.join(work, "prof");
const moduleMaps = new Map();
mkdirSync(profDir);
// Loaded into every provider process through NODE_OPTIONS: at exit it writes its own figures.
const probe = path.join(work, "probe.cjs");
writeFileSync(
  probe,
  `const { writeFileSync } = require("node:fs");
const started = Date.now() - process.uptime() * 1000;
// --cpu-prof is not allowed in NODE_OPTIONS: the profiler is started through the inspector instead
// (an in-thread session answers synchronously, so the exit handler can still write the profile).
let session;
if (process.env.PLAN_PROFILE_CPU) {
  session = new (require("node:inspector").Session)();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 200 });
  session.post("Profiler.start");
}
process.on("exit", () => {
  if (session) session.post("Profiler.stop", (err, r) => {
    if (!err) writeFileSync(${JSON.stringify(profDir)} + "/" + process.pid + ".cpuprofile", JSON.stringify(r.profile));
  });
  const u = process.resourceUsage();
  writeFileSync(${JSON.stringify(report)} + "/" + process.pid + ".json", JSON.stringify({
    pid: process.pid, started, wallMs: process.uptime() * 1000,
    cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS,
  }));
});
`,
);

const cp = await startControlPlane({
  dataDir: path.join(work, "data"),
  timeScale: 0.005,
  token: "bench-token-0001",
});
const baseEnv = {
  ...process.env,
  CHECKPOINT_DISABLE: "1",
  TF_IN_AUTOMATION: "1",
  FLINK_API_URL: cp.url,
  FLINK_API_TOKEN: cp.token,
  FLINKFORM_POLL_INTERVAL_MS: "40",
};
delete baseEnv.TF_LOG;
delete baseEnv.NODE_OPTIONS;

// `/usr/bin/time` reports the CPU of terraform and of every child it waited for.
function terraform(cwd, args, env = baseEnv) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(
      "/usr/bin/time",
      ["-f", "TIME %e %U %S", "terraform", ...args, "-no-color", "-input=false"],
      {
        cwd,
        env,
      },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("close", (code) => {
      const ms = Date.now() - started;
      if (code !== 0 && code !== 2) reject(new Error(`terraform ${args.join(" ")} exited ${code}\n${out}`));
      const [, , user, sys] = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(out) ?? [];
      resolve({ ms, started, cpuMs: (Number(user) + Number(sys)) * 1000, out });
    });
  });
}

async function api(method, apiPath, body) {
  const res = await fetch(`${cp.url}${apiPath}`, {
    method,
    headers: { authorization: `aivenv1 ${cp.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${await res.text()}`);
  return res.json();
}
await api("POST", "/project/local/service", {
  service_type: "flink",
  service_name: "bench",
  plan: "business-4",
});
for (;;) {
  const { service } = await api("GET", "/project/local/service/bench");
  if (service.state === "RUNNING") break;
  await new Promise((r) => setTimeout(r, 50));
}

// One working directory per provider build compared (`--dist DIR`, default dist/), run in turn so
// that each sees the same load on this shared machine.
const setups = [];
for (const [i, dist] of dists.entries()) {
  const installed = await installProvider({
    baseDir: path.join(work, `.flinkform-${i}`),
    bundlePath: path.join(dist, "terraform-provider-flink.cjs"),
  });
  const wd = path.join(work, `tf-${i}`);
  mkdirSync(wd);
  writeFileSync(
    path.join(wd, "main.tf"),
    `terraform {\n  required_providers {\n    flink = { source = "flinkform/flink" }\n  }\n}\nprovider "flink" {}\n` +
      `resource "flink_application" "a" {\n  count = ${count}\n  project = "local"\n  service_name = "bench"\n  name = "app-${i}-\${count.index}"\n}\n`,
  );
  const env = { ...baseEnv, TF_CLI_CONFIG_FILE: installed.cliConfigPath };
  await terraform(wd, ["init"], env);
  await terraform(wd, ["apply", "-auto-approve"], env);
  await terraform(wd, ["plan", "-detailed-exitcode"], env); // warm the file cache
  setups.push({ dist, wd, env, samples: [] });
}

const traceLog = path.join(work, "trace.log");
async function measuredPlan(setup, traced) {
  rmSync(report, { recursive: true, force: true });
  mkdirSync(report);
  const env = {
    ...setup.env,
    NODE_OPTIONS: `--require ${probe}`,
    // terraform's own trace log (timestamps), with the provider's own log lines off.
    ...(traced
      ? { TF_LOG_CORE: "trace", TF_LOG_PROVIDER: "off", TF_LOG_PATH: traceLog, PLAN_PROFILE_CPU: "1" }
      : {}),
  };
  const run = await terraform(setup.wd, ["plan", "-detailed-exitcode"], env);
  if (!run.out.includes("No changes.")) throw new Error(`the plan is not empty\n${run.out}`);
  const procs = readdirSync(report)
    .map((f) => JSON.parse(readFileSync(path.join(report, f), "utf8")))
    .sort((a, b) => a.started - b.started);
  const providerCpu = procs.reduce((sum, p) => sum + p.cpuMs, 0);
  return {
    wall: run.ms,
    started: run.started,
    cpu: run.cpuMs,
    providerCpu,
    terraformCpu: run.cpuMs - providerCpu,
    procs,
  };
}

for (let r = 0; r < runs; r++)
  for (const setup of setups) setup.samples.push(await measuredPlan(setup, false));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const lines = [];
const say = (s) => lines.push(s);
say(
  `plan of ${count} flink_application (refresh, no changes), ${runs} runs each, medians, load average ${loadavg()[0].toFixed(1)}, node ${process.version}`,
);
for (const setup of setups) {
  const m = (f) => median(setup.samples.map(f)).toFixed(0);
  say(`${path.relative(root, setup.dist) || setup.dist}:`);
  say(
    `  wall ${m((x) => x.wall)} ms; CPU: terraform ${m((x) => x.terraformCpu)} ms, providers ${m((x) => x.providerCpu)} ms`,
  );
  const n = setup.samples[0].procs.length;
  for (let i = 0; i < n; i++) {
    const p = (f) => median(setup.samples.map((x) => f(x.procs[i], x))).toFixed(0);
    say(
      `  provider process ${i + 1}/${n}: starts +${p((q, x) => q.started - x.started)} ms, lives ${p((q) => q.wallMs)} ms, CPU ${p((q) => q.cpuMs)} ms, max RSS ${p((q) => q.maxRssKb / 1024)} MB`,
    );
  }
}

if (cpuProf) {
  // One more run of the first build, traced and profiled.
  const run = await measuredPlan(setups[0], true);
  const trace = readFileSync(traceLog, "utf8").split("\n");
  const stamp = (l) => Date.parse(/^(\S+)/.exec(l)?.[1] ?? "");
  const first = stamp(trace[0]);
  say(
    `profiled run of ${path.relative(root, setups[0].dist)}: wall ${run.wall} ms; terraform's trace, ms from its first line:`,
  );
  for (const l of trace)
    if (
      /GRPCProvider.v6: (ValidateProviderConfig|ConfigureProvider|Close)|plan operation completed|Building and walking/.test(
        l,
      )
    )
      say(`  ${String(stamp(l) - first).padStart(5)}  ${l.replace(/^\S+ /, "").slice(0, 100)}`);
  // Self time by what the code is: grouped by package or node internal module.
  const groups = new Map();
  const add = (k, us) => groups.set(k, (groups.get(k) ?? 0) + us);
  const fnTotals = new Map();
  const perProcess = [];
  for (const f of readdirSync(profDir)) {
    const prof = JSON.parse(readFileSync(path.join(profDir, f), "utf8"));
    const mine = new Map();
    perProcess.push([Number(f.split(".")[0]), mine]);
    const byId = new Map(prof.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    for (let i = 0; i < prof.samples.length; i++)
      dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
    for (const [id, us] of dt) {
      const n = byId.get(id);
      const { url, functionName } = n.callFrame;
      const key = categorize(url, functionName, n.callFrame.lineNumber);
      add(key, us);
      mine.set(key, (mine.get(key) ?? 0) + us);
      const fk = `${functionName || "(anon)"} ${url.split("/").slice(-1)[0]}:${n.callFrame.lineNumber}`;
      fnTotals.set(fk, (fnTotals.get(fk) ?? 0) + us);
    }
  }
  say("V8 self time over all provider processes (ms):");
  for (const [k, us] of [...groups].sort((a, b) => b[1] - a[1]))
    say(`  ${(us / 1000).toFixed(0).padStart(6)}  ${k}`);
  for (const [pid, mine] of perProcess.sort(
    (a, b) => run.procs.findIndex((p) => p.pid === a[0]) - run.procs.findIndex((p) => p.pid === b[0]),
  )) {
    const top = [...mine].sort((a, b) => b[1] - a[1]).slice(0, 14);
    say(`provider pid ${pid}: ${top.map(([k, us]) => `${k} ${(us / 1000).toFixed(0)}`).join("; ")}`);
  }
  say("top functions (self ms):");
  for (const [k, us] of [...fnTotals].sort((a, b) => b[1] - a[1]).slice(0, 30))
    say(`  ${(us / 1000).toFixed(1).padStart(7)}  ${k}`);
}

// esbuild marks each bundled module with a `// path/to/module.js` line: a line number maps to its module.

function moduleAt(file, line) {
  if (!moduleMaps.has(file)) {
    const marks = [];
    try {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((l, i) => {
          const m =
            /^\/\/ ((?:node_modules\/)?(@[^/]+\/[^/]+|[^/]+)(?:\/\S*)?\.(?:js|ts|mjs|cjs|json))$/.exec(l);
          if (m)
            marks.push([i, m[1].startsWith("node_modules/") ? m[2] : m[1].split("/").slice(0, 2).join("/")]);
        });
    } catch {}
    moduleMaps.set(file, marks);
  }
  let found = "?";
  for (const [i, name] of moduleMaps.get(file)) {
    if (i > line) break;
    found = name;
  }
  return found;
}

function categorize(url, fn, line) {
  if (fn === "(idle)") return "idle (waiting on terraform or the API)";
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(program)") return "(program: V8/native, incl. parse and compile)";
  if (fn === "(root)") return "(root)";
  if (!url) return `native: ${fn}`;
  if (url.startsWith("node:")) {
    const m = url.slice(5);
    if (/http2|stream|tls|net|_tls/.test(m)) return `node:${m.replace(/^internal\//, "").split("/")[0]}`;
    return `node:${m.replace(/^internal\//, "").split("/")[0]}`;
  }
  const file = url.startsWith("file://") ? fileURLToPath(url) : url;
  return `${path.basename(file)}: ${moduleAt(file, line)}`;
}

await cp.close();
if (process.env.PLAN_PROFILE_KEEP) process.stderr.write(`kept ${work}\n`);
else rmSync(work, { recursive: true, force: true });
process.stdout.write(`${lines.join("\n")}\n`);
