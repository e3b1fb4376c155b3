/**
 * A new user's CDK project in a temp folder: their `main.ts`, and a node_modules where `flinkform` is
 * this checkout built as npm would install it (both construct flavours, the SQL parser beside them)
 * and cdktn, cdktf, constructs and tsx are the checkout's own. `flinkform` runs from source, as
 * `npx flinkform` runs the built CLI.
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Project folders made so far; `dispose` of the package removes them with it. */
const projects: string[] = [];

/** Builds the package once into a temp folder (removed by `dispose`, with the projects using it). */
export function buildPackage(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), "flinkform-package-"));
  // The SQL parser first: the build looks for it beside the bundles.
  mkdirSync(path.join(dir, "dist", "vendor"), { recursive: true });
  copyFileSync(
    path.join(root, "dist", "vendor", "flinksql.cjs"),
    path.join(dir, "dist", "vendor", "flinksql.cjs"),
  );
  execFileSync(
    process.execPath,
    [path.join(root, "constructs", "build-flavours.mjs"), "--out", path.join(dir, "dist"), "--no-types"],
    { stdio: "pipe" },
  );
  copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"));
  // Its dependencies, as npm would nest or hoist them.
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  const dispose = () => {
    for (const p of [dir, ...projects.splice(0)]) rmSync(p, { recursive: true, force: true });
  };
  return { dir, dispose };
}

/** A project folder holding `files` (e.g. main.ts), with `flinkform` installed from `packageDir`. */
export function userProject(packageDir: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "flinkform-user-"));
  projects.push(dir);
  const modules = path.join(dir, "node_modules");
  mkdirSync(path.join(modules, ".bin"), { recursive: true });
  for (const name of ["cdktn", "cdktf", "constructs", "tsx"]) {
    symlinkSync(path.join(root, "node_modules", name), path.join(modules, name));
  }
  symlinkSync(packageDir, path.join(modules, "flinkform"));
  // So `npx tsx main.ts` finds tsx here and never reaches for the registry.
  symlinkSync(path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(modules, ".bin", "tsx"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Runs a command to its end (asynchronously, so an in-process control plane keeps serving). */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
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
}

/** `flinkform <args>` in `cwd`. */
export function flinkform(args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<CommandResult> {
  return runCommand(process.execPath, ["--import", "tsx", path.join(root, "cli", "main.ts"), ...args], {
    cwd,
    env,
  });
}

/** Lines a stack trace is made of (`    at fn (file:1:2)`). */
export const STACK_FRAME = /^\s+at .+/m;
