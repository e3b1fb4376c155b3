import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { RestEndpoint } from "../cluster-driver";
import { classDataSharing } from "./class-data-sharing";
import type { FlinkCluster } from "./flink-cluster";
import {
  type ClusterPaths,
  type ClusterPorts,
  type ClusterSettings,
  type ClusterSizing,
  clusterConfig,
  fileUri,
  LOG4J_PROPERTIES,
  renderConfigYaml,
} from "./flink-config";
import type { FlinkInstallation } from "./flink-installation";
import { freePorts, portsAreFree } from "./free-ports";
import { JAVA_MODULE_FLAGS } from "./java-module-flags";
import { JobManagerClient } from "./jobmanager-client";
import { JvmProcess, runJava } from "./jvm-process";
import { SqlGatewayClient } from "./sql-gateway-client";
import { startFailureCause } from "./start-failure";

const JOBMANAGER = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
const TASKMANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
const SQL_GATEWAY = "org.apache.flink.table.gateway.SqlGateway";
const BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";

export class ClusterStartError extends Error {
  override readonly name = "ClusterStartError";
}

export interface LocalClusterOptions {
  readonly installation: FlinkInstallation;
  readonly sizing: ClusterSizing;
  readonly startTimeoutMs: number;
  /** Heap of the SQL Gateway JVM, e.g. `512m`. */
  readonly gatewayHeap: string;
  /** Fixed ports for a cluster others connect to; free ones are picked when absent. */
  readonly ports?: Partial<ClusterPorts>;
}

export function clusterPaths(root: string): ClusterPaths {
  return {
    root,
    conf: path.join(root, "conf"),
    log: path.join(root, "log"),
    checkpoints: path.join(root, "checkpoints"),
    savepoints: path.join(root, "savepoints"),
    tmp: path.join(root, "tmp"),
  };
}

/**
 * A service's own session cluster on this machine: a JobManager, one TaskManager holding all of the
 * service's slots (nodes × `number_of_task_slots`) and a SQL Gateway, each a JVM started from
 * Flink's own entry points with the classpath `npm ci` resolved. Its files live under `root`.
 */
export class LocalSessionCluster implements FlinkCluster {
  readonly owned = true;
  readonly jobSettings = {};
  readonly lost: Promise<string>;
  private stopping = false;

  private constructor(
    readonly paths: ClusterPaths,
    readonly ports: ClusterPorts,
    private readonly processes: readonly JvmProcess[],
    readonly jobManager: JobManagerClient,
    readonly gateway: SqlGatewayClient,
    private readonly flinkVersion: string,
  ) {
    this.lost = Promise.race(
      processes.map((p) =>
        p.exited.then((e) => `the ${p.role} stopped (exit ${e.code ?? e.signal}); see its log ${p.logFile}`),
      ),
    ).then((reason) => (this.stopping ? new Promise<string>(() => {}) : reason));
  }

  get rest(): RestEndpoint {
    return {
      host: "127.0.0.1",
      port: this.ports.rest,
      url: `http://127.0.0.1:${this.ports.rest}`,
      flinkVersion: this.flinkVersion,
    };
  }

  get savepointDir(): string {
    return fileUri(this.paths.savepoints);
  }

  get checkpointDir(): string {
    return this.paths.checkpoints;
  }

  get pids(): number[] {
    return this.processes.map((p) => p.pid);
  }

  /** Starts the cluster and waits until the TaskManager's slots and the gateway are up. One retry on a port clash. */
  static async start(
    svc: ClusterSettings,
    root: string,
    o: LocalClusterOptions,
  ): Promise<LocalSessionCluster> {
    try {
      return await LocalSessionCluster.startOnce(svc, root, o);
    } catch (err) {
      if (err instanceof ClusterStartError && /port it needs is in use/.test(err.message) && !o.ports) {
        fs.rmSync(path.join(root, PORTS_FILE), { force: true });
        return LocalSessionCluster.startOnce(svc, root, o);
      }
      throw err;
    }
  }

  private static async startOnce(
    svc: ClusterSettings,
    root: string,
    o: LocalClusterOptions,
  ): Promise<LocalSessionCluster> {
    const paths = clusterPaths(root);
    for (const dir of Object.values(paths)) fs.mkdirSync(dir, { recursive: true });
    const ports = await choosePorts(paths, o.ports);
    fs.writeFileSync(
      path.join(paths.conf, "config.yaml"),
      renderConfigYaml(clusterConfig(svc, o.sizing, paths, ports)),
    );
    fs.writeFileSync(path.join(paths.conf, "log4j.properties"), LOG4J_PROPERTIES);
    const { java, classpath } = o.installation;
    const [jm, tm] = await Promise.all(
      ["GET_JM_RESOURCE_PARAMS", "GET_TM_RESOURCE_PARAMS"].map((cmd) =>
        memorySettings(o.installation, cmd, o.sizing, paths),
      ),
    );
    const common = { java, classpath, clusterDir: root, logDir: paths.log, confDir: paths.conf };
    const spawn = (role: string, mainClass: string, jvmArgs: readonly string[], args: readonly string[]) => {
      const cds = classDataSharing(o.installation.cdsDir, { ...o.installation, mainClass, role });
      return JvmProcess.spawn({
        ...common,
        role,
        mainClass,
        jvmArgs: [...JAVA_MODULE_FLAGS, ...jvmArgs, ...cds.jvmArgs],
        args,
        afterExit: cds.afterExit,
      });
    };
    const processes = [
      spawn("jobmanager", JOBMANAGER, jm!.jvmArgs, ["--configDir", paths.conf, ...jm!.dynamicArgs]),
      spawn("taskmanager", TASKMANAGER, tm!.jvmArgs, ["--configDir", paths.conf, ...tm!.dynamicArgs]),
      spawn("sql-gateway", SQL_GATEWAY, [`-Xmx${o.gatewayHeap}`], []),
    ];
    const jobManager = new JobManagerClient(`http://127.0.0.1:${ports.rest}`);
    const gatewayClient = new SqlGatewayClient(`http://127.0.0.1:${ports.gateway}`);
    const cluster = new LocalSessionCluster(
      paths,
      ports,
      processes,
      jobManager,
      gatewayClient,
      o.installation.flinkVersion,
    );
    try {
      await cluster.waitReady(o.sizing.slots, o.startTimeoutMs);
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    fs.writeFileSync(path.join(paths.root, PORTS_FILE), JSON.stringify(ports));
    return cluster;
  }

  private async waitReady(slots: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let jmReady = false;
    let gwReady = false;
    while (!(jmReady && gwReady)) {
      const dead = this.processes.find((p) => !p.running);
      if (dead) throw this.failure(`the ${dead.role} exited (${dead.exit?.code ?? dead.exit?.signal})`);
      if (Date.now() > deadline) throw this.failure(`it was not up within ${Math.round(timeoutMs / 1000)} s`);
      if (!jmReady) {
        const o = await this.jobManager.overview().catch(() => undefined);
        jmReady = o !== undefined && o["slots-total"] >= slots;
      }
      if (!gwReady) gwReady = (await this.gateway.info().catch(() => undefined)) !== undefined;
      if (!(jmReady && gwReady)) await sleep(150);
    }
  }

  private failure(what: string): ClusterStartError {
    const files = this.processes.flatMap((p) => [
      { file: p.logFile, from: p.logFrom },
      { file: p.outFile, from: p.outFrom },
    ]);
    const cause = startFailureCause(files);
    return new ClusterStartError(`${what}${cause ? `: ${cause}` : ""}`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // Our connections close first, so no port of this cluster lingers for the next one to reuse.
    await Promise.all([this.jobManager.close(), this.gateway.close()]);
    // The gateway and TaskManager first, so the JobManager does not log them as lost.
    await Promise.all(this.processes.filter((p) => p.role !== "jobmanager").map((p) => p.stop()));
    await Promise.all(this.processes.map((p) => p.stop()));
  }
}

const PORTS_FILE = "ports.json";

/**
 * The ports of the cluster's last start when they are still free, so a service keeps its
 * `service_uri` across restarts; otherwise new free ones. Fixed ports, when given, always win.
 */
async function choosePorts(
  paths: ClusterPaths,
  fixed: Partial<ClusterPorts> | undefined,
): Promise<ClusterPorts> {
  let previous: Partial<ClusterPorts> = {};
  try {
    previous = JSON.parse(
      fs.readFileSync(path.join(paths.root, PORTS_FILE), "utf8"),
    ) as Partial<ClusterPorts>;
  } catch {}
  const wanted = { ...previous, ...fixed };
  if (
    Number.isInteger(wanted.rest) &&
    Number.isInteger(wanted.rpc) &&
    Number.isInteger(wanted.gateway) &&
    (await portsAreFree([wanted.rest!, wanted.rpc!, wanted.gateway!]))
  ) {
    return wanted as ClusterPorts;
  }
  const [rest, rpc, gateway] = (await freePorts(3)) as [number, number, number];
  return { rest, rpc, gateway, ...fixed };
}

/**
 * The JVM flags and memory settings Flink's own BashJavaUtils derives from a process size, as Flink's
 * start scripts run it. The answer depends only on the sizes, so it is kept per process for the
 * next start (each run is a JVM start: half a second of CPU while the cluster itself starts).
 */
const memoryCache = new Map<string, Promise<{ jvmArgs: string[]; dynamicArgs: string[] }>>();
function memorySettings(
  installation: FlinkInstallation,
  command: string,
  sizing: ClusterSizing,
  paths: ClusterPaths,
): Promise<{ jvmArgs: string[]; dynamicArgs: string[] }> {
  const key = JSON.stringify([installation.classpath, command, sizing]);
  let cached = memoryCache.get(key);
  if (!cached) {
    cached = runJava(installation.java, installation.classpath, BASH_JAVA_UTILS, [
      command,
      "--configDir",
      paths.conf,
    ]).then(resourceParams);
    memoryCache.set(key, cached);
    cached.catch(() => memoryCache.delete(key));
  }
  return cached;
}

/** BashJavaUtils prints `BASH_JAVA_UTILS_EXEC_RESULT:<jvm args>` then `...:<dynamic -D args>`. */
function resourceParams(stdout: string): { jvmArgs: string[]; dynamicArgs: string[] } {
  const results = stdout
    .split("\n")
    .filter((l) => l.startsWith("BASH_JAVA_UTILS_EXEC_RESULT:"))
    .map((l) => l.slice("BASH_JAVA_UTILS_EXEC_RESULT:".length).trim());
  if (results.length < 2)
    throw new ClusterStartError(`Flink's BashJavaUtils printed no memory settings: ${stdout.slice(-300)}`);
  return {
    jvmArgs: results[0]!.split(/\s+/).filter(Boolean),
    dynamicArgs: results[1]!.split(/\s+/).filter(Boolean),
  };
}
