# PROJECT/SERVICE_NAME/APPLICATION_ID
terraform import flink_jar_application.counter my-project/flink-analytics/4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f
