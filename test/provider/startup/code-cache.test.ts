/**
 * The engine bundle loads through a V8 code cache beside it; a cache that does not match (another
 * text, another node) must fall back to compiling the source, never to a broken or stale module.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { codeCachePath, loadWithCodeCache, writeCodeCache } from "../../../provider/code-cache";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "flinkform-ccache-"));
  file = path.join(dir, "bundle.js");
  // A sibling require resolves beside the file, as handlers.js requires ./vendor/flinksql.cjs.
  writeFileSync(path.join(dir, "sibling.js"), "module.exports = 41;");
  writeFileSync(
    file,
    'const n = require("./sibling.js");\nexports.answer = () => n + 1;\nexports.file = __filename;\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Bundle = { answer(): number; file: string };

test("without a cache the file is required as usual", () => {
  const loaded = loadWithCodeCache(file);
  expect(loaded.fromCache).toBe(false);
  expect((loaded.exports as Bundle).answer()).toBe(42);
});

test("a cache written for the file is used, and the module works as if required", () => {
  let warmed = 0;
  writeCodeCache(file, (exports) => {
    warmed = (exports as Bundle).answer();
  });
  expect(warmed).toBe(42);
  const loaded = loadWithCodeCache(file);
  expect(loaded.fromCache).toBe(true);
  expect((loaded.exports as Bundle).answer()).toBe(42);
  expect((loaded.exports as Bundle).file).toBe(file);
});

test("a cache made for another text is refused and the current text runs", () => {
  writeCodeCache(file);
  writeFileSync(file, 'exports.answer = () => "changed, and longer than the cached text was";\n');
  const loaded = loadWithCodeCache(file);
  expect(loaded.fromCache).toBe(false);
  expect((loaded.exports as Bundle).answer()).toBe("changed, and longer than the cached text was");
});

test("a cache of garbage is refused", () => {
  writeFileSync(codeCachePath(file), Buffer.from("not a V8 code cache"));
  const loaded = loadWithCodeCache(file);
  expect(loaded.fromCache).toBe(false);
  expect((loaded.exports as Bundle).answer()).toBe(42);
});

test("the build's engine bundle loads from its cache on this node", () => {
  // dist/ is what `npm run build` made (the acceptance tests run it too).
  const built = path.join(__dirname, "..", "..", "..", "dist", "handlers.js");
  const loaded = loadWithCodeCache(built);
  expect(loaded.fromCache).toBe(true);
  expect(typeof (loaded.exports as { createHandlers: unknown }).createHandlers).toBe("function");
});
