/**
 * Clickstream: clicks from an external Kafka topic, counted per URL in one-minute tumbling windows,
 * upserted into PostgreSQL through the jdbc connector. The same pipeline as examples/hcl/clickstream.
 */
import { TerraformOutput, TerraformStack, TerraformVariable } from "cdktn";
import type { Construct } from "constructs";
import {
  Column,
  Connector,
  Duration,
  FlinkApplication,
  FlinkIntegration,
  FlinkProvider,
  FlinkService,
  FlinkTable,
  FlinkType,
  FlinkVersion,
  IntegrationSource,
  KafkaStartupMode,
  RestartStrategy,
  Watermark,
} from "../../../constructs";

export interface ClickstreamStackProps {
  /** @default "local" (the local control plane's project) */
  readonly project?: string;
  /** @default "clickstream" */
  readonly serviceName?: string;
  /** @default 2 */
  readonly parallelism?: number;
  /**
   * The Kafka cluster the clicks come from. Without SASL no password variable is declared.
   * @default kafka.example.com:9093 over SASL_SSL (SCRAM-SHA-512, user flink)
   */
  readonly kafka?: {
    readonly bootstrapServers: string;
    readonly securityProtocol?: "PLAINTEXT" | "SASL_SSL";
    readonly username?: string;
  };
  /** The PostgreSQL database the counts go to. @default pg.example.com:5432, user flink, database analytics */
  readonly postgres?: {
    readonly host: string;
    readonly port?: number;
    readonly username: string;
    readonly database: string;
  };
  /** Version 2 counts only windows with at least this many clicks (a change that rolls out through a savepoint). */
  readonly minClicksPerWindow?: number;
  /** Checkpoint interval of the service. @default 1 minute */
  readonly checkpointInterval?: Duration;
}

export class ClickstreamStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: ClickstreamStackProps = {}) {
    super(scope, id);
    const project = props.project ?? "local";
    const serviceName = props.serviceName ?? "clickstream";

    // No backend: the state stays beside this stack's cdk.tf.json (flinkform's default).
    // api_url and api_token come from FLINK_API_URL / FLINK_API_TOKEN when terraform runs.
    new FlinkProvider(this, "flink", {});

    // Secrets stay out of the code and the synthesized JSON: TF_VAR_kafka_password, TF_VAR_postgres_password.
    const kafkaSasl = (props.kafka?.securityProtocol ?? "SASL_SSL") === "SASL_SSL";
    const kafkaPassword = kafkaSasl
      ? new TerraformVariable(this, "kafka_password", {
          type: "string",
          sensitive: true,
          description: "SASL password of the Kafka user; pass it as TF_VAR_kafka_password.",
        })
      : undefined;
    const postgresPassword = new TerraformVariable(this, "postgres_password", {
      type: "string",
      sensitive: true,
      description: "Password of the PostgreSQL user; pass it as TF_VAR_postgres_password.",
    });

    const service = new FlinkService(this, "Service", {
      project,
      serviceName,
      plan: "business-4",
      flinkVersion: FlinkVersion.V1_20,
      taskSlots: 4,
      restartStrategy: RestartStrategy.failureRate({
        maxFailures: 3,
        interval: Duration.minutes(5),
        delay: Duration.seconds(10),
      }),
      checkpointInterval: props.checkpointInterval ?? Duration.minutes(1),
    });

    const kafka = new FlinkIntegration(this, "Kafka", {
      service,
      source: IntegrationSource.externalKafka({
        endpointName: `${serviceName}-kafka`,
        bootstrapServers: props.kafka?.bootstrapServers ?? "kafka.example.com:9093",
        ...(kafkaPassword
          ? {
              securityProtocol: "SASL_SSL",
              saslMechanism: "SCRAM-SHA-512",
              username: props.kafka?.username ?? "flink",
              password: kafkaPassword.stringValue,
            }
          : { securityProtocol: "PLAINTEXT" }),
      }),
    });
    const postgres = new FlinkIntegration(this, "Postgres", {
      service,
      source: IntegrationSource.externalPostgresql({
        endpointName: `${serviceName}-postgres`,
        host: props.postgres?.host ?? "pg.example.com",
        port: props.postgres?.port ?? 5432,
        username: props.postgres?.username ?? "flink",
        password: postgresPassword.stringValue,
        database: props.postgres?.database ?? "analytics",
      }),
    });

    const clicks = new FlinkTable(this, "clicks", {
      columns: [
        Column.physical("user_id", FlinkType.STRING),
        Column.physical("url", FlinkType.STRING),
        Column.physical("ts", FlinkType.timestamp(3)),
      ],
      watermark: Watermark.boundedOutOfOrderness("ts", Duration.seconds(5)),
      connector: Connector.kafka({ topic: "clicks", startupMode: KafkaStartupMode.EARLIEST }),
      integration: kafka,
    });
    const clicksPerMinute = new FlinkTable(this, "clicks_per_minute", {
      columns: [
        Column.physical("url", FlinkType.STRING),
        Column.physical("window_start", FlinkType.timestamp(3)),
        Column.physical("clicks", FlinkType.BIGINT),
      ],
      primaryKey: ["url", "window_start"],
      connector: Connector.jdbc({ tableName: "public.clicks_per_minute" }),
      integration: postgres,
    });

    const app = new FlinkApplication(this, "Application", { service, applicationName: "clicks-per-minute" });
    const version = app.addVersion({
      sources: [clicks],
      sinks: [clicksPerMinute],
      statement: `INSERT INTO clicks_per_minute
SELECT url, window_start, COUNT(*) AS clicks
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY url, window_start, window_end${props.minClicksPerWindow ? `\nHAVING COUNT(*) >= ${props.minClicksPerWindow}` : ""}`,
    });
    const deployment = version.deploy({ parallelism: props.parallelism ?? 2, restartEnabled: true });

    new TerraformOutput(this, "service_name", { value: service.serviceName });
    new TerraformOutput(this, "service_state", { value: service.state });
    new TerraformOutput(this, "application_id", { value: app.applicationId });
    new TerraformOutput(this, "deployment_id", { value: deployment.deploymentId });
    new TerraformOutput(this, "deployment_status", { value: deployment.status });
  }
}
