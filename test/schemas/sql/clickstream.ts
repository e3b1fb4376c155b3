import type { ApplicationVersionInput, TableInput } from "../../../schemas/sql";

/** A realistic pipeline: external Kafka clicks with a watermark → 1-minute TUMBLE counts → PostgreSQL upsert. */
export const CLICKS = `CREATE TABLE clicks (
  user_id STRING,
  url STRING,
  referrer STRING,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = '',
  'topic' = 'clickstream',
  'value.format' = 'json',
  'value.json.ignore-parse-errors' = 'true',
  'scan.startup.mode' = 'earliest-offset'
)`;

export const PAGE_VIEWS = `CREATE TABLE page_views_per_minute (
  window_start TIMESTAMP(3),
  url STRING,
  view_count BIGINT,
  PRIMARY KEY (window_start, url) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://',
  'table-name' = 'public.page_views_per_minute'
)`;

export const STATEMENT = `INSERT INTO page_views_per_minute
SELECT window_start, url, COUNT(*) AS view_count
FROM TABLE(
  TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end, url`;

export const KAFKA_INTEGRATION = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
export const PG_INTEGRATION = "0f8fad5b-d9cb-469f-a165-70867728950e";

export function clickstream(
  changes: { sources?: TableInput[]; sinks?: TableInput[]; statement?: string } = {},
): ApplicationVersionInput {
  return {
    statement: STATEMENT,
    sources: [{ create_table: CLICKS, integration_id: KAFKA_INTEGRATION }],
    sinks: [{ create_table: PAGE_VIEWS, integration_id: PG_INTEGRATION }],
    ...changes,
  };
}

/** A kafka source with its options replaced by `options` (a WITH body). */
export function kafkaSource(
  options: string,
  columns = "id BIGINT, ts TIMESTAMP(3)",
  name = "clicks",
): string {
  return `CREATE TABLE ${name} (${columns}) WITH (${options})`;
}
