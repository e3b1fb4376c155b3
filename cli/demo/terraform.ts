/**
 * Runs the real terraform CLI asynchronously. A synchronous spawn would freeze the event loop, and
 * with it the local control plane living in the same process, so terraform's requests would hang.
 */
import { spawn } from "node:child_process";

export interface TerraformResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface TerraformOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Called with each complete stdout line, as it arrives. */
  onLine?: (line: string) => void;
}

export function runTerraform(args: string[], options: TerraformOptions): Promise<TerraformResult> {
  return new Promise((resolve) => {
    const child = spawn("terraform", args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let partial = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      stdout += text;
      if (!options.onLine) return;
      const lines = (partial + text).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLine(line);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on("error", (err) => resolve({ code: null, stdout, stderr: stderr + err.message }));
    child.on("close", (code) => {
      if (partial && options.onLine) options.onLine(partial);
      resolve({ code, stdout, stderr });
    });
  });
}

export const TERRAFORM_INSTALL_HINT =
  "flinkform drives the real terraform CLI (1.5 or newer). Install it from\n" +
  "  https://developer.hashicorp.com/terraform/install\n" +
  "(or `brew install hashicorp/tap/terraform`, or your package manager), make sure `terraform version`\n" +
  "works in this shell, then run `npm run demo` again.";

/** The terraform version on PATH, or a message saying why it cannot be used. */
export async function checkTerraform(
  env: NodeJS.ProcessEnv,
): Promise<{ version: string } | { problem: string }> {
  const result = await runTerraform(["version", "-json"], { cwd: process.cwd(), env });
  if (result.code !== 0) {
    return {
      problem: result.code === null ? "terraform was not found on PATH." : "`terraform version` failed.",
    };
  }
  let version: string | undefined;
  try {
    version = (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version;
  } catch {
    version = /Terraform v(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
  }
  if (!version) return { problem: "could not read the terraform version from `terraform version`." };
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (major < 1 || (major === 1 && minor < 5)) {
    return { problem: `terraform ${version} is too old; flinkform needs 1.5 or newer.` };
  }
  return { version };
}
