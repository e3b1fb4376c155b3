import { queryStatementProblem } from "../../controlplane/query-statement";

describe("queryStatementProblem: what the interactive query runs", () => {
  test.each([
    "SELECT * FROM clicks",
    "  select url, count(*) from clicks group by url;",
    "WITH t AS (SELECT 1 AS a) SELECT a FROM t",
    "VALUES (1, 'a'), (2, 'b')",
    "(SELECT 1) UNION ALL (SELECT 2)",
    "-- the newest clicks\nSELECT * FROM clicks",
    "/* a comment; with a semicolon */ SELECT ';' AS s",
    "SHOW TABLES",
    "DESCRIBE clicks",
  ])("runs %j", (statement) => {
    expect(queryStatementProblem(statement)).toBeUndefined();
  });

  test.each([
    [
      "INSERT INTO sink SELECT * FROM clicks",
      /INSERT writes data; the interactive query only reads \(SELECT\)/,
    ],
    ["EXECUTE STATEMENT SET BEGIN INSERT INTO s SELECT 1; END", /EXECUTE writes data/],
    [
      "CREATE TABLE t (a INT) WITH ('connector' = 'datagen')",
      /CREATE is not a query; .*DDL and SET belong in an application version/,
    ],
    ["DROP TABLE clicks", /DROP is not a query/],
    ["SET 'parallelism.default' = '4'", /SET is not a query/],
    ["SELECT 1; SELECT 2", /one query at a time/],
    ["SELECT 1; DROP TABLE clicks", /one query at a time/],
    ["   ", /empty; write one SELECT/],
    ["-- only a comment", /empty; write one SELECT/],
  ])("refuses %j", (statement, message) => {
    expect(queryStatementProblem(statement)).toMatch(message);
  });
});
