/**
 * Upgrading flinkform must not plan changes nobody asked for: state written before an attribute
 * with a default existed (here: the deployment's job-control settings, added after the first
 * release) plans no change with the real terraform.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

const CONFIG = `
resource "flink_service" "s" {
  project      = "local"
  service_name = "state-upgrade"
  plan         = "business-4"
}
resource "flink_application" "a" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "a"
}
resource "flink_application_version" "v" {
  project        = flink_application.a.project
  service_name   = flink_application.a.service_name
  application_id = flink_application.a.application_id
  source {
    create_table = "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO out_table SELECT n FROM src"
}
resource "flink_application_deployment" "d" {
  project        = flink_application.a.project
  service_name   = flink_application.a.service_name
  application_id = flink_application.a.application_id
  version_id     = flink_application_version.v.application_version_id
}
`;

/** Attributes with defaults that an older flinkform did not write. */
const ADDED_LATER = [
  "upgrade_mode",
  "desired_state",
  "final_savepoint",
  "allow_non_restored_state",
  "savepoint_history_max",
];

test("state without attributes added since (defaults) plans no change", async () => {
  const wd = acc.workdir("state-upgrade", CONFIG);
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);

  const file = path.join(wd, "terraform.tfstate");
  const state = JSON.parse(readFileSync(file, "utf8"));
  const deployment = state.resources.find((r: { type: string }) => r.type === "flink_application_deployment");
  const attributes = deployment.instances[0].attributes;
  for (const name of ADDED_LATER) {
    expect(attributes).toHaveProperty(name);
    delete attributes[name];
  }
  state.serial += 1;
  writeFileSync(file, JSON.stringify(state, null, 2));

  // Without a refresh too (a refresh reads the defaults back anyway): the upgraded state alone must hold them.
  for (const refresh of ["-refresh=false", "-refresh=true"]) {
    const plan = await acc.terraform(wd, [
      "plan",
      refresh,
      "-detailed-exitcode",
      "-no-color",
      "-input=false",
    ]);
    expect({ refresh, code: plan.code }).toEqual({ refresh, code: 0 });
    expect(plan.stdout).toContain("No changes.");
  }
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 180_000);
