data "flink_application_version" "current" {
  project                = "my-project"
  service_name           = "flink-analytics"
  application_id         = data.flink_application.clicks.application_id
  application_version_id = "3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e"
}
