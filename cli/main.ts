/**
 * The `flinkform` command line. Each subcommand lives in its own module under `commands/` and is
 * loaded only when used, so `flinkform local start` does not pay for the provider build and so on.
 */
type Command = { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> };

const commands: Record<string, Command> = {
  "local start": {
    summary: "start the local control plane in the foreground",
    load: () => import("./commands/local-start"),
  },
  "local logs": {
    summary: "show the logs of a service's Flink processes (flink engine)",
    load: () => import("./commands/local-logs"),
  },
  "flink install": {
    summary: "resolve the real Flink engine with Maven (npm ci does it when Java and Maven are there)",
    load: () => import("./commands/flink-install"),
  },
  "flink cluster": {
    summary: "run a standalone Flink session cluster that control planes can share (--flink-rest-url)",
    load: () => import("./commands/flink-cluster"),
  },
  synth: {
    summary: "run a CDK program (cdktf.json's app): construct errors and warnings as a list, state paths",
    load: () => import("./commands/synth"),
  },
  query: {
    summary: "show the first rows of a SELECT run on a service's Flink cluster",
    load: () => import("./commands/query"),
  },
  migrate: {
    summary: "rewrite a directory of official aiven_flink* HCL into flinkform's, with moved blocks",
    load: () => import("./commands/migrate"),
  },
  "provider install": {
    summary: "build the provider into a filesystem mirror and write a terraform CLI config",
    load: () => import("./commands/provider-install"),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  flinkform ${name.padEnd(18)} ${c.summary}`);
  return `usage:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  // Commands are one word (`query`) or two (`local start`).
  const words = commands[argv.slice(0, 2).join(" ")] ? 2 : commands[argv[0] ?? ""] ? 1 : 0;
  const command = words > 0 ? commands[argv.slice(0, words).join(" ")] : undefined;
  if (!command) {
    process.stderr.write(
      argv.length === 0 || argv[0] === "--help" ? usage() : `unknown command: ${argv.join(" ")}\n${usage()}`,
    );
    return argv.length === 0 || argv[0] === "--help" ? 0 : 2;
  }
  const mod = await command.load();
  return mod.run(argv.slice(words));
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`flinkform: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
