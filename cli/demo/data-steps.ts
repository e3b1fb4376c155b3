/**
 * The demo's real-data steps: click events into the local Kafka topic, the per-minute counts read
 * back from the local PostgreSQL, with a progress line while Flink works.
 */
import type { LocalDataAddresses } from "../../controlplane";
import { produceRecords } from "../../controlplane/data-services/kafka-tools";
import { psql } from "../../controlplane/data-services/psql";
import { clickEvents, parseCounts, type WindowCount } from "./click-events";

export const CLICKS_TOPIC = "clicks";
type Postgres = NonNullable<LocalDataAddresses["postgres"]>;

/** The table the JDBC sink upserts into (the hosted service, too, writes to a table that exists). */
export async function createCountsTable(pg: Postgres): Promise<void> {
  await psql(
    pg,
    "CREATE TABLE IF NOT EXISTS public.clicks_per_minute (url TEXT, window_start TIMESTAMP(3), clicks BIGINT, PRIMARY KEY (url, window_start))",
  );
}

/** Writes `count` clicks over `minutes` minutes from `fromMinute` (event time), plus the event that closes them. */
export async function sendClicks(
  bootstrapServers: string,
  batch: { base: number; fromMinute: number; minutes: number; count: number },
): Promise<void> {
  await produceRecords(
    bootstrapServers,
    CLICKS_TOPIC,
    clickEvents({ ...batch, closeAtMinute: batch.fromMinute + batch.minutes + 1 }),
  );
}

export async function readCounts(pg: Postgres): Promise<WindowCount[]> {
  return parseCounts(
    await psql(
      pg,
      "SELECT url, to_char(window_start, 'YYYY-MM-DD HH24:MI:SS'), clicks FROM public.clicks_per_minute ORDER BY 2, 1",
    ),
  );
}

/** Waits until the counts in PostgreSQL add up to `expected`, saying how far they are every few seconds. */
export async function waitForCounts(
  pg: Postgres,
  expected: number,
  say: (line: string) => void,
  timeoutMs = 180_000,
): Promise<WindowCount[]> {
  const started = Date.now();
  let told = 0;
  for (;;) {
    const rows = await readCounts(pg);
    const total = rows.reduce((s, r) => s + r.clicks, 0);
    if (total >= expected) return rows;
    const elapsed = Date.now() - started;
    if (elapsed > timeoutMs)
      throw new Error(`only ${total} of ${expected} clicks reached PostgreSQL within ${timeoutMs / 1000} s`);
    if (elapsed - told >= 3000) {
      told = elapsed;
      say(`  · PostgreSQL: ${total} of ${expected} clicks counted (${(elapsed / 1000).toFixed(0)} s)`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
