/**
 * What an earlier run can leave on a PostgreSQL data directory, and clearing it before a start.
 *
 * The postmaster does not die with its parent. A watchdog stops it when the control plane dies
 * (see `LocalPostgres`), but when that did not happen too — the watchdog killed along with the
 * control plane, a server someone else started on the directory — the next start finds a live
 * server there (`postmaster.pid` naming a live postmaster of this directory) and stops it first.
 * After kill -9 of the postmaster itself, its backends linger a moment still attached to the old
 * shared memory, and a new postmaster refuses to start while they do: the start waits for them.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { asUser, type RunAs } from "./postgres-run-as";

const PROC = "/proc";

/** Whether `pid` runs (a zombie, exited but not yet reaped, does not). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = fs.readFileSync(`${PROC}/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return !fs.existsSync(PROC);
  }
}

/** The postmaster's pid and status as its lock file `postmaster.pid` states them. */
export function readPostmasterPid(pgData: string): { pid: number; status: string } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(pgData, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, status: (lines[7] ?? "").trim() };
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Pids of PostgreSQL processes working on `pgData` (a postgres process's working directory is its
 * data directory), read from /proc; empty where there is no /proc.
 */
export function postgresProcessesOf(pgData: string): number[] {
  const want = realpathOr(pgData);
  let entries: string[];
  try {
    entries = fs.readdirSync(PROC);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (fs.readlinkSync(`${PROC}/${e}/cwd`) !== want) continue;
      const exe = path.basename(fs.readlinkSync(`${PROC}/${e}/exe`));
      const cmdline = fs.readFileSync(`${PROC}/${e}/cmdline`, "utf8");
      if (exe === "postgres" || cmdline.startsWith("postgres")) pids.push(Number(e));
    } catch {}
  }
  return pids;
}

/** Whether the live process `pid` is a postmaster of `pgData` (and not another process that got its pid). */
function isPostmasterOf(pid: number, pgData: string): boolean {
  if (fs.existsSync(PROC)) {
    try {
      return fs.readlinkSync(`${PROC}/${pid}/cwd`) === realpathOr(pgData);
    } catch {}
    try {
      const args = fs.readFileSync(`${PROC}/${pid}/cmdline`, "utf8").split("\0");
      return path.basename(args[0] ?? "") === "postgres" && args.includes(pgData);
    } catch {
      return false;
    }
  }
  return true;
}

/** Runs `file` (as `runAs`) to its end; never rejects. */
export function runTool(
  file: string,
  args: readonly string[],
  o: { runAs?: RunAs; cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: o.cwd, env: o.env, timeout: o.timeoutMs, killSignal: "SIGKILL", ...asUser(o.runAs) },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
        resolve({ code, output: `${stdout}${stderr}`.trim() || (err?.message ?? "") });
      },
    );
  });
}

async function waitGone(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = pids.filter(processAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await sleep(50);
    alive = alive.filter(processAlive);
  }
  return alive;
}

/**
 * Stops a server still running on `pgData` (pg_ctl stop -m fast, then harder), waits for the
 * backends of a killed postmaster, and removes a lock file whose pid now belongs to another process.
 */
export async function clearLeftovers(o: {
  pgData: string;
  pgCtl: string;
  runAs?: RunAs;
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}): Promise<void> {
  const lock = readPostmasterPid(o.pgData);
  if (lock && processAlive(lock.pid)) {
    if (isPostmasterOf(lock.pid, o.pgData)) {
      o.log(
        `postgres: a server (pid ${lock.pid}) still runs on ${o.pgData}, left by an earlier run ` +
          `(e.g. a control plane killed with kill -9): stopping it`,
      );
      const r = await runTool(o.pgCtl, ["stop", "-D", o.pgData, "-m", "fast", "-w", "-t", "30"], {
        ...o,
        timeoutMs: 40_000,
      });
      if (r.code !== 0) o.log(`postgres: pg_ctl stop: ${r.output}`);
      for (const signal of ["SIGQUIT", "SIGKILL"] as const) {
        if ((await waitGone([lock.pid], 5_000)).length === 0) break;
        try {
          process.kill(lock.pid, signal);
        } catch {}
      }
    } else {
      // A pid reused since (e.g. after a reboot): postgres would take the lock for a live server.
      fs.rmSync(path.join(o.pgData, "postmaster.pid"), { force: true });
    }
  }
  // Backends of a postmaster killed with kill -9 exit once they notice; a new one cannot start before.
  const left = await waitGone(postgresProcessesOf(o.pgData), 10_000);
  if (left.length > 0) {
    o.log(`postgres: killing processes left on ${o.pgData}: ${left.join(", ")}`);
    for (const pid of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {}
    }
    await waitGone(left, 5_000);
  }
}
