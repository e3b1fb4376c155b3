import fs from "node:fs";
import path from "node:path";

/** What it takes to start a Kafka broker, besides Java 17+: the classpath `npm ci` resolved. */
export interface KafkaBrokerInstallation {
  /** The launcher jar (flink/target) first, then every jar Maven resolved for `flink/kafka-broker/`. */
  readonly classpath: string;
  /** The Apache Kafka release on the classpath, e.g. `4.1.2`. */
  readonly version: string;
  /** Where class-data-sharing archives of the broker JVM are kept (beside the classpath). */
  readonly cdsDir: string;
}

export type KafkaBrokerLookup =
  | ({ readonly ok: true } & KafkaBrokerInstallation)
  | { readonly ok: false; readonly reason: string };

const NOT_RESOLVED =
  "the Kafka broker is not resolved (run `node scripts/flink-install.mjs`, which `npm ci` runs; it needs Maven)";

/**
 * Finds the Kafka broker's classpath that `npm ci` (scripts/flink-install.mjs) wrote to
 * `flink/kafka-broker/target/classpath.txt`, and the launcher jar of `flink/` that starts it.
 * Never downloads anything: when something is missing the reason says what.
 */
export function findKafkaBrokerInstallation(): KafkaBrokerLookup {
  const root = packageRoot();
  if (!root) return { ok: false, reason: "the flinkform package's flink/kafka-broker/ module was not found" };
  const listFile = path.join(root, "flink", "kafka-broker", "target", "classpath.txt");
  const launcherDir = path.join(root, "flink", "target");
  const launcher = fs.existsSync(launcherDir)
    ? fs.readdirSync(launcherDir).find((f) => /^flinkform-flink-.*\.jar$/.test(f) && !f.includes("tests"))
    : undefined;
  if (!fs.existsSync(listFile) || !launcher) return { ok: false, reason: NOT_RESOLVED };
  const jars = fs.readFileSync(listFile, "utf8").trim().split(path.delimiter).filter(Boolean);
  const missing = jars.find((j) => !fs.existsSync(j));
  if (missing) {
    return {
      ok: false,
      reason: `the Kafka broker's classpath names a missing jar (${path.basename(missing)}); run \`node scripts/flink-install.mjs --force\``,
    };
  }
  const version = jars.map((j) => /kafka_2\.1\d-(\d+\.\d+\.\d+)\.jar$/.exec(j)?.[1]).find(Boolean);
  if (!version) return { ok: false, reason: `${listFile} holds no Kafka broker jar (kafka_2.13)` };
  return {
    ok: true,
    classpath: [path.join(launcherDir, launcher), ...jars].join(path.delimiter),
    version,
    cdsDir: path.join(root, "flink", "kafka-broker", "target", "cds"),
  };
}

/** The directory holding the package's flink/kafka-broker/ module, from the sources or from dist/. */
function packageRoot(): string | undefined {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, "flink", "kafka-broker", "pom.xml"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
