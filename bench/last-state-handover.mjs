// A handover of a running stateful job on the real engine, `upgrade_mode = "savepoint"` against
// `"last-state"`: the time of a `terraform apply` that changes the deployment's `restart_enabled` (true ↔ false),
// alternating the two modes on the same job, medians of `runs` each. The job counts clicks per user
// (datagen, 200 000 users, 5 000 rows/s, so its state grows to a few MB), checkpointing every second.
// Before each last-state run the bench waits until the job has a retained checkpoint (else it would
// hand over through a savepoint).
//   npx tsx bench/last-state-handover.mjs [runs]   (default 5; --write appends the result to bench/RESULTS.md)
import { spawn } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const write = process.argv.includes("--write");
// Loaded under tsx (not its require API, whose module ids break the SQL validator's worker thread).
const { startControlPlane, findFlinkInstallation } = await import("../controlplane/index.ts");
const { installProvider } = await import("../provider/install/install-provider.ts");
const bundlePath = path.join(root, "dist", "terraform-provider-flink.cjs");
if (!existsSync(bundlePath)) {
  process.stderr.write(`${bundlePath} is missing; run \`npm run build\` first\n`);
  process.exit(1);
}
const found = findFlinkInstallation();
if (!found.ok) {
  process.stderr.write(`last-state-handover bench: ${found.reason}\n`);
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

const pipeline = (mode, restartEnabled) => `
terraform {
  required_providers {
    flink = { source = "flinkform/flink" }
  }
}
provider "flink" {}
resource "flink_service" "s" {
  project      = "local"
  service_name = "handover"
  plan         = "business-4"
  flink_user_config = {
    number_of_task_slots                = 4
    execution_checkpointing_interval_ms = 1000
  }
}
resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "bench"
}
resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  source { create_table = "CREATE TABLE clicks (user_id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5000', 'fields.user_id.min' = '1', 'fields.user_id.max' = '200000')" }
  sink { create_table = "CREATE TABLE counts (user_id INT, n BIGINT) WITH ('connector' = 'blackhole')" }
  statement = "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id"
}
resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  restart_enabled = ${restartEnabled}
  upgrade_mode   = "${mode}"
}
`;

function terraform(cwd, env, args) {
  return new Promise((resolve, reject) => {
    const extra = args[0] === "show" ? ["-no-color"] : ["-no-color", "-input=false"];
    const child = spawn("terraform", [...args, ...extra], { cwd, env });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`terraform ${args[0]}: ${out}`)),
    );
  });
}

const work = mkdtempSync(path.join(tmpdir(), "flinkform-bench-handover-"));
const cp = await startControlPlane({
  dataDir: path.join(work, "data"),
  token: "bench-token-0001",
  engine: { kind: "flink" },
});
const api = async (p) =>
  (await fetch(cp.url + p, { headers: { authorization: `aivenv1 ${cp.token}` } })).json();
const times = { savepoint: [], "last-state": [] };
const starts = { savepoint: [], "last-state": [] };
try {
  const installed = await installProvider({ baseDir: path.join(work, ".flinkform"), bundlePath });
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: installed.cliConfigPath,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    FLINK_API_URL: cp.url,
    FLINK_API_TOKEN: cp.token,
  };
  delete env.TF_LOG;
  const wd = path.join(work, "tf");
  mkdirSync(wd, { recursive: true });
  let restartEnabled = true;
  writeFileSync(path.join(wd, "main.tf"), pipeline("savepoint", restartEnabled));
  await terraform(wd, env, ["init"]);
  await terraform(wd, env, ["apply", "-auto-approve"]);
  const state = async () => {
    const show = JSON.parse(await terraform(wd, env, ["show", "-json"]));
    return show.values.root_module.resources.find((r) => r.address === "flink_application_deployment.d")
      .values;
  };
  for (let i = 0; i < runs; i++) {
    for (const mode of ["savepoint", "last-state"]) {
      const d = await state();
      const base = `/project/local/service/handover/flink/application/${d.application_id}/deployment/${d.deployment_id}`;
      // Both modes start from a job that has run a while and has a retained checkpoint.
      await sleep(5000);
      while (!(await api(`${base}/checkpoint`)).latest_checkpoint) await sleep(200);
      restartEnabled = !restartEnabled;
      writeFileSync(path.join(wd, "main.tf"), pipeline(mode, restartEnabled));
      const t0 = performance.now();
      await terraform(wd, env, ["apply", "-auto-approve"]);
      times[mode].push(performance.now() - t0);
      starts[mode].push((await state()).starting_savepoint_used);
    }
  }
  await terraform(wd, env, ["destroy", "-auto-approve"]);
} finally {
  await cp.close();
  rmSync(work, { recursive: true, force: true });
}

// Each mode must have handed over the way it says: last-state from checkpoints, savepoint from savepoints.
if (
  !starts["last-state"].every((p) => /chk-\d+$/.test(p)) ||
  starts.savepoint.some((p) => /chk-\d+$/.test(p))
) {
  process.stderr.write(`a handover did not start from what its mode says: ${JSON.stringify(starts)}\n`);
  process.exit(1);
}
const sp = median(times.savepoint);
const ls = median(times["last-state"]);
const lines = [
  `## last-state-handover (${new Date().toISOString()}, node ${process.version}, Apache Flink ${found.installation.flinkVersion}, 2 cores, load average ${loadavg()[0].toFixed(1)}, ${runs} runs each, medians)`,
  "",
  "`terraform apply` of a `restart_enabled` change (true ↔ false) of a running GROUP BY count (200 000 keys, 5 000 rows/s, checkpoint every 1 s), the whole apply (plan, handover, new job RUNNING):",
  "",
  "| upgrade_mode | median | range |",
  "|---|---|---|",
  `| savepoint (stop with savepoint, start from it) | ${fmt(sp)} | ${fmt(Math.min(...times.savepoint))}–${fmt(Math.max(...times.savepoint))} |`,
  `| last-state (cancel, start from the last checkpoint) | ${fmt(ls)} | ${fmt(Math.min(...times["last-state"]))}–${fmt(Math.max(...times["last-state"]))} |`,
  `| **ratio last-state / savepoint** | **${(ls / sp).toFixed(2)}** | |`,
  "",
];
process.stdout.write(`${lines.join("\n")}\n`);
process.stdout.write(`raw: ${JSON.stringify(times)}\n`);
if (write) {
  const file = path.join(root, "bench", "RESULTS.md");
  if (!existsSync(file) || !readFileSync(file, "utf8").endsWith("\n")) appendFileSync(file, "\n");
  appendFileSync(file, `\n${lines.join("\n")}`);
}
