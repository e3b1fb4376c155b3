/**
 * Which parallelism changes move an operator pinned to its own parallelism into or out of its
 * neighbours' chain (Flink SQL's operator ids change with it, so the savepoint cannot restore).
 */
import { chainingChanges, pinnedOperators } from "../../../schemas/sql/operator-chaining";

const FILESYSTEM =
  "CREATE TABLE out_rows (n BIGINT) WITH ('connector' = 'filesystem', 'path' = 'file:///tmp/x', 'format' = 'csv')";
const KAFKA =
  "CREATE TABLE out_topic (n BIGINT) WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'json')";
const PINNED_SINK = "CREATE TABLE pg (n BIGINT) WITH ('connector' = 'jdbc', 'sink.parallelism' = '4')";
const PINNED_SOURCE = "CREATE TABLE src (n BIGINT) WITH ('connector' = 'kafka', 'scan.parallelism' = '2')";

test("the filesystem sink's committer is pinned at 1; tables with their own parallelism at theirs", () => {
  expect(pinnedOperators([FILESYSTEM, KAFKA, PINNED_SINK], [PINNED_SOURCE])).toEqual([
    { what: "the committer of filesystem sink out_rows", parallelism: 1 },
    { what: "sink pg ('sink.parallelism')", parallelism: 4 },
    { what: "source src ('scan.parallelism')", parallelism: 2 },
  ]);
  expect(pinnedOperators([KAFKA], ["CREATE TABLE s (n INT) WITH ('connector' = 'datagen')"])).toEqual([]);
});

test.each([
  [1, 2, true],
  [3, 1, true],
  [2, 3, false],
  [4, 8, false],
])("filesystem sink, parallelism %i → %i: chaining changes = %s", (before, after, changes) => {
  expect(chainingChanges(pinnedOperators([FILESYSTEM], []), before, after).length > 0).toBe(changes);
});

test("a pinned sink at 4: to or from 4 changes the chaining, elsewhere it does not", () => {
  const pinned = pinnedOperators([PINNED_SINK], []);
  expect(chainingChanges(pinned, 2, 4)).toHaveLength(1);
  expect(chainingChanges(pinned, 4, 8)).toHaveLength(1);
  expect(chainingChanges(pinned, 2, 8)).toHaveLength(0);
});
