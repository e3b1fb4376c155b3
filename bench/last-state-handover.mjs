// A handover of a running stateful job on the real engine, `upgrade_mode = "savepoint"` against
// `"last-state"`: the time of a `terraform apply` that changes the deployment's `restart_enabled` (true ↔ false),
// alternating the two modes on the same job, medians of `runs` each. The job counts clicks per user
// (datagen, 200 000 users, 5 000 rows/s, so its state grows to a few MB), checkpointing every second.
// Before each last-state run the bench waits until the job has a retained checkpoint (else it would
// hand over through a savepoint).
//   npx tsx bench/last-state-handover.mjs [runs]   (default 5; --write appends the result to bench/RESULTS.md)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import * as kit from "./bench-kit.mjs";

// Loaded under tsx (not its require API, whose module ids break the SQL validator's worker thread).
const { startControlPlane, findFlinkInstallation } = await import("../controlplane/index.ts");
const { installProvider } = await import("../provider/install/install-provider.ts");
const { runs, write, bundlePath, found } = kit.realEngineBench(
  "last-state-handover",
  5,
  findFlinkInstallation,
);

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

const pipeline = (mode, restartEnabled) =>
  kit.pipelineHcl({
    service: "handover",
    userConfig: "number_of_task_slots = 4, execution_checkpointing_interval_ms = 1000",
    source:
      "CREATE TABLE clicks (user_id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5000', 'fields.user_id.min' = '1', 'fields.user_id.max' = '200000')",
    sink: "CREATE TABLE counts (user_id INT, n BIGINT) WITH ('connector' = 'blackhole')",
    statement: "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id",
    deployment: `  restart_enabled = ${restartEnabled}\n  upgrade_mode   = "${mode}"`,
  });

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
  const env = kit.terraformEnv(installed, cp);
  const wd = path.join(work, "tf");
  mkdirSync(wd, { recursive: true });
  let restartEnabled = true;
  writeFileSync(path.join(wd, "main.tf"), pipeline("savepoint", restartEnabled));
  await kit.terraform(wd, env, ["init"]);
  await kit.terraform(wd, env, ["apply", "-auto-approve"]);
  const state = async () => {
    const show = JSON.parse(await kit.terraform(wd, env, ["show", "-json"]));
    return show.values.root_module.resources.find((r) => r.address === "flink_application_deployment.d")
      .values;
  };
  for (let i = 0; i < runs; i++) {
    for (const mode of ["savepoint", "last-state"]) {
      const d = await state();
      const base = `/project/local/service/handover/flink/application/${d.application_id}/deployment/${d.deployment_id}`;
      // Both modes start from a job that has run a while and has a retained checkpoint.
      await kit.sleep(5000);
      while (!(await api(`${base}/checkpoint`)).latest_checkpoint) await kit.sleep(200);
      restartEnabled = !restartEnabled;
      writeFileSync(path.join(wd, "main.tf"), pipeline(mode, restartEnabled));
      const t0 = performance.now();
      await kit.terraform(wd, env, ["apply", "-auto-approve"]);
      times[mode].push(performance.now() - t0);
      starts[mode].push((await state()).starting_savepoint_used);
    }
  }
  await kit.terraform(wd, env, ["destroy", "-auto-approve"]);
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
const sp = kit.median(times.savepoint);
const ls = kit.median(times["last-state"]);
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
if (write) kit.appendResults(lines);
