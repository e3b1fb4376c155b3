/**
 * examples/gitops/plan.sh, run for real as CI runs it: a local control plane in a child process,
 * the provider from this checkout, real terraform. And the workflow really calls that script.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";

const root = path.resolve(__dirname, "..", "..");
const script = path.join(root, "examples", "gitops", "plan.sh");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "flinkform-gitops-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function planSh(args: string[], env: NodeJS.ProcessEnv = {}) {
  const report = path.join(dir, "report.md");
  return new Promise<{ code: number | null; stdout: string; stderr: string; report: string }>((resolve) => {
    const child = spawn("bash", [script, ...args], {
      cwd: root,
      env: {
        ...process.env,
        TF_VAR_kafka_password: "ci-placeholder",
        TF_VAR_postgres_password: "ci-placeholder",
        FLINKFORM_PLAN_REPORT: report,
        TMPDIR: dir,
        GITHUB_STEP_SUMMARY: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d;
    });
    child.on("close", (code) =>
      resolve({ code, stdout, stderr, report: existsSync(report) ? readFileSync(report, "utf8") : "" }),
    );
  });
}

describe("examples/gitops/plan.sh", () => {
  test("--converge: plans clickstream, applies it locally and proves the second plan is empty", async () => {
    const result = await planSh(["--converge", "examples/hcl/clickstream"]);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    expect(result.report).toContain("### flinkform plan: changes");
    expect(result.report).toContain("# flink_application_deployment.clicks will be created");
    expect(result.report).toContain("Plan: 8 to add, 0 to change, 0 to destroy.");
    expect(result.report).toContain("### flinkform plan: converged");
    expect(result.report).toContain("Apply complete! Resources: 8 added, 0 changed, 0 destroyed.");
    expect(result.stdout).toContain(result.report.trim());
    // Nothing leaks into the repository or stays behind: state, lock file and control plane are gone.
    expect(existsSync(path.join(root, "examples", "hcl", "clickstream", ".terraform"))).toBe(false);
    expect(existsSync(path.join(root, "examples", "hcl", "clickstream", ".terraform.lock.hcl"))).toBe(false);
    expect(readdirSync(dir)).toEqual(["report.md"]);
  }, 60_000);

  test("FLINKFORM_FAIL_ON_CHANGES=1 turns pending changes into exit code 2", async () => {
    const result = await planSh(["examples/hcl/basic-service"], { FLINKFORM_FAIL_ON_CHANGES: "1" });
    expect(result.code).toBe(2);
    expect(result.report).toContain("# flink_service.basic will be created");
    expect(result.report).toContain("Plan: 1 to add, 0 to change, 0 to destroy.");
    expect(result.report).not.toContain("converged");
  }, 60_000);

  test("an invalid configuration fails with terraform's diagnostic in the report", async () => {
    const config = path.join(dir, "broken");
    cpSync(path.join(root, "examples", "hcl", "basic-service"), config, { recursive: true });
    const main = path.join(config, "main.tf");
    writeFileSync(
      main,
      readFileSync(main, "utf8").replace("number_of_task_slots = 4", "number_of_task_slots = 0"),
    );
    const result = await planSh([config]);
    expect(result.code).toBe(1);
    expect(result.report).toContain("### flinkform plan: error");
    expect(result.report).toMatch(/number_of_task_slots/);
  }, 60_000);

  test("a deployment that needs more task slots than the service has fails the --converge apply", async () => {
    const result = await planSh(["--converge"], { TF_VAR_parallelism: "9" });
    expect(result.code).toBe(1);
    expect(result.report).toContain("### flinkform plan: apply failed");
    expect(result.report).toMatch(
      /Not Enough Task Slots[\s\S]*parallelism 9, but the service has only 4\s+task slots/,
    );
  }, 60_000);

  test("bad arguments are reported, not run", async () => {
    const missing = await planSh([path.join(dir, "nope")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("does not exist");
    const option = await planSh(["--bogus"]);
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("unknown option --bogus");
  });

  test("the CI workflow, run step by step as written after npm ci: synth the CDK stack, plan.sh --converge", async () => {
    const workflow = parse(
      readFileSync(path.join(root, "examples", "gitops", ".github", "workflows", "flink-plan.yml"), "utf8"),
    ) as {
      jobs: {
        plan: {
          env: Record<string, string>;
          steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
        };
      };
    };
    const job = workflow.jobs.plan;
    const terraform = job.steps.find((s) => s.uses?.startsWith("hashicorp/setup-terraform"));
    expect(terraform?.with?.terraform_wrapper).toBe(false);
    const runs = job.steps.flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(runs[0]).toBe("npm ci");
    // GitHub expressions are the only part of the job env not taken literally.
    const env = Object.fromEntries(
      Object.entries(job.env).map(([k, v]) => [k, String(v).replace(/\$\{\{ *runner\.temp *\}\}/, dir)]),
    );
    const script = runs.slice(1).join("\n");
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn("bash", ["-e", "-c", script], {
        cwd: root,
        env: { ...process.env, ...env, RUNNER_TEMP: dir, GITHUB_STEP_SUMMARY: path.join(dir, "summary.md") },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => {
        stdout += d;
      });
      child.stderr.on("data", (d: Buffer) => {
        stderr += d;
      });
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
    expect({ code: result.code, stderr: result.code === 0 ? "" : result.stderr }).toEqual({
      code: 0,
      stderr: "",
    });
    expect(existsSync(path.join(dir, "cdktf.out", "stacks", "clickstream", "cdk.tf.json"))).toBe(true);
    // The job summary GitHub shows: both configurations planned, applied and converged.
    const summary = readFileSync(path.join(dir, "summary.md"), "utf8");
    expect(summary.match(/### flinkform plan: converged/g)).toHaveLength(2);
    expect(summary).toContain("Plan: 8 to add, 0 to change, 0 to destroy.");
    expect(summary).toContain("Plan: 1 to add, 0 to change, 0 to destroy.");
  }, 90_000);
});
