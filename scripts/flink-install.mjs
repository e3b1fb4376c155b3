// Resolves the real Apache Flink engine for this checkout (run by `npm ci` through `prepare`).
//
// Builds flink/ with Maven once: that downloads Flink and its connectors from Maven Central into the
// local Maven repository and writes flink/target/classpath.txt, which the control plane starts Flink
// processes with. Nothing is downloaded at run time. Without Java 11+ and Maven, or when the build
// fails, it says so on one line and exits 0: the control plane then uses its simulated engine.
// FLINKFORM_REQUIRE_FLINK=1 (set by CI) turns those cases into failures.
//
// Usage: node scripts/flink-install.mjs [--force]   (--force rebuilds even when up to date)

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const flinkDir = join(root, "flink");
const pom = join(flinkDir, "pom.xml");
const target = join(flinkDir, "target");
const classpathFile = join(target, "classpath.txt");
const launcherJar = join(target, "flinkform-flink-0.1.0.jar");
const stampFile = join(target, "install.stamp");
const required = process.env.FLINKFORM_REQUIRE_FLINK === "1";
const force = process.argv.slice(2).includes("--force");
const flinkVersion = /<flink\.version>([^<]+)<\/flink\.version>/.exec(readFileSync(pom, "utf8"))?.[1] ?? "?";
const SIMULATED = "the local control plane will use the simulated engine";

function giveUp(reason) {
  if (required) {
    console.error(
      `flinkform: real Flink engine not installed (${reason}); FLINKFORM_REQUIRE_FLINK=1 requires it`,
    );
    process.exit(1);
  }
  console.log(`flinkform: real Flink engine not installed (${reason}); ${SIMULATED}`);
  process.exit(0);
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name) {
  const exts = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const ext of exts) {
      if (dir && isFile(join(dir, name + ext))) return join(dir, name + ext);
    }
  }
  return undefined;
}

function findJava() {
  const exe = process.platform === "win32" ? "java.exe" : "java";
  const fromHome = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", exe) : undefined;
  return fromHome && isFile(fromHome) ? fromHome : findOnPath("java");
}

/** Major version from `java -version` ("1.8.0_292" is 8, "17.0.15" is 17), or undefined. */
function javaMajor(java) {
  const r = spawnSync(java, ["-version"], { encoding: "utf8", timeout: 30_000 });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr ?? ""}${r.stdout ?? ""}`);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] ? Number(m[2]) : first;
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** sha256 over pom.xml and every file under flink/src/main, with their paths. */
function sourceHash() {
  const hash = createHash("sha256");
  const files = [pom, ...listFiles(join(flinkDir, "src", "main"))].sort();
  for (const file of files) {
    hash.update(relative(flinkDir, file).split("\\").join("/"));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The classpath's entries, or undefined when classpath.txt is missing or names a missing file. */
function readClasspath() {
  if (!isFile(classpathFile)) return undefined;
  const entries = readFileSync(classpathFile, "utf8").trim().split(delimiter).filter(Boolean);
  return entries.length > 0 && entries.every((p) => existsSync(p)) ? entries : undefined;
}

function upToDate(hash) {
  return (
    !force &&
    isFile(launcherJar) &&
    isFile(stampFile) &&
    readFileSync(stampFile, "utf8").trim() === hash &&
    readClasspath() !== undefined
  );
}

function build(mvn, hash) {
  console.log(
    `flinkform: resolving Apache Flink ${flinkVersion} with Maven (first run downloads ~200 MB)...`,
  );
  const r = spawnSync(mvn, ["-B", "-q", "-f", pom, "package", "-DskipTests"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
    shell: process.platform === "win32",
  });
  if (r.status !== 0) {
    const output = `${r.stdout ?? ""}${r.stderr ?? ""}`.trimEnd();
    if (output) console.error(output.split("\n").slice(-30).join("\n"));
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
    console.error(`flinkform: Maven build of flink/ failed (${why})`);
    // Leave no stale classpath behind: the control plane picks the real engine by its presence.
    rmSync(classpathFile, { force: true });
    rmSync(stampFile, { force: true });
    giveUp("Maven build of flink/ failed; see above");
  }
  writeFileSync(stampFile, `${hash}\n`);
}

const java = findJava();
if (!java) giveUp("no Java 11+ found on PATH or JAVA_HOME");
const major = javaMajor(java);
if (major === undefined || major < 11) {
  giveUp(`${java} is Java ${major ?? "of unknown version"}; Java 11+ is needed`);
}
const mvn = findOnPath("mvn");
if (!mvn) giveUp("no Maven (mvn) found on PATH");

const hash = sourceHash();
if (!upToDate(hash)) build(mvn, hash);

const classpath = readClasspath();
if (!classpath || !isFile(launcherJar)) {
  giveUp(`${relative(root, classpathFile)} or the launcher jar is missing, or names a missing file`);
}
console.log(`flinkform: Flink ${flinkVersion} engine ready (${classpath.length} jars)`);
