import { Construct, type IConstruct } from "constructs";
import { flinkIntegrationEndpointSpec } from "../schemas/resources/flink-integration-endpoint";
import { flinkServiceIntegrationSpec } from "../schemas/resources/flink-service-integration";
import type { IFlinkService } from "./flink-service";
import { IntegrationEndpoint, type IntegrationEndpointConfig } from "./generated/integration-endpoint";
import { ServiceIntegration, type ServiceIntegrationConfig } from "./generated/service-integration";
import { camelKeys, compact } from "./private/objects";
import { checkConfig, lastPartCamel } from "./private/validation";

/** What an integration connects: it decides which table connectors may use it. */
export enum IntegrationKind {
  KAFKA = "kafka",
  POSTGRESQL = "postgresql",
}

export interface ExternalKafkaOptions {
  /** Name of the integration endpoint. */
  readonly endpointName: string;
  /** `host:port` pairs separated by commas. */
  readonly bootstrapServers: string;
  /** @default "PLAINTEXT" */
  readonly securityProtocol?: "PLAINTEXT" | "SSL" | "SASL_PLAINTEXT" | "SASL_SSL";
  /** @default none */
  readonly saslMechanism?: "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512";
  /** @default none */
  readonly username?: string;
  /** Sensitive; pass a variable or secret reference rather than a literal. @default none */
  readonly password?: string;
  /** PEM CA certificate of the brokers. @default none */
  readonly sslCaCert?: string;
  /** @default none */
  readonly sslClientCert?: string;
  /** Sensitive. @default none */
  readonly sslClientKey?: string;
}

export interface ExternalPostgresqlOptions {
  /** Name of the integration endpoint. */
  readonly endpointName: string;
  readonly host: string;
  /** @default 5432 */
  readonly port?: number;
  readonly username: string;
  /** Sensitive; pass a variable or secret reference rather than a literal. @default none */
  readonly password?: string;
  /** @default the server's default database */
  readonly database?: string;
  /** @default the service default */
  readonly sslMode?: "disable" | "allow" | "prefer" | "require" | "verify-ca" | "verify-full";
  /** @default none */
  readonly sslRootCert?: string;
}

/** Where the data comes from; build one with the static methods. */
export abstract class IntegrationSource {
  /** Creates an external Kafka endpoint and connects it. */
  static externalKafka(options: ExternalKafkaOptions): IntegrationSource {
    return new EndpointSource(IntegrationKind.KAFKA, {
      endpoint_name: options.endpointName,
      endpoint_type: "external_kafka",
      external_kafka: compact({
        bootstrap_servers: options.bootstrapServers,
        security_protocol: options.securityProtocol ?? "PLAINTEXT",
        sasl_mechanism: options.saslMechanism,
        sasl_plain_username: options.username,
        sasl_plain_password: options.password,
        ssl_ca_cert: options.sslCaCert,
        ssl_client_cert: options.sslClientCert,
        ssl_client_key: options.sslClientKey,
      }),
    });
  }

  /** Creates an external PostgreSQL endpoint and connects it. */
  static externalPostgresql(options: ExternalPostgresqlOptions): IntegrationSource {
    return new EndpointSource(IntegrationKind.POSTGRESQL, {
      endpoint_name: options.endpointName,
      endpoint_type: "external_postgresql",
      external_postgresql: compact({
        host: options.host,
        port: options.port ?? 5432,
        username: options.username,
        password: options.password,
        default_database: options.database,
        ssl_mode: options.sslMode,
        ssl_root_cert: options.sslRootCert,
      }),
    });
  }

  /** An integration endpoint that already exists. */
  static endpoint(endpointId: string, kind: IntegrationKind): IntegrationSource {
    return new ExistingSource(kind, { source_endpoint_id: endpointId });
  }

  /** A Kafka or PostgreSQL service of the same project. */
  static service(serviceName: string, kind: IntegrationKind): IntegrationSource {
    return new ExistingSource(kind, { source_service_name: serviceName });
  }

  protected constructor(readonly kind: IntegrationKind) {}

  /** Creates what the source needs and returns the integration's source fields. @internal */
  abstract _bind(scope: Construct, project: string): { fields: Record<string, unknown>; type: string };
}

class EndpointSource extends IntegrationSource {
  constructor(
    kind: IntegrationKind,
    private readonly endpoint: Record<string, unknown>,
  ) {
    super(kind);
  }

  _bind(scope: Construct, project: string) {
    const config = { project, ...this.endpoint };
    checkConfig(scope, flinkIntegrationEndpointSpec, config, endpointPropName);
    const resource = new IntegrationEndpoint(
      scope,
      "Endpoint",
      camelKeys(config) as IntegrationEndpointConfig,
    );
    const type = this.kind === IntegrationKind.KAFKA ? "flink_external_kafka" : "flink_external_postgresql";
    return { fields: { source_endpoint_id: resource.endpointId }, type };
  }
}

class ExistingSource extends IntegrationSource {
  constructor(
    kind: IntegrationKind,
    private readonly fields: Record<string, unknown>,
  ) {
    super(kind);
  }

  _bind() {
    const type =
      "source_service_name" in this.fields
        ? "flink"
        : this.kind === IntegrationKind.KAFKA
          ? "flink_external_kafka"
          : "flink_external_postgresql";
    return { fields: this.fields, type };
  }
}

const ENDPOINT_PROPS: Record<string, string> = {
  endpoint_name: "endpointName",
  sasl_plain_username: "username",
  sasl_plain_password: "password",
  default_database: "database",
};

function endpointPropName(path: readonly (string | number)[]): string | undefined {
  const last = path[path.length - 1];
  const name = typeof last === "string" ? (ENDPOINT_PROPS[last] ?? lastPartCamel(path)) : undefined;
  return name && `source.${name}`;
}

/** A connection tables can name as their `integration_id`. */
export interface IFlinkIntegration extends IConstruct {
  readonly integrationId: string;
  readonly kind: IntegrationKind;
}

export interface FlinkIntegrationAttributes {
  readonly integrationId: string;
  readonly kind: IntegrationKind;
}

export interface FlinkIntegrationProps {
  /** The Flink service that reads and writes through the integration. */
  readonly service: IFlinkService;
  /** What to connect. */
  readonly source: IntegrationSource;
}

/**
 * Connects a Kafka or PostgreSQL (an external endpoint it creates, an existing endpoint, or a service)
 * to a Flink service. Child `Resource` is the L1 `flink_service_integration`; an endpoint it creates is
 * the child `Endpoint`.
 */
export class FlinkIntegration extends Construct implements IFlinkIntegration {
  static fromIntegrationAttributes(
    scope: Construct,
    id: string,
    attrs: FlinkIntegrationAttributes,
  ): IFlinkIntegration {
    class Import extends Construct implements IFlinkIntegration {
      readonly integrationId = attrs.integrationId;
      readonly kind = attrs.kind;
    }
    return new Import(scope, id);
  }

  readonly resource: ServiceIntegration;
  readonly integrationId: string;
  readonly kind: IntegrationKind;
  readonly service: IFlinkService;

  constructor(scope: Construct, id: string, props: FlinkIntegrationProps) {
    super(scope, id);
    const { fields, type } = props.source._bind(this, props.service.project);
    const config = {
      project: props.service.project,
      integration_type: type,
      destination_service_name: props.service.serviceName,
      ...fields,
    };
    checkConfig(this, flinkServiceIntegrationSpec, config, lastPartCamel);
    this.resource = new ServiceIntegration(this, "Resource", camelKeys(config) as ServiceIntegrationConfig);
    this.integrationId = this.resource.integrationId;
    this.kind = props.source.kind;
    this.service = props.service;
  }

  /** The endpoint this integration created, if any (its `endpointId` is a token). */
  get endpoint(): IntegrationEndpoint | undefined {
    return this.node.tryFindChild("Endpoint") as IntegrationEndpoint | undefined;
  }
}
