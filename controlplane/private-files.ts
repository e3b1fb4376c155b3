/**
 * The data directory holds endpoint passwords, service credentials and the database they live in:
 * it is the owner's alone (0700) and so are the files the control plane keeps there (0600). A local
 * PostgreSQL server later adds o+x (search only: nobody can list it) to reach its own files; see
 * data-services/postgres-run-as.ts.
 */
import fs from "node:fs";

const OWNER_ONLY_DIR = 0o700;
const OWNER_ONLY_FILE = 0o600;

/** Creates `dir` (and missing parents) owner-only, and takes group and other access off an existing one. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  restrict(dir, OWNER_ONLY_DIR, "data directory");
}

/** Creates `file` empty and owner-only when missing; an existing one is made owner-only. */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, "a", OWNER_ONLY_FILE));
  restrict(file, OWNER_ONLY_FILE, "file");
}

/** Makes `file` owner-only when it exists (SQLite's -wal and -shm files, created on demand). */
export function restrictIfPresent(file: string): void {
  if (fs.existsSync(file)) restrict(file, OWNER_ONLY_FILE, "file");
}

function restrict(target: string, mode: number, what: string): void {
  if ((fs.statSync(target).mode & 0o7777) === mode) return;
  try {
    fs.chmodSync(target, mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new Error(
      `cannot make the ${what} ${target} private to its owner (${code}): it holds credentials; use one you own`,
    );
  }
}
