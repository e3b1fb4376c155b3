import { parseCreateTable, type TableDefinition } from "../../../schemas/sql";
import { parserBundleCandidates } from "../../../schemas/sql/loader";
import { CLICKS } from "./clickstream";

function table(sql: string): TableDefinition {
  const result = parseCreateTable(sql);
  if ("error" in result) throw new Error(result.error.message);
  return result;
}

describe("parseCreateTable", () => {
  test("reads name, columns with full types, options and watermark", () => {
    const t = table(CLICKS);
    expect(t.name).toBe("clicks");
    expect(t.columns.map((c) => [c.name, c.type, c.kind])).toEqual([
      ["user_id", "STRING", "physical"],
      ["url", "STRING", "physical"],
      ["referrer", "STRING", "physical"],
      ["event_time", "TIMESTAMP(3)", "physical"],
    ]);
    expect(t.options).toMatchObject({
      connector: "kafka",
      topic: "clickstream",
      "properties.bootstrap.servers": "",
    });
    expect(t.watermark).toMatchObject({
      column: "event_time",
      expression: "event_time - INTERVAL '5' SECOND",
    });
    expect(t.optionPositions.topic).toEqual({ line: 10, column: 3, endLine: 10, endColumn: 26 });
  });

  test("metadata, computed and constrained columns, backticks, quoted keys", () => {
    const t = table(`CREATE TABLE IF NOT EXISTS cat.db.\`my orders\` (
      id BIGINT PRIMARY KEY NOT ENFORCED,
      price DECIMAL(10, 2) NOT NULL,
      part INT METADATA FROM 'partition' VIRTUAL,
      ts TIMESTAMP_LTZ(3) METADATA,
      cost AS CAST(price * 2 AS DECIMAL(12, 2)),
      proc AS PROCTIME()
    ) WITH ('connector' = 'kafka', 'properties.group.id' = 'it''s')`);
    expect(t.name).toBe("cat.db.my orders");
    expect(t.primaryKey?.columns).toEqual(["id"]);
    expect(t.columns).toEqual([
      expect.objectContaining({ name: "id", type: "BIGINT", kind: "physical" }),
      expect.objectContaining({ name: "price", type: "DECIMAL(10, 2)", kind: "physical" }),
      expect.objectContaining({ name: "part", kind: "metadata", virtual: true, metadataKey: "partition" }),
      expect.objectContaining({
        name: "ts",
        type: "TIMESTAMP_LTZ(3)",
        kind: "metadata",
        virtual: false,
        metadataKey: "ts",
      }),
      expect.objectContaining({ name: "cost", type: "DECIMAL(12, 2)", kind: "computed" }),
      expect.objectContaining({ name: "proc", kind: "computed", expression: "PROCTIME()" }),
    ]);
    expect(t.options["properties.group.id"]).toBe("it's");
  });

  test("table-level primary key", () => {
    expect(
      table("CREATE TABLE t (a INT, b INT, PRIMARY KEY (a, b) NOT ENFORCED) WITH ('connector' = 'print')")
        .primaryKey?.columns,
    ).toEqual(["a", "b"]);
  });

  test("LIKE tables parse despite the parser, with the LIKE source recorded", () => {
    const t = table(
      "CREATE TABLE x (WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka') LIKE orders",
    );
    expect(t.like).toBe("orders");
    expect(t.columns).toEqual([]);
  });

  test.each([
    ["", "create-table-missing"],
    [
      "CREATE TABLE a (x INT) WITH ('connector' = 'print'); CREATE TABLE b (x INT) WITH ('connector' = 'print')",
      "create-table-multiple",
    ],
    ["CREATE TABLE a (x INT,) WITH ('connector' = 'print')", "sql-syntax"],
    ["CREATE TABLE a WITH ('connector' = 'print') AS SELECT 1", "create-table-not-a-table"],
  ])("returns the problem as a diagnostic: %s", (sql, code) => {
    const result = parseCreateTable(sql);
    expect(result).toEqual({ error: expect.objectContaining({ severity: "error", code }) });
  });
});

describe("parser loader", () => {
  test("looks next to a bundle and in the repository's dist/", () => {
    expect(parserBundleCandidates("/opt/x/dist")).toEqual([
      "/opt/x/dist/vendor/flinksql.cjs",
      "/opt/dist/vendor/flinksql.cjs",
    ]);
  });
});
