resource "flink_service_integration" "kafka" {
  project                  = "my-project"
  integration_type         = "flink_external_kafka"
  source_endpoint_id       = flink_integration_endpoint.kafka.endpoint_id
  destination_service_name = flink_service.example.service_name
}

resource "flink_service_integration" "postgres" {
  project                  = "my-project"
  integration_type         = "flink_external_postgresql"
  source_endpoint_id       = flink_integration_endpoint.postgres.endpoint_id
  destination_service_name = flink_service.example.service_name
}
