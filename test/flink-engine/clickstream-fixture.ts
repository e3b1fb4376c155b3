/** The clickstream pipeline (Kafka → per-minute counts → PostgreSQL) in HCL, and its click events, for real-engine tests. */
import type { Json } from "./flink-env";

export const TOPIC = "clicks";
const URLS = ["/home", "/cart", "/checkout"];

/** `count` click events spread over minutes [from, to) of event time, then one far later to close those windows. */
export function clicks(from: number, to: number, count: number, closeAt: number): string[] {
  const at = (minute: number, second: number) =>
    `2026-11-30 10:${String(minute).padStart(2, "0")}:${String(second).padStart(2, "0")}.000`;
  // In event-time order: the watermark trails the newest event by 5 s; an older click would be late.
  const events = Array.from({ length: count }, (_, i) => ({
    i,
    minute: from + (i % (to - from)),
    second: (i * 7) % 60,
  }))
    .sort((a, b) => a.minute - b.minute || a.second - b.second || a.i - b.i)
    .map(({ i, minute, second }) =>
      JSON.stringify({ url: URLS[i % URLS.length], user_id: `u${i % 7}`, ts: at(minute, second) }),
    );
  // The watermark follows event time (5 s behind): an event at `closeAt` closes every earlier window.
  events.push(JSON.stringify({ url: "/watermark", user_id: "tick", ts: at(closeAt, 0) }));
  return events;
}

export function pipeline(
  name: string,
  kafka: string,
  pg: Json,
  statementSuffix = "",
  serviceConfig = "",
): string {
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = {
    number_of_task_slots                = 2
    execution_checkpointing_interval_ms = 1000
${serviceConfig}
  }
}

resource "flink_integration_endpoint" "kafka" {
  project        = "local"
  endpoint_name  = "${name}-kafka"
  endpoint_type  = "external_kafka"
  external_kafka = { bootstrap_servers = "${kafka}", security_protocol = "PLAINTEXT" }
}

resource "flink_integration_endpoint" "pg" {
  project       = "local"
  endpoint_name = "${name}-pg"
  endpoint_type = "external_postgresql"
  external_postgresql = {
    host             = "${pg.host}"
    port             = ${pg.port}
    username         = "${pg.user}"
    password         = "${pg.password}"
    default_database = "${pg.database}"
  }
}

resource "flink_service_integration" "kafka" {
  project                  = "local"
  integration_type         = "flink_external_kafka"
  source_endpoint_id       = flink_integration_endpoint.kafka.endpoint_id
  destination_service_name = flink_service.s.service_name
}

resource "flink_service_integration" "pg" {
  project                  = "local"
  integration_type         = "flink_external_postgresql"
  source_endpoint_id       = flink_integration_endpoint.pg.endpoint_id
  destination_service_name = flink_service.s.service_name
}

resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "clicks-per-minute"
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id

  source {
    integration_id = flink_service_integration.kafka.integration_id
    create_table   = <<-SQL
      CREATE TABLE clicks (
        url STRING,
        user_id STRING,
        ts TIMESTAMP(3),
        WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
      ) WITH (
        'connector' = 'kafka',
        'properties.bootstrap.servers' = '',
        'topic' = '${TOPIC}',
        'scan.startup.mode' = 'earliest-offset',
        'value.format' = 'json'
      )
    SQL
  }

  sink {
    integration_id = flink_service_integration.pg.integration_id
    create_table   = <<-SQL
      CREATE TABLE clicks_per_minute (
        url STRING,
        window_start TIMESTAMP(3),
        clicks BIGINT,
        PRIMARY KEY (url, window_start) NOT ENFORCED
      ) WITH (
        'connector' = 'jdbc',
        'url' = 'jdbc:postgresql://',
        'table-name' = 'clicks_per_minute'
      )
    SQL
  }

  statement = <<-SQL
    INSERT INTO clicks_per_minute
    SELECT url, window_start, COUNT(*) AS clicks
    FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
    GROUP BY url, window_start, window_end${statementSuffix}
  SQL

  lifecycle {
    create_before_destroy = true
  }
}

resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  parallelism    = 1
}
`;
}
