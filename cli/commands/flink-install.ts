/**
 * `flinkform flink install [--force]`: resolves the real Flink engine (what `npm ci` already does)
 * — Maven downloads Apache Flink and its connectors once and lays out the classpath the control
 * plane starts Flink with. For a checkout whose `npm ci` ran without Java or Maven.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export async function run(argv: string[]): Promise<number> {
  if (argv.some((a) => a !== "--force")) {
    process.stderr.write(
      "usage: flinkform flink install [--force]\n  --force  rebuild even when up to date\n",
    );
    return argv.includes("--help") || argv.includes("-h") ? 0 : 2;
  }
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "scripts", "flink-install.mjs"))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      process.stderr.write("flinkform flink install: scripts/flink-install.mjs not found in this package\n");
      return 1;
    }
    dir = parent;
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, "scripts", "flink-install.mjs"), ...argv], {
      stdio: "inherit",
      env: { ...process.env, FLINKFORM_REQUIRE_FLINK: "1" },
    });
    child.on("close", (code) => resolve(code ?? 1));
  });
}
