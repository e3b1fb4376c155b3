/**
 * Hostile SQL at plan time, through the real terraform CLI and provider: a statement nested thousands
 * deep, or one whose parse would take minutes, is an error diagnostic at the statement attribute —
 * never "Maximum call stack size exceeded", a crash or a hang.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

const CRASH = /plugin crashed|panic|This is a bug in the provider|Plugin did not respond|call stack/i;
/** Terraform wraps diagnostic text at 78 columns; compare it as one line. */
const flat = (text: string) => text.replace(/\s+/g, " ");

const version = (name: string, select: string) => `
resource "flink_application_version" "${name}" {
  project        = "local"
  service_name   = "flink-sql-limits"
  application_id = "6c3c5d6a-1111-4a4a-9b9b-000000000001"
  source {
    create_table = "CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE sink_t (id BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO sink_t SELECT ${select} FROM gen"
}
`;

test("a statement nested 5,000 deep and one too complex to parse: diagnostics at the statement, no crash", async () => {
  const wd = acc.workdir(
    "sql-limits",
    version("deep", `${"(".repeat(5000)}id${")".repeat(5000)}`) +
      version("udf", `${"my_udf(".repeat(14)}id${")".repeat(14)}`),
  );
  await acc.tf(wd, ["init", "-input=false"]);
  const result = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(result.code).toBe(1);
  const out = flat(result.stderr);
  expect(out).toMatch(/statement nested too deeply \(5000 levels; at most 100\)/);
  expect(out).toMatch(
    /with flink_application_version\.deep, on main\.tf line \d+, in resource "flink_application_version" "deep": \d+: statement = /,
  );
  expect(out).toMatch(/statement too complex to check: the SQL parser's work limit/);
  expect(out).toMatch(
    /with flink_application_version\.udf, on main\.tf line \d+, in resource "flink_application_version" "udf": \d+: statement = /,
  );
  expect(result.stderr).not.toMatch(CRASH);
}, 180_000);
