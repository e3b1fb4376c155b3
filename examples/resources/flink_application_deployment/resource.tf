resource "flink_application_deployment" "clicks" {
  project         = flink_application.clicks.project
  service_name    = flink_application.clicks.service_name
  application_id  = flink_application.clicks.application_id
  version_id      = flink_application_version.v1.application_version_id
  parallelism     = 2
  restart_enabled = true
}

output "job_status" {
  value = flink_application_deployment.clicks.status
}
