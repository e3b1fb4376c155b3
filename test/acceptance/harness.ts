/**
 * Acceptance harness: the local control plane in-process (accelerated time), the real provider
 * bundled and installed into a filesystem mirror, and the real terraform CLI run asynchronously
 * (a synchronous spawn would block the control plane living in this process).
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import {
  type ControlPlane,
  type DataServiceOptions,
  type EngineOption,
  startControlPlane,
} from "../../controlplane";
import { installProvider } from "../../provider/install/install-provider";

const root = path.resolve(__dirname, "..", "..");

export interface TerraformResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface AcceptanceEnv {
  cp: ControlPlane;
  dir: string;
  env: NodeJS.ProcessEnv;
  /** A fresh working directory holding `main.tf`. */
  /** `providerBody` goes inside `provider "flink" { ... }`. */
  workdir(name: string, mainTf: string, providerBody?: string): string;
  writeConfig(workdir: string, mainTf: string, providerBody?: string): void;
  terraform(
    workdir: string,
    args: string[],
    options?: { env?: NodeJS.ProcessEnv; onStdout?: (chunk: string) => void },
  ): Promise<TerraformResult>;
  /** The same, failing the test with terraform's output when it exits non-zero. */
  tf(workdir: string, args: string[]): Promise<string>;
  api<T = unknown>(method: string, apiPath: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** The control plane's admin API (faults, failing a job), with the same token. */
  admin<T = unknown>(method: string, adminPath: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Stops the control plane: connections are refused from then on; its data directory stays. */
  stopControlPlane(): Promise<void>;
  /** Starts it again on the same port and data directory, with the same token and options. */
  startControlPlane(): Promise<void>;
  close(): Promise<void>;
}

const TERRAFORM_BLOCK = `
terraform {
  required_providers {
    flink = { source = "flinkform/flink" }
  }
}
`;

/** The terraform block and an empty provider block, for tests that write main.tf themselves. */
export const PROVIDER_BLOCK = `${TERRAFORM_BLOCK}provider "flink" {}
`;

export async function startAcceptanceEnv(
  options: {
    timeScale?: number;
    engine?: EngineOption;
    dataServices?: DataServiceOptions;
    log?: (line: string) => void;
  } = {},
): Promise<AcceptanceEnv> {
  const dir = mkdtempSync(path.join(tmpdir(), "flinkform-acc-"));
  // Run as root, PostgreSQL runs as its own user, which must be able to reach the data directory.
  if (options.dataServices?.postgres === true) chmodSync(dir, 0o711);
  const cpOptions = {
    dataDir: path.join(dir, "data"),
    timeScale: options.timeScale ?? 0.005,
    token: "acceptance-token",
    ...(options.engine ? { engine: options.engine } : {}),
    ...(options.dataServices ? { dataServices: options.dataServices } : {}),
    ...(options.log ? { log: options.log } : {}),
  };
  let cp = await startControlPlane(cpOptions);
  const bundlePath = path.join(dir, "bundle", "terraform-provider-flink.cjs");
  // Built as scripts/build.mjs builds it: a start-up bundle and the handlers beside it.
  const common = {
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  } as const;
  await build({
    ...common,
    entryPoints: [path.join(root, "provider", "main.ts")],
    outfile: bundlePath,
    external: ["./vendor/flinksql.cjs", "./handlers"],
  });
  await build({
    ...common,
    entryPoints: [path.join(root, "provider", "handlers.ts")],
    outfile: path.join(path.dirname(bundlePath), "handlers.js"),
    external: ["./vendor/flinksql.cjs"],
  });
  const installed = await installProvider({ baseDir: path.join(dir, ".flinkform"), bundlePath });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: installed.cliConfigPath,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    FLINK_API_URL: cp.url,
    FLINK_API_TOKEN: cp.token,
    FLINKFORM_POLL_INTERVAL_MS: "40",
    // The provider's SQL validation cache (provider/sql-validation-cache.ts), kept inside the test.
    FLINKFORM_CACHE_DIR: path.join(dir, "cache"),
  };
  delete env.TF_LOG;

  const terraform: AcceptanceEnv["terraform"] = (workdir, args, opts = {}) =>
    new Promise((resolve) => {
      const child = spawn("terraform", args, {
        cwd: workdir,
        env: { ...env, ...opts.env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => {
        stdout += d;
        opts.onStdout?.(d.toString());
        if (process.env.FLINKFORM_ACC_DEBUG) process.stderr.write(d);
      });
      child.stderr.on("data", (d: Buffer) => {
        stderr += d;
      });
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });

  const writeConfig = (workdir: string, mainTf: string, providerBody = "") =>
    writeFileSync(
      path.join(workdir, "main.tf"),
      `${TERRAFORM_BLOCK}provider "flink" {\n${providerBody}\n}\n${mainTf}`,
    );

  return {
    get cp() {
      return cp;
    },
    dir,
    env,
    workdir(name, mainTf, providerBody) {
      const wd = path.join(dir, "work", name);
      mkdirSync(wd, { recursive: true });
      writeConfig(wd, mainTf, providerBody);
      return wd;
    },
    writeConfig,
    terraform,
    async tf(workdir, args) {
      const result = await terraform(workdir, [...args, "-no-color"]);
      if (result.code !== 0) {
        throw new Error(
          `terraform ${args.join(" ")} exited ${result.code}\n${result.stdout}\n${result.stderr}`,
        );
      }
      return result.stdout;
    },
    api: (method, apiPath, body) => call(cp.url, cp.token, method, apiPath, body),
    admin: (method, adminPath, body) => call(cp.adminUrl, cp.token, method, adminPath, body),
    stopControlPlane: () => cp.close(),
    async startControlPlane() {
      cp = await startControlPlane({ ...cpOptions, port: cp.port });
    },
    async close() {
      await cp.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function call<T>(
  base: string,
  token: string,
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${apiPath}`, {
    method,
    headers: { authorization: `aivenv1 ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** `terraform state show -no-color` parsed into `attribute = value` pairs of the top level. */
export function stateAttributes(show: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of show.split("\n")) {
    const m = /^ {4}([a-z_]+)\s+= (.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}
