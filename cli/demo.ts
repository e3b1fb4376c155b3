/**
 * `npm run demo`, the main job: local control plane (real Flink, Kafka and PostgreSQL when they can
 * run) → provider install → synth clickstream → clicks into Kafka → terraform init + apply → counts
 * read back from PostgreSQL → version 2 through a savepoint → empty plan.
 *
 * Options (for tests and the curious): `--dir <dir>` (default .flinkform/demo), `--speed <n>`
 * (simulated engine: n times faster than the hosted service; default 10, a 60 s service build takes 6 s).
 */
import path from "node:path";
import { runDemo } from "./demo/run-demo";

const USAGE = "usage: npm run demo -- [--dir <dir>] [--engine flink|simulated] [--speed <n>]\n";

export interface DemoArgs {
  dir: string;
  speed: number;
  engine?: "flink" | "simulated";
  /** Set when a deprecated flag was used: the note to print. */
  deprecated?: string;
}

export function parseDemoArgs(argv: string[]): DemoArgs | string {
  const args: DemoArgs = {
    dir: path.join(process.cwd(), ".flinkform", "demo"),
    speed: 10,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return "";
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === "--dir") args.dir = path.resolve(value);
    else if (flag === "--engine") {
      if (value !== "flink" && value !== "simulated")
        return `--engine must be flink or simulated, got '${value}'`;
      args.engine = value;
    } else if (flag === "--speed") {
      const n = Number(value);
      if (!(n >= 0.1 && Number.isFinite(n))) return `--speed must be a number >= 0.1, got '${value}'`;
      args.speed = n;
    } else if (flag === "--time-scale") {
      // Deprecated (one release): it multiplied durations, the opposite of what "scale" suggests.
      const n = Number(value);
      if (!(n > 0 && n <= 10)) return `--time-scale must be a number in (0, 10], got '${value}'`;
      args.speed = 1 / n;
      const speed = Number(args.speed.toPrecision(4));
      args.deprecated = `--time-scale is deprecated and will be removed: it multiplies durations (--time-scale ${value} makes everything ${n < 1 ? `${speed} times faster` : `${n} times slower`}); use --speed ${speed}`;
    } else return `unknown option ${flag}`;
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseDemoArgs(process.argv.slice(2));
  if (typeof args === "string") {
    process.stderr.write(args ? `flinkform demo: ${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  if (args.deprecated) process.stderr.write(`flinkform demo: ${args.deprecated}\n`);
  const { deprecated: _, ...options } = args;
  return runDemo({ root: path.resolve(__dirname, ".."), ...options });
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`flinkform demo: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
