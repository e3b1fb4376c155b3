/**
 * `npm run demo` on the real engine, as a user runs it: click events go through Kafka, a real Flink
 * job counts them per minute into PostgreSQL, a second version rolls out through a savepoint, and
 * the plan is empty. The rows the demo prints are compared with what PostgreSQL holds afterwards.
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalPostgres } from "../../controlplane/data-services/postgres-server";
import { describeWithDataServices } from "./data-tools";
import { flinkPids, postgresPids } from "./flink-env";

jest.setTimeout(300_000);
const root = path.resolve(__dirname, "..", "..");

describeWithDataServices("npm run demo (real Flink, Kafka and PostgreSQL)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "flinkform-demo-real-"));
    // Run as root, PostgreSQL runs as its own user, which must reach the demo's data directory.
    chmodSync(dir, 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("moves the clicks into PostgreSQL, rolls out version 2 through a savepoint, and the counts add up", async () => {
    const workDir = path.join(dir, "demo");
    const { code, stdout, stderr } = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      const child = spawn("npm", ["run", "demo", "--", "--dir", workDir], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d;
      });
      child.stderr.on("data", (d: Buffer) => {
        err += d;
      });
      child.on("close", (c) => resolve({ code: c, stdout: out, stderr: err }));
    });
    expect({ code, stderr: code === 0 ? "" : stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(
      /\[3\/9\] local control plane at .*, with real Apache Flink, Kafka and PostgreSQL/,
    );
    expect(stdout).toContain("[5/9] 300 click events → Kafka topic clicks");
    expect(stdout).toContain("300 clicks counted = 300 events sent.");
    expect(stdout).toMatch(
      /The counts carry on: 20 windows of version 1 unchanged, 12 new; 420 clicks = 420 events sent\./,
    );
    expect(stdout).toContain("No changes: the live services match the configuration (plan exit code 0).");

    // Everything the demo started stopped with it.
    const dataDir = path.join(workDir, "data");
    expect([...flinkPids(dataDir), ...postgresPids(dataDir)]).toEqual([]);

    // The last table the demo printed is what PostgreSQL holds.
    const printed = stdout
      .slice(stdout.lastIndexOf("    window"))
      .split("\n")
      .filter((l) => /^ {4}\d{4}-\d\d-\d\d \d\d:\d\d /.test(l))
      .flatMap((l) => {
        const [day, time, ...counts] = l.trim().split(/\s+/);
        return counts.map((c, i) => ({ minute: `${day} ${time}`, column: i, clicks: Number(c) }));
      });
    const pg = await LocalPostgres.start({ dataDir });
    try {
      const rows = (
        await pg.query(
          "SELECT url, to_char(window_start, 'YYYY-MM-DD HH24:MI'), clicks FROM clicks_per_minute WHERE url <> '/watermark' ORDER BY 2, 1",
        )
      )
        .split("\n")
        .map((l) => l.split(","));
      const urls = [...new Set(rows.map((r) => r[0]!))].sort();
      const stored = rows.map(([url, minute, clicks]) => ({
        minute: minute!,
        column: urls.indexOf(url!),
        clicks: Number(clicks),
      }));
      expect(printed).toEqual(stored);
      expect(stored.reduce((s, r) => s + r.clicks, 0)).toBe(420);
    } finally {
      await pg.stop();
    }
  });
});
