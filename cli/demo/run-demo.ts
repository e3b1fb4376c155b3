/**
 * The demo, start to end: terraform check → provider install → local control plane → clickstream
 * config → terraform init + apply (with progress lines) → summary → `terraform plan` proves there
 * is nothing left to change. The control plane is closed at the end; the working directory stays.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { type ControlPlane, DURATIONS_MS, startControlPlane } from "../../controlplane";
import { installProvider } from "../../provider/install/install-provider";
import { demoApi } from "./api";
import { type ClickstreamSource, clickstreamSource } from "./clickstream-source";
import { watchProgress } from "./progress";
import { collectSummary, renderSummary } from "./summary";
import { checkTerraform, runTerraform, TERRAFORM_INSTALL_HINT, type TerraformResult } from "./terraform";

export interface DemoOptions {
  /** The package root (examples/ and scripts/ live there). */
  root: string;
  /** Working directory, emptied first (default `<cwd>/.flinkform/demo`). */
  dir: string;
  /** Lifecycle time scale of the control plane. */
  timeScale: number;
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
    say(`flinkform demo — managed Flink as code, against the local control plane`);
    say(`[1/6] terraform ${terraform.version} found`);

    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // Before the control plane starts: the build runs synchronously and would stall its clock.
    const installed = await step("provider install", () =>
      installProvider({ baseDir: path.join(dir, "provider") }),
    );
    say(
      `[2/6] provider terraform-provider-flink ${installed.version} installed into ${rel(installed.mirrorDir)}`,
    );

    const started = await step("control plane start", () =>
      startControlPlane({ dataDir: path.join(dir, "data"), timeScale: options.timeScale }),
    );
    cp = started;
    const buildSeconds = ((DURATIONS_MS.serviceBuild * options.timeScale) / 1000).toFixed(1);
    say(
      `[3/6] local control plane at ${cp.url} (time scale ${options.timeScale}: a 60 s service build takes ${buildSeconds} s)`,
    );

    const workdir = await step("synth", () => source.write(options.root, dir));
    say(`[4/6] clickstream from ${source.description} → ${rel(workdir)}`);

    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      TF_CLI_CONFIG_FILE: installed.cliConfigPath,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      FLINK_API_URL: cp.url,
      FLINK_API_TOKEN: cp.token,
      FLINKFORM_POLL_INTERVAL_MS: baseEnv.FLINKFORM_POLL_INTERVAL_MS ?? "200",
    };
    delete env.TF_LOG;
    const tf = async (args: string[], onLine?: (line: string) => void) => {
      const full = [...args, "-no-color"];
      const result = await runTerraform(full, { cwd: workdir, env, onLine });
      return { args: full, result };
    };

    say("[5/6] terraform init + apply");
    const init = await tf(["init", "-input=false"]);
    if (init.result.code !== 0)
      throw new DemoStepError("terraform init", terraformFailure(init.args, init.result));
    say("  terraform init: provider flinkform/flink taken from the local mirror");

    const api = demoApi(cp.url, cp.token);
    const watcher = watchProgress(api, cp.project, say);
    const apply = await tf(["apply", "-input=false", "-auto-approve"], (line) => {
      if (TF_PROGRESS.test(line)) say(`  ${line.trim()}`);
    });
    await watcher.stop();
    if (apply.result.code !== 0)
      throw new DemoStepError("terraform apply", terraformFailure(apply.args, apply.result));
    const done = /Apply complete! .*/.exec(apply.result.stdout)?.[0];
    say(`  ${done ?? "apply complete"}`);

    const show = await tf(["show", "-json"]);
    if (show.result.code !== 0)
      throw new DemoStepError("terraform show", terraformFailure(show.args, show.result));
    const summary = await step("summary", () => collectSummary(api, show.result.stdout));
    say("\nSummary");
    out(renderSummary(summary));
    say("");

    say("[6/6] terraform plan -detailed-exitcode");
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
      `  node dist/flinkform.cjs local start --engine simulated --data ${rel(path.join(dir, "data"))} --time-scale ${options.timeScale}`,
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
