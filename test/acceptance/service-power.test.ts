/**
 * Power off and on from code (issue 11), with the real terraform against the local control plane on
 * the simulated engine: `powered = false` stops both running jobs with savepoints and keeps their
 * deployments; `powered = true` runs them again from those savepoints; no plan after either shows a
 * change, and nothing is done by hand.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

type Json = Record<string, unknown>;
const APPS = ["clicks", "views"] as const;

/** One application, version and deployment of a datagen → blackhole job. */
const pipeline = (app: string) => `
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
}
`;

const config = (name: string, powered?: boolean, apps: readonly string[] = APPS) => `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = { number_of_task_slots = 2 }
${powered === undefined ? "" : `  powered = ${powered}\n`}}
${apps.map(pipeline).join("")}`;

async function resources(wd: string): Promise<Map<string, Json>> {
  const show = JSON.parse(await acc.tf(wd, ["show", "-json"])) as {
    values: { root_module: { resources: { address: string; values: Json }[] } };
  };
  return new Map(show.values.root_module.resources.map((r) => [r.address, r.values]));
}

const apiDeployment = async (service: string, d: Json) =>
  (
    await acc.api<Json>(
      "GET",
      `/project/local/service/${service}/flink/application/${String(d.application_id)}/deployment/${String(d.deployment_id)}`,
    )
  ).body;

const service = async (name: string) =>
  (await acc.api<{ service: Json }>("GET", `/project/local/service/${name}`)).body.service;

async function plan(wd: string) {
  const result = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  return { code: result.code, text: result.stdout + result.stderr, stdout: result.stdout };
}

const apply = (wd: string) => acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
/** State as the API has it now (deployments are not written by a service's apply). */
const refresh = (wd: string) => acc.tf(wd, ["apply", "-refresh-only", "-auto-approve", "-input=false"]);

test("powered = false suspends both running deployments with savepoints; powered = true runs each again from its savepoint; no plan shows a change", async () => {
  const name = "pw-two";
  const wd = acc.workdir(name, config(name));
  await acc.tf(wd, ["init", "-input=false"]);
  await apply(wd);
  const before = await resources(wd);
  expect(before.get("flink_service.s")?.powered).toBe(true);
  const deployments = APPS.map((a) => before.get(`flink_application_deployment.${a}`)!);
  for (const d of deployments) expect(d.status).toBe("RUNNING");

  acc.writeConfig(wd, config(name, false));
  const offPlan = await plan(wd);
  expect(offPlan.code).toBe(2);
  expect(offPlan.stdout).toContain("# flink_service.s will be updated in-place");
  expect(offPlan.stdout).toMatch(/~ powered\s+= true -> false/);
  expect(offPlan.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
  expect(offPlan.text).toContain("Service Powered Off");
  await apply(wd);

  // Right after the apply, without waiting here: the service is off, each job stopped with a savepoint.
  expect((await service(name)).state).toBe("POWEROFF");
  const suspended = await Promise.all(deployments.map((d) => apiDeployment(name, d)));
  suspended.forEach((s, i) => {
    expect(s).toMatchObject({
      id: deployments[i].deployment_id,
      status: "SUSPENDED",
      job_id: deployments[i].job_id,
    });
    expect(s.last_savepoint).toContain(`savepoint-${String(deployments[i].job_id).slice(0, 6)}`);
  });
  expect((await plan(wd)).code).toBe(0);
  await refresh(wd);
  const off = await resources(wd);
  expect(off.get("flink_service.s")).toMatchObject({ powered: false, state: "POWEROFF" });
  for (const a of APPS)
    expect(off.get(`flink_application_deployment.${a}`)).toMatchObject({
      status: "SUSPENDED",
      desired_state: "running",
    });

  acc.writeConfig(wd, config(name, true));
  const onPlan = await plan(wd);
  expect(onPlan.code).toBe(2);
  expect(onPlan.stdout).toMatch(/~ powered\s+= false -> true/);
  expect(onPlan.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
  expect(onPlan.text).toContain("Service Powered On");
  await apply(wd);

  // Apply waited for the jobs too: both run again, each from its savepoint, same deployment.
  expect((await service(name)).state).toBe("RUNNING");
  const back = await Promise.all(deployments.map((d) => apiDeployment(name, d)));
  back.forEach((b, i) => {
    expect(b).toMatchObject({
      id: deployments[i].deployment_id,
      status: "RUNNING",
      starting_savepoint: suspended[i].last_savepoint,
    });
    expect(b.job_id).not.toBe(deployments[i].job_id);
  });
  expect((await plan(wd)).code).toBe(0);
  await refresh(wd);
  const on = await resources(wd);
  for (const [i, a] of APPS.entries())
    expect(on.get(`flink_application_deployment.${a}`)).toMatchObject({
      deployment_id: deployments[i].deployment_id,
      status: "RUNNING",
      desired_state: "running",
      starting_savepoint_used: suspended[i].last_savepoint,
    });
  expect(on.get("flink_service.s")).toMatchObject({ powered: true, state: "RUNNING" });

  // Powered off again, everything is destroyed: the suspended deployments are cancelled first.
  acc.writeConfig(wd, config(name, false));
  await apply(wd);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect((await acc.api("GET", `/project/local/service/${name}`)).status).toBe(404);
}, 300_000);

test("a service created with powered = false is created, then powered off; the plan after is empty", async () => {
  const name = "pw-created-off";
  const wd = acc.workdir(name, config(name, false, []));
  await acc.tf(wd, ["init", "-input=false"]);
  const created = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(created.code).toBe(0);
  expect(created.stdout + created.stderr).toContain("Service Created Powered Off");
  expect((await service(name)).state).toBe("POWEROFF");
  expect((await plan(wd)).code).toBe(0);
  acc.writeConfig(wd, config(name, undefined, []));
  await apply(wd);
  expect((await service(name)).state).toBe("RUNNING");
  expect((await plan(wd)).code).toBe(0);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

test("a job that cannot restart at power on fails the apply with its error; the service is on", async () => {
  const name = "pw-lost";
  const wd = acc.workdir(name, config(name, undefined, ["clicks"]));
  await acc.tf(wd, ["init", "-input=false"]);
  await apply(wd);
  acc.writeConfig(wd, config(name, false, ["clicks"]));
  await apply(wd);
  await refresh(wd);
  const d = (await resources(wd)).get("flink_application_deployment.clicks")!;
  // The savepoint is lost from the simulated checkpoint storage (its table) while the service is off.
  const db = new Database(path.join(acc.dir, "data", "controlplane.sqlite"));
  try {
    db.prepare("DELETE FROM resources WHERE kind = 'savepoint' AND id = ?").run(d.last_savepoint);
  } finally {
    db.close();
  }

  acc.writeConfig(wd, config(name, true, ["clicks"]));
  const on = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(on.code).toBe(1);
  // terraform wraps the message's lines
  expect(on.stderr.replace(/\s+/g, " ")).toContain(
    `deployment ${String(d.deployment_id)} of application clicks is FAILED: Restoring the job failed: savepoint not found in the checkpoint storage of service ${name}: ${String(d.last_savepoint)}`,
  );
  expect((await service(name)).state).toBe("RUNNING");
  // The service is recorded powered on; the failed job is what the next plan offers to start again.
  const next = await plan(wd);
  expect(next.code).toBe(2);
  expect(next.stdout).not.toContain("flink_service.s will be updated");
  expect(next.text).toContain("Deployment Not Running");
}, 240_000);

test("a change that needs the job fails at once while the service is off, and applies with the power on", async () => {
  const name = "pw-change-off";
  const withParallelism = (text: string) =>
    text.replace(
      "version_id     = flink_application_version.clicks.application_version_id",
      "version_id     = flink_application_version.clicks.application_version_id\n  parallelism    = 2",
    );
  const wd = acc.workdir(name, config(name, undefined, ["clicks"]));
  await acc.tf(wd, ["init", "-input=false"]);
  await apply(wd);
  acc.writeConfig(wd, config(name, false, ["clicks"]));
  await apply(wd);

  acc.writeConfig(wd, withParallelism(config(name, false, ["clicks"])));
  const refused = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(refused.code).toBe(1);
  expect(refused.stderr.replace(/\s+/g, " ")).toContain(
    `because service ${name} is powered off; power the service on first (powered = true: its jobs restart from their savepoints), then apply this change`,
  );
  expect((await plan(wd)).stdout).toMatch(/~ parallelism\s+= 1 -> 2/);

  // Both in one apply: the service is powered on first (the deployment depends on it), then the handover.
  acc.writeConfig(wd, withParallelism(config(name, true, ["clicks"])));
  await apply(wd);
  const d = (await resources(wd)).get("flink_application_deployment.clicks")!;
  expect(await apiDeployment(name, d)).toMatchObject({ status: "RUNNING", parallelism: 2 });
  expect((await plan(wd)).code).toBe(0);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);
