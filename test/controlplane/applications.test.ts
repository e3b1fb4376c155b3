import { type Harness, pipeline, SINK, SRC, STATEMENT, start } from "./helpers";

describe("Flink applications and versions", () => {
  let h: Harness;
  let p: Awaited<ReturnType<typeof pipeline>>;
  beforeAll(async () => {
    h = await start();
    p = await pipeline(h);
  });
  afterAll(() => h.cp.close());

  test("application objects are unwrapped; list, rename and get work", async () => {
    expect(p.app).toMatchObject({
      name: "clickstream",
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      created_by: expect.any(String),
    });
    const base = `/project/local/service/${p.service}/flink/application`;
    const renamed = await h.api("PUT", p.appBase, { name: "clicks-v2" });
    expect(renamed.body.name).toBe("clicks-v2");
    const list = await h.api("GET", base);
    expect(list.body.applications).toEqual([expect.objectContaining({ id: p.app.id, name: "clicks-v2" })]);
    expect(list.body.applications[0].application_versions).toBeUndefined();
    const one = await h.api("GET", p.appBase);
    expect(one.body.application_versions).toHaveLength(1);
    expect(one.body.current_deployment).toBeUndefined();
  });

  test("a version reports its tables' names, columns and options", () => {
    expect(p.version.version).toBe(1);
    expect(p.version.sources[0]).toMatchObject({
      table_name: "clicks",
      integration_id: p.integration,
      options: { connector: "kafka", topic: "clicks", format: "json" },
      table_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(p.version.sources[0].columns).toEqual([
      { name: "user_id", data_type: "BIGINT", nullable: true },
      { name: "url", data_type: "STRING", nullable: true },
      { name: "ts", data_type: "TIMESTAMP(3)", nullable: true, watermark: "ts - INTERVAL '5' SECOND" },
    ]);
    expect(p.version.sinks[0].columns[0]).toEqual({
      name: "user_id",
      data_type: "BIGINT",
      nullable: false,
      key: "PRI",
    });
  });

  test("versions are numbered 1, 2, 3 per application and cannot be updated", async () => {
    const body = { statement: STATEMENT, sources: [{ create_table: SRC }], sinks: [{ create_table: SINK }] };
    const v2 = await h.api("POST", `${p.appBase}/version`, body);
    const v3 = await h.api("POST", `${p.appBase}/version`, body);
    expect([v2.body.version, v3.body.version]).toEqual([2, 3]);
    expect((await h.api("PUT", `${p.appBase}/version/${v2.body.id}`, body)).status).toBe(405);
    const got = await h.api("GET", `${p.appBase}/version/${v2.body.id}`);
    expect(got.body).toEqual(v2.body);
    expect((await h.api("DELETE", `${p.appBase}/version/${v3.body.id}`)).body.id).toBe(v3.body.id);
    expect((await h.api("GET", `${p.appBase}/version/${v3.body.id}`)).status).toBe(404);
  });

  test("a table integration_id that is not an integration of this service is a 404 'Integration not found'", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    const res = await h.api("POST", `${p.appBase}/version`, {
      statement: STATEMENT,
      sources: [{ create_table: SRC, integration_id: missing }],
      sinks: [{ create_table: SINK }],
    });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`Integration not found: ${missing}`);
  });

  test("SQL that does not parse is refused on create with the line and column", async () => {
    const res = await h.api("POST", `${p.appBase}/version`, {
      statement: "INSERT INTO counts\nSELEC user_id FROM clicks",
      sources: [{ create_table: SRC }],
      sinks: [{ create_table: SINK }],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/statement line 2, column 1/);
  });

  test.each([
    [{ sources: [], sinks: [] }, /statement: missing required field/],
    [{ statement: STATEMENT, sinks: [] }, /sources: missing required field/],
    [{ statement: STATEMENT, sources: {}, sinks: [] }, /sources: expected an array/],
    [
      { statement: STATEMENT, sources: [{}], sinks: [] },
      /sources\[0\]\.create_table: missing required field/,
    ],
    [
      { statement: STATEMENT, sources: [{ create_table: SRC, integration_id: "short" }], sinks: [] },
      /integration_id: must be at least 36/,
    ],
    [{ statement: "x".repeat(50_001), sources: [], sinks: [] }, /statement: must be at most 50000/],
  ])("version body %# is a 400 naming the field", async (body, message) => {
    const res = await h.api("POST", `${p.appBase}/version`, body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  test("validate answers 200 with statement_error and per-table messages at 1-based positions", async () => {
    const res = await h.api("POST", `${p.appBase}/version/validate`, {
      statement: "INSERT INTO counts\nSELEC user_id FROM clicks",
      sources: [{ create_table: SRC, integration_id: p.integration }],
      sinks: [{ create_table: "CREATE TABLE counts (user_id BIGINT,) WITH ('connector' = 'print')" }],
    });
    expect(res.status).toBe(200);
    expect(res.body.statement_error).toEqual({
      message: expect.stringMatching(/SELEC/),
      position: { line_number: 2, character_number: 1, end_line_number: 2, end_character_number: 6 },
    });
    expect(res.body.sources[0]).toMatchObject({ table_name: "clicks", integration_id: p.integration });
    expect(res.body.sources[0].message).toBeUndefined();
    expect(res.body.sinks[0]).toMatchObject({
      table_name: "counts",
      message: expect.any(String),
      position: expect.objectContaining({ line_number: 1 }),
    });
  });

  test("validate without a statement checks only the tables", async () => {
    const res = await h.api("POST", `${p.appBase}/version/validate`, {
      sources: [{ create_table: SRC }],
      sinks: [],
    });
    expect(res.status).toBe(200);
    expect(res.body.statement_error).toBeUndefined();
    expect(res.body.sources[0].columns).toHaveLength(3);
  });

  test("an application with deployments cannot be deleted (417); without them it can", async () => {
    const dep = await h.api("POST", `${p.appBase}/deployment`, { version_id: p.version.id });
    expect(dep.status).toBe(200);
    const refused = await h.api("DELETE", p.appBase);
    expect(refused.status).toBe(417);
    expect(refused.body.message).toBe("Application deletion forbidden because it has 1 deployment(s)");
    const other = await h.api("POST", `/project/local/service/${p.service}/flink/application`, {
      name: "scratch",
    });
    const deleted = await h.api(
      "DELETE",
      `/project/local/service/${p.service}/flink/application/${other.body.id}`,
    );
    expect(deleted.body).toMatchObject({ id: other.body.id, name: "scratch" });
  });

  test("application names: required, at most 128 characters, unique per service", async () => {
    const base = `/project/local/service/${p.service}/flink/application`;
    expect((await h.api("POST", base, {})).body.message).toMatch(/name: missing required field/);
    expect((await h.api("POST", base, { name: "n".repeat(129) })).body.message).toMatch(/at most 128/);
    await h.api("POST", base, { name: "twice" });
    expect((await h.api("POST", base, { name: "twice" })).status).toBe(409);
  });
});
