// Builds what runs outside ts-jest: the vendored Flink SQL parser and the bundled entry points.
// Runs on `npm ci` / `npm install` (the `prepare` script), so bins work on a fresh clone.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
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

// The GetProviderSchema response, encoded here once rather than in every terraform command's first
// provider process (provider/schema-response-bytes.ts); the start-up bundle gets it as a constant.
async function schemaResponseBase64() {
  const entry = fromRoot("provider/schema-response-bytes.ts");
  if (!existsSync(entry)) return undefined;
  const out = await build({ ...common, entryPoints: [entry] });
  const mod = { exports: {} };
  new Function("module", "exports", "require", out.outputFiles[0].text)(
    mod,
    mod.exports,
    createRequire(entry),
  );
  return mod.exports.encodeProviderSchemaResponse().toString("base64");
}
const schemaBase64 = await schemaResponseBase64();

// Entry points appear as the parts land; missing ones are skipped.
const entries = [
  // The provider is two files: start-up parses only the protocol layer; the handlers load after the handshake.
  {
    in: "provider/main.ts",
    out: "dist/terraform-provider-flink.cjs",
    external: ["./vendor/flinksql.cjs", "./handlers"],
    define: schemaBase64 ? { __FLINKFORM_SCHEMA_RESPONSE__: JSON.stringify(schemaBase64) } : undefined,
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
    await build({
      ...common,
      entryPoints: [fromRoot(entry.in)],
      outfile,
      external: entry.external,
      define: entry.define,
    }),
    outfile,
  );
}

// The engine bundle's V8 code cache (provider/code-cache.ts), made by a fresh node that loads the
// bundle and creates the handlers, as the provider does on its first RPC.
// Made again only when the bundle changed (publish above leaves an unchanged bundle untouched).
const handlersFile = fromRoot("dist/handlers.js");
const cacheFile = `${handlersFile}.ccache`;
if (
  existsSync(handlersFile) &&
  !(existsSync(cacheFile) && statSync(cacheFile).mtimeMs >= statSync(handlersFile).mtimeMs)
) {
  const loader = fromRoot("dist/.code-cache-writer.cjs");
  await build({ ...common, write: true, entryPoints: [fromRoot("provider/code-cache.ts")], outfile: loader });
  const made = spawnSync(
    process.execPath,
    [
      "-e",
      "require(process.argv[1]).writeCodeCache(process.argv[2], (m) => m.createHandlers({}))",
      loader,
      handlersFile,
    ],
    { stdio: "inherit", env: { PATH: process.env.PATH } },
  );
  rmSync(loader, { force: true });
  if (made.status !== 0) throw new Error(`writing the code cache of ${handlersFile} failed`);
}
