/**
 * JAR applications (issue 12) with the real terraform on the flink engine: the example job built by
 * Maven (flink/example-jar) is uploaded to the service's Flink JobManager and runs; a changed jar
 * file is a new version whose job Flink restores from the savepoint the old job stopped with, and
 * the old version's jar leaves the JobManager; a handover to a class the jar lacks is refused by
 * Flink and the previous job comes back from its savepoint; a destroyed deployment leaves no job
 * running, a destroyed version no jar. Assertions read Flink's REST API.
 */
import fs from "node:fs";
import path from "node:path";
import { EXAMPLE_ENTRY_CLASS, EXAMPLE_JAR, withZipComment } from "../jar-files";
import { describeWithFlink, flinkGet, type Json, samePath, waitFor } from "./flink-env";
import { terraformOnFlink } from "./terraform-on-flink";

jest.setTimeout(300_000);

if (!fs.existsSync(EXAMPLE_JAR) && process.env.FLINKFORM_REQUIRE_FLINK === "1")
  throw new Error(`${EXAMPLE_JAR} is missing: run node scripts/flink-install.mjs`);
const describeWithJar: jest.Describe = fs.existsSync(EXAMPLE_JAR)
  ? describeWithFlink
  : (((name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: the example jar is not built)`, fn)) as unknown as jest.Describe);

function config(name: string, entryClass = EXAMPLE_ENTRY_CLASS): string {
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
resource "flink_jar_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "counter"
}
resource "flink_jar_application_version" "v" {
  project        = flink_jar_application.app.project
  service_name   = flink_jar_application.app.service_name
  application_id = flink_jar_application.app.application_id
  source         = "\${path.module}/job.jar"
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
  program_args   = ["--keys", "4", "--interval-ms", "50", "--name", "jar counter"]
}
`;
}

describeWithJar("flink engine + terraform: a JAR application", () => {
  const name = "tf-jar";
  const tf = terraformOnFlink(name, () => config(name));
  let first: Json;

  const jarNames = async () =>
    ((await flinkGet(await tf.restUrl(), "/jars")).files as Json[]).map((j) => j.name as string);
  const jobs = async () =>
    ((await flinkGet(await tf.restUrl(), "/jobs/overview")).jobs as Json[]).map((j) => [j.jid, j.state]);

  beforeAll(() => {
    fs.copyFileSync(EXAMPLE_JAR, path.join(tf.wd, "job.jar"));
  });

  test("apply uploads the jar to the JobManager and its job runs", async () => {
    await tf.applyOk();
    first = await tf.stateOf("flink_jar_application_deployment.d");
    const version = await tf.stateOf("flink_jar_application_version.v");
    expect(first.status).toBe("RUNNING");
    const rest = await tf.restUrl();
    const jars = (await flinkGet(rest, "/jars")).files as Json[];
    expect(jars.map((j) => j.name)).toEqual([`${version.application_version_id}.jar`]);
    expect(await jobs()).toEqual([[first.job_id, "RUNNING"]]);
    expect((await flinkGet(rest, `/jobs/${first.job_id}`)).name).toBe("jar counter");
    expect(await tf.planIsEmpty()).toBe(true);
  });

  test("a changed jar is a new version; Flink restores the new job from the old job's savepoint", async () => {
    const rest = await tf.restUrl();
    // Let the job checkpoint some state first, so there is something to carry over.
    await waitFor(
      "a completed checkpoint",
      async () => (await flinkGet(rest, `/jobs/${first.job_id}/checkpoints`)).counts?.completed ?? 0,
      (n) => n > 0,
      60_000,
    );
    fs.writeFileSync(path.join(tf.wd, "job.jar"), withZipComment(fs.readFileSync(EXAMPLE_JAR), "build 2"));
    const applied = await tf.applyOk();
    expect(applied).toContain("Resources: 1 added, 1 changed, 1 destroyed");
    const next = await tf.stateOf("flink_jar_application_deployment.d");
    expect(next.status).toBe("RUNNING");
    expect(next.job_id).not.toBe(first.job_id);
    expect((await flinkGet(rest, `/jobs/${first.job_id}`)).state).toBe("FINISHED");
    const savepoint = (await flinkGet(rest, `/jobs/${first.job_id}/checkpoints`)).latest.savepoint
      .external_path;
    expect(samePath(savepoint, next.starting_savepoint_used)).toBe(true);
    // Flink serves job details from a cache refreshed every second: read until the restore shows.
    const restored = await waitFor(
      "the restored savepoint",
      async () => (await flinkGet(rest, `/jobs/${next.job_id}/checkpoints`)).latest?.restored,
      (r: Json) => Boolean(r?.external_path),
      30_000,
    );
    expect(restored.is_savepoint).toBe(true);
    expect(samePath(restored.external_path, savepoint)).toBe(true);
    const version = await tf.stateOf("flink_jar_application_version.v");
    expect(version.version).toBe(2);
    // The old version was destroyed: its jar left the JobManager (the delete reaches Flink after the API answered).
    expect(
      await waitFor("only the new version's jar", jarNames, (names) => names.length === 1, 30_000),
    ).toEqual([`${version.application_version_id}.jar`]);
    expect(await tf.planIsEmpty()).toBe(true);
    first = next;
  });

  test("a handover to a class the jar lacks is refused by Flink; the previous job comes back from its savepoint", async () => {
    const rest = await tf.restUrl();
    const missing = "dev.flinkform.example.NoSuchJob";
    const apply = await tf.apply(config(name, missing));
    expect(apply.code).toBe(1);
    const said = apply.stderr.replace(/\s+/g, " ");
    expect(said).toContain("Updating flink_jar_application_deployment Did Not Complete");
    expect(said).toContain(`The program's entry point class '${missing}' was not found in the jar file`);
    const back = await tf.stateOf("flink_jar_application_deployment.d");
    expect(back.entry_class).toBe(EXAMPLE_ENTRY_CLASS);
    // Flink ran no job for the refused class: the stopped one and the one restored from its savepoint.
    expect(await jobs()).toEqual(
      expect.arrayContaining([
        [first.job_id, "FINISHED"],
        [back.job_id, "RUNNING"],
      ]),
    );
    expect((await jobs()).filter(([, state]) => state === "RUNNING")).toEqual([[back.job_id, "RUNNING"]]);
    const savepoint = (await flinkGet(rest, `/jobs/${first.job_id}/checkpoints`)).latest.savepoint
      .external_path;
    const restored = await waitFor(
      "the restored savepoint",
      async () => (await flinkGet(rest, `/jobs/${back.job_id}/checkpoints`)).latest?.restored,
      (r: Json) => Boolean(r?.external_path),
      30_000,
    );
    expect(samePath(restored.external_path, savepoint)).toBe(true);
    tf.acc.writeConfig(tf.wd, config(name));
    expect(await tf.planIsEmpty()).toBe(true);
    first = back;
  });

  test("destroying the deployment cancels the job in Flink; then everything goes", async () => {
    await tf.acc.tf(tf.wd, [
      "destroy",
      "-auto-approve",
      "-input=false",
      "-target=flink_jar_application_deployment.d",
    ]);
    const states = await waitFor(
      "no running job",
      jobs,
      (list) => list.every(([, state]) => state !== "RUNNING"),
      30_000,
    );
    expect(states).toContainEqual([first.job_id, "CANCELED"]);
    // A destroyed version leaves no jar on the JobManager.
    await tf.acc.tf(tf.wd, [
      "destroy",
      "-auto-approve",
      "-input=false",
      "-target=flink_jar_application_version.v",
    ]);
    expect(await waitFor("no jar", jarNames, (names) => names.length === 0, 30_000)).toEqual([]);
    const destroyed = await tf.acc.tf(tf.wd, ["destroy", "-auto-approve", "-input=false"]);
    expect(destroyed).toContain("Destroy complete!");
    expect((await tf.acc.api<Json>("GET", "/project/local/service")).body.services).toEqual([]);
  });
});
