/**
 * Real data end to end, through the real terraform: click events written to the control plane's
 * local Kafka broker are counted per one-minute tumbling window (event time) by a real Flink job
 * into its local PostgreSQL server. The counts in PostgreSQL add up to the events sent, a version
 * upgrade through a savepoint neither loses nor double-counts a window, and destroy leaves the data
 * (topics and tables belong to the data services, not to the Flink service). Assertions read
 * PostgreSQL (psql) and Kafka (its console consumer).
 */
import { clicks, clickstreamEnv, pipeline, TOPIC } from "./clickstream-fixture";
import { describeWithDataServices, kafkaTool, produceRecords, psql } from "./data-tools";
import { flinkPids, type Json, waitFor } from "./flink-env";

jest.setTimeout(300_000);

describeWithDataServices(
  "flink engine + terraform: clicks from Kafka, counted per minute into PostgreSQL",
  () => {
    const name = "clickstream";
    const env = clickstreamEnv();
    const { counted } = env;
    let wd: string;

    beforeAll(async () => {
      wd = env.acc.workdir(name, pipeline(name, env.kafka, env.pg));
      await env.acc.tf(wd, ["init", "-input=false"]);
    });

    test("N events in Kafka become per-minute counts in PostgreSQL that add up to N", async () => {
      const { acc, kafka, pg } = env;
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
      const { acc, kafka, pg } = env;
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
      const { acc, kafka } = env;
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
