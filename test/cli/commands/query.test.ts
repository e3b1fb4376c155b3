import { parseArgs, renderTable } from "../../../cli/commands/query";

const env = { FLINK_API_URL: "http://127.0.0.1:1234/v1/", FLINK_API_TOKEN: "tok-123456789" };

describe("flinkform query", () => {
  test("takes a service, an application and version, a limit and the query; API settings from the environment", () => {
    expect(
      parseArgs(
        ["--service", "s1", "--application", "clicks", "--version", "2", "--limit", "5", "SELECT * FROM t"],
        env,
      ),
    ).toEqual({
      service: "s1",
      application: "clicks",
      version: "2",
      limit: 5,
      timeout: 30,
      project: "local",
      apiUrl: "http://127.0.0.1:1234/v1",
      token: "tok-123456789",
      statement: "SELECT * FROM t",
    });
  });

  test.each([
    [["SELECT 1"], /--service is required/],
    [["--service", "s", "--version", "2", "SELECT 1"], /--version needs --application/],
    [["--service", "s"], /give the query/],
    [["--service", "s", "SELECT 1", "SELECT 2"], /give one query/],
    [["--service", "s", "--limit", "0", "SELECT 1"], /--limit must be an integer 1..1000/],
    [["--service", "s", "--timeout", "x", "SELECT 1"], /--timeout must be seconds/],
  ])("rejects %j", (argv, message) => {
    expect(parseArgs(argv, env)).toMatch(message);
  });

  test("without an API URL or token it says where they come from", () => {
    expect(parseArgs(["--service", "s", "SELECT 1"], {})).toMatch(/set FLINK_API_URL/);
    expect(parseArgs(["--service", "s", "SELECT 1"], { FLINK_API_URL: "http://x/v1" })).toMatch(
      /FLINK_API_TOKEN/,
    );
  });

  test("prints rows as a table, with a changelog column only when the query updates its results", () => {
    const inserts = renderTable({
      columns: [
        { name: "url", type: "VARCHAR" },
        { name: "n", type: "BIGINT" },
      ],
      rows: [
        { kind: "INSERT", fields: ["/home", 3] },
        { kind: "INSERT", fields: ["/cart", null] },
      ],
      complete: true,
      elapsed_ms: 1234,
    });
    expect(inserts).toBe("url   | n\n------+-----\n/home | 3\n/cart | NULL\n2 row(s), 1.2 s\n");
    const updates = renderTable({
      columns: [{ name: "n", type: "BIGINT" }],
      rows: [
        { kind: "INSERT", fields: [1] },
        { kind: "UPDATE_BEFORE", fields: [1] },
        { kind: "UPDATE_AFTER", fields: [2] },
      ],
      complete: false,
      elapsed_ms: 30_000,
    });
    expect(updates.split("\n").slice(2, 5)).toEqual(["+I | 1", "-U | 1", "+U | 2"]);
    expect(updates).toContain("first 3 row(s); the query goes on");
  });
});
