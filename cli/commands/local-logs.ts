/**
 * `flinkform local logs SERVICE`: the logs of a service's Flink processes (JobManager, TaskManager,
 * SQL Gateway) on the flink engine, read from the control plane's data directory.
 */
import fs from "node:fs";
import path from "node:path";

const ROLES = ["jobmanager", "taskmanager", "sql-gateway"] as const;
const USAGE =
  "usage: flinkform local logs SERVICE [--data DIR] [--process jobmanager|taskmanager|sql-gateway] [--lines N]\n" +
  "  --data     the control plane's data directory (default .flinkform/local)\n" +
  "  --process  one process only (default: all three)\n" +
  "  --lines    how many of the last lines of each log (default 100; 0 for all)\n";

interface Args {
  service: string;
  data: string;
  roles: readonly string[];
  lines: number;
}

export function parseArgs(argv: string[]): Args | string {
  const args: Args = { service: "", data: ".flinkform/local", roles: ROLES, lines: 100 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return "";
    if (!flag.startsWith("--")) {
      if (args.service) return `one service at a time (got ${args.service} and ${flag})`;
      args.service = flag;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === "--data") args.data = value;
    else if (flag === "--process") {
      if (!(ROLES as readonly string[]).includes(value))
        return `--process must be one of ${ROLES.join(", ")}, got '${value}'`;
      args.roles = [value];
    } else if (flag === "--lines") {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) return `--lines must be a whole number, got '${value}'`;
      args.lines = n;
    } else return `unknown option ${flag}`;
  }
  if (!args.service) return "name the service";
  if (!/^[a-z][-a-z0-9]{0,63}$/.test(args.service)) return `'${args.service}' is not a service name`;
  return args;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(args ? `flinkform local logs: ${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  const logDir = path.resolve(args.data, "flink", args.service, "log");
  if (!fs.existsSync(logDir)) {
    process.stderr.write(
      `flinkform local logs: no Flink logs for service ${args.service} under ${path.resolve(args.data)} ` +
        "(the service never ran on the flink engine there, or it was deleted)\n",
    );
    return 1;
  }
  for (const role of args.roles) {
    const file = path.join(logDir, `${role}.log`);
    process.stdout.write(`==> ${role} (${file}) <==\n`);
    if (!fs.existsSync(file)) {
      process.stdout.write("(no log yet)\n");
      continue;
    }
    const lines = fs.readFileSync(file, "utf8").split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    const shown = args.lines === 0 ? lines : lines.slice(-args.lines);
    process.stdout.write(`${shown.join("\n")}\n`);
  }
  return 0;
}
