/**
 * Every resource type through its changes: what the schema lets change in place is updated in
 * place (same ids, the API sees the new value), what it does not is replaced (new ids, the old
 * object gone from the control plane). Data sources read what was applied. Complements
 * service-application.test.ts (task slots, rename, import) and pipeline.test.ts (new version).
 */
import { type AcceptanceEnv, startAcceptanceEnv, stateAttributes } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

interface Knobs {
  service: string;
  plan: string;
  tags: string;
  bootstrap: string;
  pgPort: number;
  pgName: string;
  kafkaSource: "kafka" | "kafka2";
  parallelism: number;
  flinkVersion?: string;
  project?: string;
}

const BASE: Knobs = {
  service: "flink-upd",
  plan: "business-4",
  tags: `{ team = "data" }`,
  bootstrap: "kafka-1.example.com:9093",
  pgPort: 5432,
  pgName: "upd-pg",
  kafkaSource: "kafka",
  parallelism: 1,
};

const config = (k: Knobs) => `
resource "flink_service" "s" {
  project      = "${k.project ?? "local"}"
  service_name = "${k.service}"
  plan         = "${k.plan}"
  tags         = ${k.tags}
  flink_user_config = {
    number_of_task_slots = 2
    ${k.flinkVersion ? `flink_version = "${k.flinkVersion}"` : ""}
  }
}

resource "flink_integration_endpoint" "kafka" {
  project       = "local"
  endpoint_name = "upd-kafka"
  endpoint_type = "external_kafka"
  external_kafka = {
    bootstrap_servers = "${k.bootstrap}"
    security_protocol = "PLAINTEXT"
  }
}

resource "flink_integration_endpoint" "kafka2" {
  project       = "local"
  endpoint_name = "upd-kafka-2"
  endpoint_type = "external_kafka"
  external_kafka = {
    bootstrap_servers = "kafka-2.example.com:9093"
    security_protocol = "PLAINTEXT"
  }
}

resource "flink_integration_endpoint" "pg" {
  project       = "local"
  endpoint_name = "${k.pgName}"
  endpoint_type = "external_postgresql"
  external_postgresql = {
    host     = "pg.example.com"
    port     = ${k.pgPort}
    username = "flink"
    password = "s3cret-upd"
  }
}

resource "flink_service_integration" "kafka" {
  project                  = "local"
  integration_type         = "flink_external_kafka"
  source_endpoint_id       = flink_integration_endpoint.${k.kafkaSource}.endpoint_id
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
  name         = "gen"
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  source {
    create_table = "CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE sink_t (id BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO sink_t SELECT id FROM gen"
}

resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  parallelism    = ${k.parallelism}
}

data "flink_service" "s" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
}

data "flink_application" "by_id" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
}

data "flink_application_version" "v" {
  project                = flink_application_version.v.project
  service_name           = flink_application_version.v.service_name
  application_id         = flink_application_version.v.application_id
  application_version_id = flink_application_version.v.application_version_id
}

output "service" {
  value     = data.flink_service.s
  sensitive = true # service_uri
}
output "app" { value = data.flink_application.by_id }
output "version" { value = data.flink_application_version.v }
`;

type Json = Record<string, unknown>;

let wd: string;

async function show(address: string): Promise<Record<string, string>> {
  return stateAttributes(await acc.tf(wd, ["state", "show", address]));
}

async function outputs(): Promise<Record<string, Json>> {
  const raw = JSON.parse(await acc.tf(wd, ["output", "-json"])) as Record<string, { value: Json }>;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.value]));
}

async function expectEmptyPlan(): Promise<void> {
  const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(plan.stdout).toContain("No changes.");
  expect(plan.code).toBe(0);
}

const unquote = (v: string) => JSON.parse(v) as string;

test("in-place updates keep ids, replacements make new objects, data sources follow", async () => {
  wd = acc.workdir("updates", config(BASE));
  await acc.tf(wd, ["init", "-input=false"]);
  expect(await acc.tf(wd, ["apply", "-auto-approve", "-input=false"])).toContain(
    "Apply complete! Resources: 9 added",
  );

  // Data sources read what was applied, the version's SQL and tables included.
  let out = await outputs();
  expect(out.service).toMatchObject({
    plan: "business-4",
    node_count: 1,
    task_slots_total: 2,
    state: "RUNNING",
  });
  expect(out.service.tags).toEqual({ team: "data" });
  const app = await show("flink_application.app");
  expect(out.app).toMatchObject({ name: "gen", application_id: unquote(app.application_id) });
  expect(out.version).toMatchObject({
    statement: "INSERT INTO sink_t SELECT id FROM gen",
    version: 1,
    application_version_id: unquote((await show("flink_application_version.v")).application_version_id),
  });
  await expectEmptyPlan();

  // 1. In place: a bigger plan and new tags for the service, new connection settings for both endpoints.
  const before = {
    service: await show("flink_service.s"),
    kafka: await show("flink_integration_endpoint.kafka"),
    pg: await show("flink_integration_endpoint.pg"),
  };
  acc.writeConfig(
    wd,
    config({
      ...BASE,
      plan: "premium-4",
      tags: `{ team = "streaming", tier = "gold" }`,
      bootstrap: "kafka-9.example.com:9093",
      pgPort: 6432,
    }),
  );
  expect(await acc.tf(wd, ["apply", "-auto-approve", "-input=false"])).toContain(
    "Apply complete! Resources: 0 added, 3 changed, 0 destroyed.",
  );
  const svc = await acc.api<{ service: Json }>("GET", "/project/local/service/flink-upd");
  expect(svc.body.service).toMatchObject({
    plan: "premium-4",
    node_count: 3,
    tags: { team: "streaming", tier: "gold" },
  });
  const kafkaId = unquote(before.kafka.endpoint_id);
  const kafka = await acc.api<{ service_integration_endpoint: Json }>(
    "GET",
    `/project/local/integration_endpoint/${kafkaId}`,
  );
  expect(kafka.body.service_integration_endpoint.user_config).toMatchObject({
    bootstrap_servers: "kafka-9.example.com:9093",
  });
  const pgId = unquote(before.pg.endpoint_id);
  const pg = await acc.api<{ service_integration_endpoint: Json }>(
    "GET",
    `/project/local/integration_endpoint/${pgId}`,
  );
  expect(pg.body.service_integration_endpoint.user_config).toMatchObject({ port: 6432 });
  expect((await show("flink_service.s")).service_uri).toBe(before.service.service_uri);
  // The service's data source is read after the update, not before it.
  out = await outputs();
  expect(out.service).toMatchObject({ plan: "premium-4", node_count: 3, task_slots_total: 6 });
  await expectEmptyPlan();

  // 2. Replacements: an integration's source, an endpoint's name (which also replaces the
  //    integration that uses it).
  const integrationBefore = await show("flink_service_integration.kafka");
  const replaced = {
    ...BASE,
    plan: "premium-4",
    tags: `{ team = "streaming", tier = "gold" }`,
    bootstrap: "kafka-9.example.com:9093",
    pgPort: 6432,
    kafkaSource: "kafka2" as const,
    pgName: "upd-pg-renamed",
  };
  acc.writeConfig(wd, config(replaced));
  const plan = await acc.tf(wd, ["plan", "-input=false"]);
  expect(plan).toMatch(/~ endpoint_name\s+= "upd-pg" -> "upd-pg-renamed" # forces replacement/);
  expect(plan).toMatch(/~ source_endpoint_id\s+= "[^"]+" -> "[^"]+" # forces replacement/);
  expect(await acc.tf(wd, ["apply", "-auto-approve", "-input=false"])).toContain(
    "Apply complete! Resources: 3 added, 0 changed, 3 destroyed.",
  );
  const integrationAfter = await show("flink_service_integration.kafka");
  expect(integrationAfter.integration_id).not.toBe(integrationBefore.integration_id);
  expect(integrationAfter.source_endpoint_id).toBe(
    (await show("flink_integration_endpoint.kafka2")).endpoint_id,
  );
  expect(
    (await acc.api("GET", `/project/local/integration/${unquote(integrationBefore.integration_id)}`)).status,
  ).toBe(404);
  expect((await acc.api("GET", `/project/local/integration_endpoint/${pgId}`)).status).toBe(404);
  await expectEmptyPlan();

  // 2b. A new parallelism for the deployment: a new job runs with it and the old one stops. Whether
  //     terraform shows this as a replacement or as an in-place handover (a stateful upgrade through
  //     a savepoint) is the spec's choice; either way the user sees the same outcome.
  const deploymentBefore = await show("flink_application_deployment.d");
  acc.writeConfig(wd, config({ ...replaced, parallelism: 2 }));
  expect(await acc.tf(wd, ["plan", "-input=false"])).toMatch(/~ parallelism\s+= 1 -> 2/);
  expect(await acc.tf(wd, ["apply", "-auto-approve", "-input=false"])).toMatch(
    /Apply complete! Resources: (1 added, 0 changed, 1 destroyed|0 added, 1 changed, 0 destroyed)\./,
  );
  const deploymentAfter = await show("flink_application_deployment.d");
  expect(deploymentAfter.deployment_id).not.toBe(deploymentBefore.deployment_id);
  expect(deploymentAfter.job_id).not.toBe(deploymentBefore.job_id);
  expect(deploymentAfter).toMatchObject({ parallelism: "2", status: '"RUNNING"' });
  const appId = unquote(app.application_id);
  const oldDeployment = await acc.api<Json>(
    "GET",
    `/project/local/service/flink-upd/flink/application/${appId}/deployment/${unquote(deploymentBefore.deployment_id)}`,
  );
  if (oldDeployment.status !== 404) expect(["CANCELED", "FINISHED"]).toContain(oldDeployment.body.status);
  await expectEmptyPlan();

  // 3. What can never change in place: project and flink_version are plan-only here (the local
  //    control plane owns one project), a new service_name is applied and replaces everything on it.
  const moved = { ...replaced, parallelism: 2 };
  acc.writeConfig(wd, config({ ...moved, project: "elsewhere" }));
  expect(await acc.tf(wd, ["plan", "-input=false"])).toMatch(
    /~ project\s+= "local" -> "elsewhere" # forces replacement/,
  );
  acc.writeConfig(wd, config({ ...moved, flinkVersion: "1.19" }));
  expect(await acc.tf(wd, ["plan", "-input=false"])).toMatch(
    /~ flink_version\s+= "1.20" -> "1.19" # forces replacement/,
  );

  acc.writeConfig(wd, config({ ...moved, service: "flink-upd-2" }));
  const rename = await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  // service, both integrations, application, version, deployment
  expect(rename).toContain("Apply complete! Resources: 6 added, 0 changed, 6 destroyed.");
  const services = await acc.api<{ services: Json[] }>("GET", "/project/local/service");
  expect(services.body.services.map((s) => s.service_name)).toEqual(["flink-upd-2"]);
  out = await outputs();
  expect(out.version).toMatchObject({ service_name: "flink-upd-2", version: 1 });
  expect((await show("flink_application_deployment.d")).status).toBe('"RUNNING"');
  await expectEmptyPlan();

  expect(await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"])).toContain(
    "Destroy complete! Resources: 9 destroyed.",
  );
  expect((await acc.api<{ services: unknown[] }>("GET", "/project/local/service")).body.services).toEqual([]);
  expect(
    (
      await acc.api<{ service_integration_endpoints: unknown[] }>(
        "GET",
        "/project/local/integration_endpoint",
      )
    ).body.service_integration_endpoints,
  ).toEqual([]);
}, 300_000);

test("the flink_application_version data source reads the version's source and sink tables", async () => {
  wd = acc.workdir("version-ds", config({ ...BASE, service: "flink-ds" }));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect((await outputs()).version).toMatchObject({
    source: [
      { create_table: "CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen')", integration_id: null },
    ],
    sink: [
      {
        create_table: "CREATE TABLE sink_t (id BIGINT) WITH ('connector' = 'blackhole')",
        integration_id: null,
      },
    ],
  });
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 120_000);
