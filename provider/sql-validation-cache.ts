/**
 * The provider's disk cache of SQL validation results (schemas/sql/validation-memo.ts): a plan whose
 * SQL did not change answers its versions' validation without loading the SQL parser, whose first
 * parse costs ~200 ms of CPU in each provider process that validates (bench/RESULTS.md, issue 14).
 *
 * One small file per validated version, named by a sha256 of the code that validated it (the engine
 * bundle and the SQL parser, byte for byte: another build is another cache) and of the version's
 * text and options. Files are the user's own (0600, in a 0700 folder): they hold diagnostics, which
 * never quote a secret, but may name tables and columns. Where: $FLINKFORM_CACHE_DIR, else
 * $XDG_CACHE_HOME/flinkform, else ~/.cache/flinkform; FLINKFORM_CACHE_DIR=off turns it off. A cache
 * that cannot be read or written is no cache: validation runs as it would without one.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SqlDiagnostic } from "../schemas/sql";
import type { ValidationMemo } from "../schemas/sql/validation-memo";

/** Versions remembered; beyond this the oldest are removed (once per process, at its first write). */
export const MAX_ENTRIES = 5000;

/** The cache folder the environment names, or undefined when caching is off or has no home. */
export function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const explicit = env.FLINKFORM_CACHE_DIR?.trim();
  if (explicit === "off") return undefined;
  if (explicit) return path.resolve(explicit);
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg) return path.join(xdg, "flinkform");
  const home = os.homedir();
  return home ? path.join(home, ".cache", "flinkform") : undefined;
}

export function diskValidationMemo(dir: string, codeFiles: readonly string[]): ValidationMemo {
  const folder = path.join(dir, "sql-validation");
  // Hashed on first use only: a process that validates no SQL reads none of it.
  let code: string | null | undefined;
  const codeHash = () => {
    if (code === undefined) {
      try {
        const hash = createHash("sha256");
        for (const file of codeFiles) hash.update(fs.readFileSync(file));
        code = hash.digest("hex");
      } catch {
        code = null;
      }
    }
    return code;
  };
  const entry = (input: string) => {
    const c = codeHash();
    if (!c) return undefined;
    const name = createHash("sha256").update(c).update("\0").update(input).digest("hex");
    return path.join(folder, `${name}.json`);
  };
  let pruned = false;
  return {
    get(input) {
      const file = entry(input);
      if (!file) return undefined;
      try {
        const stored: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
        return Array.isArray(stored) && stored.every(isDiagnostic) ? stored : undefined;
      } catch {
        return undefined;
      }
    },
    remember(input, diagnostics) {
      const file = entry(input);
      if (!file) return;
      try {
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        // Renamed into place: another provider process may be reading the same entry.
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, JSON.stringify(diagnostics), { mode: 0o600 });
        fs.renameSync(temp, file);
        if (!pruned) {
          pruned = true;
          prune(folder);
        }
      } catch {
        // A read-only or full disk: nothing remembered.
      }
    },
  };
}

function isDiagnostic(d: unknown): d is SqlDiagnostic {
  if (typeof d !== "object" || d === null) return false;
  const { severity, code, message, location } = d as Partial<SqlDiagnostic>;
  return (
    (severity === "error" || severity === "warning") &&
    typeof code === "string" &&
    typeof message === "string" &&
    typeof location === "object" &&
    location !== null
  );
}

function prune(folder: string): void {
  const names = fs.readdirSync(folder).filter((n) => n.endsWith(".json"));
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names
    .map((n) => {
      const file = path.join(folder, n);
      return { file, mtime: fs.statSync(file).mtimeMs };
    })
    .sort((a, b) => a.mtime - b.mtime);
  for (const { file } of byAge.slice(0, names.length - MAX_ENTRIES)) fs.rmSync(file, { force: true });
}
