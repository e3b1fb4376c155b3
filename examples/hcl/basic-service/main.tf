# The smallest useful flinkform configuration: one Flink service with four task slots per node.

terraform {
  required_providers {
    flink = {
      source = "flinkform/flink"
    }
  }
}

# api_url and api_token come from FLINK_API_URL / FLINK_API_TOKEN.
provider "flink" {}

variable "project" {
  type    = string
  default = "local"
}

resource "flink_service" "basic" {
  project      = var.project
  service_name = "basic-flink"
  plan         = "business-4"
  cloud_name   = "google-europe-west1"

  flink_user_config = {
    number_of_task_slots = 4
    parallelism_default  = 1
  }

  tags = {
    example = "basic-service"
  }
}

output "task_slots_total" {
  value = flink_service.basic.task_slots_total
}
