/**
 * The provider's SQL validation cache under the real terraform: the provider processes of a plan
 * remember each version's validation in FLINKFORM_CACHE_DIR, the next plan's processes answer from
 * it (a planted answer shows up in the plan), the same error is reported either way, and a changed
 * statement is validated afresh.
 */
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

const config = (statement: string) => `
resource "flink_application_version" "v" {
  project        = "local"
  service_name   = "flink-cache"
  application_id = "00000000-0000-4000-8000-000000000001"
  source {
    create_table = "CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE sink_t (id BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "${statement}"
}
`;
const folder = () => path.join(acc.dir, "cache", "sql-validation");
const entries = () => readdirSync(folder()).filter((n) => n.endsWith(".json"));
const flat = (text: string) => text.replace(/\s+/g, " ");

test("a plan remembers each version's validation and the next plan answers from it", async () => {
  const wd = acc.workdir("sql-cache", config("INSERT INTO sink_t SELEC id FROM gen"));
  await acc.tf(wd, ["init", "-input=false"]);

  const first = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(first.code).toBe(1);
  expect(flat(first.stderr)).toContain("Invalid Flink SQL");
  expect(entries()).toHaveLength(1);

  const second = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(second.code).toBe(1);
  expect(flat(second.stderr)).toBe(flat(first.stderr));
  expect(entries()).toHaveLength(1);

  // The answer comes from the cache: planted there, it is what the plan says.
  writeFileSync(
    path.join(folder(), entries()[0]!),
    JSON.stringify([
      {
        severity: "error",
        code: "planted",
        message: "planted in the cache",
        location: { part: "statement" },
      },
    ]),
  );
  const planted = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(flat(planted.stderr)).toContain("statement: planted in the cache");

  // Another statement is another entry, validated afresh.
  acc.writeConfig(wd, config("INSERT INTO sink_t SELECT id FROM gen"));
  const fixed = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(flat(fixed.stderr)).not.toContain("Invalid Flink SQL");
  expect(flat(fixed.stdout)).toContain("flink_application_version.v will be created");
  expect(entries()).toHaveLength(2);
}, 120_000);
