resource "flink_jar_application_deployment" "counter" {
  project        = flink_jar_application.counter.project
  service_name   = flink_jar_application.counter.service_name
  application_id = flink_jar_application.counter.application_id
  version_id     = flink_jar_application_version.counter.application_version_id
  entry_class    = "dev.flinkform.example.CountingJob"
  program_args   = ["--keys", "8", "--name", "counting job"]
  parallelism    = 1

  # A new version, entry class, arguments or parallelism hands the job over in place through a
  # savepoint, so the counts carry over.
  upgrade_mode = "savepoint"
}

output "jar_job_status" {
  value = flink_jar_application_deployment.counter.status
}
