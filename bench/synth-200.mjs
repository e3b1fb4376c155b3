// Synth + validation of a stack with 200 Flink SQL applications written with the L2 constructs, against
// the same 200 pipelines written with the raw L1 classes (no validation) in the same run. Each
// application has its own source and sink tables, so every SQL text is distinct (no exact-text cache
// hits); each L2 run uses fresh names (a per-run prefix) and starts with the SQL caches cleared, so no
// parse carries over from an earlier run. Within a run the texts come from templates: the 400 tables have 2 shapes (parsed once
// each) and the 200 statements 3 token shapes (by name length); the last row gives every statement its
// own token shape, the cost for hand-written statements that share nothing.
// Interleaved runs after a warm-up (parser loaded, JIT warm); medians. Target: ratio <= 1.5.
// Run: npx tsx bench/synth-200.mjs [--no-write] [--apps N] [--runs N]
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const url = (p) => pathToFileURL(path.join(root, p)).href;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const APPS = arg("--apps", 200);
const RUNS = arg("--runs", 7);

const { App, TerraformStack } = await import("cdktn");
const L2 = await import(url("constructs/index.ts"));
const { Service } = await import(url("constructs/generated/service/index.ts"));
const { IntegrationEndpoint } = await import(url("constructs/generated/integration-endpoint/index.ts"));
const { ServiceIntegration } = await import(url("constructs/generated/service-integration/index.ts"));
const { Application } = await import(url("constructs/generated/application/index.ts"));
const { ApplicationVersion } = await import(url("constructs/generated/application-version/index.ts"));
const { ApplicationDeployment } = await import(url("constructs/generated/application-deployment/index.ts"));

const statement = (i) => `INSERT INTO per_minute_${i}
SELECT url, window_start, COUNT(*) AS clicks
FROM TABLE(TUMBLE(TABLE clicks_${i}, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY url, window_start, window_end`;

let l2Runs = 0;
function l2Stack(app, skipSqlValidation = false, distinctShapes = false) {
  // Run 0 renders the L1 tables (plain indexes); later runs get r<n>_ names: every text new to the process.
  const run = l2Runs++;
  const n = (i) => (run === 0 ? `${i}` : `r${run}_${i}`);
  const stack = new TerraformStack(app, "l2");
  new L2.FlinkProvider(stack, "flink", {});
  // premium-32: 3 nodes; 100 slots per node hold 200 deployments of parallelism 1.
  const service = new L2.FlinkService(stack, "Service", {
    project: "local",
    serviceName: "bench",
    plan: "premium-32",
    taskSlots: 100,
  });
  const kafka = new L2.FlinkIntegration(stack, "Kafka", {
    service,
    source: L2.IntegrationSource.externalKafka({ endpointName: "kafka", bootstrapServers: "kafka:9092" }),
  });
  const pg = new L2.FlinkIntegration(stack, "Pg", {
    service,
    source: L2.IntegrationSource.externalPostgresql({ endpointName: "pg", host: "pg", username: "flink" }),
  });
  for (let i = 0; i < APPS; i++) {
    const source = new L2.FlinkTable(stack, `clicks_${n(i)}`, {
      columns: [
        L2.Column.physical("url", L2.FlinkType.STRING),
        L2.Column.physical("ts", L2.FlinkType.timestamp(3)),
      ],
      watermark: L2.Watermark.boundedOutOfOrderness("ts", L2.Duration.seconds(5)),
      connector: L2.Connector.kafka({ topic: `clicks-${n(i)}`, startupMode: L2.KafkaStartupMode.EARLIEST }),
      integration: kafka,
    });
    const sink = new L2.FlinkTable(stack, `per_minute_${n(i)}`, {
      columns: [
        L2.Column.physical("url", L2.FlinkType.STRING),
        L2.Column.physical("window_start", L2.FlinkType.timestamp(3)),
        L2.Column.physical("clicks", L2.FlinkType.BIGINT),
      ],
      primaryKey: ["url", "window_start"],
      connector: L2.Connector.jdbc({ tableName: `public.per_minute_${n(i)}` }),
      integration: pg,
    });
    new L2.FlinkApplication(stack, `App${i}`, { service })
      .addVersion({
        statement: statement(n(i)) + (distinctShapes ? `\n-- ${"~".repeat(i)}` : ""),
        sources: [source],
        sinks: [sink],
        skipSqlValidation,
      })
      .deploy({ parallelism: 1 });
  }
  return stack;
}

/** The same resources and the same SQL text, written with the generated classes directly. */
function l1Stack(app, tables) {
  const stack = new TerraformStack(app, "l1");
  new L2.FlinkProvider(stack, "flink", {});
  const service = new Service(stack, "Service", {
    project: "local",
    serviceName: "bench",
    plan: "premium-32",
    flinkUserConfig: { numberOfTaskSlots: 100 },
  });
  const endpoint = (id, config) =>
    new IntegrationEndpoint(stack, id, { project: "local", endpointName: id, ...config });
  const kafkaEndpoint = endpoint("kafka", {
    endpointType: "external_kafka",
    externalKafka: { bootstrapServers: "kafka:9092", securityProtocol: "PLAINTEXT" },
  });
  const pgEndpoint = endpoint("pg", {
    endpointType: "external_postgresql",
    externalPostgresql: { host: "pg", port: 5432, username: "flink" },
  });
  const integration = (id, type, e) =>
    new ServiceIntegration(stack, id, {
      project: "local",
      integrationType: type,
      sourceEndpointId: e.endpointId,
      destinationServiceName: service.serviceName,
    });
  const kafka = integration("KafkaIntegration", "flink_external_kafka", kafkaEndpoint);
  const pg = integration("PgIntegration", "flink_external_postgresql", pgEndpoint);
  for (let i = 0; i < APPS; i++) {
    const application = new Application(stack, `App${i}`, {
      project: "local",
      serviceName: service.serviceName,
      name: `App${i}`,
    });
    const version = new ApplicationVersion(stack, `Version${i}`, {
      project: "local",
      serviceName: service.serviceName,
      applicationId: application.applicationId,
      statement: statement(i),
      source: [{ createTable: tables[i].source, integrationId: kafka.integrationId }],
      sink: [{ createTable: tables[i].sink, integrationId: pg.integrationId }],
    });
    new ApplicationDeployment(stack, `Deployment${i}`, {
      project: "local",
      serviceName: service.serviceName,
      applicationId: application.applicationId,
      versionId: version.applicationVersionId,
      parallelism: 1,
    });
  }
  return stack;
}

const { clearSqlCaches } = await import(url("schemas/sql/index.ts"));
const { clearVerifiedShapes } = await import(url("constructs/private/table-ddl.ts"));

const outdir = mkdtempSync(path.join(os.tmpdir(), "flinkform-synth-bench-"));
function time(kind) {
  const app = new App({ outdir: path.join(outdir, kind), stackTraces: false });
  // Each run does a fresh process's work (with the parser loaded and warm): no parse is remembered.
  clearSqlCaches();
  clearVerifiedShapes();
  const t0 = performance.now();
  if (kind === "l2") l2Stack(app);
  else if (kind === "l2-nosql") l2Stack(app, true);
  else if (kind === "l2-distinct") l2Stack(app, false, true);
  else l1Stack(app, tables);
  app.synth();
  return performance.now() - t0;
}

// The L1 stack gets exactly the DDL the L2 tables render.
const tables = (() => {
  const app = new App({ outdir: path.join(outdir, "render"), stackTraces: false });
  const stack = l2Stack(app);
  return Array.from({ length: APPS }, (_, i) => ({
    source: stack.node.findChild(`clicks_${i}`).createTable,
    sink: stack.node.findChild(`per_minute_${i}`).createTable,
  }));
})();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
time("l2");
time("l1"); // warm-up: parser bundle loaded, DFA and JIT warm
const l1 = [];
const l2 = [];
const l2NoSql = [];
const l2Distinct = [];
for (let r = 0; r < RUNS; r++) {
  l1.push(time("l1"));
  l2.push(time("l2"));
  l2NoSql.push(time("l2-nosql"));
  l2Distinct.push(time("l2-distinct"));
}
rmSync(outdir, { recursive: true, force: true });

const m1 = median(l1);
const m2 = median(l2);
const m3 = median(l2NoSql);
const m4 = median(l2Distinct);
const ratio = m2 / m1;
const load = os.loadavg()[0].toFixed(1);
const table = `
## synth-200 (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} cores, load average ${load}, ${RUNS} runs, medians)

| measurement | median | ratio | target |
|---|---|---|---|
| ${APPS} applications with raw L1 classes: construct + synth (floor) | ${m1.toFixed(0)} ms | 1.00x | — |
| ${APPS} applications with L2 constructs: construct + eager checks + synth with SQL/slot validation (${APPS * 3} distinct SQL texts) | ${m2.toFixed(0)} ms | ${ratio.toFixed(2)}x | <= 1.5x |
| same, \`skipSqlValidation\` (eager prop checks, slot check, DDL rendering; no SQL parsing) | ${m3.toFixed(0)} ms | ${(m3 / m1).toFixed(2)}x | — |
| same with validation, each statement its own token shape (a comment of a different length), so no statement shares a parse | ${m4.toFixed(0)} ms | ${(m4 / m1).toFixed(2)}x | — |
`;
process.stdout.write(table);
if (!process.argv.includes("--no-write")) appendFileSync(path.join(root, "bench", "RESULTS.md"), table);
