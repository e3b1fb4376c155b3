/**
 * Job control from code (issue 11), with the real terraform against the local control plane on the
 * simulated engine: suspend and resume through `desired_state`, a deployment created suspended, a
 * savepoint on demand through `savepoint_trigger`, and a job stopped outside Terraform.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

type Json = Record<string, unknown>;

/** A datagen → blackhole pipeline; `deployment` holds extra lines of the deployment block. */
const config = (name: string, deployment = "", parallelism = 1) => `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = { number_of_task_slots = 2 }
}
resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "counts"
}
resource "flink_application_version" "v" {
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
  version_id     = flink_application_version.v.application_version_id
  parallelism    = ${parallelism}
${deployment}
}
`;

async function stateOf(wd: string): Promise<Record<string, string | null>> {
  const show = JSON.parse(await acc.tf(wd, ["show", "-json"])) as {
    values: { root_module: { resources: { address: string; values: Record<string, string | null> }[] } };
  };
  const found = show.values.root_module.resources.find((r) => r.address === "flink_application_deployment.d");
  if (!found) throw new Error("flink_application_deployment.d is not in the state");
  return found.values;
}

const deploymentsOf = async (service: string, applicationId: string) =>
  (
    await acc.api<{ deployments: Json[] }>(
      "GET",
      `/project/local/service/${service}/flink/application/${applicationId}/deployment`,
    )
  ).body.deployments;

const jobsOf = async (service: string) =>
  (
    await acc.api<{ jobs: { id: string; status: string }[] }>(
      "GET",
      `/project/local/service/${service}/flink/job`,
    )
  ).body.jobs;

async function setUp(name: string, deployment = ""): Promise<string> {
  const wd = acc.workdir(name, config(name, deployment));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  return wd;
}

async function plan(wd: string) {
  const result = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  return { code: result.code, text: result.stdout + result.stderr, stdout: result.stdout };
}

const apply = (wd: string) => acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);

test("suspend stops the job with a savepoint and keeps the deployment; resume starts a new job from that savepoint", async () => {
  const wd = await setUp("jc-suspend");
  const before = await stateOf(wd);
  expect(before.status).toBe("RUNNING");
  expect(before.desired_state).toBe("running");

  acc.writeConfig(wd, config("jc-suspend", '  desired_state = "suspended"'));
  const suspendPlan = await plan(wd);
  expect(suspendPlan.code).toBe(2);
  expect(suspendPlan.stdout).toContain("# flink_application_deployment.d will be updated in-place");
  expect(suspendPlan.stdout).toMatch(/~ desired_state\s+= "running" -> "suspended"/);
  expect(suspendPlan.text).toContain("Deployment Suspended");
  // The deployment keeps its identity: neither id nor job id is planned to change.
  expect(suspendPlan.stdout).not.toMatch(/~ (id|deployment_id|job_id)\s+=/);

  await apply(wd);
  const suspended = await stateOf(wd);
  expect(suspended).toMatchObject({
    id: before.id,
    deployment_id: before.deployment_id,
    job_id: before.job_id,
    status: "FINISHED",
    desired_state: "suspended",
  });
  expect(suspended.last_savepoint).toContain(`savepoint-${String(before.job_id).slice(0, 6)}`);
  const live = await deploymentsOf("jc-suspend", String(before.application_id));
  expect(live).toEqual([
    expect.objectContaining({
      id: before.deployment_id,
      status: "FINISHED",
      last_savepoint: suspended.last_savepoint,
    }),
  ]);
  expect(await jobsOf("jc-suspend")).toEqual([{ id: before.job_id, status: "FINISHED" }]);
  expect((await plan(wd)).code).toBe(0);

  acc.writeConfig(wd, config("jc-suspend"));
  const resumePlan = await plan(wd);
  expect(resumePlan.code).toBe(2);
  expect(resumePlan.stdout).toContain("# flink_application_deployment.d will be updated in-place");
  expect(resumePlan.text).toContain("Deployment Resumed");
  expect(resumePlan.text).toContain(String(suspended.last_savepoint));

  await apply(wd);
  const resumed = await stateOf(wd);
  expect(resumed).toMatchObject({ status: "RUNNING", desired_state: "running" });
  expect(resumed.starting_savepoint_used).toBe(suspended.last_savepoint);
  expect(resumed.job_id).not.toBe(before.job_id);
  // One deployment left: the new one, started from the savepoint; the stopped one was removed.
  const after = await deploymentsOf("jc-suspend", String(before.application_id));
  expect(after).toEqual([
    expect.objectContaining({
      id: resumed.deployment_id,
      status: "RUNNING",
      starting_savepoint: suspended.last_savepoint,
    }),
  ]);
  expect((await plan(wd)).code).toBe(0);

  // Suspended again, then destroyed: the stopped deployment goes with it.
  acc.writeConfig(wd, config("jc-suspend", '  desired_state = "suspended"'));
  await apply(wd);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect((await acc.api<{ services: unknown[] }>("GET", "/project/local/service")).body.services).toEqual([]);
}, 240_000);

test("a deployment created suspended starts no job until it is set running", async () => {
  const wd = await setUp("jc-created", '  desired_state = "suspended"');
  const held = await stateOf(wd);
  expect(held).toMatchObject({
    status: "SUSPENDED",
    desired_state: "suspended",
    deployment_id: null,
    job_id: null,
  });
  expect(await deploymentsOf("jc-created", String(held.application_id))).toEqual([]);
  expect(await jobsOf("jc-created")).toEqual([]);
  expect((await plan(wd)).code).toBe(0);

  // Changed while suspended: nothing runs, the change waits for the resume.
  acc.writeConfig(wd, config("jc-created", '  desired_state = "suspended"', 2));
  await apply(wd);
  expect(await deploymentsOf("jc-created", String(held.application_id))).toEqual([]);
  expect((await plan(wd)).code).toBe(0);

  acc.writeConfig(wd, config("jc-created", "", 2));
  const resumePlan = await plan(wd);
  expect(resumePlan.text).toContain("Deployment Resumed");
  await apply(wd);
  const running = await stateOf(wd);
  expect(running).toMatchObject({ status: "RUNNING", desired_state: "running", parallelism: 2 });
  expect(running.starting_savepoint_used).toBeNull();
  const live = await deploymentsOf("jc-created", String(held.application_id));
  expect(live).toEqual([
    expect.objectContaining({ id: running.deployment_id, status: "RUNNING", parallelism: 2 }),
  ]);
  expect((await plan(wd)).code).toBe(0);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

test("a deployment created suspended is destroyed without any API call on it", async () => {
  const wd = await setUp("jc-held-destroy", '  desired_state = "suspended"');
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect(
    (await acc.api<{ services: unknown[] }>("GET", "/project/local/service")).body.services,
  ).not.toContainEqual(expect.objectContaining({ service_name: "jc-held-destroy" }));
}, 240_000);

test("a savepoint_trigger change takes a savepoint of the running job, which keeps running", async () => {
  const wd = await setUp("jc-trigger", '  savepoint_trigger = "one"');
  const before = await stateOf(wd);
  expect(before.last_savepoint).toBeNull(); // set at creation: no savepoint

  acc.writeConfig(wd, config("jc-trigger", '  savepoint_trigger = "two"'));
  const triggerPlan = await plan(wd);
  expect(triggerPlan.code).toBe(2);
  expect(triggerPlan.stdout).toMatch(/[~+] last_savepoint\s+= .*\(known after apply\)/);
  expect(triggerPlan.stdout).not.toMatch(/~ (id|deployment_id|job_id)\s+=/);
  await apply(wd);
  const first = await stateOf(wd);
  expect(first).toMatchObject({
    status: "RUNNING",
    job_id: before.job_id,
    deployment_id: before.deployment_id,
  });
  expect(first.last_savepoint).toContain(`savepoint-${String(before.job_id).slice(0, 6)}`);
  expect(await jobsOf("jc-trigger")).toEqual([{ id: before.job_id, status: "RUNNING" }]);

  acc.writeConfig(wd, config("jc-trigger", '  savepoint_trigger = "three"'));
  await apply(wd);
  const second = await stateOf(wd);
  expect(second.job_id).toBe(before.job_id);
  expect(second.last_savepoint).toMatch(/savepoint-/);
  expect(second.last_savepoint).not.toBe(first.last_savepoint);
  // The API reports the same savepoint, so the next plan is empty.
  const live = await deploymentsOf("jc-trigger", String(before.application_id));
  expect(live[0]).toMatchObject({ status: "RUNNING", last_savepoint: second.last_savepoint });
  expect((await plan(wd)).code).toBe(0);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

test("a job stopped with a savepoint outside terraform shows up as suspended in the plan and is resumed", async () => {
  const wd = await setUp("jc-drift");
  const before = await stateOf(wd);
  const base = `/project/local/service/jc-drift/flink/application/${before.application_id}/deployment/${before.deployment_id}`;
  expect((await acc.api("POST", `${base}/stop`)).status).toBe(200);
  let stopped: Json = {};
  for (let i = 0; i < 200 && stopped.status !== "FINISHED"; i++) {
    stopped = (await acc.api<Json>("GET", base)).body;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(stopped.status).toBe("FINISHED");

  const drift = await plan(wd);
  expect(drift.code).toBe(2);
  expect(drift.stdout).toMatch(/~ desired_state\s+= "suspended" -> "running"/);
  expect(drift.text).toContain("Deployment Resumed");

  await apply(wd);
  const resumed = await stateOf(wd);
  expect(resumed).toMatchObject({ status: "RUNNING", starting_savepoint_used: stopped.last_savepoint });
  expect((await plan(wd)).code).toBe(0);

  // A configuration that asks for suspended matches a job stopped out of band: nothing to do.
  acc.writeConfig(wd, config("jc-drift", '  desired_state = "suspended"'));
  await apply(wd);
  const again = await stateOf(wd);
  expect(again.status).toBe("FINISHED");
  expect((await plan(wd)).code).toBe(0);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);
