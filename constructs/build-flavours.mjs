// Builds the two flavours of the construct library from one source tree:
//   <out>/constructs.cjs          cdktn (CDK Terrain, maintained)       → package export "flinkform"
//   <out>/constructs-cdktf.cjs    cdktf 0.21 (archived), same API        → package export "flinkform/cdktf"
//   <out>/types/, <out>/types-cdktf/  declarations (unless --no-types)
// The sources import "cdktn"; the cdktf flavour rewrites that module specifier and nothing else.
// Packages stay external (the user's cdktn/cdktf/constructs must be the ones the app uses). The Flink
// SQL parser is loaded at run time from <out>/vendor/flinksql.cjs (npm run build puts it in dist/vendor).
//
// usage: node constructs/build-flavours.mjs [--out dist] [--no-types]
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = path.resolve(root, outIndex >= 0 ? args[outIndex + 1] : "dist");
const withTypes = !args.includes("--no-types");

const CDKTN = /^cdktn(\/.*)?$/;
const rewrite = (text) =>
  text.replace(/(["'])cdktn(\/[^"']*)?\1/g, (_m, q, rest = "") => `${q}cdktf${rest}${q}`);

/** Marks `cdktn` external, renamed to `cdktf` for the cdktf flavour. */
const framework = (name) => ({
  name: `framework-${name}`,
  setup(b) {
    b.onResolve({ filter: CDKTN }, (a) => ({ path: a.path.replace(/^cdktn/, name), external: true }));
  },
});

for (const [file, name] of [
  ["constructs.cjs", "cdktn"],
  ["constructs-cdktf.cjs", "cdktf"],
]) {
  await build({
    entryPoints: [path.join(root, "constructs", "index.ts")],
    outfile: path.join(out, file),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    plugins: [framework(name)],
    logLevel: "warning",
    legalComments: "none",
  });
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((n) => {
    const f = path.join(dir, n);
    return statSync(f).isDirectory() ? listFiles(f) : [f];
  });
}

if (withTypes) {
  const types = path.join(out, "types");
  const typesCdktf = path.join(out, "types-cdktf");
  rmSync(types, { recursive: true, force: true });
  rmSync(typesCdktf, { recursive: true, force: true });
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  // Declarations of what the index reaches (constructs/ and the schemas/ modules it imports).
  execFileSync(
    process.execPath,
    [tsc, "-p", path.join(root, "constructs", "tsconfig.types.json"), "--outDir", types],
    {
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  cpSync(types, typesCdktf, { recursive: true });
  for (const f of listFiles(typesCdktf).filter((f) => f.endsWith(".d.ts")))
    writeFileSync(f, rewrite(readFileSync(f, "utf8")));
}

if (!existsSync(path.join(out, "vendor", "flinksql.cjs"))) {
  process.stderr.write(
    `note: ${path.relative(root, path.join(out, "vendor", "flinksql.cjs"))} is missing; run npm run build so SQL validation can load its parser\n`,
  );
}
process.stdout.write(`constructs: built cdktn and cdktf flavours into ${path.relative(root, out) || "."}\n`);
