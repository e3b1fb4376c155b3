resource "flink_application" "clicks" {
  project      = flink_service.example.project
  service_name = flink_service.example.service_name
  name         = "clicks-per-minute"
}
