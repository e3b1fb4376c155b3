import { droppedOperators } from "../../controlplane/cluster/simulated/stateful-operators";

const WINDOWED = `INSERT INTO per_minute
SELECT url, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY url, window_start, window_end`;

// The simulated engine's rule for "the new version dropped a stateful operator" (issue 11).
test.each([
  ["a filter added", WINDOWED, `${WINDOWED} HAVING COUNT(*) > 0`, []],
  [
    "the aggregation and window removed",
    WINDOWED,
    "INSERT INTO per_minute SELECT url, ts, 1 FROM clicks",
    ["group aggregation", "window"],
  ],
  [
    "a join removed",
    "INSERT INTO o SELECT * FROM a JOIN b ON a.k = b.k",
    "INSERT INTO o SELECT * FROM a",
    ["join"],
  ],
  [
    "an OVER aggregation removed",
    "INSERT INTO o SELECT k, COUNT(*) OVER (PARTITION BY k ORDER BY pt) FROM a",
    "INSERT INTO o SELECT k, 0 FROM a",
    ["over aggregation"],
  ],
  [
    "one of two joins removed",
    "INSERT INTO o SELECT * FROM a JOIN b ON a.k = b.k JOIN c ON a.k = c.k",
    "INSERT INTO o SELECT * FROM a JOIN b ON a.k = b.k",
    ["join"],
  ],
  [
    "an operator added",
    "INSERT INTO o SELECT k FROM a",
    "INSERT INTO o SELECT k, COUNT(*) FROM a GROUP BY k",
    [],
  ],
  [
    "keywords only in comments and strings",
    "INSERT INTO o SELECT k FROM a -- GROUP BY k\nWHERE s = 'JOIN'",
    "INSERT INTO o SELECT k FROM a",
    [],
  ],
])("%s", (_what, before, after, dropped) => {
  expect(droppedOperators(before, after)).toEqual(dropped);
});
