import {
  exactCreateTable,
  lexesAsPlainIdentifier,
  parseCreateTable,
  validateApplicationVersion,
} from "../../../schemas/sql";
import { loadFlinkSqlParser } from "../../../schemas/sql/loader";
import { CLICKS, PAGE_VIEWS as CLICKS_PER_MINUTE, STATEMENT as CLICKS_STATEMENT } from "./clickstream";

/** What the lexer itself makes of `text`: one ID_LITERAL token covering it, or not. */
function lexerSaysIdentifier(text: string): boolean {
  let errors = 0;
  const lexer = loadFlinkSqlParser().parser.createLexer(text, () => errors++);
  const tokens = lexer.getAllTokens();
  return (
    errors === 0 &&
    tokens.length === 1 &&
    tokens[0]!.text === text &&
    lexer.vocabulary.getSymbolicName(tokens[0]!.type) === "ID_LITERAL"
  );
}

describe("lexesAsPlainIdentifier", () => {
  it("never calls a keyword or an odd name a plain identifier (checked against the lexer)", () => {
    const vocabulary = loadFlinkSqlParser().parser.createLexer("").vocabulary;
    const words: string[] = [];
    for (let type = 1; type <= vocabulary.maxTokenType; type++) {
      const literal = vocabulary.getLiteralName(type);
      if (literal) words.push(literal.slice(1, -1), literal.slice(1, -1).toLowerCase());
    }
    expect(words.length).toBeGreaterThan(500);
    words.push(
      "clicks_1",
      "_x",
      "x1",
      "B",
      "X",
      "e1",
      "a_b_c",
      "ABSX",
      "select_",
      "1abc",
      "a b",
      "a-b",
      "`a`",
      "",
    );
    // Saying no is always safe (the name is then kept in the shape that is parsed); saying yes must be right.
    expect(words.filter((w) => lexesAsPlainIdentifier(w) && !lexerSaysIdentifier(w))).toEqual([]);
    expect(words.filter((w) => !lexesAsPlainIdentifier(w) && lexerSaysIdentifier(w))).toEqual(["1abc"]);
    expect(lexesAsPlainIdentifier("clicks_1")).toBe(true);
    expect(lexesAsPlainIdentifier("abs")).toBe(false);
  });
});

describe("exactCreateTable", () => {
  it("is the parse of a clean CREATE TABLE", () => {
    expect(exactCreateTable(CLICKS)).toEqual(parseCreateTable(CLICKS));
  });

  it.each([
    ["a syntax error", "CREATE TABLE t (a STRNG<) WITH ('connector' = 'blackhole')"],
    ["two tables", `${CLICKS};\n${CLICKS_PER_MINUTE}`],
    ["no table", "INSERT INTO t SELECT 1"],
    [
      "a parser false positive",
      "CREATE TABLE t (a INT, b AS EXTRACT(HOUR FROM ts)) WITH ('connector' = 'blackhole')",
    ],
  ])("is undefined for %s", (_what, sql) => {
    expect(exactCreateTable(sql)).toBeUndefined();
  });
});

describe("validateApplicationVersion with table definitions", () => {
  const version = (definitions: boolean) => ({
    statement: CLICKS_STATEMENT,
    sources: [CLICKS].map((sql) => ({
      create_table: sql,
      ...(definitions ? { definition: exactCreateTable(sql) } : {}),
    })),
    sinks: [CLICKS_PER_MINUTE].map((sql) => ({
      create_table: sql,
      integration_id: "pg",
      ...(definitions ? { definition: exactCreateTable(sql) } : {}),
    })),
  });

  it("reports exactly what validating the texts reports", () => {
    const fromText = validateApplicationVersion(version(false));
    expect(fromText.length).toBeGreaterThan(0); // the source has no integration_id: a warning
    expect(validateApplicationVersion(version(true))).toEqual(fromText);
  });

  it("runs every rule on the definition, not on the text", () => {
    const source = exactCreateTable(CLICKS)!;
    const broken = { ...source, watermark: { ...source.watermark!, column: "nope" } };
    const input = version(true);
    input.sources[0]!.definition = broken;
    const codes = validateApplicationVersion(input).map((d) => d.code);
    expect(codes).toContain("watermark-column-missing");
  });

  it("still enforces the create_table length limit", () => {
    const input = version(true);
    input.sources[0]!.create_table = `${CLICKS}\n${"-- padding\n".repeat(400)}`;
    const codes = validateApplicationVersion(input).map((d) => d.code);
    expect(codes).toContain("sql-too-long");
  });
});
