// Resolves the real Apache Flink engine and the local Kafka broker for this checkout (run by `npm ci`
// through `prepare`).
//
// Builds flink/ with Maven once: that downloads Flink and its connectors from Maven Central into the
// local Maven repository and writes flink/target/classpath.txt, which the control plane starts Flink
// processes with. Then builds flink/kafka-broker/ the same way: Apache Kafka's broker (KRaft) and
// tools on a classpath of their own, flink/kafka-broker/target/classpath.txt, which the control plane
// starts its local Kafka broker with. Each module is rebuilt only when its pom.xml (or, for flink/,
// its sources) changed. Nothing is downloaded at run time. Without Java 11+ and Maven, or when a
// build fails, it says so on one line and exits 0: the control plane then uses its simulated engine
// (or has no local Kafka broker). FLINKFORM_REQUIRE_FLINK=1 (set by CI) turns those cases into failures.
//
// Usage: node scripts/flink-install.mjs [--force]   (--force rebuilds even when up to date)

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const required = process.env.FLINKFORM_REQUIRE_FLINK === "1";
const force = process.argv.slice(2).includes("--force");

/** A Maven module this script builds: it is ready when its stamp matches and its classpath resolves. */
function mavenModule(dir, { versionProperty, artifact, what, withoutIt, classpath = true }) {
  const moduleDir = join(root, dir);
  const pom = join(moduleDir, "pom.xml");
  const target = join(moduleDir, "target");
  const pattern = new RegExp(`<${versionProperty.replace(/\./g, "\\.")}>([^<]+)</`);
  return {
    dir,
    moduleDir,
    pom,
    target,
    classpathFile: join(target, "classpath.txt"),
    stampFile: join(target, "install.stamp"),
    /** Files the build makes besides classpath.txt that must exist. */
    products: artifact ? [join(target, artifact)] : [],
    /** Whether the module writes target/classpath.txt (a job jar has none: Flink is provided). */
    classpath,
    version: pattern.exec(readFileSync(pom, "utf8"))?.[1] ?? "?",
    what,
    withoutIt,
  };
}

const flink = mavenModule("flink", {
  versionProperty: "flink.version",
  artifact: "flinkform-flink-0.1.0.jar",
  what: "real Flink engine",
  withoutIt: "the local control plane will use the simulated engine",
});
// The example job JAR applications deploy in tests and docs (flink_jar_application_version).
const exampleJar = mavenModule("flink/example-jar", {
  versionProperty: "flink.version",
  artifact: "flinkform-example-jar-0.1.0.jar",
  what: "example Flink job jar",
  withoutIt: "the JAR application tests on the real engine will be skipped",
  classpath: false,
});
const kafka = mavenModule("flink/kafka-broker", {
  versionProperty: "kafka.version",
  what: "local Kafka broker",
  withoutIt: "the local control plane will run no Kafka broker",
});

function giveUp(reason, module = flink, done = "") {
  if (required) {
    console.error(
      `flinkform: ${done}${module.what} not installed (${reason}); FLINKFORM_REQUIRE_FLINK=1 requires it`,
    );
    process.exit(1);
  }
  console.log(`flinkform: ${done}${module.what} not installed (${reason}); ${module.withoutIt}`);
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

/** sha256 over the module's pom.xml and every file under its src/main, with their paths. */
function sourceHash(module) {
  const hash = createHash("sha256");
  const files = [module.pom, ...listFiles(join(module.moduleDir, "src", "main"))].sort();
  for (const file of files) {
    hash.update(relative(module.moduleDir, file).split("\\").join("/"));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The classpath's entries, or undefined when classpath.txt is missing or names a missing file. */
function readClasspath(module) {
  if (!isFile(module.classpathFile)) return undefined;
  const entries = readFileSync(module.classpathFile, "utf8").trim().split(delimiter).filter(Boolean);
  return entries.length > 0 && entries.every((p) => existsSync(p)) ? entries : undefined;
}

function upToDate(module, hash) {
  return (
    !force &&
    module.products.every(isFile) &&
    isFile(module.stampFile) &&
    readFileSync(module.stampFile, "utf8").trim() === hash &&
    (!module.classpath || readClasspath(module) !== undefined)
  );
}

function build(mvn, module, hash, announce, done) {
  console.log(`flinkform: ${announce}`);
  const r = spawnSync(mvn, ["-B", "-q", "-f", module.pom, "package", "-DskipTests"], {
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
    console.error(`flinkform: Maven build of ${module.dir}/ failed (${why})`);
    // Leave no stale classpath behind: the control plane picks the real engine by its presence.
    rmSync(module.classpathFile, { force: true });
    rmSync(module.stampFile, { force: true });
    giveUp(`Maven build of ${module.dir}/ failed; see above`, module, done);
  }
  writeFileSync(module.stampFile, `${hash}\n`);
}

/** Builds the module unless it is up to date; returns its classpath's entries or gives up. */
function install(mvn, module, announce, done = "") {
  const hash = sourceHash(module);
  if (!upToDate(module, hash)) build(mvn, module, hash, announce, done);
  const classpath = module.classpath ? readClasspath(module) : [];
  if (!classpath || !module.products.every(isFile)) {
    giveUp(
      `${relative(root, module.classpathFile)}${module.products.length ? " or the launcher jar" : ""} is missing, or names a missing file`,
      module,
      done,
    );
  }
  return classpath;
}

const java = findJava();
if (!java) giveUp("no Java 11+ found on PATH or JAVA_HOME");
const major = javaMajor(java);
if (major === undefined || major < 11) {
  giveUp(`${java} is Java ${major ?? "of unknown version"}; Java 11+ is needed`);
}
const mvn = findOnPath("mvn");
if (!mvn) giveUp("no Maven (mvn) found on PATH");

const flinkJars = install(
  mvn,
  flink,
  `resolving Apache Flink ${flink.version} with Maven (first run downloads ~200 MB)...`,
);
const flinkReady = `Flink ${flink.version} engine ready (${flinkJars.length} jars)`;
// Kafka 4 brokers run on Java 17+; resolving them needs no more than Maven, so Java 11 still builds it.
const kafkaJars = install(
  mvn,
  kafka,
  `resolving Apache Kafka ${kafka.version} (broker) with Maven (first run downloads ~55 MB)...`,
  `${flinkReady}; `,
);
const kafkaJava = major < 17 ? `; it needs Java 17 to run, ${java} is Java ${major}` : "";
const kafkaReady = `Kafka ${kafka.version} broker ready (${kafkaJars.length} jars${kafkaJava})`;
install(
  mvn,
  exampleJar,
  "building the example Flink job jar with Maven...",
  `${flinkReady}; ${kafkaReady}; `,
);
console.log(`flinkform: ${flinkReady}; ${kafkaReady}; example job jar ready`);
