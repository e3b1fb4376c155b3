/**
 * Ctrl-C during a long apply: terraform gets SIGINT (as does the provider, the same process group),
 * asks the provider to stop, and the provider abandons its wait at once. The apply ends with an
 * interrupted message, the half-built service stays in state so nothing is lost, and a destroy
 * cleans it up.
 */
import { spawn } from "node:child_process";
import { type AcceptanceEnv, startAcceptanceEnv, type TerraformResult } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  // Realistic time: building the service takes a minute, so the apply is still waiting when interrupted.
  acc = await startAcceptanceEnv({ timeScale: 1 });
}, 60_000);
afterAll(() => acc?.close());

/** Runs terraform as the leader of its own process group, like a shell job. */
function startInGroup(workdir: string, args: string[]) {
  const child = spawn("terraform", args, {
    cwd: workdir,
    env: acc.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let stdout = "";
  let stderr = "";
  const seen: { text: string; resolve: () => void }[] = [];
  child.stdout.on("data", (d: Buffer) => {
    stdout += d;
    for (const s of seen) if (stdout.includes(s.text)) s.resolve();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d;
  });
  const done = new Promise<TerraformResult>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return {
    pid: child.pid!,
    done,
    /** Resolves once stdout contains the text. */
    output: (text: string) =>
      new Promise<void>((resolve) => {
        if (stdout.includes(text)) resolve();
        else seen.push({ text, resolve });
      }),
  };
}

const SERVICE = `
resource "flink_service" "s" {
  project      = "local"
  service_name = "flink-slow"
  plan         = "business-4"
}
`;

/** Starts an apply of a slow service, sends SIGINT to the process group while it waits, and times the exit. */
async function interruptedApply(name: string): Promise<TerraformResult & { wd: string; tookMs: number }> {
  const wd = acc.workdir(name, SERVICE.replace("flink-slow", name));
  await acc.tf(wd, ["init", "-input=false"]);
  const run = startInGroup(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  await run.output("flink_service.s: Creating...");
  // Let the provider get into its wait for RUNNING.
  await new Promise((r) => setTimeout(r, 1500));
  const interruptedAt = Date.now();
  process.kill(-run.pid, "SIGINT");
  const result = await run.done;
  return { ...result, wd, tookMs: Date.now() - interruptedAt };
}

test("SIGINT to terraform's process group during a long wait ends the apply promptly and cleanly", async () => {
  const result = await interruptedApply("flink-slow");
  const output = result.stdout + result.stderr;
  expect(result.code).toBe(1);
  // Far less than the minute the service build still needs.
  expect(result.tookMs).toBeLessThan(15_000);
  expect(output).toContain("Interrupt received");
  expect(output).toContain("was interrupted while waiting");
  expect(output).not.toMatch(/plugin crashed|panic|Plugin did not respond/i);

  // The service was created before the wait: it stays in state (tainted) rather than leaking.
  const state = await acc.tf(result.wd, ["state", "list"]);
  expect(state.trim()).toBe("flink_service.s");
  const plan = await acc.tf(result.wd, ["plan", "-input=false"]);
  expect(plan).toContain("flink_service.s is tainted, so must be replaced");
  const destroy = await acc.tf(result.wd, ["destroy", "-auto-approve", "-input=false"]);
  expect(destroy).toContain("Destroy complete! Resources: 1 destroyed.");
  expect((await acc.api<{ services: unknown[] }>("GET", "/project/local/service")).body.services).toEqual([]);
}, 120_000);

test("an interrupted create says Operation Interrupted and that the object was kept", async () => {
  const result = await interruptedApply("flink-slow-2");
  expect(result.stderr).toContain("Error: Operation Interrupted");
  await acc.tf(result.wd, ["destroy", "-auto-approve", "-input=false"]);
}, 120_000);
