import { spawn } from "node:child_process";

export interface JavaResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a short-lived JVM (a tool's main class) to completion, collecting what it prints. A tool
 * that hangs (a broker that never answers, say) is killed after `timeoutMs`, so no caller waits
 * forever; its exit code is then null.
 */
export function runJavaToCompletion(
  java: string,
  jvmArgs: readonly string[],
  options: { input?: string; timeoutMs: number },
): Promise<JavaResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(java, [...jvmArgs], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}
