/**
 * The clickstream pipeline (Kafka → per-minute counts → PostgreSQL) in HCL, its click events and
 * the control plane with the data services it runs on, for real-engine tests.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import {
  CLICKS_TOPIC,
  CLICKSTREAM_INTEGRATIONS,
  clickstreamVersionBody,
} from "../acceptance/pipeline-config";
import { psql } from "./data-tools";
import type { Json } from "./flink-env";

/** The topic the pipeline reads. */
export const TOPIC = CLICKS_TOPIC;
const URLS = ["/home", "/cart", "/checkout"];

/** `count` click events spread over minutes [from, to) of event time, then one far later to close those windows. */
export function clicks(from: number, to: number, count: number, closeAt: number): string[] {
  const at = (minute: number, second: number) =>
    `2026-11-30 10:${String(minute).padStart(2, "0")}:${String(second).padStart(2, "0")}.000`;
  // In event-time order: the watermark trails the newest event by 5 s; an older click would be late.
  const events = Array.from({ length: count }, (_, i) => ({
    i,
    minute: from + (i % (to - from)),
    second: (i * 7) % 60,
  }))
    .sort((a, b) => a.minute - b.minute || a.second - b.second || a.i - b.i)
    .map(({ i, minute, second }) =>
      JSON.stringify({ url: URLS[i % URLS.length], user_id: `u${i % 7}`, ts: at(minute, second) }),
    );
  // The watermark follows event time (5 s behind): an event at `closeAt` closes every earlier window.
  events.push(JSON.stringify({ url: "/watermark", user_id: "tick", ts: at(closeAt, 0) }));
  return events;
}

/**
 * The acceptance tests' clickstream (its integrations and version from pipeline-config.ts) on real
 * Kafka and PostgreSQL, with checkpoints every second, at parallelism 1.
 */
export function pipeline(
  name: string,
  kafka: string,
  pg: Json,
  statementSuffix = "",
  serviceConfig = "",
): string {
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = {
    number_of_task_slots                = 2
    execution_checkpointing_interval_ms = 1000
${serviceConfig}
  }
}

resource "flink_integration_endpoint" "kafka" {
  project        = "local"
  endpoint_name  = "${name}-kafka"
  endpoint_type  = "external_kafka"
  external_kafka = { bootstrap_servers = "${kafka}", security_protocol = "PLAINTEXT" }
}

resource "flink_integration_endpoint" "pg" {
  project       = "local"
  endpoint_name = "${name}-pg"
  endpoint_type = "external_postgresql"
  external_postgresql = {
    host             = "${pg.host}"
    port             = ${pg.port}
    username         = "${pg.user}"
    password         = "${pg.password}"
    default_database = "${pg.database}"
  }
}

${CLICKSTREAM_INTEGRATIONS}
resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "clicks-per-minute"
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id

${clickstreamVersionBody(statementSuffix)}}

resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  parallelism    = 1
}
`;
}

export interface ClickstreamEnv {
  readonly acc: AcceptanceEnv;
  /** The local Kafka broker's bootstrap servers. */
  readonly kafka: string;
  /** The local PostgreSQL server, as `psql` takes it. */
  readonly pg: Json;
  /** The sum of the counts in windows that closed, without the watermark ticks. */
  counted(): Promise<number>;
}

/**
 * Call in a `describe`: a control plane on the flink engine with its local Kafka and PostgreSQL,
 * started before the tests and closed after them, and the sink's table in PostgreSQL.
 */
export function clickstreamEnv(): ClickstreamEnv {
  let acc: AcceptanceEnv | undefined;
  const started = () => {
    if (!acc) throw new Error("clickstreamEnv: the environment starts in beforeAll; use it in tests");
    return acc;
  };
  beforeAll(async () => {
    acc = await startAcceptanceEnv({
      engine: { kind: "flink" },
      dataServices: { kafka: true, postgres: true },
    });
    // The JDBC sink writes an existing table, as on the hosted service.
    await psql(
      acc.cp.dataServices.postgres!,
      "CREATE TABLE clicks_per_minute (url TEXT, window_start TIMESTAMP, clicks BIGINT, PRIMARY KEY (url, window_start))",
    );
  });
  afterAll(async () => {
    await acc?.close();
  });
  const env: ClickstreamEnv = {
    get acc() {
      return started();
    },
    get kafka() {
      return started().cp.dataServices.kafka!.bootstrapServers;
    },
    get pg() {
      return started().cp.dataServices.postgres!;
    },
    counted: async () =>
      Number(
        await psql(
          env.pg,
          "SELECT COALESCE(SUM(clicks), 0) FROM clicks_per_minute WHERE url <> '/watermark'",
        ),
      ),
  };
  return env;
}
