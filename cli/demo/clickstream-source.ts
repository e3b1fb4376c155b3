/**
 * Where the demo's clickstream configuration comes from: the CDK example synthesized in-process
 * (the default) or the plain Terraform version; switching is the one line at the end.
 */
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { synthInProcess } from "../synth/in-process";

export interface ClickstreamSource {
  /** Shown in the demo's output. */
  readonly description: string;
  /**
   * Writes the configuration under `workDir`; returns the directory terraform runs in. `real` points
   * it at the local Kafka and PostgreSQL (the CDK version only; passwords then come from TF_VAR_*).
   * Construct problems fail it with `flinkform synth`'s list; its warnings go to `report`.
   */
  write(
    root: string,
    workDir: string,
    real?: RealDataProps,
    report?: (text: string) => void,
  ): Promise<string>;
}

/** Where the clickstream reads and writes when data really moves, and which version to run. */
export interface RealDataProps {
  readonly kafka: { readonly bootstrapServers: string; readonly securityProtocol: "PLAINTEXT" };
  readonly postgres: {
    readonly host: string;
    readonly port: number;
    readonly username: string;
    readonly database: string;
  };
  readonly minClicksPerWindow?: number;
  /** One source task per partition of the topic: an idle task would hold the event-time clock back. */
  readonly parallelism: number;
}

/** The plain Terraform version in examples/hcl/clickstream. */
export const hclClickstream: ClickstreamSource = {
  description: "examples/hcl/clickstream (plain Terraform)",
  async write(root, workDir) {
    const dir = path.join(workDir, "clickstream");
    cpSync(path.join(root, "examples", "hcl", "clickstream"), dir, {
      recursive: true,
      filter: (src) => !/\.terraform|terraform\.tfstate/.test(path.basename(src)),
    });
    writePlaceholderPasswords(dir);
    return dir;
  },
};

/** The CDK version: `examples/cdktf/clickstream` exporting `synth(outdir)` → the stack directory. */
export const cdkClickstream: ClickstreamSource = {
  description: "examples/cdktf/clickstream (CDK, synthesized)",
  async write(root, workDir, real, report) {
    const modulePath = path.join(root, "examples", "cdktf", "clickstream", "main");
    // Loaded on use, so the HCL path never loads cdktn.
    const mod = (await import(modulePath)) as {
      synth?: (outdir: string, props?: RealDataProps) => string | Promise<string>;
    };
    if (typeof mod.synth !== "function") {
      throw new Error(`${modulePath}.ts does not export a synth(outdir) function`);
    }
    const outdir = path.join(workDir, "cdktf.out");
    const synthesize = mod.synth;
    const { value: dir, warnings } = await synthInProcess(() => synthesize(outdir, real), outdir);
    if (warnings) report?.(warnings);
    if (!real) writePlaceholderPasswords(dir);
    return dir;
  },
};

/**
 * Both versions declare the external systems' passwords as sensitive variables. Placeholders keep
 * plan and apply from prompting; the local control plane stores them but connects to nothing.
 */
function writePlaceholderPasswords(dir: string): void {
  writeFileSync(
    path.join(dir, "demo.auto.tfvars"),
    '# Demo-only placeholders; the local control plane never connects to these systems.\nkafka_password    = "demo-kafka-password"\npostgres_password = "demo-postgres-password"\n',
  );
}

// The one line to switch between the two versions.
export const clickstreamSource: ClickstreamSource = cdkClickstream;
