/**
 * What a synth wrote, read back from cdktn's `manifest.json`: each stack's folder, where its
 * Terraform state will live, and the annotations (warnings, errors) of its constructs.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SynthProblem } from "./problems";

export interface SynthesizedStack {
  readonly name: string;
  /** The folder terraform runs in. */
  readonly dir: string;
  /** The local state file (absolute), or the kind of remote backend. */
  readonly state: { readonly file: string } | { readonly backend: string };
}

export interface SynthOutput {
  readonly stacks: SynthesizedStack[];
  readonly annotations: SynthProblem[];
}

interface Manifest {
  stacks: Record<
    string,
    {
      name: string;
      workingDirectory: string;
      synthesizedStackPath: string;
      annotations?: { constructPath: string; level: string; message: string }[];
    }
  >;
}

const LEVELS: Record<string, SynthProblem["severity"]> = {
  "@cdktf/error": "error",
  "@cdktf/warn": "warning",
  "@cdktf/info": "info",
};

export const manifestPath = (outdir: string) => path.join(outdir, "manifest.json");

function stateOf(outdir: string, stackDir: string, stackFile: string): SynthesizedStack["state"] {
  const file = path.join(outdir, stackFile);
  const json = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  const backend = ((json.terraform as Record<string, unknown> | undefined)?.backend ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  const [kind, config] = Object.entries(backend)[0] ?? ["local", {}];
  if (kind !== "local") return { backend: kind };
  // Terraform resolves a relative path from the folder it runs in.
  return {
    file: path.resolve(stackDir, typeof config.path === "string" ? config.path : "terraform.tfstate"),
  };
}

/** The stacks and annotations of `outdir`, or undefined when it holds no manifest. */
export function readSynthOutput(outdir: string): SynthOutput | undefined {
  if (!existsSync(manifestPath(outdir))) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath(outdir), "utf8")) as Manifest;
  const stacks: SynthesizedStack[] = [];
  const annotations: SynthProblem[] = [];
  for (const stack of Object.values(manifest.stacks ?? {})) {
    const dir = path.join(outdir, stack.workingDirectory);
    stacks.push({ name: stack.name, dir, state: stateOf(outdir, dir, stack.synthesizedStackPath) });
    for (const a of stack.annotations ?? []) {
      annotations.push({
        severity: LEVELS[a.level] ?? "info",
        path: a.constructPath,
        message: String(a.message),
      });
    }
  }
  return { stacks, annotations };
}
