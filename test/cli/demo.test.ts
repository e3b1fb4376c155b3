/**
 * `npm run demo` end to end, as a user runs it: real control plane, real provider, real terraform.
 * The working directory goes to a temp dir so the test never touches the checkout's .flinkform/.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDemoArgs } from "../../cli/demo";

const root = path.resolve(__dirname, "..", "..");

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
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
}

describe("npm run demo", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "flinkform-demo-test-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("simulated: applies clickstream, prints the summary, proves the plan is empty, and leaves the working dir", async () => {
    const workDir = path.join(dir, "demo");
    const { code, stdout, stderr } = await run(
      "npm",
      ["run", "demo", "--", "--dir", workDir, "--engine", "simulated"],
      process.env,
    );
    expect({ code, stderr: code === 0 ? "" : stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain(
      "Simulated demo (the simulated engine was asked for): jobs are modelled and no data moves.",
    );
    expect(stdout).toMatch(/\[1\/6\] terraform \d+\.\d+\.\d+ found/);
    expect(stdout).toContain("[4/6] clickstream from examples/cdktf/clickstream (CDK, synthesized)");
    // Progress while apply waits: state changes seen live on the control plane.
    expect(stdout).toMatch(/· service clickstream: RUNNING \(after [\d.]+ s REBUILDING\)/);
    expect(stdout).toMatch(/· deployment of clicks-per-minute: RUNNING/);
    expect(stdout).toContain("Apply complete! Resources: 8 added, 0 changed, 0 destroyed.");
    // The summary.
    expect(stdout).toMatch(/service +clickstream \(business-4, google-europe-west1\): RUNNING/);
    expect(stdout).toMatch(/task slots +2 used \/ 4 total/);
    expect(stdout).toMatch(/application +clicks-per-minute \(1 version\)/);
    expect(stdout).toMatch(/deployment +RUNNING \(parallelism 2, job [0-9a-f]{32}\)/);
    expect(stdout).toMatch(/last savepoint +none yet/);
    expect(stdout).toContain("No changes: the live services match the configuration (plan exit code 0).");
    // What the user is told to look at is really there.
    const configDir = /\[4\/6\] clickstream from .* → (.*)$/m.exec(stdout)?.[1];
    expect(configDir && path.resolve(root, configDir).startsWith(workDir)).toBe(true);
    expect(existsSync(path.join(path.resolve(root, configDir!), "terraform.tfstate"))).toBe(true);
    expect(existsSync(path.join(workDir, "data"))).toBe(true);
  }, 90_000);

  test("without terraform on PATH it says so, says how to get it, and exits non-zero", async () => {
    const { code, stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", path.join(root, "cli", "demo.ts"), "--dir", path.join(dir, "demo")],
      { ...process.env, PATH: dir },
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("terraform was not found on PATH.");
    expect(stderr).toContain("https://developer.hashicorp.com/terraform/install");
    // Nothing was started or written.
    expect(existsSync(path.join(dir, "demo"))).toBe(false);
  });

  test.each([
    [["--speed", "0"], /--speed must be a number >= 0.1, got '0'/],
    [["--time-scale", "0"], /--time-scale must be a number in \(0, 10\], got '0'/],
    [["--dir"], /--dir needs a value/],
    [["--bogus", "1"], /unknown option --bogus/],
  ])("rejects %j", (argv, message) => {
    expect(parseDemoArgs(argv)).toMatch(message);
  });

  test("--engine picks the demo's engine", () => {
    expect(parseDemoArgs(["--engine", "simulated"])).toMatchObject({ engine: "simulated" });
    expect(parseDemoArgs(["--engine", "spark"])).toMatch(/--engine must be flink or simulated, got 'spark'/);
  });

  test("defaults: .flinkform/demo under the current directory, speed 10", () => {
    expect(parseDemoArgs([])).toEqual({
      dir: path.join(process.cwd(), ".flinkform", "demo"),
      speed: 10,
    });
  });

  test("--speed 20 runs twenty times faster; the deprecated --time-scale 0.05 means the same, with a note", () => {
    expect(parseDemoArgs(["--speed", "20"])).toMatchObject({ speed: 20 });
    expect(parseDemoArgs(["--speed", "20"])).not.toHaveProperty("deprecated");
    const old = parseDemoArgs(["--time-scale", "0.05"]);
    expect(old).toMatchObject({ speed: 20 });
    expect((old as { deprecated: string }).deprecated).toBe(
      "--time-scale is deprecated and will be removed: it multiplies durations (--time-scale 0.05 makes everything 20 times faster); use --speed 20",
    );
  });
});
