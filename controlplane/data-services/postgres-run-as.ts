/**
 * PostgreSQL refuses to run as root (initdb, pg_ctl and postgres all check), and this sandbox and CI
 * run the control plane as root. There, the server runs as an unprivileged system user — `postgres`,
 * which Debian's package creates, or `FLINKFORM_PG_USER` — by spawning its processes with that
 * user's uid and gid (Node sets them in the child before exec: no runuser/setpriv, no PAM, and the
 * pid we hold is the server's own). Its files under the control plane's data directory are then
 * owned by that user, and every directory above them must let it through.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export class PostgresStartError extends Error {
  override readonly name = "PostgresStartError";
}

/** The unprivileged user PostgreSQL's processes run as when the control plane runs as root. */
export interface RunAs {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** Spawn options that run a child as `runAs` (nothing when the control plane is not root). */
export function asUser(runAs: RunAs | undefined): { uid?: number; gid?: number } {
  return runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
}

/**
 * `undefined` when the control plane does not run as root (the binaries then run as its own user);
 * otherwise the user they run as, or an error saying what to do when there is none.
 */
export function unprivilegedUser(env: NodeJS.ProcessEnv = process.env): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = env.FLINKFORM_PG_USER || "postgres";
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  } catch {
    throw new PostgresStartError(
      `PostgreSQL refuses to run as root and the control plane runs as root, but there is no user "${name}" ` +
        `to run it as: create one (useradd --system --user-group ${name}), set FLINKFORM_PG_USER to another ` +
        `unprivileged user, or run the control plane as a non-root user`,
    );
  }
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) {
    throw new PostgresStartError(
      `PostgreSQL refuses to run as root, and the user "${name}" it would run as is root (uid ${uid}): ` +
        `set FLINKFORM_PG_USER to an unprivileged user`,
    );
  }
  return { name, uid, gid };
}

/** Whether `runAs` (its uid and primary gid only: the groups it runs with) may search `st`. */
function searchable(st: fs.Stats, runAs: RunAs): boolean {
  if (st.uid === runAs.uid) return (st.mode & 0o100) !== 0;
  if (st.gid === runAs.gid) return (st.mode & 0o010) !== 0;
  return (st.mode & 0o001) !== 0;
}

/** Directories of `dirs` the user cannot search, as the kernel decides (ACLs included). */
function notSearchableByUser(dirs: readonly string[], runAs: RunAs): string[] {
  const r = spawnSync(
    "/bin/sh",
    ["-c", 'for d; do [ -x "$d" ] || printf "%s\\n" "$d"; done', "sh", ...dirs],
    {
      encoding: "utf8",
      uid: runAs.uid,
      gid: runAs.gid,
      cwd: "/",
      env: { PATH: "/usr/bin:/bin" },
    },
  );
  if (r.status !== 0) return dirs.filter((d) => !searchable(fs.statSync(d), runAs));
  return r.stdout.split("\n").filter(Boolean);
}

/**
 * Makes `pgRoot` (`<dataDir>/postgres`) reachable for `runAs`: the data directory itself — the
 * control plane's own, often a 0700 `mkdtemp` directory — gets o+x (search only: nobody can list
 * it); a directory above it that the user cannot search is not ours to change, so start fails
 * naming it and what to change.
 */
export function ensureReachable(runAs: RunAs, dataDir: string, log: (line: string) => void): void {
  const ancestors: string[] = [];
  for (let d = dataDir; ; d = path.dirname(d)) {
    ancestors.unshift(d);
    if (path.dirname(d) === d) break;
  }
  let blocked = notSearchableByUser(ancestors, runAs);
  if (blocked[0] === dataDir) {
    const st = fs.statSync(dataDir);
    fs.chmodSync(dataDir, (st.mode & 0o7777) | 0o001);
    log(`postgres: o+x on ${dataDir}, so PostgreSQL (user ${runAs.name}) can reach its files below it`);
    blocked = notSearchableByUser(ancestors, runAs);
  }
  if (blocked.length === 0) return;
  // Below the first directory it cannot search, every test fails: name those that are really closed.
  const closed = blocked.filter((d, i) => i === 0 || !searchable(fs.statSync(d), runAs));
  throw new PostgresStartError(
    `permission denied: PostgreSQL runs as the user "${runAs.name}" (it refuses to run as root), which cannot ` +
      `reach ${dataDir}: it may not search ${closed.join(", ")}. Let it through (chmod o+x ${closed.join(" ")}, ` +
      `or setfacl -m u:${runAs.name}:x ${closed.join(" ")}) or use a data directory it can reach`,
  );
}

/** `chown -R` of `dir` to `runAs`, touching only what another user owns. */
export function chownTree(dir: string, runAs: RunAs): void {
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.uid !== runAs.uid || st.gid !== runAs.gid) fs.lchownSync(p, runAs.uid, runAs.gid);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
  };
  visit(dir);
}
