/**
 * State compatibility between two versions of a statement (issue 11, point 4): every kind of change
 * that keeps a savepoint from restoring is found and names the operator; changes that keep state
 * (filters, projections, aliases, spacing, the sink) are not; statements that cannot be read for
 * sure give no finding at all.
 */
import fc from "fast-check";
import { statefulOperators } from "../../../schemas/sql/state-shape";
import { compareStateShapes, type StateFindingCode } from "../../../schemas/sql/state-shape-compare";

const TUMBLE = "TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))";
const WINDOWED = `INSERT INTO per_minute SELECT url, window_start, COUNT(*) AS clicks FROM ${TUMBLE} GROUP BY url, window_start, window_end`;
const GROUPED =
  "INSERT INTO per_user SELECT user_id, COUNT(*) AS n, MAX(ts) AS last_seen FROM clicks GROUP BY user_id";
const JOINED =
  "INSERT INTO enriched SELECT o.id, c.name FROM orders AS o LEFT JOIN customers c ON o.customer_id = c.id";
const DEDUP =
  "INSERT INTO latest SELECT id, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM t) WHERE rn = 1";
const OVER =
  "INSERT INTO running_totals SELECT user_id, SUM(amount) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) AS total FROM payments";

const codes = (before: string, after: string) => compareStateShapes(before, after).map((f) => f.code);

describe("changes that keep the savepoint from restoring", () => {
  const cases: [string, string, string, StateFindingCode[], string][] = [
    [
      "GROUP BY keys of a window aggregation",
      WINDOWED,
      WINDOWED.replace("GROUP BY url,", "GROUP BY url, user_id,"),
      ["keys-changed"],
      "the window aggregation TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE) over url, window_end, window_start: keys changed to url, user_id, window_end, window_start",
    ],
    [
      "GROUP BY keys of a group aggregation",
      GROUPED,
      GROUPED.replace("GROUP BY user_id", "GROUP BY user_id, url").replace(
        "SELECT user_id",
        "SELECT user_id, url",
      ),
      ["keys-changed"],
      "the GROUP BY aggregation over user_id: keys changed to url, user_id",
    ],
    [
      "an aggregate function added",
      GROUPED,
      GROUPED.replace("MAX(ts) AS last_seen", "MAX(ts) AS last_seen, MIN(ts) AS first_seen"),
      ["aggregates-changed"],
      "the GROUP BY aggregation over user_id: aggregate functions changed (added MIN(ts))",
    ],
    [
      "an aggregate function removed",
      GROUPED,
      GROUPED.replace(", MAX(ts) AS last_seen", ""),
      ["aggregates-changed"],
      "aggregate functions changed (removed MAX(ts))",
    ],
    [
      "an aggregate's argument changed",
      GROUPED,
      GROUPED.replace("MAX(ts)", "MAX(amount)"),
      ["aggregates-changed"],
      "(added MAX(amount); removed MAX(ts))",
    ],
    [
      "DISTINCT added inside an aggregate",
      GROUPED,
      GROUPED.replace("COUNT(*)", "COUNT(DISTINCT url)"),
      ["aggregates-changed"],
      "added COUNT(DISTINCT url)",
    ],
    [
      "the window's size",
      WINDOWED,
      WINDOWED.replace("INTERVAL '1' MINUTE", "INTERVAL '5' MINUTE"),
      ["window-changed"],
      "window changed to TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' MINUTE)",
    ],
    [
      "the window's kind",
      WINDOWED,
      WINDOWED.replace(
        "TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)",
        "HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '10' MINUTE)",
      ),
      ["window-changed"],
      "window changed to HOP(",
    ],
    [
      "a legacy group window's size",
      "INSERT INTO s SELECT url, TUMBLE_START(ts, INTERVAL '1' MINUTE), COUNT(*) FROM clicks GROUP BY url, TUMBLE(ts, INTERVAL '1' MINUTE)",
      "INSERT INTO s SELECT url, TUMBLE_START(ts, INTERVAL '2' MINUTE), COUNT(*) FROM clicks GROUP BY url, TUMBLE(ts, INTERVAL '2' MINUTE)",
      ["window-changed"],
      "the window aggregation TUMBLE(ts, INTERVAL '1' MINUTE) over url: window changed to TUMBLE(ts, INTERVAL '2' MINUTE)",
    ],
    [
      "the aggregation removed",
      WINDOWED,
      "INSERT INTO per_minute SELECT url, ts, 1 FROM clicks",
      ["operator-removed"],
      "the window aggregation TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE) over url, window_end, window_start was removed",
    ],
    [
      "a global aggregation removed",
      "INSERT INTO totals SELECT COUNT(*) FROM clicks",
      "INSERT INTO totals SELECT 1 FROM clicks",
      ["operator-removed"],
      "the aggregation without GROUP BY (COUNT(*)) was removed",
    ],
    [
      "SELECT DISTINCT removed",
      "INSERT INTO urls SELECT DISTINCT url FROM clicks",
      "INSERT INTO urls SELECT url FROM clicks",
      ["operator-removed"],
      "the SELECT DISTINCT over url was removed",
    ],
    [
      "a join's kind",
      JOINED,
      JOINED.replace("LEFT JOIN", "JOIN"),
      ["join-type-changed"],
      "the LEFT JOIN of orders and customers on customers.id = orders.customer_id: join type changed to INNER",
    ],
    [
      "a join's keys",
      JOINED,
      JOINED.replace("ON o.customer_id = c.id", "ON o.customer_id = c.id AND o.region = c.region"),
      ["keys-changed"],
      "join keys changed to customers.id = orders.customer_id, customers.region = orders.region",
    ],
    [
      "a join removed",
      JOINED,
      "INSERT INTO enriched SELECT o.id, CAST(NULL AS STRING) FROM orders AS o",
      ["operator-removed"],
      "the LEFT JOIN of orders and customers on customers.id = orders.customer_id was removed",
    ],
    [
      "a deduplication's partition",
      DEDUP,
      DEDUP.replace("PARTITION BY id", "PARTITION BY id, v"),
      ["keys-changed"],
      "the ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) (deduplication or Top-N): PARTITION BY keys changed to id, v",
    ],
    [
      "a deduplication's order",
      DEDUP,
      DEDUP.replace("ORDER BY ts DESC", "ORDER BY ts ASC"),
      ["order-changed"],
      "ORDER BY changed to ts ASC",
    ],
    [
      "a deduplication removed",
      DEDUP,
      "INSERT INTO latest SELECT id, v FROM t",
      ["operator-removed"],
      "the ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) (deduplication or Top-N) was removed",
    ],
    [
      "an OVER aggregation's function",
      OVER,
      OVER.replace("SUM(amount)", "AVG(amount)"),
      ["aggregates-changed"],
      "the OVER aggregation SUM(amount) (PARTITION BY user_id ORDER BY ts)",
    ],
    [
      "an OVER aggregation's frame",
      OVER,
      OVER.replace("10 PRECEDING", "20 PRECEDING"),
      ["window-changed"],
      "window changed to ROWS BETWEEN 20 PRECEDING AND CURRENT ROW",
    ],
    [
      "an aggregation inside a view",
      `CREATE TEMPORARY VIEW per_user AS SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id;
       INSERT INTO out_table SELECT * FROM per_user`,
      `CREATE TEMPORARY VIEW per_user AS SELECT url, COUNT(*) AS n FROM clicks GROUP BY url;
       INSERT INTO out_table SELECT * FROM per_user`,
      ["keys-changed"],
      "the GROUP BY aggregation over user_id: keys changed to url",
    ],
    [
      "an aggregation inside a WITH query",
      "INSERT INTO s WITH c AS (SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id) SELECT * FROM c",
      "INSERT INTO s WITH c AS (SELECT url, COUNT(*) AS n FROM clicks GROUP BY url) SELECT * FROM c",
      ["keys-changed"],
      "keys changed to url",
    ],
  ];
  test.each(cases)("%s", (_name, before, after, expected, message) => {
    const findings = compareStateShapes(before, after);
    expect(findings.map((f) => f.code)).toEqual(expected);
    expect(findings.map((f) => f.message).join("\n")).toContain(message);
  });

  test("a statement set names the INSERT each operator belongs to", () => {
    const set = (key: string) =>
      `EXECUTE STATEMENT SET BEGIN
         INSERT INTO a SELECT ${key}, COUNT(*) FROM clicks GROUP BY ${key};
         INSERT INTO b SELECT url, COUNT(*) FROM clicks GROUP BY url;
       END`;
    const findings = compareStateShapes(set("user_id"), set("session_id"));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      "the GROUP BY aggregation over user_id in INSERT INTO a: keys changed to session_id",
    );
  });

  test("several changes to one operator are each reported", () => {
    const after = WINDOWED.replace("COUNT(*)", "COUNT(DISTINCT user_id)").replace("'1' MINUTE", "'2' MINUTE");
    expect(codes(WINDOWED, after)).toEqual(["aggregates-changed", "window-changed"]);
  });
});

describe("changes that keep state", () => {
  const cases: [string, string, string][] = [
    [
      "a projection-only column",
      GROUPED,
      GROUPED.replace("SELECT user_id,", "SELECT user_id, UPPER(user_id) AS shout,"),
    ],
    ["a WHERE filter", WINDOWED, WINDOWED.replace(" GROUP BY", " WHERE url <> '' GROUP BY")],
    [
      "a changed WHERE filter",
      `${GROUPED.replace(" GROUP BY", " WHERE n > 1 GROUP BY")}`,
      GROUPED.replace(" GROUP BY", " WHERE n > 2 GROUP BY"),
    ],
    [
      "a renamed column alias",
      GROUPED,
      GROUPED.replace("AS n", "AS click_count").replace("AS last_seen", "AS latest"),
    ],
    [
      "renamed table aliases",
      JOINED,
      "INSERT INTO enriched SELECT x.id, y.name FROM orders x LEFT JOIN customers AS y ON y.id = x.customer_id",
    ],
    [
      "a qualified column with one table",
      GROUPED,
      GROUPED.replace("FROM clicks GROUP BY user_id", "FROM clicks AS k GROUP BY k.user_id"),
    ],
    [
      "whitespace, comments and keyword case",
      WINDOWED,
      `insert into per_minute\n  -- per url\n  select url, window_start, count( * ) as clicks /* n */\n  from table(tumble(table clicks, descriptor(ts), interval '1' minute))\n  group by url,\n    window_start, window_end`,
    ],
    ["the sink table", WINDOWED, WINDOWED.replace("INSERT INTO per_minute", "INSERT INTO per_minute_v2")],
    [
      "the order of GROUP BY keys",
      WINDOWED,
      WINDOWED.replace("GROUP BY url, window_start, window_end", "GROUP BY window_start, window_end, url"),
    ],
    ["the order of join equalities", JOINED, JOINED.replace("o.customer_id = c.id", "c.id = o.customer_id")],
    ["a HAVING on an aggregate already computed", GROUPED, `${GROUPED} HAVING COUNT(*) > 1`],
    [
      "a stateful operator added",
      "INSERT INTO s SELECT url FROM clicks",
      "INSERT INTO s SELECT url FROM clicks GROUP BY url",
    ],
    [
      "a lookup join added or removed",
      "INSERT INTO s SELECT o.id FROM orders o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON d.k = o.k",
      "INSERT INTO s SELECT o.id FROM orders o",
    ],
    [
      "an UNNEST",
      "INSERT INTO s SELECT o.id, v FROM orders o CROSS JOIN UNNEST(o.tags) AS u(v)",
      "INSERT INTO s SELECT o.id, o.id FROM orders o",
    ],
    ["the same text", DEDUP, DEDUP],
  ];
  test.each(cases)("%s", (_name, before, after) => {
    expect(compareStateShapes(before, after)).toEqual([]);
  });
});

describe("statements that cannot be read for sure give no finding", () => {
  const unreadable: [string, string][] = [
    ["a syntax error", "INSERT INTO per_minute SELECT url, COUNT(*) FORM clicks GROUP BY url"],
    [
      "a construct the parser needs rewritten (SESSION window)",
      "INSERT INTO s SELECT url, window_start, COUNT(*) FROM TABLE(SESSION(TABLE clicks PARTITION BY url, DESCRIPTOR(ts), INTERVAL '5' MINUTE)) GROUP BY url, window_start, window_end",
    ],
    [
      "MATCH_RECOGNIZE",
      "INSERT INTO s SELECT * FROM clicks MATCH_RECOGNIZE (PARTITION BY url ORDER BY ts MEASURES A.ts AS t PATTERN (A) DEFINE A AS A.url <> '')",
    ],
    [
      "GROUPING SETS",
      "INSERT INTO s SELECT url, user_id, COUNT(*) FROM clicks GROUP BY GROUPING SETS ((url), (user_id))",
    ],
    [
      "over the nesting limit",
      `INSERT INTO s SELECT ${"(".repeat(150)}1${")".repeat(150)} FROM clicks GROUP BY url`,
    ],
  ];
  test.each(unreadable)("%s", (_name, sql) => {
    expect(statefulOperators(sql)).toBeUndefined();
    expect(compareStateShapes(GROUPED, sql)).toEqual([]);
    expect(compareStateShapes(sql, GROUPED)).toEqual([]);
  });

  test("a user-defined function that might be an aggregate is not compared", () => {
    expect(codes(GROUPED, GROUPED.replace("MAX(ts)", "MY_UDAF(ts)"))).toEqual(["aggregates-changed"]);
    expect(
      codes(`${GROUPED.replace("COUNT(*)", "MY_UDAF(ts)")}`, GROUPED.replace("COUNT(*)", "OTHER_UDAF(ts)")),
    ).toEqual([]);
  });
});

describe("properties", () => {
  const columns = ["url", "user_id", "country", "device", "referrer"];
  const keySet = fc.uniqueArray(fc.constantFrom(...columns), { minLength: 1, maxLength: 4 });
  const query = (keys: string[]) =>
    `INSERT INTO out_table SELECT ${keys.join(", ")}, COUNT(*) AS n FROM clicks GROUP BY ${keys.join(", ")}`;

  test("a keys change is reported exactly when the set of GROUP BY keys differs", () => {
    fc.assert(
      fc.property(keySet, keySet, (a, b) => {
        const same = [...a].sort().join() === [...b].sort().join();
        expect(codes(query(a), query(b))).toEqual(same ? [] : ["keys-changed"]);
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  test("spacing, comments and keyword case never make a finding", () => {
    const gap = fc.constantFrom(" ", "\n  ", "\t", " /* c */ ", " -- note\n ");
    const word = fc.constantFrom<(w: string) => string>(
      (w) => w,
      (w) => w.toLowerCase(),
    );
    const tokens = WINDOWED.split(" ");
    fc.assert(
      fc.property(
        fc.array(gap, { minLength: tokens.length, maxLength: tokens.length }),
        word,
        (gaps, kase) => {
          const text = tokens
            .map((t, i) => (/^[A-Z]+$/.test(t) ? kase(t) : t) + (i < tokens.length - 1 ? gaps[i] : ""))
            .join("");
          expect(compareStateShapes(WINDOWED, text)).toEqual([]);
        },
      ),
      { seed: 4, numRuns: 40 },
    );
  });
});
