import { integer, object, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import { DISPLAY_NAME_PATTERN, ENDPOINT_NAME_MAX_LENGTH } from "../rules/api-fields";
import { idAttribute, projectAttribute, timeoutsAttribute } from "./common";

const TIMEOUTS = { create: "5m", read: "5m", update: "5m", delete: "5m" };

const externalKafka = object(
  {
    bootstrap_servers: string("Bootstrap servers, `host:port` separated by commas.", {
      required: true,
      minLength: 3,
      maxLength: 256,
    }),
    security_protocol: string("Security protocol.", {
      required: true,
      enum: ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"],
    }),
    sasl_mechanism: string("SASL mechanism, for the SASL protocols.", {
      optional: true,
      enum: ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"],
    }),
    sasl_plain_username: string("SASL username.", { optional: true, maxLength: 256 }),
    sasl_plain_password: string("SASL password.", {
      optional: true,
      sensitive: true,
      maxLength: 256,
      keepOnRead: true,
    }),
    ssl_ca_cert: string("PEM-encoded CA certificate to verify the brokers.", {
      optional: true,
      maxLength: 16384,
    }),
    ssl_client_cert: string("PEM-encoded client certificate.", { optional: true, maxLength: 16384 }),
    ssl_client_key: string("PEM-encoded client key.", {
      optional: true,
      sensitive: true,
      maxLength: 16384,
      keepOnRead: true,
    }),
    ssl_endpoint_identification_algorithm: string("Set to `https` to verify the broker host name.", {
      optional: true,
      enum: ["https", ""],
    }),
  },
  "Connection to an external Kafka cluster. Set it when `endpoint_type` is `external_kafka`.",
  {
    optional: true,
    api: "user_config",
    apiWhen: { attribute: "endpoint_type", equals: "external_kafka" },
    conflictsWith: ["external_postgresql", "external_schema_registry"],
  },
);

const externalPostgresql = object(
  {
    host: string("Host name of the PostgreSQL server.", { required: true, maxLength: 255 }),
    port: integer("Port of the PostgreSQL server.", { required: true, min: 0, max: 65535 }),
    username: string("User name.", { required: true, maxLength: 256 }),
    password: string("Password.", { optional: true, sensitive: true, maxLength: 256, keepOnRead: true }),
    default_database: string("Database to connect to.", { optional: true, maxLength: 63 }),
    ssl_mode: string("TLS mode.", {
      optional: true,
      enum: ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"],
    }),
    ssl_root_cert: string("PEM-encoded CA certificate to verify the server.", {
      optional: true,
      maxLength: 16384,
    }),
    ssl_client_certificate: string("PEM-encoded client certificate.", { optional: true, maxLength: 16384 }),
    ssl_client_key: string("PEM-encoded client key.", {
      optional: true,
      sensitive: true,
      maxLength: 16384,
      keepOnRead: true,
    }),
  },
  "Connection to an external PostgreSQL database. Set it when `endpoint_type` is `external_postgresql`.",
  {
    optional: true,
    api: "user_config",
    apiWhen: { attribute: "endpoint_type", equals: "external_postgresql" },
    conflictsWith: ["external_kafka", "external_schema_registry"],
  },
);

const externalSchemaRegistry = object(
  {
    url: string("URL of the Schema Registry, such as `https://registry.example.com:8081`.", {
      required: true,
      maxLength: 2048,
      pattern: { regex: "^https?://[^\\s/]+", message: "must be an `http://` or `https://` URL" },
    }),
    authentication: string("How to authenticate: `none` or `basic`.", {
      required: true,
      enum: ["none", "basic"],
    }),
    basic_auth_username: string("User name for `basic` authentication.", { optional: true, maxLength: 256 }),
    basic_auth_password: string("Password for `basic` authentication.", {
      optional: true,
      sensitive: true,
      maxLength: 256,
      keepOnRead: true,
    }),
  },
  "Connection to an external Confluent-compatible Schema Registry (such as Karapace). Set it when `endpoint_type` is `external_schema_registry`. Flink tables name the registry in their format options (`'avro-confluent.url'`); no integration type connects it.",
  {
    optional: true,
    api: "user_config",
    apiWhen: { attribute: "endpoint_type", equals: "external_schema_registry" },
    conflictsWith: ["external_kafka", "external_postgresql"],
  },
);

const ENDPOINT_PATH = "/project/{project}/integration_endpoint/{endpoint_id}";

export const flinkIntegrationEndpointSpec = defineResource({
  typeName: "flink_integration_endpoint",
  description:
    "An external Kafka cluster or PostgreSQL database that Flink services can read from and write to, through a `flink_service_integration`, or an external Schema Registry.",
  schemaVersion: 0,
  id: "{project}/{endpoint_id}",
  importFormat: "PROJECT/ENDPOINT_ID",
  attributes: {
    id: idAttribute("PROJECT/ENDPOINT_ID"),
    project: projectAttribute(),
    endpoint_name: string("Name of the endpoint. Changing it creates a new endpoint.", {
      required: true,
      replaceOnChange: true,
      minLength: 1,
      maxLength: ENDPOINT_NAME_MAX_LENGTH,
      pattern: DISPLAY_NAME_PATTERN,
    }),
    endpoint_type: string("Kind of endpoint. Changing it creates a new endpoint.", {
      required: true,
      replaceOnChange: true,
      enum: ["external_kafka", "external_postgresql", "external_schema_registry"],
    }),
    external_kafka: externalKafka,
    external_postgresql: externalPostgresql,
    external_schema_registry: externalSchemaRegistry,
    endpoint_id: string("Identifier of the endpoint, used as `source_endpoint_id` of an integration.", {
      computed: true,
    }),
    timeouts: timeoutsAttribute(TIMEOUTS),
  },
  operations: {
    create: {
      method: "POST",
      path: "/project/{project}/integration_endpoint",
      envelope: "service_integration_endpoint",
    },
    read: { method: "GET", path: ENDPOINT_PATH, envelope: "service_integration_endpoint" },
    update: {
      method: "PUT",
      path: ENDPOINT_PATH,
      envelope: "service_integration_endpoint",
      bodyFields: ["user_config"],
    },
    delete: { method: "DELETE", path: ENDPOINT_PATH },
  },
  // Endpoint names are unique within a project: a create whose answer was lost is found by its name.
  createLookup: [
    {
      operation: { method: "GET", path: "/project/{project}/integration_endpoint" },
      key: "service_integration_endpoints",
      match: { endpoint_name: "endpoint_name", endpoint_type: "endpoint_type" },
    },
  ],
  onReadNotFound: "remove",
  timeouts: TIMEOUTS,
});
