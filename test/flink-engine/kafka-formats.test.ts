/**
 * The formats the service supports, each through a real Kafka topic and back: a job writes rows in
 * the format (JSON, CSV, Avro, and upsert-kafka's keyed changelog), or records are written as a CDC
 * tool would (Debezium JSON), and an interactive query reads them back through Flink's format.
 * Confluent Avro is left out: it needs a schema registry, and none (Confluent's, Karapace, Apicurio's
 * server) can be had from the registries this project builds from.
 */
import { describeWithDataServices, produceRecords } from "./data-tools";
import {
  createService,
  type EngineHarness,
  type Json,
  PROJECT,
  startFlinkControlPlane,
  tempDir,
  waitDeployment,
} from "./flink-env";

jest.setTimeout(240_000);

describeWithDataServices("Kafka formats, written and read back through real Kafka", () => {
  let h: EngineHarness;
  let kafka: string;
  let integration: string;
  let appId: string;
  const base = () => `${PROJECT}/service/formats/flink/application/${appId}`;

  /** Creates a version, runs it to the end (a bounded source), and returns its id. */
  const runVersion = async (statement: string, sources: string[], sinks: string[]): Promise<string> => {
    const table = (create_table: string) => ({ create_table, integration_id: integration });
    const v = await h.api("POST", `${base()}/version`, {
      statement,
      sources: sources.map(table),
      sinks: sinks.map(table),
    });
    expect(v.status).toBe(200);
    const d = await h.api("POST", `${base()}/deployment`, { version_id: v.body.id });
    const done = await waitDeployment(h, "formats", appId, d.body.id, ["FINISHED", "FAILED"], 120_000);
    expect({ status: done.status, error: done.error_msg }).toEqual({ status: "FINISHED", error: undefined });
    await h.api("DELETE", `${base()}/deployment/${d.body.id}`);
    return v.body.id;
  };

  const query = async (versionId: string, statement: string, limit: number): Promise<Json> => {
    const r = await h.api("POST", `${PROJECT}/service/formats/flink/query`, {
      statement,
      application_id: appId,
      application_version_id: versionId,
      limit,
      timeout_seconds: 60,
    });
    expect(r.status).toBe(200);
    return r.body;
  };

  const kafkaTable = (name: string, columns: string, options: string) =>
    `CREATE TABLE ${name} (${columns}) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = '', 'topic' = '${name}', 'scan.startup.mode' = 'earliest-offset', ${options})`;
  const GEN =
    "CREATE TABLE gen (id BIGINT, name STRING) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5', 'fields.name.length' = '4')";

  beforeAll(async () => {
    h = await startFlinkControlPlane({ kind: "flink" }, tempDir(), { kafka: true });
    kafka = h.cp.dataServices.kafka!.bootstrapServers;
    await createService(h, "formats", { number_of_task_slots: 4, execution_checkpointing_interval_ms: 500 });
    const endpoint = await h.api("POST", `${PROJECT}/integration_endpoint`, {
      endpoint_name: "local-kafka",
      endpoint_type: "external_kafka",
      user_config: { bootstrap_servers: kafka, security_protocol: "PLAINTEXT" },
    });
    integration = (
      await h.api("POST", `${PROJECT}/integration`, {
        integration_type: "flink_external_kafka",
        source_endpoint_id: endpoint.body.service_integration_endpoint.endpoint_id,
        dest_service: "formats",
      })
    ).body.service_integration.service_integration_id;
    appId = (await h.api("POST", `${PROJECT}/service/formats/flink/application`, { name: "formats" })).body
      .id;
  });
  afterAll(async () => {
    await h?.close();
  });

  test.each([
    ["json", "'format' = 'json'"],
    ["csv", "'format' = 'csv'"],
    ["avro", "'format' = 'avro'"],
  ])("%s: the rows a job wrote read back the same", async (format, options) => {
    const topic = `rows_${format}`;
    const version = await runVersion(
      `INSERT INTO ${topic} SELECT id, name FROM gen`,
      [GEN],
      [kafkaTable(topic, "id BIGINT, name STRING", options)],
    );
    const read = await query(version, `SELECT id, CHAR_LENGTH(name) AS len FROM ${topic}`, 5);
    expect(read.columns.map((c: Json) => c.name)).toEqual(["id", "len"]);
    expect(read.rows.map((r: Json) => r.fields)).toEqual([1, 2, 3, 4, 5].map((id) => [id, 4]));
  });

  test("upsert-kafka: an aggregation's changelog, keyed, reads back as the latest value per key", async () => {
    const version = await runVersion(
      "INSERT INTO totals SELECT id % 2 AS parity, SUM(id) AS total FROM gen GROUP BY id % 2",
      [GEN],
      [
        "CREATE TABLE totals (parity BIGINT, total BIGINT, PRIMARY KEY (parity) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'properties.bootstrap.servers' = '', 'topic' = 'totals', 'key.format' = 'json', 'value.format' = 'json')",
      ],
    );
    // Reading an upsert topic gives its changelog; the last row per key is the final value.
    const read = await query(version, "SELECT parity, total FROM totals", 20);
    const last = new Map<number, number>();
    for (const r of read.rows as { kind: string; fields: [number, number] }[]) {
      if (r.kind === "INSERT" || r.kind === "UPDATE_AFTER") last.set(r.fields[0], r.fields[1]);
    }
    expect(Object.fromEntries(last)).toEqual({ 0: 6, 1: 9 });
  });

  test("debezium-json: CDC records (create, update, delete) read back as Flink's changelog", async () => {
    const after = (id: number, name: string) => ({ id, name });
    await produceRecords(kafka, "customers_cdc", [
      JSON.stringify({ before: null, after: after(1, "Ada"), op: "c" }),
      JSON.stringify({ before: null, after: after(2, "Bob"), op: "c" }),
      JSON.stringify({ before: after(1, "Ada"), after: after(1, "Ada L."), op: "u" }),
      JSON.stringify({ before: after(2, "Bob"), after: null, op: "d" }),
    ]);
    const v = await h.api("POST", `${base()}/version`, {
      statement: "INSERT INTO sink SELECT id FROM customers_cdc",
      sources: [
        {
          create_table: kafkaTable("customers_cdc", "id INT, name STRING", "'format' = 'debezium-json'"),
          integration_id: integration,
        },
      ],
      sinks: [{ create_table: "CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole')" }],
    });
    const read = await query(v.body.id, "SELECT id, name FROM customers_cdc", 5);
    expect(read.rows.map((r: Json) => [r.kind, ...r.fields])).toEqual([
      ["INSERT", 1, "Ada"],
      ["INSERT", 2, "Bob"],
      ["UPDATE_BEFORE", 1, "Ada"],
      ["UPDATE_AFTER", 1, "Ada L."],
      ["DELETE", 2, "Bob"],
    ]);
  });
});
