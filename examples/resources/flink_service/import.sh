# PROJECT/SERVICE_NAME
terraform import flink_service.example my-project/flink-analytics
