/** A clickstream-sized pipeline in HCL: service, two external endpoints and integrations, app, version, deployment. */
export interface PipelineOptions {
  name?: string;
  parallelism?: number;
  statementSuffix?: string;
  /** Extra lines inside the deployment block (upgrade_mode, final_savepoint...). */
  deploymentExtra?: string;
  /** Extra lines inside the version block (skip_sql_validation...). */
  versionExtra?: string;
  /** Extra lines inside the application block (force_destroy...). */
  applicationExtra?: string;
}

/** The Kafka topic the clickstream reads. */
export const CLICKS_TOPIC = "clicks";

/** The integrations of `flink_integration_endpoint.kafka` and `.pg` with `flink_service.s`. */
export const CLICKSTREAM_INTEGRATIONS = `resource "flink_service_integration" "kafka" {
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
`;

/**
 * The blocks of a `flink_application_version` through those integrations: clicks from Kafka, counted
 * per URL and minute into PostgreSQL; `statementSuffix` ends the statement. A changed version is
 * created before the deployment leaves the old one, which goes after.
 */
export function clickstreamVersionBody(statementSuffix = ""): string {
  return `  source {
    integration_id = flink_service_integration.kafka.integration_id
    create_table   = <<-SQL
      CREATE TABLE clicks (
        user_id STRING,
        url STRING,
        ts TIMESTAMP(3),
        WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
      ) WITH (
        'connector' = 'kafka',
        'properties.bootstrap.servers' = '',
        'topic' = '${CLICKS_TOPIC}',
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
        'table-name' = 'public.clicks_per_minute'
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
`;
}

export function pipelineConfig(options: PipelineOptions = {}): string {
  const name = options.name ?? "flink-pipe";
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = { number_of_task_slots = 4 }
}

resource "flink_integration_endpoint" "kafka" {
  project       = "local"
  endpoint_name = "${name}-kafka"
  endpoint_type = "external_kafka"
  external_kafka = {
    bootstrap_servers   = "kafka.example.com:9093"
    security_protocol   = "SASL_SSL"
    sasl_mechanism      = "SCRAM-SHA-512"
    sasl_plain_username = "flink"
    sasl_plain_password = "s3cret-kafka-password"
  }
}

resource "flink_integration_endpoint" "pg" {
  project       = "local"
  endpoint_name = "${name}-pg"
  endpoint_type = "external_postgresql"
  external_postgresql = {
    host     = "pg.example.com"
    port     = 5432
    username = "flink"
    password = "s3cret-pg-password"
    default_database = "analytics"
  }
}

${CLICKSTREAM_INTEGRATIONS}
resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "clicks-per-minute"
${options.applicationExtra ?? ""}
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
${options.versionExtra ?? ""}

${clickstreamVersionBody(options.statementSuffix)}}

resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  parallelism    = ${options.parallelism ?? 2}
${options.deploymentExtra ?? ""}
}

data "flink_application" "by_name" {
  project      = flink_application.app.project
  service_name = flink_application.app.service_name
  name         = flink_application.app.name
}

data "flink_service" "s" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
}

output "deployment_status" { value = flink_application_deployment.d.status }
output "app_id_by_name" { value = data.flink_application.by_name.application_id }
output "slots_total" { value = data.flink_service.s.task_slots_total }
`;
}
