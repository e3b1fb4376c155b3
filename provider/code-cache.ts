/**
 * Loading a bundled CommonJS file through a V8 code cache kept beside it (`<file>.ccache`, written
 * by scripts/build.mjs). Terraform starts the provider three times per plan and two of those load
 * the 2.4 MB engine bundle: compiled from source that is ~80 ms a process, from the cache ~45 ms.
 * The cache is only an optimisation: V8 refuses one made by another node or for another text
 * (`cachedDataRejected`) and then compiles from source as a plain require would.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

export const codeCachePath = (file: string) => `${file}.ccache`;

// The text V8 compiles must be byte for byte the same when the cache is made and when it is used.
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

// Not named `exports`/`module`: compiled to CommonJS, those names would shadow this file's own.
interface Loaded {
  loaded: unknown;
  script: vm.Script;
}

function run(file: string, cachedData?: Buffer): Loaded {
  const script = new vm.Script(wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const mod = { exports: {} as unknown };
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  return { loaded: mod.exports, script };
}

/** The file's exports, and whether V8 took them from the code cache beside it. */
export function loadWithCodeCache(file: string): { exports: unknown; fromCache: boolean } {
  const cache = codeCachePath(file);
  if (!existsSync(cache)) return { exports: createRequire(file)(file), fromCache: false };
  const { loaded, script } = run(file, readFileSync(cache));
  return { exports: loaded, fromCache: script.cachedDataRejected === false };
}

export const requireWithCodeCache = (file: string): unknown => loadWithCodeCache(file).exports;

/**
 * Writes the cache after loading the file and running `warm` on its exports, so the functions that
 * run at start-up (not only the top level) are in the cache already compiled.
 */
export function writeCodeCache(file: string, warm: (loaded: unknown) => void = () => {}): void {
  const { loaded, script } = run(file);
  warm(loaded);
  // Renamed into place: a provider process may be reading the cache while a build rewrites it.
  const temp = `${codeCachePath(file)}.${process.pid}.tmp`;
  writeFileSync(temp, script.createCachedData());
  renameSync(temp, codeCachePath(file));
}
