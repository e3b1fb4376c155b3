/**
 * Real data end to end, through the real terraform: click events written to the control plane's
 * local Kafka broker are counted per one-minute tumbling window (event time) by a real Flink job
 * into its local PostgreSQL server. The counts in PostgreSQL add up to the events sent, a version
 * upgrade through a savepoint neither loses nor double-counts a window, and destroy leaves the data
 * (topics and tables belong to the data services, not to the Flink service). Assertions read
 * PostgreSQL (psql) and Kafka (its console consumer).
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { describeWithDataServices, kafkaTool, produceRecords, psql } from "./data-tools";
import { flinkPids, type Json, waitFor } from "./flink-env";

jest.setTimeout(300_000);

const TOPIC = "clicks";
const URLS = ["/home", "/cart", "/checkout"];

/** `count` click events spread over minutes [from, to) of event time, then one far later to close those windows. */
function clicks(from: number, to: number, count: number, closeAt: number): string[] {
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

function pipeline(name: string, kafka: string, pg: Json, statementSuffix = ""): string {
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = {
    number_of_task_slots                = 2
    execution_checkpointing_interval_ms = 1000
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

resource "flink_service_integration" "kafka" {
  project                  = "local"
  integration_type         = "flink_external_kafka"
  source_endpoint_id       = flink_integration_endpoint.kafka.endpoint_id
  destination_service_name = flink_service.s.service_name
}

resource "flink_service_integration" "pg" {
  project                  = "local"
  integration_type         = "flink_external_postgresql"
  source_endpoint_id       = flink_integration_endpoint.pg.endpoint_id
  destination_service_name = flink_service.s.service_name
}

resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "clicks-per-minute"
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id

  source {
    integration_id = flink_service_integration.kafka.integration_id
    create_table   = <<-SQL
      CREATE TABLE clicks (
        url STRING,
        user_id STRING,
        ts TIMESTAMP(3),
        WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
      ) WITH (
        'connector' = 'kafka',
        'properties.bootstrap.servers' = '',
        'topic' = '${TOPIC}',
        'scan.startup.mode' = 'earliest-offset',
        'value.format' = 'json'
      )
    SQL
  }

  sink {
    integration_id = flink_service_integration.pg.integration_id
    create_table   = <<-SQL
      CREATE TABLE clicks_per_minute (
        url STRING,
        window_start TIMESTAMP(3),
        clicks BIGINT,
        PRIMARY KEY (url, window_start) NOT ENFORCED
      ) WITH (
        'connector' = 'jdbc',
        'url' = 'jdbc:postgresql://',
        'table-name' = 'clicks_per_minute'
      )
    SQL
  }

  statement = <<-SQL
    INSERT INTO clicks_per_minute
    SELECT url, window_start, COUNT(*) AS clicks
    FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
    GROUP BY url, window_start, window_end${statementSuffix}
  SQL

  lifecycle {
    create_before_destroy = true
  }
}

resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  parallelism    = 1
}
`;
}

describeWithDataServices(
  "flink engine + terraform: clicks from Kafka, counted per minute into PostgreSQL",
  () => {
    const name = "clickstream";
    let acc: AcceptanceEnv;
    let wd: string;
    let kafka: string;
    let pg: Json;
    /** Sum of the counts in windows that closed, without the watermark ticks. */
    const counted = async () =>
      Number(
        await psql(pg, "SELECT COALESCE(SUM(clicks), 0) FROM clicks_per_minute WHERE url <> '/watermark'"),
      );

    beforeAll(async () => {
      acc = await startAcceptanceEnv({
        engine: { kind: "flink" },
        dataServices: { kafka: true, postgres: true },
      });
      kafka = acc.cp.dataServices.kafka!.bootstrapServers;
      pg = acc.cp.dataServices.postgres!;
      // The JDBC sink writes an existing table, as on the hosted service.
      await psql(
        pg,
        "CREATE TABLE clicks_per_minute (url TEXT, window_start TIMESTAMP, clicks BIGINT, PRIMARY KEY (url, window_start))",
      );
      wd = acc.workdir(name, pipeline(name, kafka, pg));
      await acc.tf(wd, ["init", "-input=false"]);
    });
    afterAll(async () => {
      await acc?.close();
    });

    test("N events in Kafka become per-minute counts in PostgreSQL that add up to N", async () => {
      // The events are there before the job: a Kafka source needs its topic to exist.
      await produceRecords(kafka, TOPIC, clicks(0, 5, 150, 10));
      await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
      const total = await waitFor("150 clicks counted in PostgreSQL", counted, (n) => n >= 150, 120_000);
      expect(total).toBe(150);
      // Five minutes × three URLs, each window counted once.
      expect(await psql(pg, "SELECT COUNT(*) FROM clicks_per_minute WHERE url <> '/watermark'")).toBe("15");
      const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
      expect(plan.code).toBe(0);
    });

    test("an upgrade through a savepoint neither loses nor double-counts a window", async () => {
      const before = await psql(pg, "SELECT url, window_start, clicks FROM clicks_per_minute ORDER BY 1, 2");
      acc.writeConfig(wd, pipeline(name, kafka, pg, "\n    HAVING COUNT(*) > 0"));
      await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
      const state = JSON.parse(await acc.tf(wd, ["show", "-json"]));
      const d = state.values.root_module.resources.find(
        (r: Json) => r.address === "flink_application_deployment.d",
      );
      expect(d.values.starting_savepoint_used).toMatch(/^file:/);
      await produceRecords(kafka, TOPIC, clicks(11, 14, 90, 20));
      const total = await waitFor("240 clicks counted in PostgreSQL", counted, (n) => n >= 240, 120_000);
      expect(total).toBe(240);
      // The first five minutes are exactly as the first version wrote them.
      expect(
        await psql(
          pg,
          "SELECT url, window_start, clicks FROM clicks_per_minute WHERE window_start < '2026-11-30 10:10:00' ORDER BY 1, 2",
        ),
      ).toBe(
        before
          .split("\n")
          .filter((l) => !l.startsWith("/watermark"))
          .join("\n"),
      );
    });

    test("destroy leaves the topic's records and the table's rows, and no Flink process", async () => {
      await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
      expect(await counted()).toBe(240);
      const r = await kafkaTool("org.apache.kafka.tools.consumer.ConsoleConsumer", [
        "--bootstrap-server",
        kafka,
        "--topic",
        TOPIC,
        "--from-beginning",
        "--max-messages",
        "242",
        "--timeout-ms",
        "30000",
      ]);
      expect(r.stderr).toContain("Processed a total of 242 messages");
      // The data services run on with the control plane; the Flink service's processes are gone.
      const jvms = flinkPids(acc.dir).length;
      expect(jvms).toBe(1); // the Kafka broker
    });
  },
);
