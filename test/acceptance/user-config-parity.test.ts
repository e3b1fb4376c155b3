/**
 * The settings the official provider has that flinkform lacked, through the real terraform CLI:
 * the `flink_user_config` forms of the IP filter and its Pekko, checkpoint and service flags, the
 * PostgreSQL integration's `stringtype` and a Schema Registry endpoint. Apply → the API holds them →
 * empty plan → a change of IP filter form and a removed `stringtype` apply in place → import into a
 * fresh state → empty plan; and out-of-range or conflicting values fail the plan at the attribute.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

const REGISTRY_PASSWORD = "registry-s3cret-pw";
const logs: string[] = [];
let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv({ log: (line) => logs.push(line) });
}, 60_000);
afterAll(() => acc?.close());

interface Knobs {
  ipFilter: string;
  stringtype: boolean;
  pekkoAskTimeout?: number;
}

const config = (k: Knobs) => `
resource "flink_service" "s" {
  project      = "local"
  service_name = "flink-parity"
  plan         = "business-4"
  flink_user_config = {
    ${k.ipFilter}
    execution_checkpointing_timeout_ms = 600000
    pekko_ask_timeout_s                = ${k.pekkoAskTimeout ?? 30}
    pekko_framesize_b                  = 20971520
    custom_code                        = true
    service_log                        = true
    static_ips                         = false
  }
}

resource "flink_integration_endpoint" "pg" {
  project       = "local"
  endpoint_name = "parity-pg"
  endpoint_type = "external_postgresql"
  external_postgresql = {
    host     = "pg.example.com"
    port     = 5432
    username = "flink"
  }
}

resource "flink_service_integration" "pg" {
  project                  = "local"
  integration_type         = "flink_external_postgresql"
  source_endpoint_id       = flink_integration_endpoint.pg.endpoint_id
  destination_service_name = flink_service.s.service_name
  ${k.stringtype ? `flink_external_postgresql_user_config = { stringtype = "unspecified" }` : ""}
}

resource "flink_integration_endpoint" "registry" {
  project       = "local"
  endpoint_name = "parity-registry"
  endpoint_type = "external_schema_registry"
  external_schema_registry = {
    url                 = "https://registry.example.com:8081"
    authentication      = "basic"
    basic_auth_username = "avnadmin"
    basic_auth_password = "${REGISTRY_PASSWORD}"
  }
}
`;

const OBJECTS = `ip_filter_object = [
      { network = "10.20.0.0/16", description = "office" },
      { network = "192.168.0.0/24" },
    ]`;
const STRINGS = `ip_filter_string = ["10.20.0.0/16", "172.16.0.0/12"]`;

type Json = Record<string, unknown>;
const service = async () =>
  (await acc.api<{ service: Json }>("GET", "/project/local/service/flink-parity")).body.service;
const endpoints = async () =>
  (
    await acc.api<{ service_integration_endpoints: Json[] }>(
      "GET",
      "/project/local/integration_endpoint?include_secrets=true",
    )
  ).body.service_integration_endpoints;
const integrationConfig = async () => {
  const list = await acc.api<{ service_integrations: Json[] }>(
    "GET",
    "/project/local/service/flink-parity/integration",
  );
  return list.body.service_integrations.find((i) => i.integration_type === "flink_external_postgresql")!
    .user_config;
};

async function expectEmptyPlan(wd: string): Promise<void> {
  const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(plan.stdout + plan.stderr).toContain("No changes.");
  expect(plan.code).toBe(0);
}

test("apply → empty plan → change of form → import → empty plan", async () => {
  const wd = acc.workdir("parity", config({ ipFilter: OBJECTS, stringtype: true }));
  await acc.tf(wd, ["init", "-input=false"]);
  const apply = await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect(apply).toContain("Apply complete! Resources: 4 added");
  expect(apply).not.toContain(REGISTRY_PASSWORD);

  expect((await service()).user_config).toMatchObject({
    ip_filter: [{ network: "10.20.0.0/16", description: "office" }, { network: "192.168.0.0/24" }],
    execution_checkpointing_timeout_ms: 600000,
    pekko_ask_timeout_s: 30,
    pekko_framesize_b: 20971520,
    custom_code: true,
    service_log: true,
    static_ips: false,
  });
  expect(await integrationConfig()).toEqual({ stringtype: "unspecified" });
  const registry = (await endpoints()).find((e) => e.endpoint_name === "parity-registry")!;
  expect(registry.user_config).toEqual({
    url: "https://registry.example.com:8081",
    authentication: "basic",
    basic_auth_username: "avnadmin",
    basic_auth_password: REGISTRY_PASSWORD,
  });
  await expectEmptyPlan(wd);

  // The other form of the same list, and the integration's setting removed: both in place.
  acc.writeConfig(wd, config({ ipFilter: STRINGS, stringtype: false }));
  const update = await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect(update).toContain("Resources: 0 added, 2 changed, 0 destroyed");
  expect((await service()).user_config).toMatchObject({ ip_filter: ["10.20.0.0/16", "172.16.0.0/12"] });
  expect(await integrationConfig()).toEqual({});
  await expectEmptyPlan(wd);

  // Import into a fresh state: every form reads the API's list, so the one configured shows no diff.
  acc.writeConfig(wd, config({ ipFilter: OBJECTS, stringtype: true }));
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const addresses = [
    "flink_service.s",
    "flink_integration_endpoint.pg",
    "flink_service_integration.pg",
    "flink_integration_endpoint.registry",
  ];
  const before: Record<string, string> = {};
  for (const address of addresses) {
    before[address] = await acc.tf(wd, ["state", "show", address]);
    const id = /\n\s+id\s+= "([^"]+)"/.exec(before[address]!)![1]!;
    await acc.tf(wd, ["state", "rm", address]);
    await acc.tf(wd, ["import", "-input=false", address, id]);
  }
  for (const address of addresses.slice(0, 3)) {
    expect(await acc.tf(wd, ["state", "show", address])).toBe(before[address]);
  }
  // The API never returns the registry password: import cannot know it, and the plan restores it.
  const dropPassword = (s: string) => s.replace(/^\s*basic_auth_password\s+= .*\n/gm, "");
  expect(dropPassword(await acc.tf(wd, ["state", "show", "flink_integration_endpoint.registry"]))).toBe(
    dropPassword(before["flink_integration_endpoint.registry"]!),
  );
  const replan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(replan.stdout).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
  expect(replan.stdout).toContain("# flink_integration_endpoint.registry will be updated in-place");
  expect(replan.stdout).not.toContain(REGISTRY_PASSWORD);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  await expectEmptyPlan(wd);

  const destroy = await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect(destroy).toContain("Destroy complete! Resources: 4 destroyed.");
  expect(logs.join("\n")).not.toContain(REGISTRY_PASSWORD);
}, 240_000);

test.each([
  {
    case: "pekko_ask_timeout_s out of range",
    knobs: { ipFilter: STRINGS, stringtype: true, pekkoAskTimeout: 61 },
    message: "flink_user_config.pekko_ask_timeout_s must be between 5 and 60, got 61.",
    line: "pekko_ask_timeout_s                = 61",
  },
  {
    case: "two forms of the IP filter",
    knobs: { ipFilter: `${STRINGS}\n    ${OBJECTS}`, stringtype: true },
    message:
      "flink_user_config.ip_filter_object cannot be set together with flink_user_config.ip_filter_string; set only one.",
    line: "ip_filter_object = [",
  },
  {
    case: "an entry that is not a CIDR range",
    knobs: { ipFilter: `ip_filter_object = [{ network = "10.20.0.0/33" }]`, stringtype: true },
    message:
      'flink_user_config.ip_filter_object[0].network must be a CIDR range such as `10.0.0.0/8` or `2001:db8::/32`, got "10.20.0.0/33".',
    line: "ip_filter_object = [",
  },
])(
  "$case fails the plan at the attribute",
  async (c) => {
    const wd = acc.workdir(`parity-bad-${c.case.replace(/\W+/g, "-")}`, config(c.knobs));
    await acc.tf(wd, ["init", "-input=false"]);
    const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
    expect(plan.code).toBe(1);
    // terraform wraps long details; the attribute's path is in the detail, the snippet shows its line.
    expect(plan.stderr.replace(/\s+/g, " ")).toContain(c.message);
    expect(plan.stderr).toMatch(/on main\.tf line \d+, in resource "flink_service" "s":/);
    expect(plan.stderr).toContain(c.line);
  },
  60_000,
);

test("stringtype on another integration type fails the plan at the attribute", async () => {
  const main = config({ ipFilter: STRINGS, stringtype: true })
    .replace(
      'integration_type         = "flink_external_postgresql"',
      'integration_type         = "flink_external_kafka"',
    )
    .replace(
      "source_endpoint_id       = flink_integration_endpoint.pg.endpoint_id",
      'source_endpoint_id = "0b7e3f3c-59a5-4a4b-9b55-1f0c5a8b2e10"',
    );
  const wd = acc.workdir("parity-bad-stringtype", main);
  await acc.tf(wd, ["init", "-input=false"]);
  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(plan.code).toBe(1);
  expect(plan.stderr).toContain("Setting For Another Integration Type");
  expect(plan.stderr).toMatch(/on main\.tf line \d+, in resource "flink_service_integration" "pg":/);
  expect(plan.stderr).toContain("flink_external_postgresql_user_config = {");
}, 60_000);
