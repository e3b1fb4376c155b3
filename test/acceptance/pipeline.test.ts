import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";
import { pipelineConfig } from "./pipeline-config";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

async function outputs(wd: string): Promise<Record<string, { value: unknown }>> {
  return JSON.parse(await acc.tf(wd, ["output", "-json"]));
}

test("a whole pipeline: apply waits for RUNNING, plan is empty, data sources read it, a new version replaces, destroy leaves nothing", async () => {
  const wd = acc.workdir("pipe", pipelineConfig());
  await acc.tf(wd, ["init", "-input=false"]);
  const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(apply.stderr).toBe("");
  expect(apply.stdout).toContain("Apply complete! Resources: 8 added");
  // Secrets never reach terraform's output.
  expect(apply.stdout).not.toContain("s3cret");

  const out = await outputs(wd);
  expect(out.deployment_status.value).toBe("RUNNING");
  expect(out.slots_total.value).toBe(4);
  const appState = await acc.tf(wd, ["state", "show", "flink_application.app"]);
  expect(appState).toContain(`application_id = "${String(out.app_id_by_name.value)}"`);

  const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(plan.stdout).toContain("No changes.");
  expect(plan.code).toBe(0);

  // Import of a version and a deployment reproduces the state exactly.
  for (const address of [
    "flink_application_version.v",
    "flink_application_deployment.d",
    "flink_integration_endpoint.pg",
    "flink_service_integration.kafka",
  ]) {
    const before = await acc.tf(wd, ["state", "show", address]);
    const id = /\n\s+id\s+= "([^"]+)"/.exec(before)![1];
    await acc.tf(wd, ["state", "rm", address]);
    await acc.tf(wd, ["import", "-input=false", address, id]);
    const after = await acc.tf(wd, ["state", "show", address]);
    // Write-only secrets cannot be read back from the API; everything else must match.
    expect(after.replace(/^\s*password\s+= .*\n/gm, "")).toBe(before.replace(/^\s*password\s+= .*\n/gm, ""));
  }

  // A changed statement is a new immutable version; the deployment hands its job over in place.
  acc.writeConfig(wd, pipelineConfig({ statementSuffix: "\n    HAVING COUNT(*) > 0" }));
  const replace = await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  // The imported endpoint gets its password back: the API never returns secrets, so import cannot.
  expect(replace).toContain("Resources: 1 added, 2 changed, 1 destroyed");
  const versions = await acc.tf(wd, ["state", "show", "flink_application_version.v"]);
  expect(versions).toMatch(/version\s+= 2/);

  const destroy = await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect(destroy).toContain("Destroy complete! Resources: 8 destroyed.");
  expect((await acc.api<{ services: unknown[] }>("GET", "/project/local/service")).body.services).toEqual([]);
  expect(
    (
      await acc.api<{ service_integration_endpoints: unknown[] }>(
        "GET",
        "/project/local/integration_endpoint",
      )
    ).body.service_integration_endpoints,
  ).toEqual([]);
}, 240_000);

test("a validation error in terraform plan points at the attribute's line", async () => {
  const wd = acc.workdir("invalid", pipelineConfig({ name: "flink-bad", parallelism: 0 }));
  await acc.tf(wd, ["init", "-input=false"]);
  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain("Invalid Attribute Value");
  expect(plan.stderr).toContain("parallelism must be between 1 and 128, got 0.");
  expect(plan.stderr).toMatch(/on main\.tf line \d+, in resource "flink_application_deployment" "d":/);
  expect(plan.stderr).toContain("parallelism    = 0");
}, 60_000);

test("SQL mistakes are reported by terraform plan at the attribute, with line and column", async () => {
  const typo = pipelineConfig({ name: "flink-sql" }).replace("FROM TABLE(TUMBLE", "FORM TABLE(TUMBLE");
  const wd = acc.workdir("sql-typo", typo);
  await acc.tf(wd, ["init", "-input=false"]);
  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain("Invalid Flink SQL");
  expect(plan.stderr).toMatch(/statement \(line 3, column \d+\)/);
  expect(plan.stderr).toMatch(/on main\.tf line \d+, in resource "flink_application_version" "v":/);
  expect(plan.stderr).toContain("statement = <<-SQL");

  // A statement that writes to a table that is not a declared sink.
  acc.writeConfig(
    wd,
    pipelineConfig({ name: "flink-sql" }).replace(
      "INSERT INTO clicks_per_minute",
      "INSERT INTO clicks_total",
    ),
  );
  const wrongSink = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(wrongSink.code).toBe(1);
  expect(wrongSink.stderr).toContain("clicks_total");
  expect(wrongSink.stderr).toContain("Invalid Flink SQL");
}, 60_000);
