/**
 * `flinkform synth`: runs a CDK program (cdktn or cdktf) and reports like a compiler. Construct errors
 * and warnings come as a list (construct path, prop and message, fix) and exit 1, without a stack
 * trace; on success it names each stack's folder and where its Terraform state will live. The program
 * is the one cdktf.json names (`app`), or `npx tsx main.ts`; nothing in it has to change.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { manifestPath, readSynthOutput, type SynthOutput } from "../synth/output";
import { classifyError, countProblems, formatProblems, type SynthProblem } from "../synth/problems";
import { createReportHook } from "../synth/report-hook";

const USAGE =
  "usage: flinkform synth [--app COMMAND] [--output DIR]\n" +
  '  --app     the command that runs the CDK program (default: "app" in ./cdktf.json, else "npx tsx main.ts")\n' +
  '  --output  where the stacks are written (default: "output" in ./cdktf.json, else cdktf.out)\n';

export interface SynthArgs {
  app?: string;
  output?: string;
}

export function parseArgs(argv: string[]): SynthArgs | string {
  const args: SynthArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return "";
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === "--app") args.app = value;
    else if (flag === "--output" || flag === "-o") args.output = value;
    else return `unknown option ${flag}`;
  }
  return args;
}

interface CdktfJson {
  app?: string;
  output?: string;
  context?: Record<string, unknown>;
}

/** The command, output folder and context, from the flags, then cdktf.json, then the defaults. */
export function resolveProgram(
  args: SynthArgs,
  cwd: string,
): { app: string; outdir: string; context?: Record<string, unknown> } | string {
  const file = path.join(cwd, "cdktf.json");
  let config: CdktfJson = {};
  if (existsSync(file)) {
    try {
      config = JSON.parse(readFileSync(file, "utf8")) as CdktfJson;
    } catch (err) {
      return `cdktf.json is not valid JSON: ${(err as Error).message}`;
    }
  }
  const app =
    args.app ?? config.app ?? (existsSync(path.join(cwd, "main.ts")) ? "npx tsx main.ts" : undefined);
  if (!app)
    return 'no program to run: pass --app "npx tsx main.ts", or run it where cdktf.json or main.ts is';
  const outdir = path.resolve(cwd, args.output ?? config.output ?? "cdktf.out");
  return { app, outdir, ...(config.context ? { context: config.context } : {}) };
}

function runProgram(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: ["inherit", "inherit", "inherit"] });
    child.on("error", () => resolve(127));
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const rel = (cwd: string, p: string) => path.relative(cwd, p) || ".";

function successText(output: SynthOutput, outdir: string, cwd: string): string {
  const n = output.stacks.length;
  const lines = [`synthesized ${n} stack${n === 1 ? "" : "s"} into ${rel(cwd, outdir)}`];
  for (const s of output.stacks) {
    const state = "file" in s.state ? rel(cwd, s.state.file) : `the ${s.state.backend} backend`;
    lines.push(`  ${s.name}: ${rel(cwd, s.dir)}  (state: ${state})`);
  }
  const first = output.stacks[0];
  if (first) lines.push(`next: terraform -chdir=${rel(cwd, first.dir)} init, then plan and apply there`);
  return `${lines.join("\n")}\n`;
}

export interface SynthIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the program and reports; resolves to the exit code. */
export async function synth(args: SynthArgs, io: SynthIo): Promise<number> {
  const program = resolveProgram(args, io.cwd);
  if (typeof program === "string") {
    io.err(`flinkform synth: ${program}\n`);
    return 2;
  }
  // A manifest left from an earlier run must not pass for this one's.
  rmSync(manifestPath(program.outdir), { force: true });
  const hook = createReportHook({
    ...io.env,
    CDKTF_OUTDIR: program.outdir,
    // Error annotations are read from the manifest and listed, like every other problem.
    CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: "true",
    ...(program.context ? { CDKTF_CONTEXT_JSON: JSON.stringify(program.context) } : {}),
  });
  let code: number;
  let thrown: ReturnType<typeof hook.read>;
  try {
    code = await runProgram(program.app, io.cwd, hook.env);
    thrown = hook.read();
  } finally {
    hook.dispose();
  }
  const fail = (problems: SynthProblem[]) => {
    io.err(`${formatProblems(problems)}\nflinkform synth: ${countProblems(problems)}; nothing to apply\n`);
    return 1;
  };
  if (thrown) {
    const failure = classifyError(thrown);
    if (failure.kind === "problems") return fail(failure.problems);
    io.err(
      `flinkform synth: ${program.app} failed (not a construct check: the program itself threw)\n${failure.text}\n`,
    );
    return 1;
  }
  if (code !== 0) {
    io.err(`flinkform synth: ${program.app} exited with code ${code}\n`);
    return 1;
  }
  const output = readSynthOutput(program.outdir);
  if (!output) {
    io.err(
      `flinkform synth: ${program.app} wrote no ${rel(io.cwd, manifestPath(program.outdir))}: it must call app.synth(), and leave App's outdir to CDKTF_OUTDIR (set from --output)\n`,
    );
    return 1;
  }
  if (output.annotations.some((a) => a.severity === "error")) return fail(output.annotations);
  if (output.annotations.length) io.err(formatProblems(output.annotations));
  io.out(successText(output, program.outdir, io.cwd));
  return 0;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(args ? `flinkform synth: ${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  return synth(args, {
    cwd: process.cwd(),
    env: process.env,
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}
