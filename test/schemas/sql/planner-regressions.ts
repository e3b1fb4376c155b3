/**
 * Regression set from bench/sql-planner-vs-parser.mjs: SQL Flink 1.20's planner accepts that the
 * parser-based validator used to reject (false positives), each with the corpus case it comes from.
 */

/**
 * Forms the grammar never takes: rewritten up front, accepted with one parser-false-positive warning
 * (and an error when false positives are not allowed).
 */
export const ALWAYS_REJECTED: Record<string, { sql: string; corpus: string }> = {
  "ARRAY[...] constructor": {
    sql: "INSERT INTO s SELECT ARRAY[id, 1, 2] FROM t",
    corpus: "fn-construct",
  },
  "MAP[...] constructor": {
    sql: "INSERT INTO s SELECT MAP_UNION(m, MAP['z', 1]) FROM t",
    corpus: "fn-collection-map-union",
  },
  ARRAY_AGG: { sql: "INSERT INTO s SELECT ARRAY_AGG(id) FROM t", corpus: "fn-aggregate-collect-listagg" },
  "FLOOR(... TO unit)": {
    sql: "INSERT INTO s SELECT FLOOR(ts TO HOUR), CEIL(ts TO DAY) FROM t",
    corpus: "fn-time-floor-ceil",
  },
  "OVERLAY(... PLACING ...)": {
    sql: "INSERT INTO s SELECT OVERLAY(name PLACING 'xx' FROM 2 FOR 1) FROM t",
    corpus: "fn-str-overlay",
  },
  "(...) OVERLAPS (...)": {
    sql: "INSERT INTO s SELECT\n  (ts, INTERVAL '1' HOUR) OVERLAPS (TIMESTAMP '2024-01-01 00:00:00', INTERVAL '2' HOUR)\nFROM t",
    corpus: "fn-time-overlaps",
  },
  "IS NOT JSON": { sql: "INSERT INTO s SELECT js IS NOT JSON ARRAY FROM t", corpus: "fn-json-predicates" },
  "LAST(..., offset) in MATCH_RECOGNIZE": {
    sql: `INSERT INTO s SELECT * FROM ticker MATCH_RECOGNIZE (
  PARTITION BY symbol ORDER BY ts
  MEASURES LAST(D.ts) AS bottom_ts
  PATTERN (S D+ U)
  DEFINE D AS D.price < LAST(D.price, 1), U AS U.price > LAST(D.price, 1)
) MR`,
    corpus: "mr-basic",
  },
  "pattern quantifiers {n} and reluctant *?": {
    sql: "INSERT INTO s SELECT * FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY ts MEASURES FIRST(A.ts) AS a_ts PATTERN (A{2} B{1,3} C D*? E) DEFINE A AS A.price > 1)",
    corpus: "mr-quantifiers",
  },
  "FETCH FIRST n ROWS ONLY": {
    sql: "INSERT INTO s SELECT id FROM t ORDER BY price DESC FETCH FIRST 5 ROWS ONLY",
    corpus: "sel-fetch-first",
  },
  "frame without BETWEEN": {
    sql: "INSERT INTO s SELECT id, COUNT(*) OVER (PARTITION BY k ORDER BY ts RANGE UNBOUNDED PRECEDING) AS n FROM t",
    corpus: "over-range-unbounded-short",
  },
  "ROW field descriptions": {
    sql: "CREATE TABLE t (r ROW(x INT, y STRING 'the y field'), r2 ROW<a INT 'first field', b STRING>) WITH ('connector' = 'datagen')",
    corpus: "ddl-row-parenthesized, ddl-row-field-comment-angle",
  },
  "NOT NULL inside types": {
    sql: "CREATE TABLE t (r ROW<a INT NOT NULL, b STRING>, arr ARRAY<INT NOT NULL>, m MAP<STRING NOT NULL, INT>) WITH ('connector' = 'datagen')",
    corpus: "ddl-nested-not-null",
  },
  "NOT NULL before PRIMARY KEY": {
    sql: "CREATE TABLE t (id BIGINT NOT NULL PRIMARY KEY NOT ENFORCED, v STRING) WITH ('connector' = 'print')",
    corpus: "ddl-not-null-and-pk",
  },
  "COMMENT on a metadata column": {
    sql: "CREATE TABLE t (id BIGINT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL COMMENT 'kafka time') WITH ('connector' = 'kafka')",
    corpus: "ddl-metadata-comment",
  },
  "DISTRIBUTED BY": {
    sql: "CREATE TABLE t (id BIGINT, ts TIMESTAMP(3)) DISTRIBUTED BY HASH(id) INTO 4 BUCKETS WITH ('connector' = 'kafka')",
    corpus: "ddl-distributed-by-kafka",
  },
  "DOUBLE PRECISION": {
    sql: "CREATE TABLE t (id BIGINT, a DOUBLE PRECISION) WITH ('connector' = 'datagen')",
    corpus: "ddl-double-precision",
  },
  "PRIMARY KEY before WATERMARK": {
    sql: "CREATE TABLE t (id BIGINT, ts TIMESTAMP(3), PRIMARY KEY (id) NOT ENFORCED, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'upsert-kafka')",
    corpus: "ddl-pk-before-watermark",
  },
  "a column after the WATERMARK": {
    sql: "CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, id BIGINT) WITH ('connector' = 'datagen')",
    corpus: "ddl-column-after-watermark",
  },
};

/**
 * Forms the grammar rejects only in some positions: rewritten only in a statement that fails to
 * parse (so the same construct where it parses gets no warning).
 */
export const REJECTED_IN_PLACE: Record<string, { sql: string; corpus: string; parses: string }> = {
  "a call after an operator in the SELECT list": {
    sql: "INSERT INTO s SELECT 'day ' || DATE_FORMAT(ts, 'yyyy-MM-dd'), id + my_udf(v) FROM t",
    corpus: "fn-operand-calls",
    parses: "INSERT INTO s SELECT DATE_FORMAT(ts, 'yyyy-MM-dd'), my_udf(v) + id FROM t",
  },
  "a scalar subquery in the SELECT list": {
    sql: "INSERT INTO s SELECT (SELECT COUNT(*) FROM c), id FROM t",
    corpus: "sel-scalar-subquery, sel-scalar-subquery-first",
    parses: "INSERT INTO s SELECT id FROM t WHERE id = (SELECT MAX(id) FROM c)",
  },
  "an implicit row constructor": {
    sql: "INSERT INTO s SELECT\n  (id, name)\nFROM t",
    corpus: "fn-construct-implicit-row",
    parses: "INSERT INTO s SELECT ROW(id, name) FROM t",
  },
  "an alias on a window table function": {
    sql: "INSERT INTO s SELECT w.id, w.window_start FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) AS w",
    corpus: "win-tvf-alias",
    parses:
      "INSERT INTO s SELECT id, window_start FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))",
  },
  "OVER without an alias": {
    sql: "INSERT INTO s SELECT id, MAX(price) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t",
    corpus: "over-no-alias",
    parses:
      "INSERT INTO s SELECT id, MAX(price) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS m FROM t",
  },
  "OVER inside an expression": {
    sql: "INSERT INTO s SELECT id, CAST(price AS DOUBLE) / CAST(SUM(price) OVER w AS DOUBLE) FROM t WINDOW w AS (PARTITION BY k ORDER BY ts)",
    corpus: "over-in-expression",
    parses:
      "INSERT INTO s SELECT id, SUM(price) OVER w AS total FROM t WINDOW w AS (PARTITION BY k ORDER BY ts)",
  },
  "VALUES rows with expressions": {
    sql: "INSERT INTO s VALUES (1 + 1, UPPER('a')), (-3, CAST(NULL AS STRING))",
    corpus: "sel-values, sel-values-expressions",
    parses: "INSERT INTO s VALUES (1, 'a'), (-3, 'b')",
  },
  "VALUES after a column list": {
    sql: "INSERT INTO s (name, id) VALUES ('a', 1)",
    corpus: "sel-values-column-list",
    parses: "INSERT INTO s VALUES ('a', 1)",
  },
  "VALUES table with expressions": {
    sql: "INSERT INTO s SELECT * FROM (VALUES (1 + 1, UPPER('a')), (3, 'c')) AS v (id, name)",
    corpus: "sel-select-values",
    parses: "INSERT INTO s SELECT * FROM (VALUES (1, 'a'), (3, 'c')) AS v (id, name)",
  },
  "WHERE after MATCH_RECOGNIZE": {
    sql: "INSERT INTO s SELECT symbol, d_ts FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY ts MEASURES LAST(D.ts) AS d_ts PATTERN (S D+ E) DEFINE D AS D.price < S.price) AS m WHERE symbol <> 'X'",
    corpus: "mr-where-after",
    parses:
      "INSERT INTO s SELECT symbol, d_ts FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY ts MEASURES LAST(D.ts) AS d_ts PATTERN (S D+ E) DEFINE D AS D.price < S.price) AS m",
  },
};

/** Real syntax errors inside SQL a rewrite takes out of the parse: still errors, on their own line. */
export const STILL_INVALID: Record<string, { sql: string; line: number }> = {
  "typo in an OVER window without an alias": {
    sql: "INSERT INTO s SELECT id,\n  MAX(price) OVER (PARTITON BY k ORDER BY ts)\nFROM t",
    line: 2,
  },
  "typo in a WHERE after MATCH_RECOGNIZE": {
    sql: "INSERT INTO s SELECT * FROM ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY ts MEASURES A.ts AS a PATTERN (A B) DEFINE A AS A.p > 1) AS m\nWHERE symbol <>> 'X'",
    line: 2,
  },
  "a missing parenthesis in a VALUES expression": {
    sql: "INSERT INTO s VALUES\n  (1 + (2, 'a')",
    line: 2,
  },
  "a call after an operator with a broken argument list": {
    sql: "INSERT INTO s SELECT\n  'x' || DATE_FORMAT(CAST(ts AS), 'yyyy')\nFROM t",
    line: 2,
  },
  "PRIMARY KEY without NOT ENFORCED before the WATERMARK": {
    sql: "CREATE TABLE t (\n  id BIGINT,\n  ts TIMESTAMP(3),\n  PRIMARY KEY (id),\n  WATERMARK FOR ts AS ts\n) WITH ('connector' = 'kafka')",
    line: 4,
  },
  "a broken watermark expression after the PRIMARY KEY": {
    sql: "CREATE TABLE t (\n  id BIGINT,\n  ts TIMESTAMP(3),\n  PRIMARY KEY (id) NOT ENFORCED,\n  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND SECOND\n) WITH ('connector' = 'kafka')",
    line: 5,
  },
};

/** The same, for statements with no same-length rewrite (their parts are parsed on their own). */
export const STILL_INVALID_LIKE: Record<string, { sql: string; line: number }> = {
  "a broken column list, LIKE without WITH": {
    sql: "CREATE TABLE x (\n  WATERMARK FOR t[s AS ts\n) LIKE orders (EXCLUDING WATERMARKS)",
    line: 2,
  },
  "an unquoted option value, LIKE without a column list": {
    sql: "CREATE TABLE x\nWITH ('connector' = kafka)\nLIKE orders (EXCLUDING OPTIONS)",
    line: 2,
  },
  "a misspelt LIKE option": {
    sql: "CREATE TABLE x (WATERMARK FOR ts AS ts)\nLIKE orders (EXCLUDIN OPTIONS)",
    line: 2,
  },
  "OVERLAY without PLACING": {
    sql: "INSERT INTO s SELECT\n  OVERLAY(name PLAING 'x' FROM 2)\nFROM t",
    line: 2,
  },
  "VALUES rows without a comma between them": {
    // Not rewritten: the parser's own first error (at the expression in row 1) stands.
    sql: "INSERT INTO s SELECT * FROM (VALUES (1 + 1, 'a')\n  (2, 'b')) AS v (id, name)",
    line: 1,
  },
};

/** Tokens dt-sql-parser takes but Flink's parser rejects (the planner: "Encountered ...", "Bang equal"). */
export const FLINK_REJECTS_TOKEN: Record<string, { sql: string; column: number }> = {
  "!=": { sql: "INSERT INTO s SELECT id FROM t WHERE currency != 'EUR'", column: 47 },
  "double-quoted string": { sql: 'INSERT INTO s SELECT id FROM t WHERE currency = "EUR"', column: 49 },
  "double-quoted name": { sql: 'INSERT INTO s SELECT "id" FROM t', column: 22 },
  "double-quoted option value": {
    sql: "CREATE TABLE t (id BIGINT) WITH ('connector' = \"datagen\")",
    column: 48,
  },
};
