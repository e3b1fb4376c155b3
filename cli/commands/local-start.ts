/**
 * `flinkform local start`: runs the local control plane in the foreground until SIGINT/SIGTERM.
 * Request log lines go to stdout; the token is printed once at start (it is the user's own local token).
 */
import path from "node:path";
import { type EngineOption, findFlinkInstallation, startControlPlane } from "../../controlplane";

const USAGE =
  "usage: flinkform local start [--port N] [--data DIR] [--project NAME] [--token T] [--engine E]\n" +
  "                             [--flink-rest-url URL --sql-gateway-url URL [--flink-savepoint-dir URI]]\n" +
  "                             [--time-scale X] [--quiet]\n" +
  "  --port              TCP port on 127.0.0.1 (default 0: a free port)\n" +
  "  --data              data directory (default .flinkform/local)\n" +
  "  --project           the project the token owns (default local)\n" +
  "  --token             API token (default: env FLINKFORM_LOCAL_TOKEN, else generated)\n" +
  "  --engine            flink: a real Apache Flink session cluster per service; simulated: modelled jobs\n" +
  "                      (default flink when Java 11+ and the Flink engine `npm ci` resolved are present)\n" +
  "  --flink-rest-url    run every service's jobs on this existing Flink session cluster (its REST API)\n" +
  "  --sql-gateway-url   ... through this SQL Gateway of that cluster\n" +
  "  --flink-savepoint-dir  where that cluster writes savepoints (default its state.savepoints.dir)\n" +
  "  --time-scale        simulated engine: multiplies every duration, e.g. 0.01 (default 1)\n" +
  "  --quiet             no request log\n";

interface Args {
  port: number;
  data: string;
  project: string;
  token?: string;
  timeScale: number;
  quiet: boolean;
  engine?: "flink" | "simulated";
  flinkRestUrl?: string;
  sqlGatewayUrl?: string;
  flinkSavepointDir?: string;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Args | string {
  const args: Args = {
    port: 0,
    data: ".flinkform/local",
    project: "local",
    token: env.FLINKFORM_LOCAL_TOKEN || undefined,
    timeScale: 1,
    quiet: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return "";
    if (flag === "--quiet") {
      args.quiet = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    switch (flag) {
      case "--port": {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || n > 65535)
          return `--port must be an integer 0..65535, got '${value}'`;
        args.port = n;
        break;
      }
      case "--data":
        args.data = value;
        break;
      case "--project":
        args.project = value;
        break;
      case "--token":
        args.token = value;
        break;
      case "--engine":
        if (value !== "flink" && value !== "simulated")
          return `--engine must be flink or simulated, got '${value}'`;
        args.engine = value;
        break;
      case "--flink-rest-url":
      case "--sql-gateway-url": {
        if (!/^https?:\/\/[^\s/]+/.test(value)) return `${flag} must be an http(s) URL, got '${value}'`;
        if (flag === "--flink-rest-url") args.flinkRestUrl = value;
        else args.sqlGatewayUrl = value;
        break;
      }
      case "--flink-savepoint-dir":
        args.flinkSavepointDir = value;
        break;
      case "--time-scale": {
        const n = Number(value);
        if (!(n > 0) || !Number.isFinite(n)) return `--time-scale must be a positive number, got '${value}'`;
        args.timeScale = n;
        break;
      }
      default:
        return `unknown option ${flag}`;
    }
  }
  if ((args.flinkRestUrl === undefined) !== (args.sqlGatewayUrl === undefined))
    return "--flink-rest-url and --sql-gateway-url go together: an existing cluster needs both";
  if (args.flinkRestUrl && args.engine === "simulated")
    return "--flink-rest-url needs the flink engine, not --engine simulated";
  return args;
}

/** The engine to run, and the one line that says why. */
export function chooseEngine(args: Args): { engine: EngineOption; banner: string } | string {
  if (args.flinkRestUrl && args.sqlGatewayUrl) {
    return {
      engine: {
        kind: "flink",
        existingCluster: {
          restUrl: args.flinkRestUrl,
          gatewayUrl: args.sqlGatewayUrl,
          ...(args.flinkSavepointDir ? { savepointDir: args.flinkSavepointDir } : {}),
        },
      },
      banner: `flink (existing cluster ${args.flinkRestUrl})`,
    };
  }
  if (args.engine === "simulated") return { engine: "simulated", banner: "simulated" };
  const found = findFlinkInstallation();
  if (found.ok) {
    const i = found.installation;
    return {
      engine: { kind: "flink" },
      banner: `flink (Apache Flink ${i.flinkVersion} on Java ${i.javaMajor})`,
    };
  }
  if (args.engine === "flink") return `--engine flink: ${found.reason}`;
  return { engine: "simulated", banner: `simulated (${found.reason}; jobs are modelled, no SQL runs)` };
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(args ? `flinkform local start: ${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  const chosen = chooseEngine(args);
  if (typeof chosen === "string") {
    process.stderr.write(`flinkform local start: ${chosen}\n`);
    return 1;
  }
  const dataDir = path.resolve(args.data);
  let cp: Awaited<ReturnType<typeof startControlPlane>>;
  try {
    cp = await startControlPlane({
      port: args.port,
      dataDir,
      project: args.project,
      token: args.token,
      timeScale: args.timeScale,
      engine: chosen.engine,
      log: args.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
    });
  } catch (err) {
    process.stderr.write(`flinkform local start: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  process.stdout.write(
    `flinkform local control plane\n  url:     ${cp.url}\n  project: ${cp.project}\n  token:   ${cp.token}\n  data:    ${dataDir}\n  engine:  ${chosen.banner}\n` +
      `  export FLINK_API_URL=${cp.url} FLINK_API_TOKEN=${cp.token}\n`,
  );
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      process.stdout.write(`received ${signal}, stopping\n`);
      cp.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
