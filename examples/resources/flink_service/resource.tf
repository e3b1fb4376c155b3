resource "flink_service" "example" {
  project      = "my-project"
  service_name = "flink-analytics"
  plan         = "business-4"
  cloud_name   = "google-europe-west1"

  maintenance_window_dow  = "sunday"
  maintenance_window_time = "03:00:00"

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

  tags = {
    team = "data-platform"
  }
}
