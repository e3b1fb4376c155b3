/**
 * A stateful job for real-engine tests: datagen clicks → a running count per user (keyed state) →
 * CSV part files. A job restored from its savepoint goes on counting (1, 2, 3, ... per user, no
 * restart at 1, no gap); one that lost its state starts again at 1.
 */
import fs from "node:fs";
import path from "node:path";
import { waitFor } from "./flink-env";

/** The job's statement: a running count per user, an OVER aggregation (keyed state). */
export const COUNTING = `INSERT INTO user_counts
    SELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY pt ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
    FROM clicks`;

/** The source, sink and statement blocks of a `flink_application_version` writing to `dir`. */
export function runningCountsVersion(dir: string, statement = COUNTING): string {
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
    ${statement}
  SQL
`;
}

export interface RunningCountsOptions {
  /** The service's task slots (2). */
  slots?: number;
  /** The job's statement (COUNTING). */
  statement?: string;
  /** More lines of the deployment block: parallelism, upgrade_mode, desired_state... */
  deployment?: string;
  /** More resources in the same configuration. */
  more?: string;
}

/**
 * A whole configuration: a service `name` checkpointing every second, the application
 * "running-counts", its version writing to `dir` and a deployment of it.
 */
export function runningCountsPipeline(name: string, dir: string, o: RunningCountsOptions = {}): string {
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = {
    number_of_task_slots                = ${o.slots ?? 2}
    execution_checkpointing_interval_ms = 1000
  }
}

resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "running-counts"
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
${runningCountsVersion(dir, o.statement)}
  # A changed version is created before the deployment leaves the old one, which goes after.
  lifecycle {
    create_before_destroy = true
  }
}

resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
${o.deployment ?? ""}
}
${o.more ?? ""}`;
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

/** The counts a job committed to `dir`, read when asked. */
export function countsAt(dir: string) {
  return {
    perUser: () => countsIn(dir),
    total: () => totalCounts(countsIn(dir)),
    /** Waits until more than `seen` + 20 are committed: the job runs on. */
    waitForMore: (seen = 0): Promise<number> =>
      waitFor(
        `more than ${seen + 20} committed counts in ${dir}`,
        async () => totalCounts(countsIn(dir)),
        (n) => n > seen + 20,
        60_000,
      ),
    /** countsUnbroken as an assertion, whose failure names the user and shows their counts. */
    expectUnbroken: () => {
      for (const [user, list] of countsIn(dir))
        expect({ user, list }).toEqual({ user, list: list.map((_, i) => i + 1) });
    },
  };
}
