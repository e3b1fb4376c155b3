resource "flink_jar_application_version" "counter" {
  project        = flink_jar_application.counter.project
  service_name   = flink_jar_application.counter.service_name
  application_id = flink_jar_application.counter.application_id
  # Built by `mvn package` (here: flink/example-jar of this repository). A rebuilt jar with other
  # bytes creates a new version; the deployment then hands its job over to it.
  source = "${path.module}/flinkform-example-jar-0.1.0.jar"

  # Create the new version before the old one is deleted, so the deployment can move to it first.
  lifecycle {
    create_before_destroy = true
  }
}
