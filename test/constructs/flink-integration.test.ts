import { Testing } from "cdktn";
import { FlinkIntegration, FlinkService, IntegrationKind, IntegrationSource } from "../../constructs";
import { IntegrationEndpoint } from "../../constructs/generated/integration-endpoint";
import { ServiceIntegration } from "../../constructs/generated/service-integration";
import { newStack, synthValidated } from "./helpers";

function withService() {
  const stack = newStack();
  const service = new FlinkService(stack, "Service", {
    project: "local",
    serviceName: "svc",
    plan: "business-4",
  });
  return { stack, service };
}

describe("FlinkIntegration", () => {
  it("creates an external Kafka endpoint and connects it (snapshot)", () => {
    const { stack, service } = withService();
    const kafka = new FlinkIntegration(stack, "Kafka", {
      service,
      source: IntegrationSource.externalKafka({
        endpointName: "ext-kafka",
        bootstrapServers: "broker-1:9093,broker-2:9093",
        securityProtocol: "SASL_SSL",
        saslMechanism: "SCRAM-SHA-256",
        username: "flink",
      }),
    });
    expect(kafka.kind).toBe(IntegrationKind.KAFKA);
    expect(kafka.endpoint).toBeInstanceOf(IntegrationEndpoint);
    const json = synthValidated(stack);
    expect(json).toHaveResourceWithProperties(IntegrationEndpoint, {
      endpoint_type: "external_kafka",
      external_kafka: {
        bootstrap_servers: "broker-1:9093,broker-2:9093",
        security_protocol: "SASL_SSL",
        sasl_mechanism: "SCRAM-SHA-256",
        sasl_plain_username: "flink",
      },
    });
    expect(json).toHaveResourceWithProperties(ServiceIntegration, {
      integration_type: "flink_external_kafka",
      source_endpoint_id: expect.stringMatching(
        /^\$\{flink_integration_endpoint\.Kafka_Endpoint_\w+\.endpoint_id\}$/,
      ),
    });
    expect(JSON.parse(Testing.synth(stack))).toMatchSnapshot();
  });

  it("creates an external PostgreSQL endpoint with the default port", () => {
    const { stack, service } = withService();
    new FlinkIntegration(stack, "Pg", {
      service,
      source: IntegrationSource.externalPostgresql({
        endpointName: "pg",
        host: "db",
        username: "u",
        database: "a",
      }),
    });
    const json = synthValidated(stack);
    expect(json).toHaveResourceWithProperties(IntegrationEndpoint, {
      endpoint_type: "external_postgresql",
      external_postgresql: { host: "db", port: 5432, username: "u", default_database: "a" },
    });
    expect(json).toHaveResourceWithProperties(ServiceIntegration, {
      integration_type: "flink_external_postgresql",
    });
  });

  it.each([
    [
      IntegrationSource.service("kafka-svc", IntegrationKind.KAFKA),
      { integration_type: "flink", source_service_name: "kafka-svc" },
    ],
    [
      IntegrationSource.endpoint("e-123", IntegrationKind.POSTGRESQL),
      { integration_type: "flink_external_postgresql", source_endpoint_id: "e-123" },
    ],
  ])("connects an existing source without creating an endpoint (%#)", (source, expected) => {
    const { stack, service } = withService();
    const integration = new FlinkIntegration(stack, "I", { service, source });
    expect(integration.endpoint).toBeUndefined();
    const json = synthValidated(stack);
    expect(json).toHaveResourceWithProperties(ServiceIntegration, expected);
    expect(json).not.toHaveResource(IntegrationEndpoint);
  });

  it("rejects invalid endpoint props with the prop name", () => {
    const { stack, service } = withService();
    expect(
      () =>
        new FlinkIntegration(stack, "K", {
          service,
          source: IntegrationSource.externalKafka({ endpointName: "k", bootstrapServers: "ab" }),
        }),
    ).toThrow('test/K: source.bootstrapServers must be between 3 and 256 characters long, got "ab"');
    expect(
      () =>
        new FlinkIntegration(stack, "P", {
          service,
          source: IntegrationSource.externalPostgresql({
            endpointName: "p",
            host: "h",
            username: "u",
            port: 70000,
          }),
        }),
    ).toThrow("test/P: source.port must be between 0 and 65535, got 70000");
  });

  it("never shows a secret in an error", () => {
    const { stack, service } = withService();
    const secret = `hunter2-${"x".repeat(300)}`;
    let message = "";
    try {
      new FlinkIntegration(stack, "K", {
        service,
        source: IntegrationSource.externalKafka({
          endpointName: "k",
          bootstrapServers: "b:9092",
          password: secret,
        }),
      });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/source\.password must be at most 256 characters long \(value not shown\)/);
    expect(message).not.toContain("hunter2");
  });

  it("imports an integration by id and kind", () => {
    const stack = newStack();
    const imported = FlinkIntegration.fromIntegrationAttributes(stack, "I", {
      integrationId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      kind: IntegrationKind.KAFKA,
    });
    expect(imported.integrationId).toBe("7c9e6679-7425-40de-944b-e07fc1f90ae7");
  });
});
