resource "flink_jar_application" "counter" {
  project      = flink_service.example.project
  service_name = flink_service.example.service_name
  name         = "counting-job"
}
