/**
 * `flinkform local start`: runs the local control plane in the foreground until SIGINT/SIGTERM.
 * Request log lines go to stdout; the token is printed once at start (it is the user's own local token).
 */
import path from "node:path";
import { startControlPlane } from "../../controlplane";

const USAGE =
  "usage: flinkform local start [--port N] [--data DIR] [--project NAME] [--token T] [--time-scale X] [--quiet]\n" +
  "  --port        TCP port on 127.0.0.1 (default 0: a free port)\n" +
  "  --data        data directory (default .flinkform/local)\n" +
  "  --project     the project the token owns (default local)\n" +
  "  --token       API token (default: env FLINKFORM_LOCAL_TOKEN, else generated)\n" +
  "  --time-scale  multiplies lifecycle durations, e.g. 0.01 (default 1)\n" +
  "  --quiet       no request log\n";

interface Args {
  port: number;
  data: string;
  project: string;
  token?: string;
  timeScale: number;
  quiet: boolean;
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
  return args;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(args ? `flinkform local start: ${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
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
      log: args.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
    });
  } catch (err) {
    process.stderr.write(`flinkform local start: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  process.stdout.write(
    `flinkform local control plane\n  url:     ${cp.url}\n  project: ${cp.project}\n  token:   ${cp.token}\n  data:    ${dataDir}\n` +
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
