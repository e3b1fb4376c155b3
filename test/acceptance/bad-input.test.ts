/**
 * Bad input from the user: unknown type names, values of the wrong type, jobs the service refuses
 * to run, a missing or wrong token, an API URL nobody answers. Each ends in an error a user can act
 * on, never a crash or a hang, and never with the token printed.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { type AcceptanceEnv, PROVIDER_BLOCK, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

const CRASH = /plugin crashed|panic|This is a bug in the provider|Plugin did not respond/i;

/** Terraform wraps diagnostic text at 78 columns; compare it as one line. */
const flat = (text: string) => text.replace(/\s+/g, " ");

async function initialized(name: string, mainTf: string): Promise<string> {
  const wd = acc.workdir(name, mainTf);
  await acc.tf(wd, ["init", "-input=false"]);
  return wd;
}

test("an unknown resource or data source type is a clear terraform error", async () => {
  const wd = await initialized(
    "unknown-type",
    `
resource "flink_servise" "s" {
  project = "local"
}
data "flink_nothing" "n" {}
`,
  );
  const result = await acc.terraform(wd, ["validate", "-no-color"]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'The provider flinkform/flink does not support resource type "flink_servise"',
  );
  expect(result.stderr).toContain('does not support data source "flink_nothing"');
  expect(result.stderr).not.toMatch(CRASH);
}, 60_000);

test("values of the wrong type are refused with terraform's type errors, naming the attribute", async () => {
  const wd = await initialized(
    "wrong-types",
    `
resource "flink_service" "s" {
  project                = "local"
  service_name           = "flink-types"
  plan                   = "business-4"
  termination_protection = "maybe"
  flink_user_config      = { number_of_task_slots = "lots" }
}
resource "flink_application_deployment" "d" {
  project        = "local"
  service_name   = "flink-types"
  application_id = "6c3c5d6a-1111-4a4a-9b9b-000000000001"
  version_id     = "6c3c5d6a-1111-4a4a-9b9b-000000000002"
  parallelism    = "three"
}
`,
  );
  const result = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    /Inappropriate value for attribute "termination_protection": a bool is\s+required/,
  );
  expect(result.stderr).toMatch(/Inappropriate value for attribute "parallelism": a number is required/);
  expect(result.stderr).toMatch(/number_of_task_slots[\s\S]*a number is required/);
  expect(result.stderr).not.toMatch(CRASH);
}, 60_000);

/** A service with 1 node × 2 slots, and two applications whose jobs each fit but not together. */
const twoJobs = (withFirst: boolean) => `
resource "flink_service" "s" {
  project      = "local"
  service_name = "flink-fail"
  plan         = "business-4"
  flink_user_config = { number_of_task_slots = 2 }
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
resource "flink_application" "app2" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "gen-2"
}
resource "flink_application_version" "v2" {
  project        = flink_application.app2.project
  service_name   = flink_application.app2.service_name
  application_id = flink_application.app2.application_id
  source {
    create_table = "CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE sink_t (id BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO sink_t SELECT id FROM gen"
}
${
  withFirst
    ? `resource "flink_application_deployment" "first" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  parallelism    = 2
}`
    : ""
}
resource "flink_application_deployment" "second" {
  project        = flink_application.app2.project
  service_name   = flink_application.app2.service_name
  application_id = flink_application.app2.application_id
  version_id     = flink_application_version.v2.application_version_id
  parallelism    = 2
  ${withFirst ? "depends_on = [flink_application_deployment.first]" : ""}
}
`;

test("a deployment that fails to start fails the apply with the job's error and stays tainted", async () => {
  // Each job fits the 2 slots alone, so the plan passes; the second finds them held by the first.
  const wd = await initialized("failed-job", twoJobs(true));
  const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(apply.code).toBe(1);
  expect(apply.stderr).not.toMatch(CRASH);
  expect(apply.stderr).toContain("Error: Creating flink_application_deployment Did Not Complete");
  expect(apply.stderr).toMatch(/with flink_application_deployment\.second,/);
  expect(flat(apply.stderr)).toContain(
    "is FAILED: Not enough task slots: the job needs 2 (parallelism), 0 of 2 are free (1 node(s) × 2 task slot(s), 2 held by other running deployments)",
  );

  // It stays in state, tainted, with the job's status and error for the user to read.
  const second = await acc.tf(wd, ["state", "show", "flink_application_deployment.second"]);
  expect(second).toContain("(tainted)");
  expect(second).toMatch(/status\s+= "FAILED"/);
  expect(second).toMatch(/error_msg\s+= "Not enough task slots/);
  const plan = await acc.tf(wd, ["plan", "-input=false"]);
  expect(plan).toContain("flink_application_deployment.second is tainted, so must be replaced");

  // Without the first job the slots are free: the tainted deployment is replaced and runs.
  acc.writeConfig(wd, twoJobs(false));
  const fixed = await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect(fixed).toContain("Apply complete! Resources: 1 added, 0 changed, 2 destroyed.");
  expect(await acc.tf(wd, ["state", "show", "flink_application_deployment.second"])).toMatch(
    /status\s+= "RUNNING"/,
  );

  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect((await acc.api<{ services: unknown[] }>("GET", "/project/local/service")).body.services).toEqual([]);
}, 180_000);

const LOOKUP = `
data "flink_service" "s" {
  project      = "local"
  service_name = "flink-anything"
}
`;

test.each([
  ["missing", ""],
  ["wrong", "wrong-token-0123456789"],
])(
  "a %s token is an Authentication Failed diagnostic that never shows the token",
  async (_, token) => {
    const wd = await initialized(`token-${token.length}`, LOOKUP);
    const result = await acc.terraform(wd, ["plan", "-no-color", "-input=false"], {
      // Provider logs on too: the token must not reach them either.
      env: { FLINK_API_TOKEN: token, AIVEN_TOKEN: "", TF_LOG_PROVIDER: "TRACE" },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Error: Authentication Failed");
    expect(flat(result.stderr)).toContain("Check api_token or the FLINK_API_TOKEN environment variable.");
    expect(result.stderr).not.toMatch(CRASH);
    const output = result.stdout + result.stderr;
    if (token) expect(output).not.toContain(token);
    expect(output).not.toContain(acc.cp.token);
  },
  60_000,
);

test("an api_url nobody listens on is an API Unreachable diagnostic within seconds", async () => {
  const wd = await initialized("unreachable", LOOKUP);
  const started = Date.now();
  const result = await acc.terraform(wd, ["plan", "-no-color", "-input=false"], {
    // Port 9 (discard) is closed on a test machine: connections are refused at once.
    env: { FLINK_API_URL: "http://127.0.0.1:9/v1" },
  });
  const tookMs = Date.now() - started;
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("Error: API Unreachable");
  expect(flat(result.stderr)).toContain("cannot connect to http://127.0.0.1:9 (ECONNREFUSED)");
  expect(flat(result.stderr)).toContain("Check api_url (or FLINK_API_URL)");
  expect(result.stderr).not.toMatch(CRASH);
  // A couple of brief retries, not the minutes of backoff a flaky but reachable API gets.
  expect(tookMs).toBeLessThan(20_000);
}, 60_000);

test("an api_url in the provider block that is not an http(s) URL is refused by validation at its line", async () => {
  const wd = await initialized("bad-url", LOOKUP);
  writeFileSync(
    path.join(wd, "main.tf"),
    `${PROVIDER_BLOCK.replace('provider "flink" {}', 'provider "flink" {\n  api_url = "ftp://example.com/v1"\n}')}${LOOKUP}`,
  );
  const result = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(CRASH);
  expect(flat(result.stderr)).toContain("must be an http:// or https:// URL");
  expect(result.stderr).toContain('api_url = "ftp://example.com/v1"');
}, 60_000);

test("a FLINK_API_URL that is not an http(s) URL is an invalid-configuration error, not a provider bug", async () => {
  const wd = await initialized("bad-url-env", LOOKUP);
  const result = await acc.terraform(wd, ["plan", "-no-color", "-input=false"], {
    env: { FLINK_API_URL: "ftp://example.com/v1" },
  });
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(CRASH);
  expect(flat(result.stderr)).toContain("FLINK_API_URL");
}, 60_000);
