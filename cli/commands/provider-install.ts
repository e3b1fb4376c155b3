/**
 * `flinkform provider install [--dir <base dir>]`: builds the provider into a local filesystem
 * mirror and prints the TF_CLI_CONFIG_FILE export that makes terraform use it.
 */
import path from "node:path";
import { installProvider } from "../../provider/install/install-provider";

const USAGE =
  "usage: flinkform provider install [--dir <base dir>]   (default: .flinkform under the current directory)\n";

export async function run(argv: string[]): Promise<number> {
  let dir = path.join(process.cwd(), ".flinkform");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      process.stdout.write(USAGE);
      return 0;
    }
    if (arg === "--dir" || arg.startsWith("--dir=")) {
      const value = arg === "--dir" ? argv[++i] : arg.slice("--dir=".length);
      if (!value) {
        process.stderr.write(`--dir needs a directory\n${USAGE}`);
        return 2;
      }
      dir = path.resolve(value);
      continue;
    }
    process.stderr.write(`unknown option: ${arg}\n${USAGE}`);
    return 2;
  }
  try {
    const installed = await installProvider({ baseDir: dir });
    process.stderr.write(
      `installed terraform-provider-flink ${installed.version} into ${installed.mirrorDir}\n`,
    );
    process.stdout.write(`export TF_CLI_CONFIG_FILE=${installed.cliConfigPath}\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`provider install failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
