/**
 * What the README promises about running deployments, with the real terraform against the local
 * control plane (simulated engine): a job stopped outside Terraform restarts from its last
 * savepoint, the plan-time slot check counts the other applications' deployments (with its
 * boundary), destroy with `final_savepoint` keeps the job's state in a savepoint a new deployment can
 * start from, and `restart_enabled` changes in place and reaches the job.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";
import { type PipelineOptions, pipelineConfig } from "./pipeline-config";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

type Json = Record<string, unknown>;

async function stateOf(wd: string, address: string): Promise<Record<string, string>> {
  const show = JSON.parse(await acc.tf(wd, ["show", "-json"])) as {
    values: { root_module: { resources: { address: string; values: Record<string, string> }[] } };
  };
  const found = show.values.root_module.resources.find((r) => r.address === address);
  if (!found) throw new Error(`${address} is not in the state`);
  return found.values;
}

const deploymentsPath = (service: string, applicationId: string) =>
  `/project/local/service/${service}/flink/application/${applicationId}/deployment`;

async function deploymentsOf(service: string, applicationId: string): Promise<Json[]> {
  return (await acc.api<{ deployments: Json[] }>("GET", deploymentsPath(service, applicationId))).body
    .deployments;
}

/** Polls the control plane (no terraform involved) until the deployment reaches `status`. */
async function untilStatus(url: string, status: string): Promise<Json> {
  for (let i = 0; i < 600; i++) {
    const d = (await acc.api<Json>("GET", url)).body;
    if (d.status === status) return d;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} never reached ${status}`);
}

async function setUp(name: string, options: PipelineOptions = {}): Promise<string> {
  const wd = acc.workdir(name, pipelineConfig({ name, ...options }));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  return wd;
}

/** Terraform's output with its wrapping and box drawing undone, for matching diagnostic details. */
const flat = (text: string) => text.replace(/[\s│]+/g, " ");

const plan = (wd: string) => acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);

test("a job stopped outside terraform shows in the plan and is started again from its last savepoint", async () => {
  const wd = await setUp("flink-oob");
  // A stateful upgrade first, so the running deployment started from an older savepoint than the
  // one it will stop with: only the last one carries the job's latest state.
  acc.writeConfig(wd, pipelineConfig({ name: "flink-oob", statementSuffix: "\n    HAVING COUNT(*) > 0" }));
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const upgraded = await stateOf(wd, "flink_application_deployment.d");
  expect(upgraded.starting_savepoint_used).toEqual(expect.stringContaining("savepoint-"));

  // Stopped with a savepoint outside terraform (the console, another tool).
  const url = `${deploymentsPath("flink-oob", upgraded.application_id)}/${upgraded.deployment_id}`;
  expect((await acc.api("POST", `${url}/stop`)).status).toBe(200);
  const stopped = await untilStatus(url, "FINISHED");
  const last = String(stopped.last_savepoint);
  expect(last).toContain(`savepoint-${upgraded.job_id.slice(0, 6)}`);
  expect(last).not.toBe(upgraded.starting_savepoint_used);

  const drift = await plan(wd);
  expect(drift.code).toBe(2);
  expect(drift.stdout).toMatch(/~ status\s+= "FINISHED" -> \(known after apply\)/);
  // The plan's warning says which savepoint the job starts from.
  expect(flat(drift.stdout)).toMatch(/Warning: Deployment (Not Running|Resumed)/);
  expect(flat(drift.stdout)).toContain(` ${last}`);

  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const restarted = await stateOf(wd, "flink_application_deployment.d");
  expect(restarted.status).toBe("RUNNING");
  expect(restarted.deployment_id).not.toBe(upgraded.deployment_id);
  expect(restarted.starting_savepoint_used).toBe(last);
  // The control plane runs exactly that job, from that savepoint; the stopped one is gone.
  const live = await deploymentsOf("flink-oob", restarted.application_id);
  expect(live.map((d) => [d.id, d.status, d.starting_savepoint])).toEqual([
    [restarted.deployment_id, "RUNNING", last],
  ]);
  expect((await plan(wd)).code).toBe(0);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

/** A 4-slot service (1 node × 4) with one application per entry, each deployed with that parallelism. */
function slotsConfig(parallelism: Record<string, number>): string {
  const apps = Object.entries(parallelism).map(
    ([app, p]) => `
resource "flink_application" "${app}" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "${app}"
}
resource "flink_application_version" "${app}" {
  project        = flink_application.${app}.project
  service_name   = flink_application.${app}.service_name
  application_id = flink_application.${app}.application_id
  source {
    create_table = "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO out_table SELECT n FROM src"
}
resource "flink_application_deployment" "${app}" {
  project        = flink_application.${app}.project
  service_name   = flink_application.${app}.service_name
  application_id = flink_application.${app}.application_id
  version_id     = flink_application_version.${app}.application_version_id
  parallelism    = ${p}
}
`,
  );
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "flink-slots"
  plan         = "business-4"
  flink_user_config = { number_of_task_slots = 4 }
}
${apps.join("")}`;
}

test("the plan-time slot check counts the other applications' deployments: exactly the free slots pass, one more warns", async () => {
  const wd = acc.workdir("slots", slotsConfig({ a: 1, b: 1 }));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const a = await stateOf(wd, "flink_application_deployment.a");
  const b = await stateOf(wd, "flink_application_deployment.b");

  // Two of the four slots are held by a and b: a third application asking for 3 is warned about at
  // plan, at its parallelism, naming who holds the rest. A warning: the same apply could scale a or b down.
  acc.writeConfig(wd, slotsConfig({ a: 1, b: 1, c: 3 }));
  const tooMany = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(tooMany.code).toBe(0);
  expect(tooMany.stdout).toContain("Warning: Task Slots Oversubscribed");
  expect(tooMany.stdout).toMatch(/with flink_application_deployment\.c,[\s\S]*parallelism\s+= 3/);
  expect(flat(tooMany.stdout)).toContain("needs 3 task slots, but only 2 of the service's 4 are free");
  expect(flat(tooMany.stdout)).toContain(
    "The deployment of an application this apply creates needs 3 task slots, but only 2 of the service's 4 are free",
  );
  expect(flat(tooMany.stdout)).toContain(`a/${a.deployment_id} holds 1`);
  expect(flat(tooMany.stdout)).toContain(`b/${b.deployment_id} holds 1`);

  // Scaling a running deployment up: its own slot counts as free, the other application's do not.
  acc.writeConfig(wd, slotsConfig({ a: 3, b: 1 }));
  const scaleWithin = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(scaleWithin.code).toBe(0);
  expect(scaleWithin.stdout).not.toMatch(/Task Slots/);
  acc.writeConfig(wd, slotsConfig({ a: 4, b: 1 }));
  const scaleUp = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(scaleUp.stdout).toContain("Warning: Task Slots Oversubscribed");
  expect(flat(scaleUp.stdout)).toContain(
    "Deployment 'a' needs 4 task slots, but only 3 of the service's 4 are free",
  );
  // More than the whole cluster holds can never run: an error, whatever the others do.
  acc.writeConfig(wd, slotsConfig({ a: 5, b: 1 }));
  const never = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(never.code).toBe(1);
  expect(never.stderr).toContain("Error: Not Enough Task Slots");

  // Exactly the free slots: no slot diagnostic, and the job really gets them.
  acc.writeConfig(wd, slotsConfig({ a: 1, b: 1, c: 2 }));
  const fits = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(fits.code).toBe(0);
  expect(fits.stdout + fits.stderr).not.toMatch(/Task Slots/);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect((await stateOf(wd, "flink_application_deployment.c")).status).toBe("RUNNING");
  const overview = await acc.api<Json>("GET", "/project/local/service/flink-slots/flink/overview");
  expect(overview.body).toMatchObject({ "slots-total": 4, "slots-available": 0 });

  acc.writeConfig(wd, slotsConfig({ a: 1, b: 1, c: 2 }));
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

test("destroy with final_savepoint stops the job with a savepoint that a new deployment starts from", async () => {
  const keep = { deploymentExtra: "  final_savepoint = true" };
  const wd = await setUp("flink-fsp", keep);
  const before = await stateOf(wd, "flink_application_deployment.d");

  const destroy = await acc.terraform(
    wd,
    ["destroy", "-auto-approve", "-input=false", "-no-color", "-target=flink_application_deployment.d"],
    { env: { TF_LOG_PROVIDER: "INFO" } },
  );
  expect(destroy.code).toBe(0);
  expect(destroy.stdout).toContain("Destroy complete! Resources: 1 destroyed.");
  // The provider reports the savepoint it took, named after the stopped job.
  // (A log line: "...final savepoint PATH: timestamp=...".)
  const reported = /deployment \S+ stopped with final savepoint (\S+?):?(?=\s|$)/m.exec(destroy.stderr);
  expect(reported?.[1]).toEqual(expect.stringContaining(`savepoint-${before.job_id.slice(0, 6)}`));
  const savepoint = reported![1]!;
  expect(await deploymentsOf("flink-fsp", before.application_id)).toEqual([]);

  // The service's checkpoint storage holds it: a new deployment starts from it (the control plane
  // refuses a savepoint it does not have).
  acc.writeConfig(
    wd,
    pipelineConfig({ name: "flink-fsp", deploymentExtra: `  starting_savepoint = "${savepoint}"` }),
  );
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const resumed = await stateOf(wd, "flink_application_deployment.d");
  expect(resumed.status).toBe("RUNNING");
  expect(resumed.starting_savepoint_used).toBe(savepoint);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

test("restart_enabled changes in place, and the running job no longer restarts after a failure", async () => {
  const wd = await setUp("flink-re");
  const before = await stateOf(wd, "flink_application_deployment.d");
  expect(before.restart_enabled).toBe(true);

  acc.writeConfig(wd, pipelineConfig({ name: "flink-re", deploymentExtra: "  restart_enabled = false" }));
  const change = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(change.stdout).toContain("# flink_application_deployment.d will be updated in-place");
  expect(change.stdout).not.toContain("must be replaced");
  expect(change.stdout).toMatch(/~ restart_enabled\s+= true -> false/);
  expect(change.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");

  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const after = await stateOf(wd, "flink_application_deployment.d");
  expect(after.status).toBe("RUNNING");
  expect(after.restart_enabled).toBe(false);
  const live = await deploymentsOf("flink-re", after.application_id);
  expect(live.map((d) => [d.id, d.restart_enabled])).toEqual([[after.deployment_id, false]]);
  // The job itself has it: a failure ends it instead of restarting it.
  const failed = await acc.admin<Json>("POST", `/deployments/${after.deployment_id}/fail`, {});
  expect(failed.body).toMatchObject({
    status: "FAILED",
    error_msg: expect.stringMatching(/restart_enabled = false/),
  });
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);
