/**
 * Property-based checks of the SQL validator against hostile text, with fixed seeds (a failure
 * reproduces): random nesting and random token soup never throw, and always come back as diagnostics.
 */
import fc from "fast-check";
import { SQL_SHAPE_LIMITS, type SqlDiagnostic, validateApplicationVersion } from "../../../schemas/sql";

const SINK = "CREATE TABLE k (a INT) WITH ('connector' = 'blackhole')";
const SOURCE = "CREATE TABLE s (a INT) WITH ('connector' = 'datagen')";

function validate(statement: string, createTable = SOURCE): SqlDiagnostic[] {
  return validateApplicationVersion({
    statement,
    sources: [{ create_table: createTable }],
    sinks: [{ create_table: SINK }],
  });
}

/** What a user can read: every diagnostic is well formed and points inside the text. */
function expectWellFormed(diagnostics: SqlDiagnostic[], text: string): void {
  expect(Array.isArray(diagnostics)).toBe(true);
  const lines = text.split("\n").length;
  for (const d of diagnostics) {
    expect(["error", "warning"]).toContain(d.severity);
    expect(typeof d.code).toBe("string");
    expect(d.message.length).toBeGreaterThan(0);
    if (d.position && d.location.part === "statement") {
      expect(d.position.line).toBeGreaterThanOrEqual(1);
      expect(d.position.line).toBeLessThanOrEqual(lines);
    }
  }
}

/** One level of nesting: what opens it and what closes it. */
const LEVELS: readonly (readonly [string, string])[] = [
  ["(", ")"],
  ["a[", "]"],
  ["CASE WHEN TRUE THEN ", " END"],
  ["NOT ", ""],
  ["UPPER(", ")"],
  ["(SELECT ", " FROM s)"],
];

const NESTING_RUNS = 100;
const SOUP_RUNS = 400;

describe("SQL validator under hostile text (property-based)", () => {
  it(`random nesting (${NESTING_RUNS} cases, seed 42): no throw; over ${SQL_SHAPE_LIMITS.nesting} levels a 'nested too deeply' diagnostic`, () => {
    fc.assert(
      fc.property(
        // Half over the limit (refused before parsing), half well under it (parsed: each new mix of
        // levels costs the parser real work, so these stay shallow; limits.test.ts has the boundary).
        fc
          .oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 101, max: 1200 }))
          .chain((depth) => fc.array(fc.constantFrom(...LEVELS), { minLength: depth, maxLength: depth })),
        (levels) => {
          const open = levels.map(([o]) => o).join("");
          const close = levels
            .map(([, c]) => c)
            .reverse()
            .join("");
          const text = `INSERT INTO k SELECT ${open}a${close} FROM s`;
          if (text.length > 50_000) return;
          const d = validate(text);
          expectWellFormed(d, text);
          const tooDeep = d.some((x) => x.code === "sql-too-deep");
          expect(tooDeep).toBe(levels.length > SQL_SHAPE_LIMITS.nesting);
        },
      ),
      { seed: 42, numRuns: NESTING_RUNS },
    );
  });

  const SOUP = [
    "SELECT",
    "INSERT",
    "INTO",
    "FROM",
    "WHERE",
    "GROUP BY",
    "CASE",
    "WHEN",
    "THEN",
    "END",
    "NOT",
    "CREATE TABLE",
    "WITH",
    "k",
    "s",
    "a",
    "f",
    "`q`",
    "1",
    "'x'",
    "'",
    "`",
    '"',
    "(",
    ")",
    "[",
    "]",
    ",",
    ";",
    "-",
    "+",
    "*",
    "=",
    "--c\n",
    "/*",
    "*/",
    "\n",
    "\\",
    "$",
    "\u202e",
  ];

  it(`random token soup (${SOUP_RUNS} cases, seed 7): no throw, diagnostics come back for statement and create_table`, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SOUP), { maxLength: 60 }), fc.boolean(), (tokens, asTable) => {
        const text = tokens.join(" ");
        if (asTable) {
          const d = validate("INSERT INTO k SELECT a FROM s", text);
          expectWellFormed(d, text);
        } else expectWellFormed(validate(text), text);
      }),
      { seed: 7, numRuns: SOUP_RUNS },
    );
  });
});
