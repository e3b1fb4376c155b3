/**
 * `flinkform query`, run as a user runs it, against a service on the flink engine: the first rows of
 * a SELECT over an application version's tables — a datagen table and a Kafka-backed one (records
 * written to the local broker first) — a clear refusal of an INSERT, and Flink's own error, quickly,
 * for a table whose connector options are wrong.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { TerraformStack, Testing } from "cdktn";
import { Column, Connector, FlinkTable, FlinkType, preview } from "../../constructs";
import { describeWithDataServices, produceRecords } from "./data-tools";
import {
  createService,
  type EngineHarness,
  type Json,
  PROJECT,
  startFlinkControlPlane,
  tempDir,
} from "./flink-env";

jest.setTimeout(240_000);
const CLI = path.resolve(__dirname, "../../cli/main.ts");

describeWithDataServices("flinkform query (interactive query on the flink engine)", () => {
  let h: EngineHarness;
  let appId: string;
  const query = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", CLI, "query", "--service", "preview", ...args],
        {
          stdio: ["ignore", "pipe", "pipe"],
          env: { ...process.env, FLINK_API_URL: h.cp.url, FLINK_API_TOKEN: h.cp.token },
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => {
        stdout += d;
      });
      child.stderr.on("data", (d: Buffer) => {
        stderr += d;
      });
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  const orders = (options: string) =>
    `CREATE TABLE orders (order_id INT, item STRING) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = '', 'topic' = 'orders', 'value.format' = 'json', ${options})`;

  beforeAll(async () => {
    h = await startFlinkControlPlane({ kind: "flink" }, tempDir(), { kafka: true });
    const kafka = h.cp.dataServices.kafka!.bootstrapServers;
    await produceRecords(kafka, "orders", [
      JSON.stringify({ order_id: 1, item: "tea" }),
      JSON.stringify({ order_id: 2, item: "cake" }),
      JSON.stringify({ order_id: 3, item: "scone" }),
    ]);
    await createService(h, "preview", { number_of_task_slots: 4 });
    const endpoint = await h.api("POST", `${PROJECT}/integration_endpoint`, {
      endpoint_name: "local-kafka",
      endpoint_type: "external_kafka",
      user_config: { bootstrap_servers: kafka, security_protocol: "PLAINTEXT" },
    });
    const integration = (
      await h.api("POST", `${PROJECT}/integration`, {
        integration_type: "flink_external_kafka",
        source_endpoint_id: endpoint.body.service_integration_endpoint.endpoint_id,
        dest_service: "preview",
      })
    ).body.service_integration.service_integration_id as string;
    appId = (await h.api("POST", `${PROJECT}/service/preview/flink/application`, { name: "shop" })).body.id;
    const version = (sourceOptions: string): Promise<Json> =>
      h.api("POST", `${PROJECT}/service/preview/flink/application/${appId}/version`, {
        statement: "INSERT INTO sink SELECT id FROM gen",
        sources: [
          {
            create_table:
              "CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '1000')",
          },
          { create_table: orders(sourceOptions), integration_id: integration },
        ],
        sinks: [{ create_table: "CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')" }],
      });
    expect((await version("'scan.startup.mode' = 'earliest-offset'")).status).toBe(200);
    expect((await version("'scan.startup.mode' = 'from-the-dawn-of-time'")).status).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  test("the first rows of a datagen table", async () => {
    const r = await query(["--application", "shop", "--version", "1", "--limit", "5", "SELECT id FROM gen"]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout.split("\n").slice(0, 7)).toEqual(["id", "--", "1", "2", "3", "4", "5"]);
    expect(r.stdout).toMatch(/first 5 row\(s\); the query goes on/);
  });

  test("the records of a Kafka-backed table, through the version's integration", async () => {
    const r = await query([
      "--application",
      "shop",
      "--version",
      "1",
      "--limit",
      "3",
      "SELECT order_id, item FROM orders",
    ]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout.split("\n").slice(2, 5)).toEqual([
      "1        | tea",
      "2        | cake",
      "3        | scone",
    ]);
  });

  test("an INSERT is refused with a clear message", async () => {
    const r = await query(["--application", "shop", "INSERT INTO sink SELECT id FROM gen"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("INSERT writes data; the interactive query only reads (SELECT)");
  });

  test("a table whose connector options are wrong gives Flink's error, not a hang", async () => {
    const started = Date.now();
    const r = await query([
      "--application",
      "shop",
      "--version",
      "2",
      "--timeout",
      "60",
      "SELECT * FROM orders",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Flink refused the query.*scan\.startup\.mode/s);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test("preview() reads rows of a pipeline's own FlinkTable constructs", async () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "preview");
    const numbers = new FlinkTable(stack, "numbers", {
      columns: [Column.physical("n", FlinkType.BIGINT)],
      connector: Connector.datagen({ rowsPerSecond: 100 }),
    });
    const result = await preview({
      service: "preview",
      tables: [numbers],
      statement: "SELECT n FROM numbers WHERE n IS NOT NULL",
      limit: 4,
      apiUrl: h.cp.url,
      apiToken: h.cp.token,
    });
    expect(result.columns).toEqual([{ name: "n", type: "BIGINT" }]);
    expect(result.rows).toHaveLength(4);
    expect(result.rows.every((r) => r.$kind === "INSERT" && typeof r["n"] === "number")).toBe(true);
  });
});
