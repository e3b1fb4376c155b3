# PROJECT/ENDPOINT_ID
terraform import flink_integration_endpoint.kafka my-project/5f0e9b1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b
