/**
 * SQL validation never holds up the control plane: it runs on a worker thread, hostile statements are
 * refused with a 400 naming the limit, and a validation over the time limit is cut with a 422.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { type Harness, type Json, start } from "./helpers";

const execFileAsync = promisify(execFile);

const SOURCE = "CREATE TABLE s (a INT) WITH ('connector' = 'datagen')";
const SINK = "CREATE TABLE k (a INT) WITH ('connector' = 'blackhole')";
const version = (statement: string) => ({
  statement,
  sources: [{ create_table: SOURCE }],
  sinks: [{ create_table: SINK }],
});
/** Directly nested calls of a user-defined function: seconds of parser work before its budget stops it. */
const HOSTILE = version(`INSERT INTO k SELECT ${"my_udf(".repeat(14)}a${")".repeat(14)} FROM s`);
const DEEP = version(`INSERT INTO k SELECT ${"(".repeat(5000)}a${")".repeat(5000)} FROM s`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function flinkApp(h: Harness, service: string): Promise<string> {
  expect(
    (
      await h.api("POST", "/project/local/service", {
        service_name: service,
        service_type: "flink",
        plan: "business-4",
      })
    ).status,
  ).toBe(200);
  const app = await h.api("POST", `/project/local/service/${service}/flink/application`, { name: "app" });
  expect(app.status).toBe(200);
  return `/project/local/service/${service}/flink/application/${app.body.id}/version`;
}

describe("SQL validation on the worker thread", () => {
  let h: Harness;
  let versions: string;
  beforeAll(async () => {
    h = await start();
    versions = await flinkApp(h, "sqlv");
    // The worker starts with the first validation; these tests time what comes after.
    expect(
      (await h.api("POST", `${versions}/validate`, version("INSERT INTO k SELECT a FROM s"))).status,
    ).toBe(200);
  });
  afterAll(() => h.cp.close());

  test("health answers within 100 ms (median of 15 calls) while hostile validations run", async () => {
    // Measured from another process: its clock runs on while this one's event loop would be blocked.
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        path.join(__dirname, "fixtures", "health-prober.js"),
        JSON.stringify({
          base: h.cp.url,
          adminBase: h.cp.adminUrl,
          token: h.cp.token,
          validatePath: `${versions}/validate`,
          hostileBody: HOSTILE,
          calls: 15,
        }),
      ],
      { timeout: 120_000 },
    );
    const { health_ms: times, first } = JSON.parse(stdout) as {
      health_ms: number[];
      first: { status: number; message: string };
    };
    console.log(`health during hostile validations, ms: ${times.map((t) => t.toFixed(1)).join(", ")}`);
    expect(times).toHaveLength(15);
    expect(median(times)).toBeLessThan(100);
    // A hostile validation was sent before each health call; the first is refused with the reason.
    expect(first.status).toBe(400);
    expect(first.message).toMatch(/^Invalid SQL: statement: statement too complex to check/);
  }, 180_000);
});

describe("hostile SQL at the API", () => {
  let h: Harness;
  let versions: string;
  beforeAll(async () => {
    h = await start();
    versions = await flinkApp(h, "sqlh");
  });
  afterAll(() => h.cp.close());

  test("5,000 nested parentheses: validate and create answer 400 naming the limit; nothing is stored", async () => {
    for (const path of [`${versions}/validate`, versions]) {
      const res = await h.api("POST", path, DEEP);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(
        /^Invalid SQL: statement line 1, column \d+: statement nested too deeply \(5000 levels; at most 100\)/,
      );
    }
    const app = await h.api("GET", versions.replace(/\/version$/, ""));
    expect(app.body.application_versions).toEqual([]);
  });

  test("an application created with a hostile inline version is refused and not created", async () => {
    const apps = versions.replace(/\/[^/]+\/version$/, "");
    const res = await h.api("POST", apps, { name: "inline", application_version: DEEP });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/statement nested too deeply/);
    const list = await h.api("GET", apps);
    expect(list.body.applications.map((a: Json) => a.name)).toEqual(["app"]);
  });
});

describe("SQL validation time limit", () => {
  let h: Harness;
  let versions: string;
  beforeAll(async () => {
    // The hostile statement needs seconds of parser work; the limit here is a fraction of that.
    h = await start({ sqlValidationTimeoutMs: 300 });
    versions = await flinkApp(h, "sqlt");
  });
  afterAll(() => h.cp.close());

  test("a validation over the limit answers 422 with the reason; health is answered meanwhile", async () => {
    const hostile = h.api("POST", `${versions}/validate`, HOSTILE);
    expect((await h.admin("GET", "/health")).status).toBe(200);
    const res = await hostile;
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(
      /^SQL validation took longer than 0.3 s and was stopped: the SQL is too complex to check/,
    );
  });
});
