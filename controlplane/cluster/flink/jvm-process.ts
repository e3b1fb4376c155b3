import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { runJavaToCompletion } from "./run-java";

/** JVM system property that marks every process a cluster started, so leftovers can be found. */
export const CLUSTER_MARKER = "flinkform.cluster";

export interface JvmSpec {
  /** Short role name: `jobmanager`, `taskmanager`, `sql-gateway`. */
  readonly role: string;
  readonly java: string;
  readonly classpath: string;
  readonly mainClass: string;
  readonly args: readonly string[];
  readonly jvmArgs: readonly string[];
  /** The cluster's directory: the marker's value, and where `log/<role>.log` and `.out` go. */
  readonly clusterDir: string;
  readonly logDir: string;
  readonly confDir: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Called once the process has exited. */
  readonly afterExit?: () => void;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/**
 * One Flink JVM. It runs under ParentWatchdog (flink/), which exits the JVM when its stdin closes:
 * the control plane holds the write end, so its death, even by kill -9, takes its JVMs with it.
 */
export class JvmProcess {
  readonly pid: number;
  readonly exited: Promise<ExitInfo>;
  private exitInfo: ExitInfo | undefined;

  private constructor(
    readonly role: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
    readonly outFile: string,
    /** Sizes of the two files when this process started: what it wrote starts there. */
    readonly logFrom: number,
    readonly outFrom: number,
  ) {
    this.pid = child.pid ?? -1;
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
      child.once("error", () => {
        this.exitInfo = { code: -1, signal: null };
        resolve(this.exitInfo);
      });
    });
  }

  static spawn(spec: JvmSpec): JvmProcess {
    fs.mkdirSync(spec.logDir, { recursive: true });
    const logFile = `${spec.logDir}/${spec.role}.log`;
    const outFile = `${spec.logDir}/${spec.role}.out`;
    const sizeOf = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
    const logFrom = sizeOf(logFile);
    const outFrom = sizeOf(outFile);
    const out = fs.openSync(outFile, "a");
    try {
      const child = spawn(
        spec.java,
        [
          ...spec.jvmArgs,
          `-D${CLUSTER_MARKER}=${spec.clusterDir}`,
          `-Dlog.file=${logFile}`,
          `-XX:ErrorFile=${spec.logDir}/hs_err_${spec.role}_%p.log`,
          `-Dlog4j.configurationFile=file:${spec.confDir}/log4j.properties`,
          "-cp",
          spec.classpath,
          "dev.flinkform.launcher.ParentWatchdog",
          spec.mainClass,
          ...spec.args,
        ],
        {
          stdio: ["pipe", out, out],
          env: { ...process.env, ...spec.env, FLINK_CONF_DIR: spec.confDir },
          // Whatever a JVM writes to its working directory stays with its cluster.
          cwd: spec.clusterDir,
          detached: false,
        },
      );
      // The pipe must never keep the control plane's event loop alive on its own.
      (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
      child.stdin?.on("error", () => {});
      const jvm = new JvmProcess(spec.role, child, logFile, outFile, logFrom, outFrom);
      if (spec.afterExit) void jvm.exited.then(spec.afterExit);
      return jvm;
    } finally {
      fs.closeSync(out);
    }
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  get exit(): ExitInfo | undefined {
    return this.exitInfo;
  }

  /** SIGTERM (Flink shuts down cleanly), then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill("SIGTERM");
    const killed = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
    ]);
    if (killed && this.running) {
      this.child.kill("SIGKILL");
      await this.exited;
    }
  }
}

/** Runs a Flink utility (e.g. BashJavaUtils) to completion and returns its stdout. */
export async function runJava(
  java: string,
  classpath: string,
  mainClass: string,
  args: readonly string[],
  timeoutMs = 60_000,
): Promise<string> {
  const r = await runJavaToCompletion(java, ["-cp", classpath, mainClass, ...args], { timeoutMs });
  if (r.code === 0) return r.stdout;
  const said = (r.stderr || r.stdout).trim().split("\n").slice(-5).join(" | ");
  throw new Error(`${mainClass} exited with ${r.code}: ${said}`);
}
