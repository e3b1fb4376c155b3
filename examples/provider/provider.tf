terraform {
  required_providers {
    flink = {
      source = "flinkform/flink"
    }
  }
}

# Against the local control plane (`npx flinkform local start` prints the URL and token):
#   export FLINK_API_URL=http://127.0.0.1:8080/v1 FLINK_API_TOKEN=<token>
# Against the hosted API, set FLINK_API_TOKEN (or AIVEN_TOKEN) and leave api_url unset.
provider "flink" {}
