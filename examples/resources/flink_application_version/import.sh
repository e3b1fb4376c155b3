# PROJECT/SERVICE_NAME/APPLICATION_ID/APPLICATION_VERSION_ID
terraform import flink_application_version.v1 my-project/flink-analytics/2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d/3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e
