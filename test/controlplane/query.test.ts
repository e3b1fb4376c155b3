/** The interactive query endpoint on the simulated engine: its input checks, and a clear refusal to run. */
import { type Harness, type Json, start } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
  await h.api("POST", "/project/local/service", {
    service_name: "q1",
    service_type: "flink",
    plan: "business-4",
  });
});
afterAll(() => h.cp.close());

const query = (body: Json) => h.api("POST", "/project/local/service/q1/flink/query", body);

test("a SELECT needs the flink engine: 409 saying so", async () => {
  const r = await query({ statement: "SELECT 1" });
  expect(r.status).toBe(409);
  expect(r.body.message).toMatch(/Interactive queries need the flink engine/);
});

test.each([
  [{ statement: "INSERT INTO s SELECT 1" }, /INSERT writes data/],
  [{ statement: "CREATE TABLE t (a INT)" }, /CREATE is not a query/],
  [{ statement: "SELECT 1", limit: 0 }, /limit/],
  [{ statement: "SELECT 1", timeout_seconds: 301 }, /timeout_seconds/],
  [
    { statement: "SELECT 1", application_version_id: "00000000-0000-0000-0000-000000000000" },
    /application_id: required/,
  ],
  [{}, /statement/],
])("%j is a 400 naming the problem", async (body, message) => {
  const r = await query(body);
  expect(r.status).toBe(400);
  expect(r.body.message).toMatch(message);
});

test("an unknown service is a 404", async () => {
  const r = await h.api("POST", "/project/local/service/nope/flink/query", { statement: "SELECT 1" });
  expect(r.status).toBe(404);
});
