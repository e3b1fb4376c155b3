# PROJECT/SERVICE_NAME/APPLICATION_ID/APPLICATION_VERSION_ID
terraform import flink_jar_application_version.counter my-project/flink-analytics/4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f/5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a
