data "flink_service" "analytics" {
  project      = "my-project"
  service_name = "flink-analytics"
}

output "free_slots_total" {
  value = data.flink_service.analytics.task_slots_total
}
