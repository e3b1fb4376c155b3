variable "project" {
  description = "Project that owns the service (the local control plane's default project is `local`)."
  type        = string
  default     = "local"
}

variable "service_name" {
  description = "Name of the Flink service."
  type        = string
  default     = "clickstream"
}

variable "cloud_name" {
  description = "Cloud and region of the service."
  type        = string
  default     = "google-europe-west1"
}

variable "kafka_bootstrap_servers" {
  description = "The external Kafka cluster the clicks come from."
  type        = string
  default     = "kafka-1.example.com:9093,kafka-2.example.com:9093"
}

variable "kafka_username" {
  type    = string
  default = "flink"
}

variable "kafka_password" {
  description = "SASL password of the Kafka user; pass it as TF_VAR_kafka_password."
  type        = string
  sensitive   = true
}

variable "postgres_host" {
  description = "The external PostgreSQL the per-minute counts are upserted into."
  type        = string
  default     = "pg.example.com"
}

variable "postgres_username" {
  type    = string
  default = "flink"
}

variable "postgres_password" {
  description = "Password of the PostgreSQL user; pass it as TF_VAR_postgres_password."
  type        = string
  sensitive   = true
}

variable "parallelism" {
  description = "Parallelism of the deployment; must fit in the service's task slots."
  type        = number
  default     = 2
}
