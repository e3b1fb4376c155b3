/**
 * A real PostgreSQL server for the control plane's local data services: the machine's own server
 * binaries (Debian: the `postgresql-15` package), a cluster `initdb` creates under the control
 * plane's data directory, listening on 127.0.0.1 only, with a generated password — so Flink jobs
 * write real rows through the JDBC connector.
 *
 * Its files, under `<dataDir>/postgres/`:
 * - `data/` — the cluster (PGDATA); `data/flinkform.conf`, rewritten at every start, holds the
 *   settings this module owns (address, port, socket directory, memory), included from
 *   `postgresql.conf`.
 * - `log/postgres.log` — the server's own log (its stderr; no logging collector).
 * - `run/` — its Unix socket and lock, so nothing goes to /var/run/postgresql.
 * - `credentials.json`, `pgpass` (both 0600) — the only places the password is kept in clear. It
 *   never appears on a command line (initdb reads it from a 0600 file deleted right after, psql from
 *   `PGPASSFILE`) nor in the log.
 * - `port.json` — the port of the last start, taken again while it is free so the JDBC URL stays.
 *
 * The server stops with the control plane: `stop()` runs `pg_ctl stop -m fast`. A postmaster does
 * not die with its parent, so a watchdog (a shell blocked reading a pipe the control plane holds)
 * runs `pg_ctl stop -m fast` when that pipe closes — the control plane's death, even by kill -9.
 * Should a server still outlive it (the watchdog killed too), the next `start()` on the same data
 * directory finds it through `postmaster.pid` and stops it before starting (postgres-leftovers.ts).
 * Data survives restarts; committed rows survive kill -9 (fsync stays on).
 *
 * As root (this sandbox, CI), the binaries run as the `postgres` user (postgres-run-as.ts).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePorts, portsAreFree } from "../cluster/flink/free-ports";
import { clearLeftovers, readPostmasterPid, runTool } from "./postgres-leftovers";
import {
  asUser,
  chownTree,
  ensureReachable,
  PostgresStartError,
  type RunAs,
  unprivilegedUser,
} from "./postgres-run-as";

export { PostgresStartError } from "./postgres-run-as";

export type PostgresInstallation =
  | { ok: true; binDir: string; version: string }
  | { ok: false; reason: string };

const SERVER_BINARIES = ["initdb", "pg_ctl", "postgres"] as const;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function missingBinaries(dir: string): string[] {
  return SERVER_BINARIES.filter((b) => !isExecutable(path.join(dir, b)));
}

/** Debian's `/usr/lib/postgresql/<major>/bin`, newest major first. */
function debianBinDirs(): string[] {
  const base = "/usr/lib/postgresql";
  let majors: string[];
  try {
    majors = fs.readdirSync(base).filter((d) => /^\d+$/.test(d));
  } catch {
    return [];
  }
  return majors.sort((a, b) => Number(b) - Number(a)).map((m) => path.join(base, m, "bin"));
}

function withVersion(binDir: string, env: NodeJS.ProcessEnv): PostgresInstallation {
  const r = spawnSync(path.join(binDir, "postgres"), ["--version"], {
    encoding: "utf8",
    env,
    timeout: 10_000,
  });
  const version = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(r.stdout ?? "")?.[1];
  if (r.status !== 0 || !version) {
    return {
      ok: false,
      reason: `${path.join(binDir, "postgres")} --version failed: ${(r.stderr || r.error?.message || "").trim()}`,
    };
  }
  return { ok: true, binDir, version };
}

/**
 * Where the PostgreSQL server binaries (`initdb`, `pg_ctl`, `postgres`) are: `FLINKFORM_PG_BIN` (a
 * directory; when set, nothing else is tried), else `pg_config --bindir`, else the newest Debian
 * `/usr/lib/postgresql/<major>/bin`, else a directory on PATH holding all three.
 */
export function findPostgresInstallation(env: NodeJS.ProcessEnv = process.env): PostgresInstallation {
  const explicit = env.FLINKFORM_PG_BIN;
  if (explicit) {
    const missing = missingBinaries(explicit);
    if (missing.length > 0) {
      return {
        ok: false,
        reason: `no PostgreSQL server binaries: FLINKFORM_PG_BIN=${explicit} has no ${missing.join(", ")}`,
      };
    }
    return withVersion(explicit, env);
  }
  const candidates: string[] = [];
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8", env, timeout: 10_000 });
  if (pgConfig.status === 0 && pgConfig.stdout.trim()) candidates.push(pgConfig.stdout.trim());
  candidates.push(...debianBinDirs(), ...(env.PATH ?? "").split(path.delimiter).filter(Boolean));
  const found = candidates.find((dir) => missingBinaries(dir).length === 0);
  if (found) return withVersion(found, env);
  return {
    ok: false,
    reason:
      "no PostgreSQL server binaries (initdb, pg_ctl, postgres) found: install the server " +
      "(Debian/Ubuntu: apt-get install postgresql) or set FLINKFORM_PG_BIN to the directory holding them",
  };
}

export interface LocalPostgresOptions {
  /** The control plane's data directory: the server's files go to `<dataDir>/postgres/`. */
  readonly dataDir: string;
  /** A fixed port (start fails when it is taken); by default the last start's port while free, else a free one. */
  readonly port?: number;
  /** How long the server may take to accept connections (crash recovery included); default 60 s. */
  readonly startTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

interface Credentials {
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

interface PostgresPaths {
  readonly root: string;
  readonly data: string;
  readonly log: string;
  readonly logFile: string;
  readonly run: string;
  readonly credentials: string;
  readonly pgpass: string;
  readonly portFile: string;
}

function postgresPaths(dataDir: string): PostgresPaths {
  const root = path.join(dataDir, "postgres");
  const log = path.join(root, "log");
  return {
    root,
    data: path.join(root, "data"),
    log,
    logFile: path.join(log, "postgres.log"),
    run: path.join(root, "run"),
    credentials: path.join(root, "credentials.json"),
    pgpass: path.join(root, "pgpass"),
    portFile: path.join(root, "port.json"),
  };
}

const SUPERUSER = "flinkform";
/** The hosted service's default database is `defaultdb`. */
const DEFAULT_DATABASE = "defaultdb";
const CONF_FILE = "flinkform.conf";
const LOG_ROTATE_BYTES = 20 * 1024 * 1024;

/** The credentials of the first start, or new ones (a 32-character base64url password) written 0600. */
function loadOrCreateCredentials(paths: PostgresPaths): Credentials {
  try {
    const c = JSON.parse(fs.readFileSync(paths.credentials, "utf8")) as Partial<Credentials>;
    if (c.user && c.password && c.database)
      return { user: c.user, password: c.password, database: c.database };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new PostgresStartError(`cannot read ${paths.credentials}: ${(err as Error).message}`);
    }
  }
  if (fs.existsSync(path.join(paths.data, "PG_VERSION"))) {
    throw new PostgresStartError(
      `${paths.credentials} is missing or broken, and the password of the cluster in ${paths.data} is kept ` +
        `nowhere else: restore the file, or delete ${paths.root} to start with an empty database`,
    );
  }
  const c: Credentials = {
    user: SUPERUSER,
    password: crypto.randomBytes(24).toString("base64url"),
    database: DEFAULT_DATABASE,
  };
  writePrivate(paths.credentials, `${JSON.stringify(c, null, 2)}\n`);
  return c;
}

/** Writes `text` to a file only its owner may read, whatever the umask or an earlier mode. */
function writePrivate(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** libpq's password file: host:port:database:user:password (base64url needs no escaping). */
function writePgpass(paths: PostgresPaths, c: Credentials): void {
  const text = ["127.0.0.1", "localhost"].map((h) => `${h}:*:*:${c.user}:${c.password}\n`).join("");
  let current: string | undefined;
  try {
    current = fs.readFileSync(paths.pgpass, "utf8");
  } catch {}
  if (current !== text || (fs.statSync(paths.pgpass).mode & 0o077) !== 0) writePrivate(paths.pgpass, text);
}

/** The environment of the server's processes: nothing of the control plane's (no secrets, no PG* settings). */
function toolEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH || "/usr/local/bin:/usr/bin:/bin" };
  if (process.env.TZ) env.TZ = process.env.TZ;
  return env;
}

function confString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A socket directory the server can use: a plain path short enough for sun_path (108 bytes). */
function socketDirectory(run: string, port: number): string {
  const fits = Buffer.byteLength(`${run}/.s.PGSQL.${port}`) < 108;
  return fits && /^[\w/.@+-]+$/.test(run) ? run : "";
}

function serverConfig(paths: PostgresPaths, port: number): string {
  const settings: Record<string, string | number> = {
    listen_addresses: confString("127.0.0.1"),
    port,
    // Empty (no Unix socket: connections over TCP only) when the path does not fit a socket address.
    unix_socket_directories: confString(socketDirectory(paths.run, port)),
    unix_socket_permissions: "0700",
    max_connections: 50,
    shared_buffers: confString("16MB"),
    work_mem: confString("4MB"),
    maintenance_work_mem: confString("32MB"),
    effective_cache_size: confString("256MB"),
    min_wal_size: confString("32MB"),
    max_wal_size: confString("256MB"),
    huge_pages: "off",
    // As the hosted service has it, so CDC sources work too.
    wal_level: "logical",
    max_wal_senders: 4,
    max_replication_slots: 4,
    password_encryption: confString("scram-sha-256"),
    logging_collector: "off",
    log_destination: confString("stderr"),
    log_line_prefix: confString("%m [%p] %q%u@%d "),
  };
  return (
    "# Written by flinkform at every start of this server (its address, port and sizes): edits here are\n" +
    "# lost. Settings of your own go to postgresql.conf, above its include of this file.\n" +
    Object.entries(settings)
      .map(([k, v]) => `${k} = ${v}\n`)
      .join("")
  );
}

function readPort(paths: PostgresPaths): number | undefined {
  try {
    const port = (JSON.parse(fs.readFileSync(paths.portFile, "utf8")) as { port?: unknown }).port;
    return typeof port === "number" && Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined;
  }
}

/** The most telling line of the server's log for a failed start. */
function startFailureCause(logText: string, port: number): { cause: string; portInUse: boolean } {
  const lines = logText.split("\n").filter((l) => l.trim());
  const strip = (l: string) => l.replace(/^.*?\[\d+\]\s+/, "").trim();
  const find = (re: RegExp) => lines.find((l) => re.test(l));
  let l = find(/Address already in use|could not create any TCP\/IP sockets/);
  if (l) return { cause: `a port it needs is in use (127.0.0.1:${port}): ${strip(l)}`, portInUse: true };
  l = find(/Permission denied|invalid permissions|wrong ownership|Operation not permitted/);
  if (l) return { cause: `permission denied: ${strip(l)}`, portInUse: false };
  l = find(/pre-existing shared memory block|lock file .* already exists|another postmaster/i);
  if (l) return { cause: `another server still uses its data directory: ${strip(l)}`, portInUse: false };
  const fatal = lines.filter((x) => /\b(FATAL|PANIC):/.test(x)).at(-1);
  if (fatal) return { cause: strip(fatal), portInUse: false };
  const tail = lines.slice(-5).map(strip).join(" | ");
  return { cause: tail ? `its log ends: ${tail}` : "it logged nothing", portInUse: false };
}

function readFrom(file: string, from: number): string {
  try {
    const fd = fs.openSync(file, "r");
    try {
      const size = fs.fstatSync(fd).size;
      const start = Math.max(from, size - 64 * 1024);
      const buf = Buffer.alloc(Math.max(0, size - start));
      fs.readSync(fd, buf, 0, buf.length, start);
      return buf.toString("utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return "";
  }
}

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Why it could not be started at all. */
  readonly error?: string;
}

/** A start that failed because the port was taken (by someone else, after it was checked free). */
class PortInUse extends PostgresStartError {}

/** Waits for `p` at most `ms`; true when it settled in time. */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => {
    timer = setTimeout(() => r(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Shell run as the watchdog: blocked reading the pipe the control plane holds; at end of file (the
 * control plane is gone) it stops the server. `$0` is pg_ctl, `$1` the data directory.
 */
const WATCHDOG = 'while read -r _; do :; done; exec "$0" stop -D "$1" -m fast -w -t 60 >/dev/null 2>&1';

interface Started {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  readonly watchdog: ChildProcess;
  readonly watchdogExited: Promise<void>;
}

export class LocalPostgres {
  readonly host = "127.0.0.1";
  readonly user: string;
  readonly password: string;
  /** The default database, `defaultdb` as the hosted service names it. */
  readonly database: string;
  /** The postmaster's pid. */
  readonly pid: number;
  /** Resolves (with what happened) when the server exits other than through `stop()`. */
  readonly lost: Promise<string>;
  /** The server's log (its stderr). */
  readonly logFile: string;
  private stopRequested = false;
  private stopped: Promise<void> | undefined;
  private exit: Exit | undefined;

  private constructor(
    readonly port: number,
    readonly version: string,
    private readonly binDir: string,
    private readonly paths: PostgresPaths,
    credentials: Credentials,
    private readonly runAs: RunAs | undefined,
    private readonly started: Started,
  ) {
    this.user = credentials.user;
    this.password = credentials.password;
    this.database = credentials.database;
    this.logFile = paths.logFile;
    this.pid = started.child.pid ?? -1;
    void started.exited.then((e) => {
      this.exit = e;
    });
    this.lost = started.exited.then((e) =>
      this.stopRequested
        ? new Promise<string>(() => {})
        : `PostgreSQL (pid ${this.pid}) stopped unexpectedly (${e.signal ? `signal ${e.signal}` : `exit ${e.code}`}); see its log ${this.logFile}`,
    );
  }

  /** `jdbc:postgresql://127.0.0.1:<port>/<database>` (user and password go separately). */
  jdbcUrl(database: string = this.database): string {
    return `jdbc:postgresql://${this.host}:${this.port}/${database}`;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /**
   * Starts the server on `<dataDir>/postgres` — creating the cluster on the first start — and waits
   * until it accepts connections with its password. A server an earlier run left on the same data
   * directory is stopped first.
   */
  static async start(o: LocalPostgresOptions): Promise<LocalPostgres> {
    const t0 = Date.now();
    const log = o.log ?? (() => {});
    const inst = findPostgresInstallation();
    if (!inst.ok) throw new PostgresStartError(`PostgreSQL cannot start: ${inst.reason}`);
    const runAs = unprivilegedUser();
    const dataDir = path.resolve(o.dataDir);
    const paths = postgresPaths(dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
    for (const dir of [paths.root, paths.log, paths.run]) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const credentials = loadOrCreateCredentials(paths);
    writePgpass(paths, credentials);
    if (runAs) {
      ensureReachable(runAs, dataDir, log);
      try {
        chownTree(paths.root, runAs);
      } catch (err) {
        throw new PostgresStartError(
          `permission denied: PostgreSQL runs as the user "${runAs.name}" (it refuses to run as root), and ` +
            `${paths.root} cannot be given to it: ${(err as Error).message}`,
        );
      }
    }
    const pgCtl = path.join(inst.binDir, "pg_ctl");
    await clearLeftovers({ pgData: paths.data, pgCtl, runAs, cwd: paths.root, env: toolEnv(), log });
    if (!fs.existsSync(path.join(paths.data, "PG_VERSION"))) {
      await initCluster(inst.binDir, paths, credentials, runAs, log);
    }
    checkClusterVersion(paths, inst.version, inst.binDir);

    // A fixed port is the server's to try (a taken one fails the start, with the server's own words).
    let port = o.port ?? readPort(paths);
    if (port === undefined || (o.port === undefined && !(await portsAreFree([port])))) {
      port = (await freePorts(1))[0]!;
    }
    let pg: LocalPostgres;
    try {
      pg = await LocalPostgres.startServer(inst, paths, credentials, runAs, port, o);
    } catch (err) {
      if (!(err instanceof PortInUse) || o.port !== undefined) throw err;
      log(`postgres: port ${port} was taken meanwhile; trying another`);
      port = (await freePorts(1))[0]!;
      pg = await LocalPostgres.startServer(inst, paths, credentials, runAs, port, o);
    }
    try {
      writePrivate(paths.portFile, `${JSON.stringify({ port })}\n`);
      // The first start creates the default database; every start shows the password works over TCP.
      await pg.query(
        `SELECT 'CREATE DATABASE ${credentials.database}' WHERE NOT EXISTS ` +
          `(SELECT FROM pg_database WHERE datname = '${credentials.database}')\\gexec`,
        "postgres",
      );
    } catch (err) {
      await pg.stop();
      throw new PostgresStartError(
        `PostgreSQL started but a connection with its credentials failed: ${(err as Error).message}`,
      );
    }
    log(
      `postgres: PostgreSQL ${inst.version} on 127.0.0.1:${port} (pid ${pg.pid}, data ${paths.data}) ` +
        `up in ${Date.now() - t0} ms`,
    );
    return pg;
  }

  private static async startServer(
    inst: { binDir: string; version: string },
    paths: PostgresPaths,
    credentials: Credentials,
    runAs: RunAs | undefined,
    port: number,
    o: LocalPostgresOptions,
  ): Promise<LocalPostgres> {
    const conf = path.join(paths.data, CONF_FILE);
    fs.writeFileSync(conf, serverConfig(paths, port), { mode: 0o600 });
    if (fs.existsSync(paths.logFile) && fs.statSync(paths.logFile).size > LOG_ROTATE_BYTES) {
      fs.renameSync(paths.logFile, `${paths.logFile}.1`);
    }
    const out = fs.openSync(paths.logFile, "a", 0o600);
    if (runAs) for (const f of [conf, paths.logFile]) fs.chownSync(f, runAs.uid, runAs.gid);
    const logFrom = fs.fstatSync(out).size;
    let started: Started;
    try {
      const child = spawn(path.join(inst.binDir, "postgres"), ["-D", paths.data], {
        stdio: ["ignore", out, out],
        cwd: paths.root,
        env: toolEnv(),
        detached: false,
        ...asUser(runAs),
      });
      const exited = new Promise<Exit>((resolve) => {
        child.once("exit", (code, signal) => resolve({ code, signal }));
        child.once("error", (err) => resolve({ code: null, signal: null, error: err.message }));
      });
      const watchdog = spawn("/bin/sh", ["-c", WATCHDOG, path.join(inst.binDir, "pg_ctl"), paths.data], {
        stdio: ["pipe", "ignore", "ignore"],
        cwd: paths.root,
        env: toolEnv(),
        ...asUser(runAs),
      });
      const watchdogExited = new Promise<void>((resolve) => {
        watchdog.once("exit", () => resolve());
        watchdog.once("error", () => resolve());
      });
      watchdog.stdin?.on("error", () => {});
      // Neither the watchdog nor its pipe may keep the control plane's event loop alive.
      watchdog.unref();
      (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
      void exited.then(() => watchdog.kill("SIGKILL"));
      started = { child, exited, watchdog, watchdogExited };
    } finally {
      fs.closeSync(out);
    }
    const pg = new LocalPostgres(port, inst.version, inst.binDir, paths, credentials, runAs, started);
    try {
      await pg.waitReady(o.startTimeoutMs ?? 60_000);
    } catch (err) {
      // What the server logged up to now (its shutdown, next, would bury it).
      const { cause, portInUse } = startFailureCause(readFrom(paths.logFile, logFrom), port);
      await pg.stop();
      const message = `PostgreSQL did not start (${(err as Error).message}): ${cause} (log: ${paths.logFile})`;
      throw portInUse ? new PortInUse(message) : new PostgresStartError(message);
    }
    return pg;
  }

  /** Until `postmaster.pid` names this server as ready (what `pg_ctl start -w` waits for). */
  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const e = this.exit;
      if (e?.error) throw new Error(`it could not be run: ${e.error}`);
      if (e) throw new Error(e.signal ? `it was killed by ${e.signal}` : `it exited with ${e.code}`);
      const lock = readPostmasterPid(this.paths.data);
      if (lock?.pid === this.pid && lock.status === "ready") return;
      if (Date.now() > deadline) throw new Error(`it was not ready within ${timeoutMs / 1000} s`);
      await Promise.race([sleep(50), this.started.exited]);
    }
  }

  /**
   * Runs `sql` (any number of statements) through psql as the superuser on `database` (default: the
   * default database): unaligned, tuples only, fields separated by `,`, stopping at the first error.
   * Returns the rows, one a line.
   */
  query(sql: string, database: string = this.database): Promise<string> {
    const psql = fs.existsSync(path.join(this.binDir, "psql")) ? path.join(this.binDir, "psql") : "psql";
    const args = ["-X", "-q", "-A", "-t", "-F", ",", "-v", "ON_ERROR_STOP=1", "-w"];
    args.push("-h", this.host, "-p", String(this.port), "-U", this.user, "-d", database, "-f", "-");
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("PG")));
    return new Promise((resolve, reject) => {
      const child = spawn(psql, args, {
        stdio: ["pipe", "pipe", "pipe"],
        env: { ...env, PGPASSFILE: this.paths.pgpass, PGSSLMODE: "disable", PGCONNECT_TIMEOUT: "10" },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
      });
      child.stderr.on("data", (c: Buffer) => {
        stderr += c.toString();
      });
      child.stdin.on("error", () => {});
      child.once("error", (err) => reject(new Error(`psql: ${err.message}`)));
      child.once("close", (code) => {
        if (code === 0) resolve(stdout.replace(/\n$/, ""));
        else reject(new Error(`psql (exit ${code}): ${stderr.trim() || stdout.trim()}`));
      });
      child.stdin.end(sql);
    });
  }

  /** `pg_ctl stop -m fast` (a clean shutdown: sessions end, a checkpoint is written), then harder if it must. */
  stop(): Promise<void> {
    this.stopRequested = true;
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    const { child, exited, watchdog, watchdogExited } = this.started;
    watchdog.kill("SIGKILL");
    await within(watchdogExited, 5_000);
    if (!this.running) return;
    const r = await runTool(
      path.join(this.binDir, "pg_ctl"),
      ["stop", "-D", this.paths.data, "-m", "fast", "-w", "-t", "60"],
      { runAs: this.runAs, cwd: this.paths.root, env: toolEnv(), timeoutMs: 70_000 },
    );
    if (await within(exited, r.code === 0 ? 10_000 : 0)) return;
    for (const signal of ["SIGQUIT", "SIGKILL"] as const) {
      child.kill(signal);
      if (await within(exited, 5_000)) return;
    }
  }
}

async function initCluster(
  binDir: string,
  paths: PostgresPaths,
  credentials: Credentials,
  runAs: RunAs | undefined,
  log: (line: string) => void,
): Promise<void> {
  const t0 = Date.now();
  if (fs.existsSync(paths.data) && fs.readdirSync(paths.data).length > 0) {
    throw new PostgresStartError(
      `${paths.data} exists but holds no PostgreSQL cluster (no PG_VERSION): move it away or delete it`,
    );
  }
  fs.rmSync(paths.data, { recursive: true, force: true });
  // initdb into a sibling renamed at the end, so an interrupted initdb never leaves a half cluster as `data`.
  const tmpData = `${paths.data}.initdb`;
  fs.rmSync(tmpData, { recursive: true, force: true });
  const pwfile = path.join(paths.root, `.pwfile-${crypto.randomBytes(8).toString("hex")}`);
  fs.writeFileSync(pwfile, `${credentials.password}\n`, { mode: 0o600, flag: "wx" });
  try {
    if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
    const locale = fs.existsSync("/usr/lib/locale/C.utf8") ? "C.UTF-8" : "C";
    const r = await runTool(
      path.join(binDir, "initdb"),
      [
        "-D",
        tmpData,
        "-U",
        credentials.user,
        "--auth=scram-sha-256",
        `--pwfile=${pwfile}`,
        "--encoding=UTF8",
        `--locale=${locale}`,
        "--no-instructions",
      ],
      { runAs, cwd: paths.root, env: toolEnv(), timeoutMs: 120_000 },
    );
    if (r.code !== 0) {
      const cause = /Permission denied|Operation not permitted/.test(r.output) ? "permission denied: " : "";
      throw new PostgresStartError(`PostgreSQL cannot start: initdb failed: ${cause}${r.output}`);
    }
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  fs.appendFileSync(
    path.join(tmpData, "postgresql.conf"),
    `\n# flinkform: the address, port, socket directory and sizes it sets at every start\ninclude = '${CONF_FILE}'\n`,
  );
  fs.renameSync(tmpData, paths.data);
  log(`postgres: initdb ${paths.data} in ${Date.now() - t0} ms`);
}

function checkClusterVersion(paths: PostgresPaths, version: string, binDir: string): void {
  const cluster = fs.readFileSync(path.join(paths.data, "PG_VERSION"), "utf8").trim();
  const major = version.split(".")[0];
  if (cluster !== major) {
    throw new PostgresStartError(
      `PostgreSQL cannot start: the cluster in ${paths.data} was created by PostgreSQL ${cluster} and the ` +
        `server found (${binDir}) is ${version}: set FLINKFORM_PG_BIN to a PostgreSQL ${cluster} bin directory, ` +
        `or delete ${paths.root} to start with an empty database`,
    );
  }
}
