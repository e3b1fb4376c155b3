// `terraform plan` (refresh, no changes) of N flink_application resources against the local control
// plane, vs N builtin terraform_data resources (no plugin to start, nothing to read): the floor is
// terraform's own cost for a state of that size. Target: at most 2x.
//   node bench/provider-plan.mjs [runs] [resources]   (defaults 5 and 200; appended to bench/RESULTS.md)
// Uses the current dist/terraform-provider-flink.cjs (`npm run build`), as `provider install` would.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { require as tsxRequire } from "tsx/cjs/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 5);
const count = Number(process.argv[3] ?? 200);
const bundlePath = path.join(root, "dist", "terraform-provider-flink.cjs");
if (!existsSync(bundlePath)) {
  process.stderr.write(`${bundlePath} is missing; run \`npm run build\` first\n`);
  process.exit(1);
}

const { startControlPlane } = tsxRequire("../controlplane/index.ts", import.meta.url);
const { installProvider } = tsxRequire("../provider/install/install-provider.ts", import.meta.url);

const work = mkdtempSync(path.join(tmpdir(), "flinkform-plan-bench-"));
const cp = await startControlPlane({
  dataDir: path.join(work, "data"),
  timeScale: 0.005,
  token: "bench-token-0001",
});
const installed = await installProvider({ baseDir: path.join(work, ".flinkform"), bundlePath });
const env = {
  ...process.env,
  TF_CLI_CONFIG_FILE: installed.cliConfigPath,
  CHECKPOINT_DISABLE: "1",
  TF_IN_AUTOMATION: "1",
  FLINK_API_URL: cp.url,
  FLINK_API_TOKEN: cp.token,
  FLINKFORM_POLL_INTERVAL_MS: "40",
};
delete env.TF_LOG;

function terraform(cwd, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn("terraform", [...args, "-no-color", "-input=false"], { cwd, env });
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
const configs = {
  flink_application: `${provider}
resource "flink_application" "a" {
  count        = ${count}
  project      = "local"
  service_name = "bench"
  name         = "app-\${count.index}"
}
`,
  terraform_data: `
resource "terraform_data" "a" {
  count = ${count}
  input = "app-\${count.index}"
}
`,
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(label, wd, args) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const { ms, out } = await terraform(wd, args);
    if (!out.includes("No changes.")) throw new Error(`${label}: plan is not empty\n${out}`);
    if (i > 0) samples.push(ms); // the first run warms the file cache
  }
  process.stderr.write(`${label}: ${samples.map((s) => s.toFixed(0)).join(", ")} ms\n`);
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

const results = {};
for (const [name, config] of Object.entries(configs)) {
  const wd = path.join(work, name);
  mkdirSync(wd, { recursive: true });
  writeFileSync(path.join(wd, "main.tf"), config);
  await terraform(wd, ["init"]);
  await terraform(wd, ["apply", "-auto-approve"]);
  results[name] = await measure(name, wd, ["plan", "-detailed-exitcode"]);
  // Where the time goes: the same plan without reading every object back from the API.
  if (name === "flink_application")
    results.noRefresh = await measure(`${name} -refresh=false`, wd, [
      "plan",
      "-detailed-exitcode",
      "-refresh=false",
    ]);
}
await cp.close();
rmSync(work, { recursive: true, force: true });

const flink = results.flink_application;
const floor = results.terraform_data;
const ratio = flink.median / floor.median;
const row = (name, r, ratioText) =>
  `| ${count} \`${name}\` | ${r.median.toFixed(0)} ms | ${r.min.toFixed(0)}–${r.max.toFixed(0)} ms | ${ratioText} |`;
const text =
  `\n## provider-plan (${new Date().toISOString()}, node ${process.version}, terraform plan with refresh, no changes, ${runs} runs each, medians, load average ${loadavg()[0].toFixed(1)})\n\n` +
  "| resources | median | range | ratio (target <= 2x) |\n|---|---|---|---|\n" +
  `${row("flink_application", flink, `${ratio.toFixed(2)}x`)}\n` +
  `${row("flink_application", results.noRefresh, `${(results.noRefresh.median / floor.median).toFixed(2)}x (breakdown: \`-refresh=false\`)`)}\n` +
  `${row("terraform_data", floor, "1.00x (floor)")}\n`;
process.stdout.write(text);
appendFileSync(path.join(root, "bench", "RESULTS.md"), text);
