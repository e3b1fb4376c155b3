/**
 * `flinkform local start`: runs the local control plane in the foreground until SIGINT/SIGTERM.
 * Request log lines go to stdout; a generated token is printed once at start (it is the user's own local
 * token); one read from a file or the environment is not (local-token.ts).
 */
import fs from "node:fs";
import path from "node:path";
import {
  type DataServiceOptions,
  DURATIONS_MS,
  dataServicesAvailable,
  type EngineOption,
  findFlinkInstallation,
  type LocalDataAddresses,
  startControlPlane,
} from "../../controlplane";
import { resolveLocalToken, tokenBanner } from "./local-token";

const USAGE =
  "usage: flinkform local start [--port N] [--data DIR] [--project NAME] [--token-file F] [--engine E]\n" +
  "                             [--flink-rest-url URL --sql-gateway-url URL [--flink-savepoint-dir URI]]\n" +
  "                             [--kafka on|off|HOST:PORT] [--postgres on|off] [--speed N] [--quiet]\n" +
  "  --port              TCP port on 127.0.0.1 (default 0: a free port)\n" +
  "  --data              data directory (default .flinkform/local)\n" +
  "  --project           the project the token owns (default local)\n" +
  "  --token-file        a file holding the API token (default: env FLINKFORM_LOCAL_TOKEN, else generated)\n" +
  "  --token             the API token itself; other users see it in ps: prefer --token-file\n" +
  "  --engine            flink: a real Apache Flink session cluster per service; simulated: modelled jobs\n" +
  "                      (default flink when Java 11+ and the Flink engine `npm ci` resolved are present)\n" +
  "  --flink-rest-url    run every service's jobs on this existing Flink session cluster (its REST API)\n" +
  "  --sql-gateway-url   ... through this SQL Gateway of that cluster\n" +
  "  --flink-savepoint-dir  where that cluster writes savepoints (default its state.savepoints.dir)\n" +
  "  --speed             simulated engine: runs N times faster than the hosted service (default 1: its\n" +
  "                      durations; 100: a 60 s service build takes 0.6 s). --time-scale X, which\n" +
  "                      multiplied durations, still works for one release: --time-scale 0.01 = --speed 100\n" +
  "  --kafka             a real Kafka broker for the API's Kafka services (on), none (off), or an\n" +
  "                      existing one's bootstrap servers (default on with the flink engine when installed)\n" +
  "  --postgres          a real PostgreSQL server for the API's PostgreSQL services (default on with the\n" +
  "                      flink engine when the server binaries are installed); an existing database\n" +
  "                      instead: FLINKFORM_POSTGRES_URL=postgresql://USER:PASSWORD@HOST:PORT/DB\n" +
  "  --quiet             no request log\n";

interface Args {
  port: number;
  data: string;
  project: string;
  token?: string;
  /** `--token` was given: the token is on the command line. */
  tokenOnCommandLine?: boolean;
  tokenFile?: string;
  /** Multiplies the simulated engine's durations: 1 / --speed. */
  timeScale: number;
  quiet: boolean;
  /** Set when a deprecated flag was used: the note to print. */
  deprecated?: string;
  engine?: "flink" | "simulated";
  kafka?: "on" | "off" | string;
  postgres?: "on" | "off";
  postgresUrl?: string;
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
    ...(env.FLINKFORM_POSTGRES_URL ? { postgresUrl: env.FLINKFORM_POSTGRES_URL } : {}),
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
        args.tokenOnCommandLine = true;
        break;
      case "--token-file":
        args.tokenFile = value;
        break;
      case "--kafka":
        if (value !== "on" && value !== "off" && !/^[^\s:,]+:\d+(,[^\s:,]+:\d+)*$/.test(value))
          return `--kafka must be on, off or HOST:PORT[,HOST:PORT...], got '${value}'`;
        args.kafka = value;
        break;
      case "--postgres":
        if (value !== "on" && value !== "off") return `--postgres must be on or off, got '${value}'`;
        args.postgres = value;
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
      case "--speed": {
        const n = Number(value);
        if (!(n > 0) || !Number.isFinite(n)) return `--speed must be a positive number, got '${value}'`;
        args.timeScale = 1 / n;
        break;
      }
      case "--time-scale": {
        // Deprecated (one release): it multiplied durations, the opposite of what "scale" suggests.
        const n = Number(value);
        if (!(n > 0) || !Number.isFinite(n)) return `--time-scale must be a positive number, got '${value}'`;
        args.timeScale = n;
        const speed = Number((1 / n).toPrecision(4));
        args.deprecated = `--time-scale is deprecated and will be removed: it multiplies durations (--time-scale ${value} makes everything ${n < 1 ? `${speed} times faster` : `${n} times slower`}); use --speed ${speed}`;
        break;
      }
      default:
        return `unknown option ${flag}`;
    }
  }
  if (args.tokenOnCommandLine && args.tokenFile !== undefined) return "--token and --token-file: give one";
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

/** What the speed means, for the simulated engine's banner line. */
export function speedNote(timeScale: number): string {
  const speed = Number((1 / timeScale).toPrecision(4));
  const build = Number(((DURATIONS_MS.serviceBuild * timeScale) / 1000).toPrecision(3));
  return `, speed ${speed} (a ${DURATIONS_MS.serviceBuild / 1000} s service build takes ${build} s)`;
}

/** The data services to run or use, and a banner line for each. */
export function chooseDataServices(
  args: Args,
  engine: EngineOption,
  available: () => { kafka: true | string; postgres: true | string } = dataServicesAvailable,
): { options: DataServiceOptions; banner: string[] } | string {
  const realEngine = engine !== "simulated";
  const can =
    realEngine && (args.kafka === undefined || args.postgres === undefined) ? available() : undefined;
  const banner: string[] = [];
  let kafka: DataServiceOptions["kafka"];
  if (args.kafka === "off") kafka = undefined;
  else if (args.kafka === "on") kafka = true;
  else if (args.kafka !== undefined) kafka = { bootstrapServers: args.kafka };
  else if (can?.kafka === true) kafka = true;
  else if (can) banner.push(`  kafka:   none (${can.kafka})`);
  let postgres: DataServiceOptions["postgres"];
  if (args.postgresUrl !== undefined) {
    const parsed = parsePostgresUrl(args.postgresUrl);
    if (typeof parsed === "string") return parsed;
    postgres = parsed;
  } else if (args.postgres === "on") postgres = true;
  else if (args.postgres === "off") postgres = undefined;
  else if (can?.postgres === true) postgres = true;
  else if (can) banner.push(`  postgres: none (${can.postgres})`);
  return { options: { ...(kafka ? { kafka } : {}), ...(postgres ? { postgres } : {}) }, banner };
}

/** FLINKFORM_POSTGRES_URL, `postgresql://USER:PASSWORD@HOST:PORT/DB` (an environment variable: never in `ps`). */
function parsePostgresUrl(text: string): NonNullable<LocalDataAddresses["postgres"]> | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "FLINKFORM_POSTGRES_URL is not a URL (expected postgresql://USER:PASSWORD@HOST:PORT/DB)";
  }
  if (!/^postgres(ql)?:$/.test(url.protocol) || !url.hostname || !url.username)
    return "FLINKFORM_POSTGRES_URL must look like postgresql://USER:PASSWORD@HOST:PORT/DB";
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")) || "defaultdb",
  };
}

function dataServiceLines(a: LocalDataAddresses, dataDir: string): string[] {
  const lines: string[] = [];
  if (a.kafka) lines.push(`  kafka:   ${a.kafka.bootstrapServers}  (bootstrap servers, plaintext)`);
  if (a.postgres) {
    const p = a.postgres;
    const credentials = path.join(dataDir, "postgres", "credentials.json");
    const where = fs.existsSync(credentials)
      ? `password in ${credentials}`
      : "password from FLINKFORM_POSTGRES_URL";
    lines.push(`  postgres: postgresql://${p.user}@${p.host}:${p.port}/${p.database}  (${where})`);
  }
  return lines;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(args ? `flinkform local start: ${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  if (args.deprecated) process.stderr.write(`flinkform local start: ${args.deprecated}\n`);
  const chosen = chooseEngine(args);
  if (typeof chosen === "string") {
    process.stderr.write(`flinkform local start: ${chosen}\n`);
    return 1;
  }
  const data = chooseDataServices(args, chosen.engine);
  if (typeof data === "string") {
    process.stderr.write(`flinkform local start: ${data}\n`);
    return 2;
  }
  const token = resolveLocalToken(args);
  if (typeof token === "string") {
    process.stderr.write(`flinkform local start: ${token}\n`);
    return 2;
  }
  for (const w of token.warnings) process.stderr.write(`flinkform local start: warning: ${w}\n`);
  // Whatever the control plane, Flink, Kafka and their logs write under the data directory (which
  // holds credentials) is the owner's alone.
  process.umask(0o077);
  const dataDir = path.resolve(args.data);
  let cp: Awaited<ReturnType<typeof startControlPlane>>;
  try {
    cp = await startControlPlane({
      port: args.port,
      dataDir,
      project: args.project,
      token: token.token,
      timeScale: args.timeScale,
      engine: chosen.engine,
      dataServices: data.options,
      log: args.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
    });
  } catch (err) {
    process.stderr.write(`flinkform local start: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
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
    // Only now: whoever waits for the banner may stop us at once.
    const shownToken = tokenBanner(cp.token, token.source, args.tokenFile);
    process.stdout.write(
      `flinkform local control plane\n  url:     ${cp.url}\n  project: ${cp.project}\n  token:   ${shownToken.shown}\n  data:    ${dataDir}\n  engine:  ${chosen.banner}${chosen.engine === "simulated" ? speedNote(args.timeScale) : ""}\n` +
        [...dataServiceLines(cp.dataServices, dataDir), ...data.banner].map((l) => `${l}\n`).join("") +
        `  export FLINK_API_URL=${cp.url} FLINK_API_TOKEN=${shownToken.exported}\n`,
    );
  });
}
