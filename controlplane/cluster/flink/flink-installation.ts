import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** What it takes to start Flink's processes: a Java 11+ runtime and the classpath `npm ci` resolved. */
export interface FlinkInstallation {
  readonly java: string;
  readonly javaMajor: number;
  /** The launcher jar first, then every jar Maven resolved for `flink/`. */
  readonly classpath: string;
  /** The Apache Flink release on the classpath, e.g. `1.20.3`. */
  readonly flinkVersion: string;
  /** Where class-data-sharing archives of Flink's JVMs are kept (beside the classpath). */
  readonly cdsDir: string;
}

export type InstallationLookup =
  | { readonly ok: true; readonly installation: FlinkInstallation }
  | { readonly ok: false; readonly reason: string };

/**
 * Finds Java (JAVA_HOME, then PATH) and the Flink classpath that `npm ci` (scripts/flink-install.mjs)
 * wrote to `flink/target/`. Never downloads anything: when something is missing the reason says what.
 */
export function findFlinkInstallation(env: NodeJS.ProcessEnv = process.env): InstallationLookup {
  const java = findJava(env);
  if (!java.ok) return java;
  const root = packageRoot();
  if (!root) return { ok: false, reason: "the flinkform package's flink/ module was not found" };
  const target = path.join(root, "flink", "target");
  const listFile = path.join(target, "classpath.txt");
  const launcher = fs.existsSync(target)
    ? fs.readdirSync(target).find((f) => /^flinkform-flink-.*\.jar$/.test(f) && !f.includes("tests"))
    : undefined;
  if (!fs.existsSync(listFile) || !launcher) {
    return {
      ok: false,
      reason:
        "the Flink engine is not resolved (run `node scripts/flink-install.mjs`, which `npm ci` runs; it needs Maven)",
    };
  }
  const jars = fs.readFileSync(listFile, "utf8").trim().split(path.delimiter).filter(Boolean);
  const missing = jars.find((j) => !fs.existsSync(j));
  if (missing) {
    return {
      ok: false,
      reason: `the Flink engine's classpath names a missing jar (${path.basename(missing)}); run \`node scripts/flink-install.mjs --force\``,
    };
  }
  const runtime = jars.map((j) => /flink-runtime-(\d+\.\d+\.\d+)\.jar$/.exec(j)?.[1]).find(Boolean);
  return {
    ok: true,
    installation: {
      java: java.java,
      javaMajor: java.major,
      classpath: [path.join(target, launcher), ...jars].join(path.delimiter),
      flinkVersion: runtime ?? "unknown",
      cdsDir: path.join(target, "cds"),
    },
  };
}

function findJava(
  env: NodeJS.ProcessEnv,
): { ok: true; java: string; major: number } | { ok: false; reason: string } {
  const candidates = [...(env.JAVA_HOME ? [path.join(env.JAVA_HOME, "bin", "java")] : []), "java"];
  for (const java of candidates) {
    const probe = spawnSync(java, ["-version"], { encoding: "utf8", timeout: 15_000, env });
    if (probe.error || probe.status !== 0) continue;
    const version = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr ?? "");
    if (!version) continue;
    // Java 8 reports "1.8.0_x".
    const major = version[1] === "1" ? Number(version[2]) : Number(version[1]);
    if (major < 11)
      return { ok: false, reason: `Java ${major} found (${java}); Flink 1.20 needs Java 11 or 17` };
    return { ok: true, java, major };
  }
  return {
    ok: false,
    reason: "no Java runtime found (set JAVA_HOME or put java on PATH; Flink 1.20 needs Java 11 or 17)",
  };
}

/** The directory holding the package's flink/ module, from the sources or from dist/. */
function packageRoot(): string | undefined {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, "flink", "pom.xml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
