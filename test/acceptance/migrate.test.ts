/**
 * Migration from the official Aiven provider (issue 12 point 3), with the real terraform: resources
 * created in the local control plane, their state rewritten into the official provider's shape and
 * the configuration into official HCL; then `flinkform migrate`, and terraform moves the state
 * through MoveResourceState. The plan shows only moves, and the apply leaves the running jobs alone:
 * the SQL one and a JAR one (its jar file unchanged, so `source_checksum` carried means no new version).
 *
 * The official provider cannot be installed here (no registry), and terraform init insists on every
 * provider the state names: so the state's provider address is first switched with
 * `terraform state replace-provider` (docs/guides/migrate-from-aiven.md); terraform then calls our
 * MoveResourceState with the official types and their official-shape state all the same.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { run as migrate } from "../../cli/commands/migrate";
import { EXAMPLE_ENTRY_CLASS, tinyJar } from "../jar-files";
import {
  officialApplication,
  officialDeployment,
  officialJarApplication,
  officialJarDeployment,
  officialJarVersion,
  officialService,
  officialVersion,
} from "../provider/move-state-fixtures";
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

const OURS = `
resource "flink_service" "flink" {
  project      = "local"
  service_name = "flink-migrate"
  plan         = "business-4"
  cloud_name   = "google-europe-west1"
  tags         = { env = "test" }
  tech_emails  = ["ops@example.com"]
  flink_user_config = { number_of_task_slots = 2 }
}
resource "flink_application" "app" {
  project      = flink_service.flink.project
  service_name = flink_service.flink.service_name
  name         = "clicks"
}
resource "flink_application_version" "v1" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  source {
    create_table = "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO out_table SELECT n FROM src"
}
resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v1.application_version_id
}
resource "flink_jar_application" "jar" {
  project      = flink_service.flink.project
  service_name = flink_service.flink.service_name
  name         = "counter"
}
resource "flink_jar_application_version" "jar_v1" {
  project        = flink_jar_application.jar.project
  service_name   = flink_jar_application.jar.service_name
  application_id = flink_jar_application.jar.application_id
  source         = "\${path.module}/job.jar"
}
resource "flink_jar_application_deployment" "jar_d" {
  project        = flink_jar_application.jar.project
  service_name   = flink_jar_application.jar.service_name
  application_id = flink_jar_application.jar.application_id
  version_id     = flink_jar_application_version.jar_v1.application_version_id
  entry_class    = "${EXAMPLE_ENTRY_CLASS}"
  program_args   = ["--keys", "8"]
}
`;

/** The same seven resources as written for the official provider. */
const OFFICIAL = `
terraform {
  required_providers {
    aiven = {
      source  = "aiven/aiven"
      version = ">= 4.0.0"
    }
  }
}

# The token comes from the environment (AIVEN_TOKEN for aiven, FLINK_API_TOKEN for flinkform).
provider "aiven" {}

resource "aiven_flink" "flink" {
  project      = "local"
  service_name = "flink-migrate"
  plan         = "business-4"
  cloud_name   = "google-europe-west1"

  tag {
    key   = "env"
    value = "test"
  }
  tech_emails {
    email = "ops@example.com"
  }
  flink_user_config {
    number_of_task_slots = 2
  }
}

resource "aiven_flink_application" "app" {
  project      = aiven_flink.flink.project
  service_name = aiven_flink.flink.service_name
  name         = "clicks"
}

resource "aiven_flink_application_version" "v1" {
  project        = aiven_flink_application.app.project
  service_name   = aiven_flink_application.app.service_name
  application_id = aiven_flink_application.app.application_id
  source {
    create_table = "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO out_table SELECT n FROM src"
}

resource "aiven_flink_application_deployment" "d" {
  project        = aiven_flink_application.app.project
  service_name   = aiven_flink_application.app.service_name
  application_id = aiven_flink_application.app.application_id
  version_id     = aiven_flink_application_version.v1.application_version_id
}

resource "aiven_flink_jar_application" "jar" {
  project      = aiven_flink.flink.project
  service_name = aiven_flink.flink.service_name
  name         = "counter"
}

resource "aiven_flink_jar_application_version" "jar_v1" {
  project        = aiven_flink_jar_application.jar.project
  service_name   = aiven_flink_jar_application.jar.service_name
  application_id = aiven_flink_jar_application.jar.application_id
  source         = "\${path.module}/job.jar"
}

resource "aiven_flink_jar_application_deployment" "jar_d" {
  project        = aiven_flink_jar_application.jar.project
  service_name   = aiven_flink_jar_application.jar.service_name
  application_id = aiven_flink_jar_application.jar.application_id
  version_id     = aiven_flink_jar_application_version.jar_v1.application_version_id
  entry_class    = "${EXAMPLE_ENTRY_CLASS}"
  program_args   = ["--keys", "8"]
}
`;

type Instance = { schema_version: number; attributes: Record<string, unknown> } & Record<string, unknown>;
type StateResource = { mode: string; type: string; name: string; provider: string; instances: Instance[] };

/** Our state file rewritten as the official provider would have written it for the same objects. */
function toOfficialState(file: string): void {
  const state = JSON.parse(readFileSync(file, "utf8")) as { resources: StateResource[] };
  for (const r of state.resources) {
    const a = r.instances[0].attributes;
    const ids = {
      project: a.project as string,
      service: a.service_name as string,
      applicationId: (a.application_id as string) ?? "",
      versionId: (a.application_version_id ?? a.version_id ?? "") as string,
      deploymentId: (a.deployment_id as string) ?? "",
    };
    const official: Record<string, [string, number, () => Record<string, unknown>]> = {
      flink_service: [
        "aiven_flink",
        1,
        () =>
          officialService(ids, {
            service_uri: a.service_uri,
            service_host: a.service_host,
            service_port: a.service_port,
            state: a.state,
            maintenance_window_dow: a.maintenance_window_dow,
            maintenance_window_time: a.maintenance_window_time,
            tag: [{ key: "env", value: "test" }],
            components: [],
            flink: [{ host_ports: [`${a.service_host}:${a.service_port}`] }],
          }),
      ],
      flink_application: [
        "aiven_flink_application",
        0,
        () => officialApplication(ids, { created_at: a.created_at, updated_at: a.updated_at }),
      ],
      flink_application_version: [
        "aiven_flink_application_version",
        0,
        () =>
          officialVersion(ids, {
            created_at: a.created_at,
            sources: [],
            source: [
              {
                create_table: "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')",
                integration_id: "",
              },
            ],
          }),
      ],
      flink_application_deployment: [
        "aiven_flink_application_deployment",
        0,
        () => officialDeployment(ids, { created_at: a.created_at, created_by: a.created_by }),
      ],
      flink_jar_application: [
        "aiven_flink_jar_application",
        0,
        () =>
          officialJarApplication(ids, {
            name: a.name,
            created_at: a.created_at,
            updated_at: a.updated_at,
            application_versions: [],
            current_deployment: [],
          }),
      ],
      flink_jar_application_version: [
        "aiven_flink_jar_application_version",
        0,
        () =>
          officialJarVersion(ids, {
            source: a.source,
            source_checksum: a.source_checksum,
            version: a.version,
            created_at: a.created_at,
            file_info: [
              {
                file_sha256: a.file_sha256,
                file_size: a.file_size,
                file_status: a.file_status,
                url: "",
                verify_error_code: 0,
                verify_error_message: "",
              },
            ],
          }),
      ],
      flink_jar_application_deployment: [
        "aiven_flink_jar_application_deployment",
        0,
        () =>
          officialJarDeployment(ids, {
            entry_class: a.entry_class,
            program_args: a.program_args,
            parallelism: a.parallelism,
            job_id: a.job_id,
            status: a.status,
            last_savepoint: a.last_savepoint ?? "",
            created_at: a.created_at,
            created_by: a.created_by,
          }),
      ],
    };
    const [type, version, attributes] = official[r.type];
    r.type = type;
    r.provider = 'provider["registry.terraform.io/aiven/aiven"]';
    r.instances = [{ schema_version: version, attributes: attributes(), sensitive_attributes: [] }];
  }
  writeFileSync(file, JSON.stringify(state, null, 2));
}

test("official HCL and official-shape state migrate with moves only; the SQL and JAR jobs keep running untouched", async () => {
  const wd = acc.workdir("migrate", OURS);
  const jar = tinyJar("migrate");
  writeFileSync(path.join(wd, "job.jar"), jar);
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const show = JSON.parse(await acc.tf(wd, ["show", "-json"])) as {
    values: { root_module: { resources: { address: string; values: Record<string, string> }[] } };
  };
  const d = show.values.root_module.resources.find(
    (r) => r.address === "flink_application_deployment.d",
  )!.values;
  const deploymentPath = `/project/local/service/flink-migrate/flink/application/${d.application_id}/deployment/${d.deployment_id}`;
  const before = (await acc.api<Record<string, unknown>>("GET", deploymentPath)).body;
  expect(before.status).toBe("RUNNING");
  const jd = show.values.root_module.resources.find(
    (r) => r.address === "flink_jar_application_deployment.jar_d",
  )!.values;
  const jarPath = `/project/local/service/flink-migrate/flink/jar_application/${jd.application_id}`;
  const jarDeploymentPath = `${jarPath}/deployment/${jd.deployment_id}`;
  const jarBefore = (await acc.api<Record<string, unknown>>("GET", jarDeploymentPath)).body;
  expect(jarBefore.status).toBe("RUNNING");

  // The working directory as it was under the official provider.
  toOfficialState(path.join(wd, "terraform.tfstate"));
  writeFileSync(path.join(wd, "main.tf"), OFFICIAL);

  expect(await migrate([wd])).toBe(0);
  const migrated = readFileSync(path.join(wd, "main.tf"), "utf8");
  expect(migrated).toContain('resource "flink_service" "flink"');
  expect(migrated).not.toMatch(/"aiven_|aiven_flink|aiven\/aiven|provider "aiven"/);
  expect(readFileSync(path.join(wd, "migration_moved.tf"), "utf8")).toContain(
    "from = aiven_flink_application_deployment.d",
  );

  await acc.tf(wd, [
    "state",
    "replace-provider",
    "-auto-approve",
    "registry.terraform.io/aiven/aiven",
    "registry.terraform.io/flinkform/flink",
  ]);
  await acc.tf(wd, ["init", "-input=false"]);
  const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  const planOut = plan.stdout + plan.stderr;
  for (const [from, to] of [
    ["aiven_flink.flink", "flink_service.flink"],
    ["aiven_flink_application.app", "flink_application.app"],
    ["aiven_flink_application_version.v1", "flink_application_version.v1"],
    ["aiven_flink_application_deployment.d", "flink_application_deployment.d"],
    ["aiven_flink_jar_application.jar", "flink_jar_application.jar"],
    ["aiven_flink_jar_application_version.jar_v1", "flink_jar_application_version.jar_v1"],
    ["aiven_flink_jar_application_deployment.jar_d", "flink_jar_application_deployment.jar_d"],
  ])
    expect(planOut).toContain(`# ${from} has moved to ${to}`);
  expect(planOut).toContain("Plan: 0 to add, 0 to change, 0 to destroy.");
  // -detailed-exitcode: 2 means the plan holds changes (the moves), not an error.
  expect(plan.code).toBe(2);

  const apply = await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect(apply).toContain("Apply complete! Resources: 0 added, 0 changed, 0 destroyed.");
  const after = (await acc.api<Record<string, unknown>>("GET", deploymentPath)).body;
  expect(after.job_id).toBe(before.job_id);
  expect(after.status).toBe("RUNNING");
  const jarAfter = (await acc.api<Record<string, unknown>>("GET", jarDeploymentPath)).body;
  expect(jarAfter.job_id).toBe(jarBefore.job_id);
  expect(jarAfter.status).toBe("RUNNING");
  // No new version was made: the one uploaded jar, unchanged.
  const versions = (
    await acc.api<{ application_versions: { file_info: { file_sha256: string } }[] }>("GET", jarPath)
  ).body.application_versions;
  expect(versions.map((v) => v.file_info.file_sha256)).toEqual([
    createHash("sha256").update(jar).digest("hex"),
  ]);
  expect(await acc.tf(wd, ["state", "list"])).toBe(
    [
      "flink_application.app",
      "flink_application_deployment.d",
      "flink_application_version.v1",
      "flink_jar_application.jar",
      "flink_jar_application_deployment.jar_d",
      "flink_jar_application_version.jar_v1",
      "flink_service.flink",
      "",
    ].join("\n"),
  );
  const replan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(replan.stdout).toContain("No changes.");
  expect(replan.code).toBe(0);
}, 240_000);
