// Builds what runs outside ts-jest: the vendored Flink SQL parser and the bundled entry points.
// Runs on `npm ci` / `npm install` (the `prepare` script), so bins work on a fresh clone.
import { existsSync } from "node:fs";
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
};

// The parser is loaded lazily at run time from dist/vendor, never bundled into the provider.
await build({
  ...common,
  entryPoints: [fromRoot("scripts/vendor/flinksql-entry.mjs")],
  outfile: fromRoot("dist/vendor/flinksql.cjs"),
  minify: true,
});

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
];
for (const entry of entries) {
  if (!existsSync(fromRoot(entry.in))) continue;
  await build({
    ...common,
    entryPoints: [fromRoot(entry.in)],
    outfile: fromRoot(entry.out),
    external: entry.external,
  });
}
