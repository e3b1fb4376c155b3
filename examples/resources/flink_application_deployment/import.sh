# PROJECT/SERVICE_NAME/APPLICATION_ID/DEPLOYMENT_ID
terraform import flink_application_deployment.clicks my-project/flink-analytics/2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d/4c5d6e7f-8a9b-4c0d-9e2f-3a4b5c6d7e8f
