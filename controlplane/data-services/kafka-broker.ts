import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { classDataSharing } from "../cluster/flink/class-data-sharing";
import { freePorts, portsAreFree } from "../cluster/flink/free-ports";
import { JvmProcess, runJava } from "../cluster/flink/jvm-process";
import { startFailureCause } from "../cluster/flink/start-failure";
import {
  KAFKA_LOG4J2_PROPERTIES,
  type KafkaPaths,
  type KafkaPorts,
  kafkaPaths,
  renderProperties,
  serverProperties,
} from "./kafka-config";

export type { KafkaPaths, KafkaPorts } from "./kafka-config";
export {
  findKafkaBrokerInstallation,
  type KafkaBrokerInstallation,
  type KafkaBrokerLookup,
} from "./kafka-installation";

/** The broker and controller entry point, as Kafka's `kafka-server-start.sh` runs it. */
const KAFKA_MAIN = "kafka.Kafka";
/** Kafka's storage tool (`kafka-storage.sh`), in the broker's own jar (kafka_2.13) in 4.x. */
const STORAGE_TOOL = "kafka.tools.StorageTool";
/** What KafkaRaftServer logs once the broker is unfenced and serves clients. */
const STARTED = "Kafka Server started";
/** Kafka 4 brokers are built for Java 17. */
const MIN_JAVA = 17;
/** SIGTERM runs Kafka's controlled shutdown (a couple of seconds on one node); SIGKILL after this. */
const STOP_GRACE_MS = 20_000;

export class KafkaBrokerStartError extends Error {
  override readonly name = "KafkaBrokerStartError";
}

export interface KafkaBrokerOptions {
  /** The broker keeps everything under `<dataDir>/kafka`: config, data (topics), logs, ports. */
  readonly dataDir: string;
  /** Java 17 or newer. */
  readonly java: string;
  readonly javaMajor: number;
  /** The launcher jar first, then the broker's jars: `findKafkaBrokerInstallation().classpath`. */
  readonly classpath: string;
  /** Where to keep a class-data-sharing archive of the broker JVM (faster later starts); none when absent. */
  readonly cdsDir?: string;
  /** A fixed client port; otherwise the last start's when still free, else a free one. */
  readonly port?: number;
  /** How long to wait for the broker to serve clients; 60 s by default. */
  readonly startTimeoutMs?: number;
}

/**
 * A real Apache Kafka broker on this machine, for the control plane's local data services: one
 * JVM in KRaft combined mode (broker and its own controller, no ZooKeeper) started from the jars
 * `npm ci` resolved (flink/kafka-broker/), listening on 127.0.0.1 only. Topics and records live
 * under `<dataDir>/kafka/data` and survive a restart on the same `dataDir`, as does the bootstrap
 * address while its port stays free.
 *
 * The JVM runs under ParentWatchdog, like Flink's: it exits when the control plane does, however
 * the control plane exits; it carries the cluster marker `-Dflinkform.cluster=<dataDir>/kafka`.
 * Its listeners are plaintext on loopback with no authentication, so there is no secret in its
 * configuration, its logs or its command line.
 */
export class LocalKafkaBroker {
  /** `127.0.0.1:<port>`, for `bootstrap.servers` / `properties.bootstrap.servers`. */
  readonly bootstrapServers: string;
  readonly pid: number;
  /** Resolves, with why, when the broker stops without `stop()` having been called. */
  readonly lost: Promise<string>;
  private stopping = false;

  private constructor(
    readonly paths: KafkaPaths,
    readonly ports: KafkaPorts,
    readonly clusterId: string,
    private readonly jvm: JvmProcess,
  ) {
    this.bootstrapServers = `127.0.0.1:${ports.client}`;
    this.pid = jvm.pid;
    this.lost = jvm.exited.then((e) =>
      this.stopping
        ? new Promise<string>(() => {})
        : `the Kafka broker stopped (exit ${e.code ?? e.signal}); see its log ${jvm.logFile}`,
    );
  }

  /** The broker's log file (log4j 2, rolled at 20 MB). */
  get logFile(): string {
    return this.jvm.logFile;
  }

  get running(): boolean {
    return this.jvm.running;
  }

  /**
   * Starts the broker and waits until it serves clients. The first start on a `dataDir` formats its
   * storage with a cluster id generated then and kept there. One retry with new ports when a port
   * it wanted was taken meanwhile (unless `port` is fixed).
   */
  static async start(o: KafkaBrokerOptions): Promise<LocalKafkaBroker> {
    try {
      return await LocalKafkaBroker.startOnce(o);
    } catch (err) {
      if (err instanceof KafkaBrokerStartError && /port it needs is in use/.test(err.message) && !o.port) {
        fs.rmSync(kafkaPaths(o.dataDir).portsFile, { force: true });
        return LocalKafkaBroker.startOnce(o);
      }
      throw err;
    }
  }

  private static async startOnce(o: KafkaBrokerOptions): Promise<LocalKafkaBroker> {
    if (o.javaMajor < MIN_JAVA) {
      throw new KafkaBrokerStartError(
        `the Kafka broker needs Java ${MIN_JAVA} or newer; ${o.java} is Java ${o.javaMajor}`,
      );
    }
    const paths = kafkaPaths(o.dataDir);
    for (const dir of [paths.root, paths.conf, paths.data, paths.log]) fs.mkdirSync(dir, { recursive: true });
    const ports = await choosePorts(paths, o.port);
    fs.writeFileSync(paths.serverProperties, renderProperties(serverProperties(paths, ports)));
    fs.writeFileSync(path.join(paths.conf, "log4j.properties"), KAFKA_LOG4J2_PROPERTIES);
    const clusterId = await formatStorage(o, paths);

    const cds = classDataSharing(o.cdsDir, { ...o, mainClass: KAFKA_MAIN, role: "kafka" });
    const jvm = JvmProcess.spawn({
      role: "kafka",
      java: o.java,
      classpath: o.classpath,
      mainClass: KAFKA_MAIN,
      args: [paths.serverProperties],
      jvmArgs: [
        "-Xmx512m",
        "-Xms256m",
        // As kafka-server-start.sh runs it.
        "-XX:+UseG1GC",
        "-XX:MaxGCPauseMillis=20",
        "-XX:InitiatingHeapOccupancyPercent=35",
        "-XX:+ExplicitGCInvokesConcurrent",
        "-Djava.awt.headless=true",
        ...cds.jvmArgs,
      ],
      clusterDir: paths.root,
      logDir: paths.log,
      confDir: paths.conf,
      afterExit: cds.afterExit,
    });
    const broker = new LocalKafkaBroker(paths, ports, clusterId, jvm);
    try {
      await broker.waitReady(o.startTimeoutMs ?? 60_000);
    } catch (err) {
      await broker.stop();
      throw err;
    }
    fs.writeFileSync(paths.portsFile, JSON.stringify(ports));
    return broker;
  }

  /** Ready when the broker has logged that it started and its client port takes connections. */
  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const started = new LogWatch(this.jvm.logFile, this.jvm.logFrom, STARTED);
    for (;;) {
      if (!this.jvm.running) {
        throw this.failure(`the Kafka broker exited (${this.jvm.exit?.code ?? this.jvm.exit?.signal})`);
      }
      if (started.seen() && (await accepts(this.ports.client))) return;
      if (Date.now() > deadline) {
        throw this.failure(`the Kafka broker was not up within ${Math.round(timeoutMs / 1000)} s`);
      }
      await sleep(100);
    }
  }

  private failure(what: string): KafkaBrokerStartError {
    const cause = startFailureCause([
      { file: this.jvm.logFile, from: this.jvm.logFrom },
      { file: this.jvm.outFile, from: this.jvm.outFrom },
    ])
      ?.replace("for Flink 1.20 (use Java 11 or 17)", `for Kafka (use Java ${MIN_JAVA} or newer)`)
      .replace("the Flink classpath", "the Kafka broker's classpath");
    return new KafkaBrokerStartError(`${what}${cause ? `: ${cause}` : ""}; see ${this.jvm.logFile}`);
  }

  /** SIGTERM (Kafka's controlled shutdown), SIGKILL when it has not exited after 20 s. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.jvm.stop(STOP_GRACE_MS);
  }
}

/**
 * Formats the storage on the first start on this data dir (Kafka's `kafka-storage.sh format`),
 * with a cluster id generated once and kept in `<dataDir>/kafka/cluster.id`. Later starts find
 * the formatted storage (`meta.properties`) and leave it alone. Returns the cluster id.
 */
async function formatStorage(o: KafkaBrokerOptions, paths: KafkaPaths): Promise<string> {
  let clusterId = fs.existsSync(paths.clusterIdFile)
    ? fs.readFileSync(paths.clusterIdFile, "utf8").trim()
    : "";
  const metaFile = path.join(paths.data, "meta.properties");
  if (fs.existsSync(metaFile)) {
    return /^cluster\.id=(.+)$/m.exec(fs.readFileSync(metaFile, "utf8"))?.[1]?.trim() ?? clusterId;
  }
  if (!clusterId) {
    clusterId = newClusterId();
    fs.writeFileSync(paths.clusterIdFile, `${clusterId}\n`);
  }
  try {
    await runJava(o.java, o.classpath, STORAGE_TOOL, [
      "format",
      "--cluster-id",
      clusterId,
      "--config",
      paths.serverProperties,
      "--ignore-formatted",
    ]);
  } catch (err) {
    throw new KafkaBrokerStartError(
      `formatting the Kafka broker's storage failed: ${(err as Error).message}`,
    );
  }
  return clusterId;
}

/**
 * A Kafka cluster id as `kafka-storage.sh random-uuid` prints one: 16 random bytes, base64url
 * without padding (22 characters), never starting with `-` (Kafka avoids those: they read as a flag).
 */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

/**
 * The ports of the last start when they are still free, so the bootstrap address stays the same
 * across restarts; otherwise new free ones. A fixed client port always wins (and must be free).
 */
async function choosePorts(paths: KafkaPaths, fixed: number | undefined): Promise<KafkaPorts> {
  let previous: Partial<KafkaPorts> = {};
  try {
    previous = JSON.parse(fs.readFileSync(paths.portsFile, "utf8")) as Partial<KafkaPorts>;
  } catch {}
  if (fixed !== undefined && !(await portsAreFree([fixed]))) {
    throw new KafkaBrokerStartError(`the Kafka broker's port ${fixed} on 127.0.0.1 is in use`);
  }
  const client = fixed ?? previous.client;
  const controller = previous.controller !== client ? previous.controller : undefined;
  if (
    Number.isInteger(client) &&
    Number.isInteger(controller) &&
    (await portsAreFree([client!, controller!]))
  ) {
    return { client: client!, controller: controller! };
  }
  // Keep the client port if only the controller's was taken: clients never see the controller's.
  if (Number.isInteger(client) && (await portsAreFree([client!]))) {
    const [c] = (await freePorts(2)).filter((p) => p !== client) as [number];
    return { client: client!, controller: c };
  }
  const [c1, c2] = (await freePorts(2)) as [number, number];
  return { client: c1, controller: c2 };
}

/** Whether something accepts TCP connections on 127.0.0.1:`port` right now. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** Watches a growing log file, from an offset on, for a line that contains `text`. */
class LogWatch {
  private partial = "";
  private found = false;

  constructor(
    private readonly file: string,
    private offset: number,
    private readonly text: string,
  ) {}

  /** Whether a line written since the offset holds the text (reads only what is new each call). */
  seen(): boolean {
    if (this.found) return true;
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return false;
    }
    if (size < this.offset) this.offset = 0; // rolled over
    if (size === this.offset) return false;
    const fd = fs.openSync(this.file, "r");
    try {
      const buf = Buffer.alloc(size - this.offset);
      fs.readSync(fd, buf, 0, buf.length, this.offset);
      this.offset = size;
      const lines = (this.partial + buf.toString("utf8")).split("\n");
      this.partial = lines.pop() ?? "";
      this.found = lines.some((l) => l.includes(this.text));
    } finally {
      fs.closeSync(fd);
    }
    return this.found;
  }
}
