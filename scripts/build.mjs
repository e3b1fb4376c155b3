// Builds what runs outside ts-jest: the vendored Flink SQL parser and the bundled entry points.
// Runs on `npm ci` / `npm install` (the `prepare` script), so bins work on a fresh clone.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fromRoot = (p) => path.join(root, p);

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
  legalComments: "none",
  write: false,
};

/**
 * Writes a built file atomically, and only when it changed: tests and `provider install` rebuild
 * dist/ while other processes may be running these very files.
 */
function publish(result, outfile) {
  const contents = result.outputFiles[0].contents;
  if (existsSync(outfile) && Buffer.compare(readFileSync(outfile), contents) === 0) return;
  mkdirSync(path.dirname(outfile), { recursive: true });
  const temp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, outfile);
}

// The parser is loaded lazily at run time from dist/vendor, never bundled into the provider.
const parser = fromRoot("dist/vendor/flinksql.cjs");
publish(
  await build({
    ...common,
    entryPoints: [fromRoot("scripts/vendor/flinksql-entry.mjs")],
    outfile: parser,
    minify: true,
  }),
  parser,
);

// Entry points appear as the parts land; missing ones are skipped.
const entries = [
  // The provider is two files: start-up parses only the protocol layer; the handlers load after the handshake.
  {
    in: "provider/main.ts",
    out: "dist/terraform-provider-flink.cjs",
    external: ["./vendor/flinksql.cjs", "./handlers"],
  },
  { in: "provider/handlers.ts", out: "dist/handlers.js", external: ["./vendor/flinksql.cjs"] },
  { in: "cli/main.ts", out: "dist/flinkform.cjs", external: ["better-sqlite3", "./vendor/flinksql.cjs"] },
  // The control plane's SQL validation thread, started by dist/flinkform.cjs from beside it.
  { in: "controlplane/sql-worker.ts", out: "dist/sql-worker.cjs", external: ["./vendor/flinksql.cjs"] },
];
for (const entry of entries) {
  if (!existsSync(fromRoot(entry.in))) continue;
  const outfile = fromRoot(entry.out);
  publish(
    await build({ ...common, entryPoints: [fromRoot(entry.in)], outfile, external: entry.external }),
    outfile,
  );
}
