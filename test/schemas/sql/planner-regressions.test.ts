import { parseCreateTable, type TableDefinition, validateApplicationVersion } from "../../../schemas/sql";
import { analyzeSql } from "../../../schemas/sql/syntax";
import { CLICKS, clickstream, KAFKA_INTEGRATION, PAGE_VIEWS, PG_INTEGRATION } from "./clickstream";
import {
  ALWAYS_REJECTED,
  FLINK_REJECTS_TOKEN,
  REJECTED_IN_PLACE,
  STILL_INVALID,
  STILL_INVALID_LIKE,
} from "./planner-regressions";

describe("false positives found against Flink's planner (bench/sql-planner-vs-parser.mjs)", () => {
  const all = { ...ALWAYS_REJECTED, ...REJECTED_IN_PLACE };

  test.each(Object.entries(all))("accepted with one warning: %s", (_name, { sql }) => {
    const { issues, tree } = analyzeSql(sql);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "warning", code: "parser-false-positive" });
    expect(tree).toBeDefined();
  });

  test.each(Object.entries(all))("an error when false positives are not allowed: %s", (_name, { sql }) => {
    const { issues } = analyzeSql(sql, false);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "error", code: "sql-syntax" });
    expect(issues[0]!.message).toMatch(/known parser limitation/);
  });

  test.each(Object.entries(REJECTED_IN_PLACE))(
    "no rewrite and no warning where the grammar takes it: %s",
    (_name, { parses }) => {
      const { issues, neutralized, tree } = analyzeSql(parses);
      expect(issues).toEqual([]);
      expect(neutralized).toEqual([]);
      expect(tree).toBeDefined();
    },
  );

  test.each(Object.entries({ ...STILL_INVALID, ...STILL_INVALID_LIKE }))(
    "a real error is still reported: %s",
    (_name, { sql, line }) => {
      const errors = analyzeSql(sql).issues.filter((i) => i.severity === "error");
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ code: "sql-syntax", position: { line } });
    },
  );

  test("literals in ROW constructors are not taken for field descriptions", () => {
    const sql = "INSERT INTO s SELECT ROW(name LIKE 'a%', 1), ROW(a > 'x', 2), ROW(UPPER(s) || 'x') FROM t";
    expect(analyzeSql(sql)).toMatchObject({ issues: [], neutralized: [] });
  });

  test("only the statement that fails is rewritten and warned about", () => {
    const sql =
      "CREATE TEMPORARY VIEW v AS SELECT 'a' || UPPER(name) AS n FROM t;\nINSERT INTO s SELECT 'a' || DATE_FORMAT(ts, 'yyyy') FROM v";
    const { issues, tree } = analyzeSql(sql);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.position.line).toBe(2);
    expect(tree).toBeDefined();
  });

  test("a rewritten statement still yields its table references", () => {
    const statement =
      "INSERT INTO page_views_per_minute SELECT w.window_start, w.url || DATE_FORMAT(w.window_end, 'HH'), COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '1' MINUTE)) AS w GROUP BY w.window_start, w.window_end, w.url";
    expect(validateApplicationVersion(clickstream({ statement })).map((d) => d.code)).toEqual([
      "parser-false-positive",
    ]);
    const wrong = validateApplicationVersion(
      clickstream({ statement: statement.replace("TABLE clicks", "TABLE clickz") }),
    );
    expect(wrong.map((d) => d.code).sort()).toEqual(["parser-false-positive", "read-not-source"]);
  });
});

describe("table elements in any order", () => {
  const table = (sql: string) => {
    const t = parseCreateTable(sql);
    if ("error" in t) throw new Error(t.error.message);
    return t as TableDefinition;
  };

  test("a PRIMARY KEY before the WATERMARK is still read, and no placeholder column appears", () => {
    const t = table(ALWAYS_REJECTED["PRIMARY KEY before WATERMARK"]!.sql);
    expect(t.columns.map((c) => c.name)).toEqual(["id", "ts"]);
    expect(t.primaryKey?.columns).toEqual(["id"]);
    expect(t.watermark).toMatchObject({ column: "ts", expression: "ts - INTERVAL '1' SECOND" });
  });

  test("a WATERMARK before a column is still read", () => {
    const t = table(ALWAYS_REJECTED["a column after the WATERMARK"]!.sql);
    expect(t.columns.map((c) => c.name)).toEqual(["ts", "id"]);
    expect(t.watermark).toMatchObject({ column: "ts", expression: "ts - INTERVAL '1' SECOND" });
    expect(t.watermark?.position).toMatchObject({ line: 1, column: 34 });
  });

  test("the DDL rules still check a moved watermark and key", () => {
    const source = (ddl: string) =>
      validateApplicationVersion({ sources: [{ create_table: ddl }], sinks: [] }).filter(
        (d) => d.severity === "error",
      );
    const moved =
      "CREATE TABLE t (id BIGINT, ts STRING, PRIMARY KEY (key) NOT ENFORCED, WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen')";
    expect(source(moved).map((d) => d.code)).toEqual(["watermark-column-type", "primary-key-column-missing"]);
  });

  test("field descriptions and nullability inside types stay in the column type", () => {
    const t = table(ALWAYS_REJECTED["NOT NULL inside types"]!.sql);
    expect(t.columns.map((c) => c.type)).toEqual([
      "ROW<a INT NOT NULL, b STRING>",
      "ARRAY<INT NOT NULL>",
      "MAP<STRING NOT NULL, INT>",
    ]);
  });
});

describe("tokens Flink's parser rejects", () => {
  test.each(Object.entries(FLINK_REJECTS_TOKEN))("%s is a syntax error", (_name, { sql, column }) => {
    const { issues } = analyzeSql(sql);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "error", code: "sql-syntax", position: { line: 1, column } });
  });

  test("quotes inside string literals, names and comments are fine", () => {
    const sql =
      'INSERT INTO s SELECT `a"b`, \'say "hi"\' FROM t -- "quoted" != here\n/* != "x" */ WHERE x <> 1';
    expect(analyzeSql(sql).issues).toEqual([]);
  });
});

describe("connector options Flink 1.20 accepts or rejects", () => {
  const withSource = (ddl: string) =>
    validateApplicationVersion({
      ...clickstream(),
      sources: [{ create_table: ddl, integration_id: KAFKA_INTEGRATION }],
    }).filter((d) => d.location.part === "source");
  const withSink = (ddl: string) =>
    validateApplicationVersion({
      ...clickstream(),
      sinks: [{ create_table: ddl, integration_id: PG_INTEGRATION }],
    }).filter((d) => d.location.part === "sink");
  const errors = (ds: { severity: string; code: string }[]) =>
    ds.filter((d) => d.severity === "error").map((d) => d.code);
  const KAFKA = CLICKS;

  test("property-version is a framework option of kafka, jdbc, print and blackhole (not datagen)", () => {
    const version = "'property-version' = '1', ";
    expect(errors(withSource(KAFKA.replace("'topic'", `${version}'topic'`)))).toEqual([]);
    expect(errors(withSink(PAGE_VIEWS.replace("'table-name'", `${version}'table-name'`)))).toEqual([]);
    const sink = (connector: string) =>
      `CREATE TABLE page_views_per_minute (a INT) WITH (${version}'connector' = '${connector}')`;
    expect(errors(withSink(sink("blackhole")))).toEqual([]);
    expect(errors(withSink(sink("print")))).toEqual([]);
    const gen = `CREATE TABLE clicks (a INT) WITH (${version}'connector' = 'datagen')`;
    expect(errors(withSource(gen))).toEqual(["option-unknown"]);
  });

  test("jdbc lookup.cache FULL", () => {
    const ddl = PAGE_VIEWS.replace("'table-name'", "'lookup.cache' = 'FULL', 'table-name'");
    expect(errors(withSink(ddl))).toEqual([]);
  });

  test("format and value.format together: a warning (Flink uses 'format')", () => {
    const ds = withSource(
      KAFKA.replace("'value.format' = 'json'", "'format' = 'json', 'value.format' = 'json'"),
    );
    expect(ds.filter((d) => d.code === "option-conflict").map((d) => d.severity)).toEqual(["warning"]);
  });

  test("datagen: rows-per-second is an integer; no scan.watermark.* options", () => {
    const gen = (opts: string) => `CREATE TABLE clicks (a INT) WITH ('connector' = 'datagen'${opts})`;
    expect(errors(withSource(gen(", 'rows-per-second' = '0.5'")))).toEqual(["option-value"]);
    expect(errors(withSource(gen(", 'rows-per-second' = '5'")))).toEqual([]);
    expect(errors(withSource(gen(", 'scan.watermark.idle-timeout' = '1 min'")))).toEqual(["option-unknown"]);
  });

  test("durations take exactly Flink's unit labels", () => {
    const interval = (v: string) =>
      errors(
        withSource(KAFKA.replace("'topic'", `'scan.topic-partition-discovery.interval' = '${v}', 'topic'`)),
      );
    for (const ok of ["30 s", "5 min", "5 MIN", "2 hours", "1d", "500 millis", "10 secs"])
      expect(interval(ok)).toEqual([]);
    for (const bad of ["5 mins", "PT30S", "3 us", "1 week"]) expect(interval(bad)).toEqual(["option-value"]);
  });

  test("a kafka sink needs 'topic' even with a writable topic metadata column", () => {
    const sink =
      "CREATE TABLE page_views_per_minute (url STRING, topic STRING METADATA) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'format' = 'json')";
    expect(errors(withSink(sink))).toContain("option-required");
  });

  test("a watermark on a nested field is an error in Flink 1.20", () => {
    const ddl =
      "CREATE TABLE clicks (id BIGINT, meta ROW<ts TIMESTAMP(3)>, WATERMARK FOR meta.ts AS meta.ts) WITH ('connector' = 'datagen')";
    expect(errors(withSource(ddl))).toEqual(["watermark-nested-column"]);
  });
});
