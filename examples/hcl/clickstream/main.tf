# Clickstream: clicks from an external Kafka topic, counted per URL in one-minute tumbling
# windows, upserted into PostgreSQL through the jdbc connector.
# The same pipeline as examples/cdktf/clickstream, written as plain Terraform.

terraform {
  required_providers {
    flink = {
      source = "flinkform/flink"
    }
  }
}

# api_url and api_token come from FLINK_API_URL / FLINK_API_TOKEN.
provider "flink" {}

resource "flink_service" "clickstream" {
  project      = var.project
  service_name = var.service_name
  plan         = "business-4"
  cloud_name   = var.cloud_name

  flink_user_config = {
    flink_version        = "1.20"
    number_of_task_slots = 4
    restart_strategy = {
      type                      = "failure-rate"
      max_failures              = 3
      failure_rate_interval_min = 5
      delay_sec                 = 10
    }
    execution_checkpointing_interval_ms = 60000
  }
}

resource "flink_integration_endpoint" "kafka" {
  project       = var.project
  endpoint_name = "${var.service_name}-kafka"
  endpoint_type = "external_kafka"

  external_kafka = {
    bootstrap_servers   = var.kafka_bootstrap_servers
    security_protocol   = "SASL_SSL"
    sasl_mechanism      = "SCRAM-SHA-512"
    sasl_plain_username = var.kafka_username
    sasl_plain_password = var.kafka_password
  }
}

resource "flink_integration_endpoint" "postgres" {
  project       = var.project
  endpoint_name = "${var.service_name}-postgres"
  endpoint_type = "external_postgresql"

  external_postgresql = {
    host             = var.postgres_host
    port             = 5432
    username         = var.postgres_username
    password         = var.postgres_password
    default_database = "analytics"
  }
}

resource "flink_service_integration" "kafka" {
  project                  = var.project
  integration_type         = "flink_external_kafka"
  source_endpoint_id       = flink_integration_endpoint.kafka.endpoint_id
  destination_service_name = flink_service.clickstream.service_name
}

resource "flink_service_integration" "postgres" {
  project                  = var.project
  integration_type         = "flink_external_postgresql"
  source_endpoint_id       = flink_integration_endpoint.postgres.endpoint_id
  destination_service_name = flink_service.clickstream.service_name
}

resource "flink_application" "clicks" {
  project      = flink_service.clickstream.project
  service_name = flink_service.clickstream.service_name
  name         = "clicks-per-minute"
}

resource "flink_application_version" "clicks" {
  project        = flink_application.clicks.project
  service_name   = flink_application.clicks.service_name
  application_id = flink_application.clicks.application_id

  # Connection options ('properties.bootstrap.servers', 'url') stay empty: the integration fills them in.
  source {
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
        'topic' = 'clicks',
        'scan.startup.mode' = 'earliest-offset',
        'value.format' = 'json'
      )
    SQL
  }

  sink {
    integration_id = flink_service_integration.postgres.integration_id
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
    GROUP BY url, window_start, window_end
  SQL
}

resource "flink_application_deployment" "clicks" {
  project         = flink_application.clicks.project
  service_name    = flink_application.clicks.service_name
  application_id  = flink_application.clicks.application_id
  version_id      = flink_application_version.clicks.application_version_id
  parallelism     = var.parallelism
  restart_enabled = true
}

output "service_name" {
  value = flink_service.clickstream.service_name
}

output "service_state" {
  value = flink_service.clickstream.state
}

output "application_id" {
  value = flink_application.clicks.application_id
}

output "deployment_id" {
  value = flink_application_deployment.clicks.deployment_id
}

output "deployment_status" {
  value = flink_application_deployment.clicks.status
}
