import { validateApplicationVersion } from "../../../schemas/sql";
import { analyzeSql } from "../../../schemas/sql/syntax";
import { FALSE_POSITIVES, INVALID, VALID } from "./regression-statements";

describe("regression set (flink-rules.md §3.4)", () => {
  test.each(Object.entries(VALID))("accepts valid Flink SQL: %s", (_name, sql) => {
    const analysis = analyzeSql(sql);
    expect(analysis.issues).toEqual([]);
    expect(analysis.tree).toBeDefined();
  });

  test.each(Object.entries(FALSE_POSITIVES))(
    "turns the parser's false error into a warning: %s",
    (_name, sql) => {
      const { issues } = analyzeSql(sql);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ severity: "warning", code: "parser-false-positive" });
    },
  );

  test.each(Object.entries(FALSE_POSITIVES))(
    "keeps it an error when false positives are not allowed: %s",
    (_name, sql) => {
      const { issues } = analyzeSql(sql, false);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ severity: "error", code: "sql-syntax" });
      expect(issues[0]!.message).toMatch(/known parser limitation/);
    },
  );

  test.each(Object.entries(INVALID))("rejects invalid SQL with its line: %s", (_name, { sql, line }) => {
    const errors = analyzeSql(sql).issues.filter((i) => i.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "sql-syntax", position: { line } });
    expect(errors[0]!.message).toContain(`line ${line}`);
  });

  test("reports only the first error of each statement, positioned in the attribute", () => {
    const statement =
      "CREATE TEMPORARY VIEW v AS SELECT * FROM t;\nINSERT INTO s SELECT a FROM v WHERE (a > 1;\nINSERT INTO s SELEC a FROM v;";
    const errors = validateApplicationVersion({ statement, sources: [], sinks: [] });
    expect(errors.map((e) => [e.code, e.position?.line, e.position?.column])).toEqual([
      ["sql-syntax", 2, 43],
      ["sql-syntax", 3, 15],
    ]);
  });

  test("a false positive inside a statement with other tables still checks references", () => {
    const statement = "INSERT INTO s SELECT EXTRACT(HOUR FROM ts) FROM orders";
    const diags = validateApplicationVersion({ statement, sources: [], sinks: [] });
    expect(diags.map((d) => d.code).sort()).toEqual([
      "insert-target-not-sink",
      "parser-false-positive",
      "read-not-source",
    ]);
  });
});
