resource "flink_application_deployment" "clicks" {
  project         = flink_application.clicks.project
  service_name    = flink_application.clicks.service_name
  application_id  = flink_application.clicks.application_id
  version_id      = flink_application_version.v1.application_version_id
  parallelism     = 2
  restart_enabled = true

  # A new version_id or parallelism hands the job over in place: stop with a savepoint, start the new
  # deployment from it, and roll back to the previous version if the new job fails.
  upgrade_mode = "savepoint"
  # On destroy, keep the job's state in a final savepoint instead of cancelling it.
  final_savepoint = true
}

output "job_status" {
  value = flink_application_deployment.clicks.status
}
