import { bool, object, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import {
  INTEGRATION_PATH,
  updateIntegrationUserConfig,
  validateIntegrationUserConfig,
} from "../hooks/integration-user-config";
import { idAttribute, projectAttribute, SERVICE_NAME_PATTERN, timeoutsAttribute } from "./common";

const TIMEOUTS = { create: "10m", read: "5m", update: "10m", delete: "10m" };

function serviceReference(description: string, api: string) {
  return string(`${description} Changing it creates a new integration.`, {
    optional: true,
    replaceOnChange: true,
    api,
    maxLength: 64,
    pattern: SERVICE_NAME_PATTERN,
  });
}

function endpointReference(description: string, api: string) {
  return string(`${description} Changing it creates a new integration.`, {
    optional: true,
    replaceOnChange: true,
    api,
    maxLength: 36,
  });
}

const INTEGRATION_MATCH = {
  integration_type: "integration_type",
  source_service_name: "source_service",
  destination_service_name: "dest_service",
  source_endpoint_id: "source_endpoint_id",
  destination_endpoint_id: "dest_endpoint_id",
};

export const flinkServiceIntegrationSpec = defineResource({
  typeName: "flink_service_integration",
  description:
    "Connects a data service or an integration endpoint to a Flink service. Its `integration_id` is what Flink tables name as their `integration_id`.",
  schemaVersion: 0,
  id: "{project}/{integration_id}",
  importFormat: "PROJECT/INTEGRATION_ID",
  attributes: {
    id: idAttribute("PROJECT/INTEGRATION_ID"),
    project: projectAttribute(),
    integration_type: string(
      "Kind of integration: `flink` (a Kafka or PostgreSQL service of the project), `flink_external_kafka` or `flink_external_postgresql` (an integration endpoint), `logs` or `metrics`. Changing it creates a new integration.",
      {
        required: true,
        replaceOnChange: true,
        enum: ["flink", "flink_external_kafka", "flink_external_postgresql", "logs", "metrics"],
      },
    ),
    source_service_name: serviceReference(
      "Service the data comes from (a Kafka or PostgreSQL service).",
      "source_service",
    ),
    destination_service_name: serviceReference("The Flink service.", "dest_service"),
    source_endpoint_id: endpointReference("Integration endpoint the data comes from.", "source_endpoint_id"),
    destination_endpoint_id: endpointReference("Integration endpoint the data goes to.", "dest_endpoint_id"),
    flink_external_postgresql_user_config: object(
      {
        stringtype: string(
          "`unspecified` sends string parameters to PostgreSQL untyped, so the server casts them to the column's type (`uuid`, `jsonb`, enums); it becomes the JDBC URL's `stringtype`.",
          { optional: true, enum: ["unspecified"] },
        ),
      },
      "Settings of a `flink_external_postgresql` integration. Changes are applied in place.",
      {
        optional: true,
        api: "user_config",
        apiWhen: { attribute: "integration_type", equals: "flink_external_postgresql" },
      },
    ),
    integration_id: string("Identifier of the integration, used as a table's `integration_id`.", {
      computed: true,
      api: "service_integration_id",
    }),
    active: bool("Whether the integration is active.", { computed: true, volatile: true }),
    timeouts: timeoutsAttribute(TIMEOUTS),
  },
  operations: {
    create: { method: "POST", path: "/project/{project}/integration", envelope: "service_integration" },
    read: { method: "GET", path: INTEGRATION_PATH, envelope: "service_integration" },
    update: {
      method: "PUT",
      path: INTEGRATION_PATH,
      envelope: "service_integration",
      bodyFields: ["user_config"],
    },
    delete: { method: "DELETE", path: INTEGRATION_PATH },
  },
  // The API refuses a second integration of one type between the same two ends, so type and ends
  // find a create whose answer was lost; they are listed per service, from either end.
  createLookup: [
    {
      operation: { method: "GET", path: "/project/{project}/service/{destination_service_name}/integration" },
      key: "service_integrations",
      match: INTEGRATION_MATCH,
    },
    {
      operation: { method: "GET", path: "/project/{project}/service/{source_service_name}/integration" },
      key: "service_integrations",
      match: INTEGRATION_MATCH,
    },
  ],
  wait: { create: { field: "active", until: [true], consecutive: 3, notFoundIsPending: true } },
  onReadNotFound: "remove",
  timeouts: TIMEOUTS,
  hooks: { validate: validateIntegrationUserConfig, update: updateIntegrationUserConfig },
});
