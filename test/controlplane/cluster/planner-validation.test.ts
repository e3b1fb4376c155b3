import { explainStatement } from "../../../controlplane/cluster/flink/planner-validation";

describe("explainStatement: what the validate endpoint asks Flink's planner to explain", () => {
  test("an INSERT is explained on its own lines, so Flink's positions are its own one line down", () => {
    expect(explainStatement("INSERT INTO s SELECT * FROM t")).toEqual({
      sql: "EXPLAIN PLAN FOR\nINSERT INTO s SELECT * FROM t",
    });
  });

  test.each([
    ["EXECUTE INSERT INTO s SELECT * FROM t", "        INSERT INTO s SELECT * FROM t"],
    [
      "  execute STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END",
      "          STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END",
    ],
  ])("EXECUTE %j is explained as what it runs, columns unchanged", (statement, explained) => {
    const result = explainStatement(statement);
    expect(result).toEqual({ sql: `EXPLAIN PLAN FOR\n${explained}` });
    expect(explained.length).toBe(statement.length);
  });

  test("a bare STATEMENT SET is refused where it starts: the gateway would not run it", () => {
    const result = explainStatement("\n  STATEMENT SET BEGIN INSERT INTO a SELECT 1; END");
    expect(result).toMatchObject({
      problem: {
        message: expect.stringContaining("EXECUTE STATEMENT SET BEGIN ... END"),
        position: { line: 2, column: 3 },
      },
    });
  });

  test("an empty statement is refused as such, not at a position in the hidden EXPLAIN line", () => {
    expect(explainStatement("  \n ")).toEqual({
      problem: { message: "The statement is empty: write one INSERT INTO ... SELECT ..." },
    });
  });
});
