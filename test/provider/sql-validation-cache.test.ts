/**
 * The provider's disk cache of SQL validation results, on a real folder with the real validator: a
 * version validated once is answered from the cache by the next process; the answer is the
 * validator's own; another build of the code, other options or other text is another entry; and a
 * cache that cannot be used changes nothing but speed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cacheDir, diskValidationMemo, MAX_ENTRIES } from "../../provider/sql-validation-cache";
import {
  clearSqlCaches,
  type SqlDiagnostic,
  useValidationMemo,
  validateApplicationVersion,
} from "../../schemas/sql";

let dir: string;
let code: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "flinkform-sql-cache-"));
  code = path.join(dir, "engine.js");
  writeFileSync(code, "// the engine, build 1");
});
afterEach(() => {
  useValidationMemo(undefined);
  rmSync(dir, { recursive: true, force: true });
});

const BROKEN = {
  statement: "INSERT INTO sink_t SELEC n FROM src_t",
  sources: [{ create_table: "CREATE TABLE src_t (n BIGINT) WITH ('connector' = 'datagen')" }],
  sinks: [{ create_table: "CREATE TABLE sink_t (n BIGINT) WITH ('connector' = 'blackhole')" }],
};
const entries = () =>
  readdirSync(path.join(dir, "cache", "sql-validation")).filter((n) => n.endsWith(".json"));

/** A provider process: a fresh memo over the same folder, and no parse of this process remembered. */
function newProcess(codeFiles = [code]) {
  clearSqlCaches();
  useValidationMemo(diskValidationMemo(path.join(dir, "cache"), codeFiles));
}

test("a version validated by one process is answered from the cache in the next, with the validator's own diagnostics", () => {
  const uncached = validateApplicationVersion(BROKEN);
  expect(uncached.map((d) => d.code)).toContain("sql-syntax");

  newProcess();
  expect(validateApplicationVersion(BROKEN)).toEqual(uncached);
  const [entry] = entries();
  expect(entries()).toHaveLength(1);
  // Only this user may read what the versions' diagnostics say.
  expect(statSync(path.join(dir, "cache", "sql-validation", entry!)).mode & 0o777).toBe(0o600);
  expect(statSync(path.join(dir, "cache", "sql-validation")).mode & 0o777).toBe(0o700);

  // The next process reads the entry: a planted answer shows that it did not validate again.
  const planted: SqlDiagnostic[] = [
    { severity: "warning", code: "planted", message: "from the cache", location: { part: "statement" } },
  ];
  writeFileSync(path.join(dir, "cache", "sql-validation", entry!), JSON.stringify(planted));
  newProcess();
  expect(validateApplicationVersion(BROKEN)).toEqual(planted);
});

test("another build of the code validates again: its answers are its own entries", () => {
  newProcess();
  validateApplicationVersion(BROKEN);
  writeFileSync(code, "// the engine, build 2");
  newProcess();
  validateApplicationVersion(BROKEN);
  expect(entries()).toHaveLength(2);
});

test("other text or other options are other entries with their own answers", () => {
  newProcess();
  const broken = validateApplicationVersion(BROKEN);
  const fixed = validateApplicationVersion({
    ...BROKEN,
    statement: "INSERT INTO sink_t SELECT n FROM src_t",
  });
  validateApplicationVersion(BROKEN, { allowParserFalsePositives: false });
  expect(entries()).toHaveLength(3);
  expect(fixed).toEqual([]);
  newProcess();
  expect(validateApplicationVersion(BROKEN)).toEqual(broken);
  expect(
    validateApplicationVersion({ ...BROKEN, statement: "INSERT INTO sink_t SELECT n FROM src_t" }),
  ).toEqual([]);
});

test("a damaged entry is not believed: the version is validated again", () => {
  newProcess();
  const answer = validateApplicationVersion(BROKEN);
  const file = path.join(dir, "cache", "sql-validation", entries()[0]!);
  for (const damage of ["{not json", JSON.stringify([{ code: "x" }]), JSON.stringify({})]) {
    writeFileSync(file, damage);
    newProcess();
    expect(validateApplicationVersion(BROKEN)).toEqual(answer);
  }
  expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(answer);
});

test("a cache that cannot be written or whose code cannot be read changes nothing but speed", () => {
  const answer = validateApplicationVersion(BROKEN);
  writeFileSync(path.join(dir, "cache"), "a file where the folder should be");
  newProcess();
  expect(validateApplicationVersion(BROKEN)).toEqual(answer);
  newProcess([path.join(dir, "no-such-engine.js")]);
  expect(validateApplicationVersion(BROKEN)).toEqual(answer);
});

test("the oldest entries go once the cache holds more than its limit", () => {
  const folder = path.join(dir, "cache", "sql-validation");
  newProcess();
  validateApplicationVersion(BROKEN);
  const oldest = entries()[0]!;
  const now = Date.now() / 1000;
  utimesSync(path.join(folder, oldest), now - 1000, now - 1000);
  for (let i = 0; i < MAX_ENTRIES; i++) {
    writeFileSync(path.join(folder, `older-${i}.json`), "[]");
    utimesSync(path.join(folder, `older-${i}.json`), now - 500, now - 500);
  }
  newProcess();
  validateApplicationVersion({ ...BROKEN, statement: "INSERT INTO sink_t SELECT n + 1 FROM src_t" });
  const left = entries();
  expect(left).toHaveLength(MAX_ENTRIES);
  expect(left).not.toContain(oldest);
  // The entry just written is kept: it is the newest.
  expect(left.filter((n) => !n.startsWith("older-"))).toHaveLength(1);
});

test("the folder: FLINKFORM_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache; off turns it off", () => {
  expect(cacheDir({ FLINKFORM_CACHE_DIR: "/tmp/ff-cache", XDG_CACHE_HOME: "/x" })).toBe("/tmp/ff-cache");
  expect(cacheDir({ XDG_CACHE_HOME: "/x" })).toBe(path.join("/x", "flinkform"));
  expect(cacheDir({ FLINKFORM_CACHE_DIR: "off", XDG_CACHE_HOME: "/x" })).toBeUndefined();
  expect(cacheDir({})).toMatch(/\.cache[/\\]flinkform$/);
});
