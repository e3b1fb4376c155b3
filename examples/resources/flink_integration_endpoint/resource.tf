resource "flink_integration_endpoint" "kafka" {
  project       = "my-project"
  endpoint_name = "clickstream-kafka"
  endpoint_type = "external_kafka"

  external_kafka = {
    bootstrap_servers   = "kafka-1.example.com:9093,kafka-2.example.com:9093"
    security_protocol   = "SASL_SSL"
    sasl_mechanism      = "SCRAM-SHA-512"
    sasl_plain_username = "flink"
    sasl_plain_password = var.kafka_password
  }
}

resource "flink_integration_endpoint" "postgres" {
  project       = "my-project"
  endpoint_name = "analytics-postgres"
  endpoint_type = "external_postgresql"

  external_postgresql = {
    host             = "pg.example.com"
    port             = 5432
    username         = "flink"
    password         = var.postgres_password
    default_database = "analytics"
    ssl_mode         = "require"
  }
}

variable "kafka_password" {
  type      = string
  sensitive = true
}

variable "postgres_password" {
  type      = string
  sensitive = true
}
