/**
 * A stateful job for real-engine tests: datagen clicks → a running count per user (keyed state) →
 * CSV part files. A job restored from its savepoint goes on counting (1, 2, 3, ... per user, no
 * restart at 1, no gap); one that lost its state starts again at 1.
 */
import fs from "node:fs";
import path from "node:path";

/** The source, sink and statement blocks of a `flink_application_version` writing to `dir`. */
export function runningCountsVersion(dir: string): string {
  return `
  source {
    create_table = <<-SQL
      CREATE TABLE clicks (
        user_id INT,
        pt AS PROCTIME()
      ) WITH (
        'connector' = 'datagen',
        'rows-per-second' = '20',
        'fields.user_id.min' = '1',
        'fields.user_id.max' = '4'
      )
    SQL
  }
  sink {
    create_table = <<-SQL
      CREATE TABLE user_counts (
        user_id INT,
        n BIGINT
      ) WITH (
        'connector' = 'filesystem',
        'path' = 'file://${dir}',
        'format' = 'csv'
      )
    SQL
  }
  statement = <<-SQL
    INSERT INTO user_counts
    SELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY pt ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
    FROM clicks
  SQL
`;
}

/** The counts the job wrote, per user, sorted: committed part files only. */
export function countsIn(dir: string): Map<number, number[]> {
  const counts = new Map<number, number[]>();
  if (!fs.existsSync(dir)) return counts;
  for (const file of fs.readdirSync(dir)) {
    if (file.startsWith(".")) continue; // in-progress files, not committed by a checkpoint yet
    for (const line of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const [user, n] = line.split(",").map(Number);
      if (user === undefined || n === undefined || Number.isNaN(user) || Number.isNaN(n)) continue;
      counts.set(user, [...(counts.get(user) ?? []), n]);
    }
  }
  for (const list of counts.values()) list.sort((a, b) => a - b);
  return counts;
}

export const totalCounts = (m: Map<number, number[]>) => [...m.values()].reduce((s, l) => s + l.length, 0);

/** Every user's counts are 1, 2, 3, ... : none restarted at 1 after a restore, none skipped. */
export const countsUnbroken = (m: Map<number, number[]>) =>
  [...m.values()].every((list) => list.every((n, i) => n === i + 1));

/** Flink reports paths as `file:/...`; the control plane as Flink gave them to it. */
export const samePath = (a: string, b: string) => a.replace(/^file:\/*/, "/") === b.replace(/^file:\/*/, "/");
