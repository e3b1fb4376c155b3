# PROJECT/SERVICE_NAME/APPLICATION_ID
terraform import flink_application.clicks my-project/flink-analytics/2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d
