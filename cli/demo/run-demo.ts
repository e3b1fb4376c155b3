/**
 * The demo, start to end: terraform check → provider install → local control plane → clickstream
 * config → terraform init + apply (with progress lines) → summary → `terraform plan` proves there
 * is nothing left to change. The control plane is closed at the end; the working directory stays.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import {
  type ControlPlane,
  DURATIONS_MS,
  dataServicesAvailable,
  findFlinkInstallation,
  startControlPlane,
} from "../../controlplane";
import { installProvider } from "../../provider/install/install-provider";
import { demoApi } from "./api";
import { eventTimeBase, renderCounts } from "./click-events";
import { type ClickstreamSource, clickstreamSource, type RealDataProps } from "./clickstream-source";
import { createCountsTable, sendClicks, waitForCounts } from "./data-steps";
import { watchProgress } from "./progress";
import { collectSummary, renderSummary } from "./summary";
import { checkTerraform, runTerraform, TERRAFORM_INSTALL_HINT, type TerraformResult } from "./terraform";

export interface DemoOptions {
  /** The package root (examples/ and scripts/ live there). */
  root: string;
  /** Working directory, emptied first (default `<cwd>/.flinkform/demo`). */
  dir: string;
  /** How many times faster than the hosted service the simulated engine runs (10: a 60 s build takes 6 s). */
  speed: number;
  /** `flink`: real Flink, Kafka and PostgreSQL, data moves; `simulated`: jobs are modelled. Default: flink when it can run. */
  engine?: "flink" | "simulated";
  source?: ClickstreamSource;
  out?: (text: string) => void;
  err?: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

class DemoStepError extends Error {
  readonly code = "DEMO_STEP_FAILED";
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
    this.name = "DemoStepError";
  }
}

/** terraform's own error text, without the noise of a long plan. */
function terraformFailure(args: string[], result: TerraformResult): string {
  const detail = (result.stderr.trim() || result.stdout.trim()).split("\n").slice(-40).join("\n");
  return `terraform ${args.join(" ")} exited ${result.code ?? "without starting"}\n${detail}`;
}

const TF_PROGRESS =
  /: (Creating|Creation complete|Still creating|Modifying|Modifications complete|Still modifying|Destroying|Destruction complete)/;

/** Whether this machine can run the real-data demo, and if not, why. */
function realDataPossible(): true | string {
  const flink = findFlinkInstallation();
  if (!flink.ok) return flink.reason;
  const data = dataServicesAvailable();
  if (data.kafka !== true) return data.kafka;
  if (data.postgres !== true) return data.postgres;
  if (spawnSync("psql", ["--version"]).status !== 0) return "psql (PostgreSQL's client) is not on PATH";
  return true;
}

export async function runDemo(options: DemoOptions): Promise<number> {
  const out = options.out ?? ((t: string) => process.stdout.write(t));
  const err = options.err ?? ((t: string) => process.stderr.write(t));
  const source = options.source ?? clickstreamSource;
  const baseEnv = options.env ?? process.env;
  const say = (line: string) => out(`${line}\n`);
  const dir = path.resolve(options.dir);
  let cp: ControlPlane | undefined;

  try {
    const terraform = await checkTerraform({ ...baseEnv, CHECKPOINT_DISABLE: "1" });
    if ("problem" in terraform) {
      err(`flinkform demo: ${terraform.problem}\n${TERRAFORM_INSTALL_HINT}\n`);
      return 1;
    }
    const possible =
      options.engine === "simulated" ? "the simulated engine was asked for" : realDataPossible();
    if (options.engine === "flink" && possible !== true) {
      err(`flinkform demo: the real engine cannot run here: ${possible}\n`);
      return 1;
    }
    const real = possible === true;
    const steps = real ? 9 : 6;
    const n = (i: number) => `[${i}/${steps}]`;
    say(`flinkform demo — managed Flink as code, against the local control plane`);
    if (!real) say(`Simulated demo (${possible}): jobs are modelled and no data moves.`);
    say(`${n(1)} terraform ${terraform.version} found`);

    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // Run as root, PostgreSQL runs as its own user, which must reach the data directory.
    if (real) chmodSync(dir, 0o755);
    // Before the control plane starts: the build runs synchronously and would stall its clock.
    const installed = await step("provider install", () =>
      installProvider({ baseDir: path.join(dir, "provider") }),
    );
    say(
      `${n(2)} provider terraform-provider-flink ${installed.version} installed into ${rel(installed.mirrorDir)}`,
    );

    const started = await step("control plane start", () =>
      startControlPlane({
        dataDir: path.join(dir, "data"),
        timeScale: 1 / options.speed,
        ...(real ? { engine: "flink" as const, dataServices: { kafka: true, postgres: true } } : {}),
      }),
    );
    cp = started;
    if (real) {
      say(`${n(3)} local control plane at ${cp.url}, with real Apache Flink, Kafka and PostgreSQL:`);
      say(
        `  Kafka ${cp.dataServices.kafka!.bootstrapServers}, PostgreSQL ${cp.dataServices.postgres!.host}:${cp.dataServices.postgres!.port}`,
      );
    } else {
      const buildSeconds = (DURATIONS_MS.serviceBuild / options.speed / 1000).toFixed(1);
      say(
        `${n(3)} local control plane at ${cp.url} (speed ${options.speed}: a 60 s service build takes ${buildSeconds} s)`,
      );
    }
    const pg = cp.dataServices.postgres;
    const kafka = cp.dataServices.kafka;
    const realProps = (minClicksPerWindow?: number): RealDataProps | undefined =>
      real && pg && kafka
        ? {
            kafka: { bootstrapServers: kafka.bootstrapServers, securityProtocol: "PLAINTEXT" },
            postgres: { host: pg.host, port: pg.port, username: pg.user, database: pg.database },
            // The demo's topic has one partition: a second source task would sit idle and hold back
            // the watermark, so no window would ever close.
            parallelism: 1,
            ...(minClicksPerWindow ? { minClicksPerWindow } : {}),
          }
        : undefined;

    const workdir = await step("synth", () => source.write(options.root, dir, realProps(), out));
    say(`${n(4)} clickstream from ${source.description} → ${rel(workdir)}`);

    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      TF_CLI_CONFIG_FILE: installed.cliConfigPath,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      FLINK_API_URL: cp.url,
      FLINK_API_TOKEN: cp.token,
      FLINKFORM_POLL_INTERVAL_MS: baseEnv.FLINKFORM_POLL_INTERVAL_MS ?? "200",
      // The database's password reaches terraform in its environment only (the stack declares it sensitive).
      ...(real && pg ? { TF_VAR_postgres_password: pg.password } : {}),
    };
    delete env.TF_LOG;
    const tf = async (args: string[], onLine?: (line: string) => void) => {
      const full = [...args, "-no-color"];
      const result = await runTerraform(full, { cwd: workdir, env, onLine });
      return { args: full, result };
    };
    const api = demoApi(cp.url, cp.token);
    const apply = async (what: string) => {
      const watcher = watchProgress(api, started.project, say);
      const result = await tf(["apply", "-input=false", "-auto-approve"], (line) => {
        if (TF_PROGRESS.test(line)) say(`  ${line.trim()}`);
      });
      await watcher.stop();
      if (result.result.code !== 0)
        throw new DemoStepError(what, terraformFailure(result.args, result.result));
      say(`  ${/Apply complete! .*/.exec(result.result.stdout)?.[0] ?? "apply complete"}`);
    };

    const base = eventTimeBase();
    const FIRST = { base, fromMinute: 0, minutes: 5, count: 300 };
    const SECOND = { base, fromMinute: 10, minutes: 3, count: 120 };
    if (real && pg && kafka) {
      await step("sending clicks", async () => {
        await createCountsTable(pg);
        await sendClicks(kafka.bootstrapServers, FIRST);
      });
      say(
        `${n(5)} ${FIRST.count} click events → Kafka topic clicks (event time over ${FIRST.minutes} minutes); table clicks_per_minute created in PostgreSQL`,
      );
    }

    say(`${n(real ? 6 : 5)} terraform init + apply`);
    const init = await tf(["init", "-input=false"]);
    if (init.result.code !== 0)
      throw new DemoStepError("terraform init", terraformFailure(init.args, init.result));
    say("  terraform init: provider flinkform/flink taken from the local mirror");
    await apply("terraform apply");

    const show = await tf(["show", "-json"]);
    if (show.result.code !== 0)
      throw new DemoStepError("terraform show", terraformFailure(show.args, show.result));
    const summary = await step("summary", () => collectSummary(api, show.result.stdout));
    say("\nSummary");
    out(renderSummary(summary));
    say("");

    if (real && pg && kafka) {
      say(`${n(7)} Flink counts the clicks per URL and minute into PostgreSQL`);
      const first = await step("counting", () => waitForCounts(pg, FIRST.count, say));
      say("  Read back from PostgreSQL (SELECT ... FROM clicks_per_minute):");
      out(renderCounts(first));
      say(`  ${sum(first)} clicks counted = ${FIRST.count} events sent.`);

      say(`${n(8)} version 2 rolls out through a savepoint (stop with savepoint → new version from it)`);
      await step("synth version 2", () => source.write(options.root, dir, realProps(1), out));
      await apply("terraform apply (version 2)");
      await step("sending clicks", () => sendClicks(kafka.bootstrapServers, SECOND));
      say(
        `  ${SECOND.count} more click events → Kafka (event time minutes ${SECOND.fromMinute}–${SECOND.fromMinute + SECOND.minutes - 1})`,
      );
      const all = await step("counting", () => waitForCounts(pg, FIRST.count + SECOND.count, say));
      const kept = all.filter((r) => first.some((f) => f.url === r.url && f.windowStart === r.windowStart));
      const unchanged = kept.every(
        (r) => first.find((f) => f.url === r.url && f.windowStart === r.windowStart)?.clicks === r.clicks,
      );
      out(renderCounts(all));
      say(
        `  The counts carry on: ${first.length} windows of version 1 ${unchanged ? "unchanged" : "CHANGED"}, ` +
          `${all.length - first.length} new; ${sum(all)} clicks = ${FIRST.count + SECOND.count} events sent.`,
      );
      if (!unchanged || sum(all) !== FIRST.count + SECOND.count)
        throw new DemoStepError("counting", "the counts after the upgrade do not match the events sent");
    }

    say(`${n(steps)} terraform plan -detailed-exitcode`);
    const plan = await tf(["plan", "-input=false", "-detailed-exitcode"]);
    if (plan.result.code === 2) {
      throw new DemoStepError(
        "terraform plan",
        `the plan right after apply is not empty (it should be):\n${plan.result.stdout.trim()}`,
      );
    }
    if (plan.result.code !== 0)
      throw new DemoStepError("terraform plan", terraformFailure(plan.args, plan.result));
    say("  No changes: the live services match the configuration (plan exit code 0).");
    say("");
    say(`Done. The working directory stays in ${rel(dir)}; the control plane has been stopped.`);
    say("To look around, restart the control plane on the same data and point terraform at it:");
    say(
      real
        ? `  node dist/flinkform.cjs local start --data ${rel(path.join(dir, "data"))}`
        : `  node dist/flinkform.cjs local start --engine simulated --data ${rel(path.join(dir, "data"))} --speed ${options.speed}`,
    );
    say(`  export TF_CLI_CONFIG_FILE=${installed.cliConfigPath}  # plus the two exports it prints`);
    say(`  cd ${rel(workdir)} && terraform plan`);
    return 0;
  } catch (e) {
    const where = e instanceof DemoStepError ? ` at ${e.step}` : "";
    err(`\nflinkform demo failed${where}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await cp?.close();
  }
}

const sum = (rows: readonly { clicks: number }[]) => rows.reduce((s, r) => s + r.clicks, 0);

async function step<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new DemoStepError(name, e instanceof Error ? e.message : String(e));
  }
}

function rel(p: string): string {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith("..") ? r : p;
}
