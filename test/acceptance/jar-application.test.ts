/**
 * JAR applications (issue 12) with the real terraform against the local control plane on the
 * simulated engine: a jar uploaded at create and verified, the job RUNNING, a changed jar file
 * making a new version that the deployment moves to through a savepoint, import, empty plans, a
 * clean destroy, a failed handover rolled back to the previous settings, and a missing file
 * reported at plan time on `source`.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EXAMPLE_ENTRY_CLASS, tinyJar } from "../jar-files";
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

type Json = Record<string, unknown>;
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

interface JarOptions {
  jarFile?: string;
  entryClass?: string;
  parallelism?: number;
}

const config = (
  name: string,
  { jarFile = "job.jar", entryClass = EXAMPLE_ENTRY_CLASS, parallelism = 1 }: JarOptions = {},
) => `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = { number_of_task_slots = 2 }
}
resource "flink_jar_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "counter"
}
resource "flink_jar_application_version" "v" {
  project        = flink_jar_application.app.project
  service_name   = flink_jar_application.app.service_name
  application_id = flink_jar_application.app.application_id
  source         = "\${path.module}/${jarFile}"
  lifecycle {
    create_before_destroy = true
  }
}
resource "flink_jar_application_deployment" "d" {
  project        = flink_jar_application.app.project
  service_name   = flink_jar_application.app.service_name
  application_id = flink_jar_application.app.application_id
  version_id     = flink_jar_application_version.v.application_version_id
  entry_class    = "${entryClass}"
  program_args   = ["--keys", "8"]
  parallelism    = ${parallelism}
}
`;

async function valuesOf(wd: string, address: string): Promise<Json> {
  const show = JSON.parse(await acc.tf(wd, ["show", "-json"])) as {
    values: { root_module: { resources: { address: string; values: Json }[] } };
  };
  const found = show.values.root_module.resources.find((r) => r.address === address);
  if (!found) throw new Error(`${address} is not in the state`);
  return found.values;
}

const plan = (wd: string) => acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);

test("apply runs the jar; a changed jar is a new version the job moves to through a savepoint; import; destroy is clean", async () => {
  const service = "jar-acc";
  const wd = acc.workdir(service, config(service));
  const v1 = tinyJar("build 1");
  fs.writeFileSync(path.join(wd, "job.jar"), v1);
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);

  const version = await valuesOf(wd, "flink_jar_application_version.v");
  expect(version).toMatchObject({
    source_checksum: sha256(v1),
    file_sha256: sha256(v1),
    file_size: v1.length,
    file_status: "READY",
    version: 1,
  });
  const first = await valuesOf(wd, "flink_jar_application_deployment.d");
  expect(first).toMatchObject({ status: "RUNNING", version_id: version.application_version_id });
  const appId = String(first.application_id);
  const base = `/project/local/service/${service}/flink/jar_application/${appId}`;
  const api = (await acc.api<Json>("GET", `${base}/deployment/${String(first.deployment_id)}`)).body;
  expect(api).toMatchObject({
    status: "RUNNING",
    entry_class: "dev.flinkform.example.CountingJob",
    program_args: ["--keys", "8"],
  });
  let second = await plan(wd);
  expect(second.stdout).toContain("No changes.");
  expect(second.code).toBe(0);

  // Import reproduces the state; the version's local path cannot come from the API, but the file
  // there has the checksum of the one uploaded, so the plan only records the path, in place.
  for (const address of ["flink_jar_application.app", "flink_jar_application_deployment.d"]) {
    const before = await acc.tf(wd, ["state", "show", address]);
    const id = /\n\s+id\s+= "([^"]+)"/.exec(before)![1]!;
    await acc.tf(wd, ["state", "rm", address]);
    await acc.tf(wd, ["import", "-input=false", address, id]);
    expect(await acc.tf(wd, ["state", "show", address])).toBe(before);
  }
  const versionId = `local/${service}/${appId}/${String(version.application_version_id)}`;
  await acc.tf(wd, ["state", "rm", "flink_jar_application_version.v"]);
  await acc.tf(wd, ["import", "-input=false", "flink_jar_application_version.v", versionId]);
  const afterImport = await plan(wd);
  expect(afterImport.code).toBe(2);
  expect(afterImport.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
  expect(afterImport.stdout).not.toContain("forces replacement");
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect((await plan(wd)).code).toBe(0);

  // Other bytes in the file (same path): a new version, and the job is handed over through a savepoint.
  const v2 = tinyJar("build 2");
  fs.writeFileSync(path.join(wd, "job.jar"), v2);
  const changed = await plan(wd);
  expect(changed.stdout).toMatch(/source_checksum\s+= "[0-9a-f]{64}" -> "[0-9a-f]{64}" # forces replacement/);
  expect(changed.stdout + changed.stderr).toContain("Stateful Upgrade");
  const applied = await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect(applied).toContain("Resources: 1 added, 1 changed, 1 destroyed");
  const newVersion = await valuesOf(wd, "flink_jar_application_version.v");
  expect(newVersion).toMatchObject({ version: 2, file_sha256: sha256(v2), source_checksum: sha256(v2) });
  const next = await valuesOf(wd, "flink_jar_application_deployment.d");
  expect(next).toMatchObject({ status: "RUNNING", version_id: newVersion.application_version_id });
  expect(next.deployment_id).not.toBe(first.deployment_id);
  // The new job started from the savepoint the old one was stopped with.
  const savepoints = (
    await acc.api<{ deployments: Json[] }>("GET", `${base}/deployment`)
  ).body.deployments.map((d) => d.starting_savepoint);
  expect(savepoints).toEqual([next.starting_savepoint_used]);
  expect(String(next.starting_savepoint_used)).toMatch(/savepoint-/);
  // The old version is gone, its file with it.
  expect((await acc.api("GET", `${base}/version/${String(version.application_version_id)}`)).status).toBe(
    404,
  );
  second = await plan(wd);
  expect(second.code).toBe(0);

  const destroyed = await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect(destroyed).toContain("Destroy complete! Resources: 4 destroyed.");
  expect((await acc.api<{ services: unknown[] }>("GET", "/project/local/service")).body.services).toEqual([]);
  expect(fs.readdirSync(path.join(acc.cp.dataDir, "jars"))).toEqual([]);
}, 240_000);

test("a handover whose new job fails brings the previous settings back from the savepoint; the apply fails naming the cause", async () => {
  const service = "jar-rollback";
  const wd = acc.workdir(service, config(service));
  fs.writeFileSync(path.join(wd, "job.jar"), tinyJar("build 1"));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const before = await valuesOf(wd, "flink_jar_application_deployment.d");
  expect(before.status).toBe("RUNNING");
  const base = `/project/local/service/${service}/flink/jar_application/${String(before.application_id)}`;

  // A class the jar does not contain: the service refuses to run it, as Flink's /jars/{id}/run does.
  const missing = "dev.flinkform.example.NoSuchJob";
  acc.writeConfig(wd, config(service, { entryClass: missing }));
  const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-no-color", "-input=false"]);
  expect(apply.stdout + apply.stderr).toContain("Stateful Upgrade");
  expect(apply.code).toBe(1);
  const said = apply.stderr.replace(/\s+/g, " ");
  expect(said).toContain("Updating flink_jar_application_deployment Did Not Complete");
  expect(said).toMatch(
    new RegExp(
      `the new job failed: .* is FAILED: Job submission failed: The program's entry point class '${missing}' was not found in the jar file\\. The previous settings run again from savepoint \\S*savepoint-`,
    ),
  );
  expect(said).toContain("with flink_jar_application_deployment.d");

  // The old settings run again from the savepoint the old job stopped with, and state says so.
  const after = await valuesOf(wd, "flink_jar_application_deployment.d");
  expect(after).toMatchObject({
    status: "RUNNING",
    entry_class: EXAMPLE_ENTRY_CLASS,
    program_args: ["--keys", "8"],
  });
  expect(after.deployment_id).not.toBe(before.deployment_id);
  expect(String(after.starting_savepoint_used)).toContain(`savepoint-${String(before.job_id).slice(0, 6)}`);
  const live = (await acc.api<{ deployments: Json[] }>("GET", `${base}/deployment`)).body.deployments;
  expect(live).toEqual([
    expect.objectContaining({
      id: after.deployment_id,
      status: "RUNNING",
      entry_class: EXAMPLE_ENTRY_CLASS,
      starting_savepoint: after.starting_savepoint_used,
    }),
  ]);

  // The change is still to make: the next plan shows it again; back to the old class, nothing to do.
  const again = await plan(wd);
  expect(again.code).toBe(2);
  expect(again.stdout).toMatch(new RegExp(`~ entry_class\\s+= "${EXAMPLE_ENTRY_CLASS}" -> "${missing}"`));
  acc.writeConfig(wd, config(service));
  expect((await plan(wd)).code).toBe(0);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

/** A SQL application beside the JAR one, on the same session cluster. */
const sqlApplication = (parallelism: number) => `
resource "flink_application" "sql" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "sql"
}
resource "flink_application_version" "sql" {
  project        = flink_application.sql.project
  service_name   = flink_application.sql.service_name
  application_id = flink_application.sql.application_id
  source {
    create_table = "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO out_table SELECT n FROM src"
}
resource "flink_application_deployment" "sql" {
  project        = flink_application.sql.project
  service_name   = flink_application.sql.service_name
  application_id = flink_application.sql.application_id
  version_id     = flink_application_version.sql.application_version_id
  parallelism    = ${parallelism}
}
`;

test("the plan checks a JAR deployment's parallelism against the task slots, which SQL and JAR jobs share", async () => {
  const service = "jar-slots";
  const shared = (jar: number, sql: number) => config(service, { parallelism: jar }) + sqlApplication(sql);
  const wd = acc.workdir(service, shared(1, 1));
  fs.writeFileSync(path.join(wd, "job.jar"), tinyJar("build 1"));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const jar = await valuesOf(wd, "flink_jar_application_deployment.d");
  const sql = await valuesOf(wd, "flink_application_deployment.sql");
  const flat = (text: string) => text.replace(/\s+/g, " ");

  // Both slots are held, one by the SQL job: the JAR job cannot grow into it (a warning: the same
  // apply might scale the SQL job down).
  acc.writeConfig(wd, shared(2, 1));
  const crowded = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(crowded.code).toBe(0);
  expect(crowded.stdout).toContain("Warning: Task Slots Oversubscribed");
  expect(crowded.stdout).toMatch(/with flink_jar_application_deployment\.d,[\s\S]*parallelism\s+= 2/);
  expect(flat(crowded.stdout)).toContain(
    `Deployment 'counter' needs 2 task slots, but only 1 of the service's 2 are free: sql/${String(sql.deployment_id)} holds 1.`,
  );
  // More than the cluster has: an error, whatever else runs.
  acc.writeConfig(wd, shared(3, 1));
  const never = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(never.code).toBe(1);
  expect(never.stderr).toContain("Error: Not Enough Task Slots");
  expect(flat(never.stderr)).toContain(
    "Deployment 'counter' has parallelism 3, but the service has only 2 task slots",
  );
  expect(never.stderr).toMatch(/with flink_jar_application_deployment\.d,[\s\S]*parallelism\s+= 3/);
  // And the other way round: the JAR job's slot counts against the SQL one.
  acc.writeConfig(wd, shared(1, 2));
  const sqlCrowded = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(flat(sqlCrowded.stdout)).toContain(
    `Deployment 'sql' needs 2 task slots, but only 1 of the service's 2 are free: counter/${String(jar.deployment_id)} holds 1.`,
  );
  // Other changes start no job asking for more slots: no slot diagnostic.
  acc.writeConfig(
    wd,
    config(service, { parallelism: 1 }).replace('"--keys", "8"', '"--keys", "9"') + sqlApplication(1),
  );
  const argsOnly = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(argsOnly.stdout + argsOnly.stderr).toContain("Stateful Upgrade");
  expect(argsOnly.stdout + argsOnly.stderr).not.toMatch(/Task Slots/);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

test("a missing jar file fails the plan at `source`; a file that is no jar fails the apply with the service's reason", async () => {
  const service = "jar-bad";
  const wd = acc.workdir(service, config(service, { jarFile: "missing.jar" }));
  await acc.tf(wd, ["init", "-input=false"]);
  const missing = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain("Cannot Read JAR File");
  expect(missing.stderr).toMatch(/cannot read the jar file .*missing\.jar \(ENOENT\)/);
  expect(missing.stderr).toMatch(/with flink_jar_application_version\.v,/);

  fs.writeFileSync(path.join(wd, "missing.jar"), "this is a text file");
  const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-no-color", "-input=false"]);
  expect(apply.code).toBe(1);
  // Terraform wraps the message.
  const said = apply.stderr.replace(/\s+/g, " ");
  expect(said).toContain(
    "the service refused the jar file ./missing.jar: The uploaded file is not a JAR: it is not a zip archive",
  );
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 120_000);
