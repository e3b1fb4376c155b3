/**
 * The control plane's real PostgreSQL server (controlplane/data-services/postgres-server.ts): the
 * machine's own server binaries, a cluster under the data directory, a generated password that works
 * and that nothing leaks, restarts that keep the port and the rows, and no server outliving its
 * owner — after stop(), kill -9 of the postmaster, or kill -9 of the process that started it.
 * Assertions read the database (through psql), its log, its files and the process table.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { findPostgresInstallation, LocalPostgres } from "../../controlplane/data-services/postgres-server";

jest.setTimeout(120_000);

const found = findPostgresInstallation();
if (!found.ok && process.env.FLINKFORM_REQUIRE_FLINK === "1") {
  throw new Error(`the PostgreSQL tests must run here (FLINKFORM_REQUIRE_FLINK=1): ${found.reason}`);
}

/** `describe`, or `describe.skip` with the reason when no PostgreSQL server is installed (CI requires one). */
const describeWithPostgres: jest.Describe = found.ok
  ? describe
  : (((name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: ${found.reason})`, fn)) as unknown as jest.Describe);

const isRoot = process.getuid?.() === 0;
const MODULE = path.resolve(__dirname, "../../controlplane/data-services/postgres-server.ts");

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "flinkform-pg-"));
  dirs.push(d);
  return d;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Servers a test started, stopped after it whatever happened. */
const servers: LocalPostgres[] = [];
async function start(dataDir: string, o: { port?: number; log?: (l: string) => void } = {}) {
  const pg = await LocalPostgres.start({ dataDir, ...o });
  servers.push(pg);
  return pg;
}

/** Processes whose command line names this data directory's server files (the postmaster, pg_ctl…). */
function processesNaming(dataDir: string): string[] {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return out.split("\n").filter((l) => l.includes(path.join(dataDir, "postgres")));
}

/** Live processes working in the cluster directory (every postgres process's cwd, backends included). */
function processesIn(pgData: string): number[] {
  return fs
    .readdirSync("/proc")
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return fs.readlinkSync(`/proc/${e}/cwd`) === pgData;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, never reaped: PID 1 here does not reap) is not running.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat[stat.lastIndexOf(")") + 2] !== "Z";
  } catch {
    return false;
  }
}

async function waitUntil(what: string, cond: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** psql as a client configured from the connection's parameters would connect (password in PGPASSWORD). */
function psqlWith(
  c: { host: string; port: string; database: string; user: string; password?: string },
  sql: string,
) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, PGPASSFILE: "/nonexistent", PGSSLMODE: "disable" };
  if (c.password !== undefined) env.PGPASSWORD = c.password;
  return spawnSync(
    "psql",
    ["-X", "-A", "-t", "-w", "-h", c.host, "-p", c.port, "-U", c.user, "-d", c.database, "-c", sql],
    { encoding: "utf8", env },
  );
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p);
    return e.isFile() ? [p] : [];
  });
}

const pgDataOf = (dataDir: string) => path.join(dataDir, "postgres", "data");

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describeWithPostgres("a real PostgreSQL server for the control plane", () => {
  it("runs under the data directory with a password that works and leaks nowhere; a restart keeps port and rows", async () => {
    const dataDir = tempDir();
    const logs: string[] = [];
    const pg = await start(dataDir, { log: (l) => logs.push(l) });

    // Its own process, as the user it must run as (PostgreSQL refuses root), on the data directory.
    const runsAs = execFileSync("ps", ["-o", "user=", "-p", String(pg.pid)], { encoding: "utf8" }).trim();
    expect(runsAs).toBe(isRoot ? "postgres" : os.userInfo().username);
    expect(await pg.query("SHOW data_directory")).toBe(pgDataOf(dataDir));
    expect(await pg.query("SHOW listen_addresses")).toBe("127.0.0.1");
    expect(await pg.query("SHOW unix_socket_directories")).toBe(path.join(dataDir, "postgres", "run"));
    expect(fs.readdirSync(path.join(dataDir, "postgres", "run"))).toContain(`.s.PGSQL.${pg.port}`);
    expect(await pg.query("SELECT current_database(), current_user")).toBe("defaultdb,flinkform");
    expect(pg.database).toBe("defaultdb");

    // Rows through query(); a failing statement rejects with PostgreSQL's error.
    await pg.query("CREATE TABLE orders (id int PRIMARY KEY, item text NOT NULL)");
    await pg.query("INSERT INTO orders VALUES (1, 'apple'); INSERT INTO orders VALUES (2, 'pear')");
    expect(await pg.query("SELECT id, item FROM orders ORDER BY id")).toBe("1,apple\n2,pear");
    await expect(pg.query("INSERT INTO orders VALUES (1, 'again')")).rejects.toThrow(/duplicate key value/);
    await expect(pg.query("SELECT * FROM no_such_table")).rejects.toThrow(/"no_such_table" does not exist/);

    // The password: generated, kept 0600, and what a JDBC client would use works.
    const credentials = path.join(dataDir, "postgres", "credentials.json");
    expect(fs.statSync(credentials).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(credentials, "utf8")).password).toBe(pg.password);
    expect(pg.password).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    const jdbc = /^jdbc:postgresql:\/\/([^:/]+):(\d+)\/([^/?]+)$/.exec(pg.jdbcUrl());
    expect(jdbc).not.toBeNull();
    const [, host, port, database] = jdbc!;
    expect([host, Number(port), database]).toEqual(["127.0.0.1", pg.port, "defaultdb"]);
    const conn = { host: host!, port: port!, database: database!, user: pg.user };
    const ok = psqlWith(
      { ...conn, password: pg.password },
      "SELECT string_agg(item, '+' ORDER BY id) FROM orders",
    );
    expect(ok.stderr).toBe("");
    expect(ok.stdout.trim()).toBe("apple+pear");
    const wrong = psqlWith({ ...conn, password: `${pg.password}x` }, "SELECT 1");
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/password authentication failed for user "flinkform"/);
    const none = psqlWith(conn, "SELECT 1");
    expect(none.status).not.toBe(0);
    expect(none.stderr).toMatch(/no password supplied/);
    expect(psqlWith({ ...conn, database: "postgres", password: pg.password }, "SELECT 1").stdout.trim()).toBe(
      "1",
    );

    // Nothing answers on the machine's other addresses.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    if (external) {
      const refused = await new Promise<string>((resolve) => {
        const s = net.connect(pg.port, external);
        s.once("connect", () => {
          s.destroy();
          resolve("connected");
        });
        s.once("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
      });
      expect(refused).toBe("ECONNREFUSED");
    }

    // The password is on no command line, in no process environment of the server, in no log line,
    // and in no file but credentials.json and pgpass (initdb's password file is gone).
    const ps = execFileSync("ps", ["-eo", "args"], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
    expect(ps).toContain(`-D ${pgDataOf(dataDir)}`);
    expect(ps).not.toContain(pg.password);
    expect(fs.readFileSync(`/proc/${pg.pid}/environ`, "utf8")).not.toContain(pg.password);
    const logDir = path.join(dataDir, "postgres", "log");
    const logText = fs
      .readdirSync(logDir)
      .map((f) => fs.readFileSync(path.join(logDir, f), "utf8"))
      .join("");
    expect(logText).toContain("database system is ready to accept connections");
    expect(logText).toContain('password authentication failed for user "flinkform"');
    expect(logText).not.toContain(pg.password);
    expect(logs.join("\n")).not.toContain(pg.password);
    const holding = filesUnder(path.join(dataDir, "postgres"))
      .filter((f) => fs.readFileSync(f).includes(pg.password))
      .map((f) => path.relative(dataDir, f))
      .sort();
    expect(holding).toEqual(["postgres/credentials.json", "postgres/pgpass"]);

    // Stop: the server is gone, and stop() is no loss.
    const firstPort = pg.port;
    await pg.stop();
    expect(alive(pg.pid)).toBe(false);
    expect(processesNaming(dataDir)).toEqual([]);
    expect(processesIn(pgDataOf(dataDir))).toEqual([]);
    expect(await Promise.race([pg.lost, sleep(300).then(() => "still pending")])).toBe("still pending");
    await expect(pg.query("SELECT 1")).rejects.toThrow(/psql/);

    // Again on the same directory: same port, password and rows.
    const again = await start(dataDir);
    expect(again.port).toBe(firstPort);
    expect(again.password).toBe(pg.password);
    expect(again.pid).not.toBe(pg.pid);
    expect(await again.query("SELECT id, item FROM orders ORDER BY id")).toBe("1,apple\n2,pear");
    await again.stop();
    expect(processesNaming(dataDir)).toEqual([]);
    expect(processesIn(pgDataOf(dataDir))).toEqual([]);
  });

  it("after kill -9 of the postmaster, lost says so and the next start recovers the committed rows", async () => {
    const dataDir = tempDir();
    const pg = await start(dataDir);
    await pg.query("CREATE TABLE t (v int); INSERT INTO t VALUES (42)");
    const lockFile = path.join(pgDataOf(dataDir), "postmaster.pid");
    const lockPid = Number(fs.readFileSync(lockFile, "utf8").split("\n")[0]);
    expect(lockPid).toBe(pg.pid);

    process.kill(lockPid, "SIGKILL");
    await expect(pg.lost).resolves.toMatch(/stopped unexpectedly \(signal SIGKILL\)/);
    expect(fs.existsSync(lockFile)).toBe(true); // stale: it names a dead postmaster

    const again = await start(dataDir);
    expect(again.port).toBe(pg.port);
    expect(await again.query("SELECT v FROM t")).toBe("42");
    const log = fs.readFileSync(path.join(dataDir, "postgres", "log", "postgres.log"), "utf8");
    expect(log).toContain("database system was interrupted");
    expect(log).toContain("redo done");
    await again.stop();
    expect(processesIn(pgDataOf(dataDir))).toEqual([]);
  });

  it("a server left running on the data directory is stopped by the next start, which takes over", async () => {
    const dataDir = tempDir();
    const left = await start(dataDir);
    await left.query("CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')");
    // As if its owner had died without stopping it: a new start on the same directory.
    const logs: string[] = [];
    const next = await start(dataDir, { log: (l) => logs.push(l) });
    expect(logs.join("\n")).toMatch(new RegExp(`a server \\(pid ${left.pid}\\) still runs on`));
    await expect(left.lost).resolves.toMatch(/stopped unexpectedly/);
    expect(alive(left.pid)).toBe(false);
    expect(next.pid).not.toBe(left.pid);
    expect(
      Number(fs.readFileSync(path.join(pgDataOf(dataDir), "postmaster.pid"), "utf8").split("\n")[0]),
    ).toBe(next.pid);
    expect(await next.query("SELECT v FROM t")).toBe("kept");
    await next.stop();
    expect(processesNaming(dataDir)).toEqual([]);
    expect(processesIn(pgDataOf(dataDir))).toEqual([]);
  });

  it("kill -9 of the process that started it stops the server (its watchdog); the data is still there", async () => {
    const dataDir = tempDir();
    const script =
      "const { LocalPostgres } = require(process.argv[1]);" +
      "LocalPostgres.start({ dataDir: process.argv[2] }).then(async (pg) => {" +
      "  await pg.query(\"CREATE TABLE t (v text); INSERT INTO t VALUES ('from the dead')\");" +
      "  console.log(JSON.stringify({ pid: pg.pid }));" +
      "  setInterval(() => {}, 1000);" +
      "});";
    const owner = spawn(process.execPath, ["--import", "tsx", "-e", script, MODULE, dataDir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<void>((r) => owner.once("exit", () => r()));
    const pid = await new Promise<number>((resolve, reject) => {
      let out = "";
      owner.stdout!.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /\{"pid":(\d+)\}/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      void exited.then(() => reject(new Error(`the owner exited early: ${out}`)));
    });
    expect(alive(pid)).toBe(true);
    expect(processesNaming(dataDir).some((l) => l.includes(`${pid} `))).toBe(true);

    owner.kill("SIGKILL");
    await exited;
    await waitUntil("the server to stop", () => !alive(pid) && processesIn(pgDataOf(dataDir)).length === 0);
    expect(processesNaming(dataDir)).toEqual([]);
    // A clean shutdown (the watchdog's pg_ctl stop -m fast), not a crash.
    const log = fs.readFileSync(path.join(dataDir, "postgres", "log", "postgres.log"), "utf8");
    expect(log).toContain("received fast shutdown request");
    expect(log.trimEnd()).toMatch(/database system is shut down$/);

    const again = await start(dataDir);
    expect(await again.query("SELECT v FROM t")).toBe("from the dead");
  });

  it("takes another port when its own is taken; a fixed port that is taken fails with the cause", async () => {
    const dataDir = tempDir();
    const pg = await start(dataDir);
    const port = pg.port;
    await pg.stop();
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(port, "127.0.0.1", () => r()));
    try {
      const moved = await start(dataDir);
      expect(moved.port).not.toBe(port);
      expect(await moved.query("SHOW port")).toBe(String(moved.port));
      await moved.stop();

      await expect(start(dataDir, { port })).rejects.toThrow(
        new RegExp(`a port it needs is in use \\(127\\.0\\.0\\.1:${port}\\).*Address already in use`),
      );
      expect(processesIn(pgDataOf(dataDir))).toEqual([]);
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
    // Free again: the fixed port is the one it listens on.
    const fixed = await start(dataDir, { port });
    expect(await fixed.query("SHOW port")).toBe(String(port));
  });

  it("says what is missing when there are no server binaries", async () => {
    const bogus = tempDir();
    const r = findPostgresInstallation({ ...process.env, FLINKFORM_PG_BIN: bogus });
    expect(r).toEqual({
      ok: false,
      reason: `no PostgreSQL server binaries: FLINKFORM_PG_BIN=${bogus} has no initdb, pg_ctl, postgres`,
    });
    const saved = process.env.FLINKFORM_PG_BIN;
    process.env.FLINKFORM_PG_BIN = bogus;
    try {
      await expect(LocalPostgres.start({ dataDir: tempDir() })).rejects.toThrow(
        /PostgreSQL cannot start: no PostgreSQL server binaries/,
      );
    } finally {
      if (saved === undefined) delete process.env.FLINKFORM_PG_BIN;
      else process.env.FLINKFORM_PG_BIN = saved;
    }
  });

  (isRoot ? it : it.skip)(
    "as root, says which directory to open when the postgres user cannot reach the data directory",
    async () => {
      const closed = tempDir(); // 0700, root's
      const dataDir = path.join(closed, "data");
      await expect(LocalPostgres.start({ dataDir })).rejects.toThrow(
        `may not search ${closed}. Let it through (chmod o+x ${closed}`,
      );
      expect(fs.statSync(closed).mode & 0o777).toBe(0o700);
      expect(processesIn(pgDataOf(dataDir))).toEqual([]);
    },
  );
});
