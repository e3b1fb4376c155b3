# PROJECT/SERVICE_NAME/APPLICATION_ID/DEPLOYMENT_ID
terraform import flink_jar_application_deployment.counter my-project/flink-analytics/4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f/6e7f8a9b-0c1d-4e2f-9a3b-4c5d6e7f8a9b
