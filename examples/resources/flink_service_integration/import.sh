# PROJECT/INTEGRATION_ID
terraform import flink_service_integration.kafka my-project/8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a
