// `terraform plan` (refresh, no changes) of N flink_application resources against the local control
// plane, vs N builtin terraform_data resources (no plugin to start, nothing to read): the floor is
// terraform's own cost for a state of that size. Target (issue 14): plan-200 <= 3x its floor (stretch
// 2x), and linear growth: plan-1000 / plan-200 <= 5.5. Rows: 20, 200 and 1,000 applications, the
// 200 without refresh, two no-op providers at 200 (the Node echo fixture, and bench/go-floor in Go:
// the floor for any plugin provider), and a mixed stack of ~200 (services, applications, versions,
// deployments: its plan hooks call the API for slot checks and SQL validation). Runs alternate
// between the configurations, so each sees the same load on this shared machine.
//   node bench/provider-plan.mjs [runs] [sizes] [provider dist dir]
//   (defaults 7, 20,200,1000 and dist/; appended to bench/RESULTS.md unless BENCH_NO_RESULTS=1.
//   Another dist dir, e.g. an earlier commit's build, measures that provider against the same
//   control plane: before/after.)
// Uses the current dist/terraform-provider-flink.cjs (`npm run build`), as `provider install` would.
import { spawn } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { require as tsxRequire } from "tsx/cjs/api";
import { terraformEnv } from "./bench-kit.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 7);
const sizes = (process.argv[3] ?? "20,200,1000").split(",").map(Number);
const providerDist = path.resolve(process.argv[4] ?? path.join(root, "dist"));
const bundlePath = path.join(providerDist, "terraform-provider-flink.cjs");
if (!existsSync(bundlePath)) {
  process.stderr.write(`${bundlePath} is missing; run \`npm run build\` first\n`);
  process.exit(1);
}

const { installProvider } = tsxRequire("../provider/install/install-provider.ts", import.meta.url);
const { renderCliConfig } = tsxRequire("../provider/install/cli-config.ts", import.meta.url);
const { terraformPlatform } = tsxRequire("../provider/install/paths.ts", import.meta.url);

const work = mkdtempSync(path.join(tmpdir(), "flinkform-plan-bench-"));
// The control plane runs as its own process, as `flinkform local start` (built: its SQL validation
// worker is dist/sql-worker.cjs), so it does not share this process's event loop.
async function startControlPlaneProcess() {
  const tokenFile = path.join(work, "token");
  writeFileSync(tokenFile, "bench-token-0001", { mode: 0o600 });
  const child = spawn(
    process.execPath,
    [
      path.join(root, "dist", "flinkform.cjs"),
      "local",
      "start",
      "--data",
      path.join(work, "data"),
      "--token-file",
      tokenFile,
      "--engine",
      "simulated",
      "--speed",
      "200",
      "--kafka",
      "off",
      "--postgres",
      "off",
      "--quiet",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  const url = await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      const m = /url:\s+(\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`the control plane exited ${code}: ${out}`)));
  });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const close = () => {
    child.kill("SIGTERM");
    return exited;
  };
  return { url, token: "bench-token-0001", close };
}
const cp = await startControlPlaneProcess();
const installed = await installProvider({ baseDir: path.join(work, ".flinkform"), bundlePath });
const env = {
  ...terraformEnv(installed, cp),
  FLINKFORM_POLL_INTERVAL_MS: "40",
  // The provider's SQL validation cache, warmed by each configuration's apply as a user's last plan
  // would have warmed it; the mixed stack is also measured without it.
  FLINKFORM_CACHE_DIR: path.join(work, "cache"),
};

function terraform(cwd, args, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn("terraform", [...args, "-no-color", "-input=false"], {
      cwd,
      env: { ...env, ...extraEnv },
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`terraform ${args.join(" ")} exited ${code}\n${out}`));
      else resolve({ ms, out });
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

// The service the applications live on is made through the API: only the applications are measured.
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

const provider = `terraform {\n  required_providers {\n    flink = { source = "flinkform/flink" }\n  }\n}\nprovider "flink" {}\n`;
const applications = (count) => `${provider}
resource "flink_application" "a" {
  count        = ${count}
  project      = "local"
  service_name = "bench"
  name         = "app-${count}-\${count.index}"
}
`;
const terraformData = (count) => `
resource "terraform_data" "a" {
  count = ${count}
  input = "app-\${count.index}"
}
`;
// 16 services, each with 4 applications, a version of each and a deployment of each: 208 resources.
const MIXED_SERVICES = 16;
const mixed = `${provider}
locals {
  apps = { for pair in setproduct(range(${MIXED_SERVICES}), range(4)) : "\${pair[0]}-\${pair[1]}" => pair[0] }
}
resource "flink_service" "s" {
  count        = ${MIXED_SERVICES}
  project      = "local"
  service_name = "mixed-\${count.index}"
  plan         = "business-4"
  flink_user_config = { number_of_task_slots = 4 }
}
resource "flink_application" "a" {
  for_each     = local.apps
  project      = "local"
  service_name = flink_service.s[each.value].service_name
  name         = "app-\${each.key}"
}
resource "flink_application_version" "v" {
  for_each       = local.apps
  project        = "local"
  service_name   = flink_application.a[each.key].service_name
  application_id = flink_application.a[each.key].application_id
  source {
    create_table = "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO out_table SELECT n FROM src"
}
resource "flink_application_deployment" "d" {
  for_each       = local.apps
  project        = "local"
  service_name   = flink_application.a[each.key].service_name
  application_id = flink_application.a[each.key].application_id
  version_id     = flink_application_version.v[each.key].application_version_id
  parallelism    = 1
}
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Every configuration is applied first; then the plans are measured in rounds, one of each per round.
/** The echo fixture provider (test/provider/protocol/fixtures), installed on its own: its CLI config. */
async function echoProvider() {
  const bundle = path.join(work, "echo", "echo-provider.cjs");
  await build({
    entryPoints: [path.join(root, "test/provider/protocol/fixtures/echo-provider.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
  const echo = await installProvider({ baseDir: path.join(work, ".echo"), bundlePath: bundle });
  return echo.cliConfigPath;
}

/**
 * The Go floor provider (bench/go-floor, built by its build.sh) in a filesystem mirror of its own,
 * as flinkform/go: its CLI config, or undefined (with the reason printed) when it is not built.
 */
function goFloorProvider() {
  const binary = path.join(root, "bench", "go-floor", "build", "terraform-provider-go");
  if (!existsSync(binary)) {
    process.stderr.write(`skipping the go_floor row: ${binary} is missing (run bench/go-floor/build.sh)\n`);
    return undefined;
  }
  const mirror = path.join(work, ".go", "mirror");
  const target = path.join(mirror, "registry.terraform.io", "flinkform", "go", "0.0.1", terraformPlatform());
  mkdirSync(target, { recursive: true });
  copyFileSync(binary, path.join(target, "terraform-provider-go_v0.0.1"));
  chmodSync(path.join(target, "terraform-provider-go_v0.0.1"), 0o755);
  const cliConfig = path.join(work, ".go", "terraformrc");
  writeFileSync(cliConfig, renderCliConfig(mirror));
  return cliConfig;
}

const cases = [];
for (const n of sizes) {
  const floor = `data-${n}`;
  cases.push({ key: floor, label: `${n} \`terraform_data\``, config: terraformData(n), args: [] });
  cases.push({
    key: `app-${n}`,
    floor,
    label: `${n} \`flink_application\``,
    config: applications(n),
    args: [],
  });
  if (n === 200) {
    // The floor of a Node provider: the test fixture's protocol layer (the same server, msgpack and
    // start-up) with handlers that do next to nothing and no API behind them.
    const echo = await echoProvider();
    cases.push({
      key: "echo-200",
      floor,
      label: "200 `flink_echo` (test fixture provider: protocol layer, no-op handlers, no API)",
      config: `${provider}resource "flink_echo" "a" {\n  count = 200\n  name  = "e-\${count.index}"\n}\n`,
      env: { TF_CLI_CONFIG_FILE: echo },
      args: [],
    });
    // The floor of any plugin provider: the same no-op resource in Go (go-plugin, grpc-go), the
    // language of terraform's own providers, with the same HCL.
    const goFloor = goFloorProvider();
    if (goFloor)
      cases.push({
        key: "go-200",
        floor,
        label: "200 `go_floor` (Go provider, no-op handlers: terraform's floor for any plugin provider)",
        config: `terraform {\n  required_providers {\n    go = { source = "flinkform/go" }\n  }\n}\nprovider "go" {}\nresource "go_floor" "a" {\n  count = 200\n  name  = "e-\${count.index}"\n}\n`,
        env: { TF_CLI_CONFIG_FILE: goFloor },
        args: [],
      });
  }
  if (n === 200)
    cases.push({
      key: "app-200-norefresh",
      floor,
      label: "200 `flink_application`, `-refresh=false`",
      dir: "app-200",
      args: ["-refresh=false"],
    });
}
const mixedCount = MIXED_SERVICES * 13;
cases.push({
  key: "data-mixed",
  label: `${mixedCount} \`terraform_data\``,
  config: terraformData(mixedCount),
  args: [],
});
cases.push({
  key: "mixed",
  floor: "data-mixed",
  label: `mixed stack: ${MIXED_SERVICES} services, ${MIXED_SERVICES * 4} applications, versions, deployments (${mixedCount})`,
  config: mixed,
  args: [],
});
cases.push({
  key: "mixed-nocache",
  floor: "data-mixed",
  label: "the same mixed stack, `FLINKFORM_CACHE_DIR=off` (each provider process parses the SQL)",
  dir: "mixed",
  env: { FLINKFORM_CACHE_DIR: "off" },
  args: [],
});

for (const c of cases) {
  c.wd = path.join(work, c.dir ?? c.key);
  c.samples = [];
  if (c.dir) continue;
  mkdirSync(c.wd, { recursive: true });
  writeFileSync(path.join(c.wd, "main.tf"), c.config);
  await terraform(c.wd, ["init"], c.env);
  await terraform(c.wd, ["apply", "-auto-approve", "-parallelism=20"], c.env);
  await terraform(c.wd, ["plan", "-detailed-exitcode"], c.env); // warms the file cache
}
for (let i = 0; i < runs; i++) {
  for (const c of cases) {
    const { ms, out } = await terraform(c.wd, ["plan", "-detailed-exitcode", ...c.args], c.env);
    if (!out.includes("No changes.")) throw new Error(`${c.label}: plan is not empty\n${out}`);
    c.samples.push(ms);
  }
}
await cp.close();
rmSync(work, { recursive: true, force: true });

const byKey = Object.fromEntries(cases.map((c) => [c.key, c]));
const rows = [];
for (const c of cases) {
  const m = median(c.samples);
  const floor = c.floor ? byKey[c.floor] : undefined;
  process.stderr.write(`${c.label}: ${c.samples.map((x) => x.toFixed(0)).join(", ")} ms\n`);
  rows.push(
    `| ${c.label} | ${m.toFixed(0)} ms | ${Math.min(...c.samples).toFixed(0)}–${Math.max(...c.samples).toFixed(0)} ms | ${floor ? `${(m / median(floor.samples)).toFixed(2)}x of ${floor.label}` : "1.00x (floor)"} |`,
  );
}
const growth =
  byKey["app-1000"] && byKey["app-200"]
    ? `\nplan-1000 / plan-200: ${(median(byKey["app-1000"].samples) / median(byKey["app-200"].samples)).toFixed(2)} (linear: 5; target <= 5.5); terraform_data 1000 / 200: ${(median(byKey["data-1000"].samples) / median(byKey["data-200"].samples)).toFixed(2)}\n`
    : "";
// Against the floor of any plugin provider (the Go row), which is steadier under load than the
// ratio to terraform_data: both sides pay terraform's plugin protocol.
const ofGoFloor = (key) =>
  byKey[key] && byKey["go-200"]
    ? (median(byKey[key].samples) / median(byKey["go-200"].samples)).toFixed(2)
    : undefined;
const versusGo =
  byKey["go-200"] && byKey["app-200"]
    ? `\nagainst the Go floor (200 \`go_floor\`): 200 \`flink_application\` ${ofGoFloor("app-200")}x, 200 \`flink_echo\` ${ofGoFloor("echo-200")}x; the Go floor is ${(median(byKey["go-200"].samples) / median(byKey["data-200"].samples)).toFixed(2)}x of 200 \`terraform_data\`\n`
    : "";
const text =
  `\n## provider-plan (${new Date().toISOString()}, ${path.relative(root, providerDist) || providerDist}, node ${process.version}, terraform plan with refresh, no changes, ${runs} runs each in alternation, medians, load average ${loadavg()[0].toFixed(1)})\n\n` +
  "| plan | median | range | ratio (target: 200 <= 3x) |\n|---|---|---|---|\n" +
  `${rows.join("\n")}\n${growth}${versusGo}`;
process.stdout.write(text);
// BENCH_NO_RESULTS=1: print only (a trial run whose figures are not meant for the record).
if (process.env.BENCH_NO_RESULTS !== "1") appendFileSync(path.join(root, "bench", "RESULTS.md"), text);
