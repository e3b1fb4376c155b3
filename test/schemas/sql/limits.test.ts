/**
 * Hostile SQL costs bounded work: text over a shape limit is refused before the parser sees it, the
 * parser stops at its work budget, and a stack overflow inside it is a diagnostic, never a crash.
 */
import { SQL_SHAPE_LIMITS, validateApplicationVersion } from "../../../schemas/sql";
import { loadFlinkSqlParser } from "../../../schemas/sql/loader";
import { SqlTooComplexError } from "../../../schemas/sql/parse-budget";
import { checkSqlShape } from "../../../schemas/sql/shape-limits";

const SINK = "CREATE TABLE k (a INT) WITH ('connector' = 'blackhole')";
const SOURCE = "CREATE TABLE s (a INT) WITH ('connector' = 'datagen')";

function statement(sql: string) {
  return validateApplicationVersion({
    statement: sql,
    sources: [{ create_table: SOURCE }],
    sinks: [{ create_table: SINK }],
  });
}

const nested = (open: string, close: string, depth: number, inner = "a") =>
  `INSERT INTO k SELECT ${open.repeat(depth)}${inner}${close.repeat(depth)} FROM s`;

describe("nesting limit", () => {
  it("refuses 5,000 nested parentheses with the depth, the limit and the position", () => {
    const d = statement(`SELECT ${"(".repeat(5000)}1${")".repeat(5000)}`);
    expect(d).toEqual([
      {
        severity: "error",
        code: "sql-too-deep",
        message: expect.stringMatching(/^statement nested too deeply \(5000 levels; at most 100\)/),
        location: { part: "statement" },
        // The first parenthesis over the limit: column 8 + 100.
        position: { line: 1, column: 108, endLine: 1, endColumn: 109 },
      },
    ]);
  });

  it.each([
    ["brackets", "a[", "]"],
    ["CASE", "CASE WHEN TRUE THEN ", " END"],
    ["NOT", "NOT ", ""],
    ["unary minus", "- ", ""],
    ["function calls", "UPPER(", ")"],
  ])("counts %s as nesting", (_, open, close) => {
    const d = statement(nested(open, close, 1000, "TRUE"));
    expect(d.map((x) => x.code)).toEqual(["sql-too-deep"]);
  });

  it(`accepts ${SQL_SHAPE_LIMITS.nesting} levels and refuses ${SQL_SHAPE_LIMITS.nesting + 1}`, () => {
    const at = statement(nested("(", ")", SQL_SHAPE_LIMITS.nesting));
    expect(at.filter((x) => x.severity === "error")).toEqual([]);
    const over = statement(nested("(", ")", SQL_SHAPE_LIMITS.nesting + 1));
    expect(over.map((x) => x.code)).toEqual(["sql-too-deep"]);
    expect(over[0]!.message).toMatch(/\(101 levels; at most 100\)/);
  });

  it("does not count brackets inside strings, quoted names and comments", () => {
    const noise = `'${"(".repeat(500)}' AS x, \`${"[".repeat(500)}\` -- ${"(".repeat(500)}\n`;
    expect(checkSqlShape(`SELECT ${noise} /* ${"(".repeat(500)} */ 1`)).toBeUndefined();
  });

  it("counts binary minus and plus as no nesting", () => {
    expect(checkSqlShape(`SELECT ${"a - ".repeat(500)}b + c`)).toBeUndefined();
  });

  it("checks each create_table too, pointing at that table", () => {
    const deep = `CREATE TABLE s (a INT, b AS ${"(".repeat(2000)}a${")".repeat(2000)}) WITH ('connector' = 'datagen')`;
    const d = validateApplicationVersion({
      statement: "INSERT INTO k SELECT a FROM s",
      sources: [{ create_table: deep }],
      sinks: [{ create_table: SINK }],
    });
    expect(d.map((x) => [x.code, x.location])).toEqual([["sql-too-deep", { part: "source", index: 0 }]]);
  });
});

describe("token and statement limits", () => {
  const tokens = (n: number) => `SELECT ${"a ".repeat(n - 1)}`;

  it(`accepts ${SQL_SHAPE_LIMITS.tokens} tokens and refuses one more`, () => {
    expect(checkSqlShape(tokens(SQL_SHAPE_LIMITS.tokens))).toBeUndefined();
    const over = checkSqlShape(tokens(SQL_SHAPE_LIMITS.tokens + 1));
    expect(over?.code).toBe("sql-too-many-tokens");
    expect(over?.message).toMatch(/^statement has too many tokens \(20001; at most 20000\)/);
  });

  it(`accepts ${SQL_SHAPE_LIMITS.statements} statements and refuses one more`, () => {
    const many = (n: number) => "SELEC 1;\n".repeat(n);
    expect(checkSqlShape(many(SQL_SHAPE_LIMITS.statements))).toBeUndefined();
    const over = checkSqlShape(many(SQL_SHAPE_LIMITS.statements + 1));
    expect(over?.code).toBe("sql-too-many-statements");
    expect(over?.position.line).toBe(SQL_SHAPE_LIMITS.statements + 1);
  });

  it("reports a statement over the token limit as a diagnostic, without parsing it", () => {
    const d = statement(`INSERT INTO k SELECT ${"a, ".repeat(12_000)}a FROM s`);
    expect(d.map((x) => x.code)).toEqual(["sql-too-many-tokens"]);
  });

  it("does not parse a statement over the API's length limit", () => {
    // 60,000 characters of nesting: only the length is reported, nothing else runs.
    const d = statement(`SELECT ${"(".repeat(30_000)}1${")".repeat(30_000)}`);
    expect(d.map((x) => x.code)).toEqual(["sql-too-long"]);
  });
});

describe("parser work budget", () => {
  // Directly nested calls of a user-defined function: the parser's prediction is exponential in them.
  const calls = (depth: number) => nested("my_udf(", ")", depth);

  it("stops a statement whose parse would take minutes with a diagnostic, and the parser works on", () => {
    const clean = `INSERT INTO k SELECT UPPER(CAST(a AS STRING)) FROM s WHERE a > (SELECT MAX(a) FROM s)`;
    const before = statement(clean);
    const d = statement(calls(14));
    expect(d.map((x) => x.code)).toEqual(["sql-too-complex"]);
    expect(d[0]!.message).toMatch(/^statement too complex to check: the SQL parser's work limit/);
    expect(d[0]!.location).toEqual({ part: "statement" });
    // The stopped parse left nothing behind: the same answers as before it.
    expect(statement(clean)).toEqual(before);
    expect(statement(`${clean} GROUP BYE a`).map((x) => x.code)).toEqual(["sql-syntax"]);
  });

  it("accepts the nesting real statements use", () => {
    expect(statement(calls(4)).filter((x) => x.severity === "error")).toEqual([]);
  });

  it("turns a stack overflow inside the parser into SqlTooComplexError", () => {
    // Past the shape check, straight into the parser: 3,000 NOTs overflow its recursion.
    const { parser } = loadFlinkSqlParser();
    let error: unknown;
    try {
      parser.parse(`SELECT ${"NOT ".repeat(3000)}TRUE`, () => {});
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SqlTooComplexError);
    expect((error as SqlTooComplexError).reason).toBe("stack");
  });
});

describe("option and connector names that Object.prototype has", () => {
  const withOptions = (options: string) =>
    validateApplicationVersion({
      statement: "INSERT INTO k SELECT a FROM s",
      sources: [{ create_table: `CREATE TABLE s (a INT) WITH (${options})` }],
      sinks: [{ create_table: SINK }],
    }).map((x) => [x.code, x.message]);

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "connector '%s' is a connector flinkform does not check",
    (name) => {
      expect(withOptions(`'connector' = '${name}'`)).toEqual([
        ["connector-unchecked", expect.stringContaining(`connector '${name}' is not one flinkform checks`)],
      ]);
    },
  );

  it.each(["constructor", "__proto__", "toString", "valueOf"])("option '%s' is an unknown option", (name) => {
    expect(withOptions(`'connector' = 'datagen', '${name}' = 'x'`)).toEqual([
      ["option-unknown", expect.stringContaining(`connector 'datagen' has no option '${name}'`)],
    ]);
  });

  it.each(["constructor", "__proto__"])("format option 'json.%s' is an unknown format option", (name) => {
    const found = withOptions(
      `'connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:9092', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json', 'json.${name}' = 'x'`,
    );
    expect(found).toContainEqual([
      "option-unknown",
      expect.stringContaining(`format 'json' (set by 'format') has no option 'json.${name}'`),
    ]);
  });
});
