import { validateApplicationVersion } from "../../../schemas/sql";
import { clickstream } from "./clickstream";

// Statements of one token shape (same token types at the same offsets) share a parse tree; each is still
// read through its own text, so names, positions and errors are its own. Names are unique per test so
// no earlier parse of the same text is reused.
const statement = (sink: string, source: string) =>
  `INSERT INTO ${sink}\nSELECT window_start, url, COUNT(*) AS view_count\nFROM TABLE(TUMBLE(TABLE ${source}, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))\nGROUP BY window_start, window_end, url`;

const codes = (stmt: string) =>
  validateApplicationVersion(clickstream({ statement: stmt })).map((d) => `${d.code} ${d.message}`);

describe("statements of the same token shape", () => {
  it("a clean statement, then one of the same shape naming other tables: each reports its own names", () => {
    // Same lengths: `page_views_per_minutx` and `clickz` are declared nowhere. Line 3 is
    // "FROM TABLE(TUMBLE(TABLE clickz, ...": the source starts at column 25.
    expect(codes(statement("page_views_per_minute", "clicks"))).toEqual([]);
    const other = validateApplicationVersion(
      clickstream({ statement: statement("page_views_per_minutx", "clickz") }),
    );
    expect(other.map((d) => [d.code, d.position])).toEqual([
      ["insert-target-not-sink", { line: 1, column: 13, endLine: 1, endColumn: 34 }],
      ["read-not-source", { line: 3, column: 25, endLine: 3, endColumn: 31 }],
    ]);
    expect(other[0]!.message).toContain("'page_views_per_minutx'");
    expect(other[1]!.message).toContain("'clickz'");
  });

  it("a keyword where an identifier was, at the same length, is a syntax error, not a shared tree", () => {
    expect(codes(statement("page_views_per_minute", "clicks"))).toEqual([]);
    const broken = validateApplicationVersion(
      clickstream({ statement: statement("page_views_per_minute", "select") }),
    );
    expect(broken.map((d) => [d.code, d.position?.line])).toEqual([["sql-syntax", 3]]);
  });

  it("the same words at other offsets parse on their own", () => {
    expect(codes(statement("page_views_per_minute", "clicks"))).toEqual([]);
    const spaced = validateApplicationVersion(
      clickstream({ statement: statement("page_views_per_minute", " clickz") }),
    );
    expect(spaced.map((d) => [d.code, d.position])).toEqual([
      ["read-not-source", { line: 3, column: 26, endLine: 3, endColumn: 32 }],
    ]);
  });
});
