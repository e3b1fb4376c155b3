/**
 * The data directory holds endpoint passwords in its database: other local users can neither list
 * it nor read the database, whatever the umask, and a directory an older version left open is
 * closed on the next start. A local PostgreSQL server (run as its own user under root) still
 * reaches its files: the directory then lets others search it, not list it (0701).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { startControlPlane } from "../../controlplane";
import { findPostgresInstallation } from "../../controlplane/data-services/postgres-server";
import { TOKEN, tempDir } from "./helpers";

const mode = (p: string) => fs.statSync(p).mode & 0o7777;
const DB = "controlplane.sqlite";

let umask: number;
beforeAll(() => {
  // The most permissive umask: the modes below must come from the control plane, not from it.
  umask = process.umask(0);
});
afterAll(() => {
  process.umask(umask);
});

async function withControlPlane(dataDir: string, run: (url: string) => Promise<void>, postgres = false) {
  const cp = await startControlPlane({
    dataDir,
    token: TOKEN,
    timeScale: 0.01,
    ...(postgres ? { dataServices: { postgres: true } } : {}),
  });
  try {
    await run(cp.url);
  } finally {
    await cp.close();
  }
}

const createEndpoint = (url: string) =>
  fetch(`${url}/project/local/integration_endpoint`, {
    method: "POST",
    headers: { authorization: `aivenv1 ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({
      endpoint_name: "pg",
      endpoint_type: "external_postgresql",
      user_config: { host: "db", port: 5432, username: "app", password: "s3cret-password" },
    }),
  });

test("a new data directory is 0700 and the database with its WAL files 0600", async () => {
  const dataDir = path.join(tempDir(), "nested", "data");
  await withControlPlane(dataDir, async (url) => {
    // A write: the endpoint password lands in the database and its WAL.
    expect((await createEndpoint(url)).status).toBe(200);
    expect(mode(dataDir)).toBe(0o700);
    for (const f of [DB, `${DB}-wal`, `${DB}-shm`])
      expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
  });
});

/** The files an older version leaves after a crash: a database and a WAL still holding frames. */
function crashedOlderVersion(dataDir: string): void {
  const live = tempDir();
  const db = new Database(path.join(live, DB));
  db.pragma("journal_mode = WAL");
  db.pragma("wal_autocheckpoint = 0");
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('written before the crash')");
  // Copied while open, as a crash leaves them (close would checkpoint and remove the WAL).
  for (const f of [DB, `${DB}-wal`]) fs.copyFileSync(path.join(live, f), path.join(dataDir, f));
  db.close();
  for (const f of [DB, `${DB}-wal`]) fs.chmodSync(path.join(dataDir, f), 0o644);
}

test("a data directory and database an older version left readable are closed on start", async () => {
  const dataDir = tempDir();
  fs.chmodSync(dataDir, 0o755);
  crashedOlderVersion(dataDir);
  expect(fs.statSync(path.join(dataDir, `${DB}-wal`)).size).toBeGreaterThan(0);
  await withControlPlane(dataDir, async (url) => {
    // While it runs: SQLite keeps writing into the WAL file it found.
    expect((await createEndpoint(url)).status).toBe(200);
    expect(mode(dataDir)).toBe(0o700);
    for (const f of [DB, `${DB}-wal`, `${DB}-shm`])
      expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
  });
});

const postgres = findPostgresInstallation();
const isRoot = process.getuid?.() === 0;
(postgres.ok && isRoot ? test : test.skip)(
  "with a local PostgreSQL server run as its own user, the data directory lets others search it, not list it (0701)",
  async () => {
    const parent = tempDir();
    fs.chmodSync(parent, 0o711);
    const dataDir = path.join(parent, "data");
    await withControlPlane(
      dataDir,
      async () => {
        expect(mode(dataDir)).toBe(0o701);
        expect(mode(path.join(dataDir, DB))).toBe(0o600);
      },
      true,
    );
  },
  120_000,
);
