data "flink_application" "clicks" {
  project      = "my-project"
  service_name = "flink-analytics"
  name         = "clicks-per-minute"
}
