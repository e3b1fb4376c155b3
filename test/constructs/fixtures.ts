import type { TerraformStack } from "cdktn";
import {
  Column,
  Connector,
  Duration,
  FlinkApplication,
  FlinkIntegration,
  FlinkService,
  type FlinkServiceProps,
  FlinkTable,
  FlinkType,
  IntegrationSource,
  KafkaStartupMode,
  Watermark,
} from "../../constructs";

export const CLICKS_STATEMENT = `INSERT INTO clicks_per_minute
SELECT url, window_start, COUNT(*) AS clicks
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY url, window_start, window_end`;

/** The clickstream pieces in `stack`: service, two integrations, source and sink tables, an application. */
export function clickstreamParts(stack: TerraformStack, serviceProps: Partial<FlinkServiceProps> = {}) {
  const service = new FlinkService(stack, "Service", {
    project: "local",
    serviceName: "clicks",
    plan: "business-4",
    taskSlots: 4,
    ...serviceProps,
  });
  const kafka = new FlinkIntegration(stack, "Kafka", {
    service,
    source: IntegrationSource.externalKafka({ endpointName: "kafka", bootstrapServers: "kafka:9092" }),
  });
  const postgres = new FlinkIntegration(stack, "Postgres", {
    service,
    source: IntegrationSource.externalPostgresql({ endpointName: "pg", host: "pg", username: "flink" }),
  });
  const clicks = new FlinkTable(stack, "clicks", {
    columns: [
      Column.physical("user_id", FlinkType.STRING),
      Column.physical("url", FlinkType.STRING),
      Column.physical("ts", FlinkType.timestamp(3)),
    ],
    watermark: Watermark.boundedOutOfOrderness("ts", Duration.seconds(5)),
    connector: Connector.kafka({ topic: "clicks", startupMode: KafkaStartupMode.EARLIEST }),
    integration: kafka,
  });
  const perMinute = new FlinkTable(stack, "clicks_per_minute", {
    columns: [
      Column.physical("url", FlinkType.STRING),
      Column.physical("window_start", FlinkType.timestamp(3)),
      Column.physical("clicks", FlinkType.BIGINT),
    ],
    primaryKey: ["url", "window_start"],
    connector: Connector.jdbc({ tableName: "public.clicks_per_minute" }),
    integration: postgres,
  });
  const app = new FlinkApplication(stack, "App", { service, applicationName: "clicks-per-minute" });
  return { service, kafka, postgres, clicks, perMinute, app };
}
