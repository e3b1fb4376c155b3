/**
 * `flinkform flink cluster`: runs a standalone Apache Flink session cluster (JobManager, TaskManager
 * and SQL Gateway) in the foreground, from the Flink that `npm ci` resolved. It is what a control
 * plane's `--flink-rest-url` / `--sql-gateway-url` can point at: one cluster shared by several
 * services, or a cluster on a bigger machine. Stops on SIGINT/SIGTERM.
 */
import path from "node:path";
import { findFlinkInstallation } from "../../controlplane";
import { LocalSessionCluster } from "../../controlplane/cluster/flink/local-session-cluster";

const USAGE =
  "usage: flinkform flink cluster [--data DIR] [--slots N] [--rest-port P] [--gateway-port P] [--name NAME]\n" +
  "  --data          where the cluster keeps its configuration, logs, checkpoints and savepoints\n" +
  "                  (default .flinkform/cluster)\n" +
  "  --slots         task slots of its TaskManager (default 4)\n" +
  "  --rest-port     port of the JobManager's REST API and web UI (default 8081)\n" +
  "  --gateway-port  port of the SQL Gateway's REST endpoint (default 8083)\n" +
  "  --name          a name for the cluster in its logs (default flinkform)\n" +
  "  The cluster listens on 127.0.0.1 only.\n";

interface Args {
  data: string;
  slots: number;
  restPort: number;
  gatewayPort: number;
  name: string;
}

export function parseArgs(argv: string[]): Args | string {
  const args: Args = {
    data: ".flinkform/cluster",
    slots: 4,
    restPort: 8081,
    gatewayPort: 8083,
    name: "flinkform",
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return "";
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    const int = (min: number, max: number): number | string => {
      const n = Number(value);
      return Number.isInteger(n) && n >= min && n <= max
        ? n
        : `${flag} must be an integer ${min}..${max}, got '${value}'`;
    };
    let parsed: number | string;
    switch (flag) {
      case "--data":
        args.data = value;
        continue;
      case "--name":
        if (!/^[a-z][-a-z0-9]{0,62}$/.test(value))
          return `--name: use lowercase letters, digits and '-', got '${value}'`;
        args.name = value;
        continue;
      case "--slots":
        parsed = int(1, 1024);
        if (typeof parsed === "string") return parsed;
        args.slots = parsed;
        continue;
      case "--rest-port":
      case "--gateway-port":
        parsed = int(1, 65535);
        if (typeof parsed === "string") return parsed;
        if (flag === "--rest-port") args.restPort = parsed;
        else args.gatewayPort = parsed;
        continue;
      default:
        return `unknown option ${flag}`;
    }
  }
  if (args.restPort === args.gatewayPort) return "--rest-port and --gateway-port must differ";
  return args;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(args ? `flinkform flink cluster: ${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  const found = findFlinkInstallation();
  if (!found.ok) {
    process.stderr.write(`flinkform flink cluster: ${found.reason}\n`);
    return 1;
  }
  const root = path.resolve(args.data);
  process.stdout.write(
    `starting Apache Flink ${found.installation.flinkVersion} session cluster in ${root} ...\n`,
  );
  let cluster: LocalSessionCluster;
  try {
    cluster = await LocalSessionCluster.start(
      { service_name: args.name, user_config: { number_of_task_slots: args.slots } },
      root,
      {
        installation: found.installation,
        sizing: {
          slots: args.slots,
          jobManagerMemory: "1024m",
          taskManagerMemory: `${Math.min(8192, 1024 + 256 * args.slots)}m`,
        },
        startTimeoutMs: 180_000,
        gatewayHeap: "512m",
        ports: { rest: args.restPort, gateway: args.gatewayPort },
      },
    );
  } catch (err) {
    process.stderr.write(`flinkform flink cluster: the cluster did not start: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(
    `Flink session cluster ${args.name}\n` +
      `  rest:     ${cluster.rest.url}   (web UI and REST API)\n` +
      `  gateway:  http://127.0.0.1:${cluster.ports.gateway}\n` +
      `  slots:    ${args.slots}\n` +
      `  logs:     ${cluster.paths.log}\n` +
      `  use it:   flinkform local start --flink-rest-url ${cluster.rest.url} --sql-gateway-url http://127.0.0.1:${cluster.ports.gateway}\n`,
  );
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      process.stdout.write(`received ${signal}, stopping the cluster\n`);
      cluster.stop().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    void cluster.lost.then((why) => {
      process.stderr.write(`flinkform flink cluster: ${why}\n`);
      void cluster.stop().then(() => resolve(1));
    });
  });
}
