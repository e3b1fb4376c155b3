/**
 * Safe changes to running pipelines (issue 6), with the real terraform against the local control
 * plane: stateful and stateless upgrades, rollback, server-side SQL checks at plan, drift after an
 * out-of-band cancel, and teardown with and without force_destroy.
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

async function deploymentsOf(service: string, applicationId: string): Promise<Json[]> {
  const res = await acc.api<{ deployments: Json[] }>(
    "GET",
    `/project/local/service/${service}/flink/application/${applicationId}/deployment`,
  );
  return res.body.deployments;
}

async function setUp(name: string, options: PipelineOptions = {}, providerBody = ""): Promise<string> {
  const wd = acc.workdir(name, pipelineConfig({ name, ...options }), providerBody);
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  return wd;
}

const NEW_STATEMENT = { statementSuffix: "\n    HAVING COUNT(*) > 0" };

test("a version change under upgrade_mode savepoint hands the job over through its savepoint", async () => {
  const wd = await setUp("flink-sp");
  const before = await stateOf(wd, "flink_application_deployment.d");
  acc.writeConfig(wd, pipelineConfig({ name: "flink-sp", ...NEW_STATEMENT }));

  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(plan.stdout).toContain("# flink_application_deployment.d will be updated in-place");
  expect(plan.stdout + plan.stderr).toContain("Stateful Upgrade");
  expect(plan.stdout).not.toContain("flink_application_deployment.d must be replaced");

  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const after = await stateOf(wd, "flink_application_deployment.d");
  const version = await stateOf(wd, "flink_application_version.v");
  expect(after.status).toBe("RUNNING");
  expect(after.version_id).toBe(version.application_version_id);
  expect(after.deployment_id).not.toBe(before.deployment_id);
  // The control plane names savepoints after the job that took them: the old job's final savepoint.
  expect(after.starting_savepoint_used).toContain(`savepoint-${before.job_id.slice(0, 6)}`);
  const live = await deploymentsOf("flink-sp", after.application_id);
  expect(live.map((d) => d.id)).toEqual([after.deployment_id]);
  expect(live[0].starting_savepoint).toBe(after.starting_savepoint_used);

  const replan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(replan.stdout).toContain("No changes.");
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 180_000);

test("a failed upgrade rolls back to the previous version from the same savepoint and fails the apply", async () => {
  // Without server-side checks the slot shortage is only found when the job starts.
  const offline = "server_side_validation = false";
  const wd = await setUp("flink-rb", {}, offline);
  const before = await stateOf(wd, "flink_application_deployment.d");
  acc.writeConfig(wd, pipelineConfig({ name: "flink-rb", parallelism: 5 }), offline);

  const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(apply.code).toBe(1);
  expect(apply.stderr).toContain("Rolled back to version");
  expect(apply.stderr).toMatch(/slot/i);

  const live = (await deploymentsOf("flink-rb", before.application_id)).filter((d) => d.status === "RUNNING");
  expect(live).toHaveLength(1);
  expect(live[0]).toMatchObject({ version_id: before.version_id, parallelism: 2 });
  expect(String(live[0].starting_savepoint)).toContain(`savepoint-${before.job_id.slice(0, 6)}`);
  // State records what runs now, so the next plan proposes the change again.
  const state = await stateOf(wd, "flink_application_deployment.d");
  expect(state.deployment_id).toBe(live[0].id);
  const replan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(replan.stdout).toMatch(/~ parallelism\s+= 2 -> 5/);
  acc.writeConfig(wd, pipelineConfig({ name: "flink-rb" }), offline);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 180_000);

/** The pipeline with its JDBC sink pinned to a parallelism of its own, 2 ('sink.parallelism'). */
const pinnedSink = (options: PipelineOptions = {}) =>
  pipelineConfig({ name: "flink-pc", ...options }).replace(
    "'table-name' = 'public.clicks_per_minute'",
    "'table-name' = 'public.clicks_per_minute',\n        'sink.parallelism' = '2'",
  );

test("a parallelism change that re-chains a pinned sink is warned at plan, refused at restore and rolled back, unless allow_non_restored_state", async () => {
  const wd = acc.workdir("flink-pc", pinnedSink());
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const before = await stateOf(wd, "flink_application_deployment.d");
  acc.writeConfig(wd, pinnedSink({ parallelism: 3 }));

  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect((plan.stdout + plan.stderr).replace(/\s+/g, " ")).toContain(
    "Parallelism Change Flink Cannot Restore",
  );
  const refused = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(refused.code).toBe(1);
  const diagnostic = refused.stderr.replace(/\s+/g, " "); // terraform wraps long lines
  expect(diagnostic).toContain(
    "Cannot map checkpoint/savepoint state for operator chain of sink clicks_per_minute ('sink.parallelism')",
  );
  expect(diagnostic).toContain(`Rolled back to version ${before.version_id}`);
  // Flink's message ends in a full stop; the sentence after it starts cleanly.
  expect(diagnostic).toMatch(/[^.]\. Rolled back to version/);
  const live = (await deploymentsOf("flink-pc", before.application_id)).filter((d) => d.status === "RUNNING");
  expect(live).toHaveLength(1);
  expect(live[0]).toMatchObject({ version_id: before.version_id, parallelism: 2 });

  // Flink starts the job without the state it cannot map.
  acc.writeConfig(wd, pinnedSink({ parallelism: 3, deploymentExtra: "  allow_non_restored_state = true" }));
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const after = (await deploymentsOf("flink-pc", before.application_id)).filter(
    (d) => d.status === "RUNNING",
  );
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ parallelism: 3, allow_non_restored_state: true });
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 180_000);

test("upgrade_mode stateless cancels and starts fresh", async () => {
  const stateless = { deploymentExtra: '  upgrade_mode = "stateless"' };
  const wd = await setUp("flink-sl", stateless);
  acc.writeConfig(wd, pipelineConfig({ name: "flink-sl", ...stateless, ...NEW_STATEMENT }));
  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(plan.stdout + plan.stderr).toContain("Stateless Upgrade");
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const after = await stateOf(wd, "flink_application_deployment.d");
  expect(after.status).toBe("RUNNING");
  expect(after.starting_savepoint_used).toBeNull();
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 180_000);

test("the service's validate endpoint reports SQL errors at plan, with their position", async () => {
  const wd = await setUp("flink-sv");
  // Offline checks are skipped for this version, so the error can only come from the service.
  acc.writeConfig(
    wd,
    pipelineConfig({ name: "flink-sv", versionExtra: "  skip_sql_validation = true" }).replace(
      "FROM TABLE(TUMBLE",
      "FORM TABLE(TUMBLE",
    ),
  );
  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain("Flink SQL Rejected By The Service");
  expect(plan.stderr).toMatch(/statement \(line 3, column \d+\)/);
  expect(plan.stderr).toMatch(/on main\.tf line \d+, in resource "flink_application_version" "v":/);
  acc.writeConfig(wd, pipelineConfig({ name: "flink-sv" }));
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 180_000);

test("a deployment cancelled outside terraform shows up in the next plan and is started again", async () => {
  const wd = await setUp("flink-dr");
  const before = await stateOf(wd, "flink_application_deployment.d");
  const base = `/project/local/service/flink-dr/flink/application/${before.application_id}/deployment/${before.deployment_id}`;
  expect((await acc.api("POST", `${base}/cancel`)).status).toBe(200);
  for (let i = 0; i < 100 && (await acc.api<Json>("GET", base)).body.status !== "CANCELED"; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(plan.code).toBe(2);
  expect(plan.stdout + plan.stderr).toContain("Deployment Not Running");
  expect(plan.stdout).toMatch(/~ status\s+= "CANCELED" -> \(known after apply\)/);

  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect((await stateOf(wd, "flink_application_deployment.d")).status).toBe("RUNNING");
  const replan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(replan.code).toBe(0);

  // More parallelism than the session cluster has slots (1 node × 4) is flagged at plan.
  acc.writeConfig(wd, pipelineConfig({ name: "flink-dr", parallelism: 5 }));
  const tooWide = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(tooWide.code).toBe(1);
  expect(tooWide.stderr).toContain("Not Enough Task Slots");
  expect(tooWide.stderr).toMatch(/parallelism\s+= 5/);
  acc.writeConfig(wd, pipelineConfig({ name: "flink-dr" }));
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 180_000);

test("destroy refuses to cancel deployments terraform does not manage, unless force_destroy is set", async () => {
  const config = (force: boolean) => `
resource "flink_service" "s" {
  project      = "local"
  service_name = "flink-fd"
  plan         = "business-4"
}
resource "flink_application" "app" {
  project       = flink_service.s.project
  service_name  = flink_service.s.service_name
  name          = "console-made"
  force_destroy = ${force}
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
`;
  const wd = acc.workdir("force", config(false));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const version = await stateOf(wd, "flink_application_version.v");
  const created = await acc.api<Json>(
    "POST",
    `/project/local/service/flink-fd/flink/application/${version.application_id}/deployment`,
    { version_id: version.application_version_id, parallelism: 1 },
  );
  expect(created.status).toBe(200);

  const refused = await acc.terraform(wd, ["destroy", "-auto-approve", "-input=false", "-no-color"]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(String(created.body.id));
  expect(refused.stderr).toContain("force_destroy = true");
  expect((await deploymentsOf("flink-fd", version.application_id))[0].status).not.toBe("CANCELED");

  acc.writeConfig(wd, config(true));
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect((await acc.api<{ services: unknown[] }>("GET", "/project/local/service")).body.services).toEqual([]);
}, 180_000);
