/**
 * The official provider's common service attributes on `flink_service`, through the real terraform
 * CLI: apply with the create-time inputs set → the read-only ones hold what the API says → empty
 * plan → `terraform import` into a fresh working directory → the same values and an empty plan. Bad
 * values fail the plan at the attribute; what the local control plane lacks (VPCs, static IPs, disk
 * to add) fails clearly; the admin password shows in no terraform output and no log line.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

const logs: string[] = [];
let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv({ log: (line) => logs.push(line) });
}, 60_000);
afterAll(() => acc?.close());

const VPC = "0b7e3f3c-59a5-4a4b-9b55-1f0c5a8b2e10";

const service = (name: string, extra = "", staticIps = "[]", integrations = "[]") => `
resource "flink_service" "s" {
  project                 = "local"
  service_name            = "${name}"
  plan                    = "business-4"
  maintenance_window_dow  = "monday"
  maintenance_window_time = "10:00:00"
  static_ips              = ${staticIps}
  service_integrations    = ${integrations}
  ${extra}
}
`;
const WITH_OUTPUT = `${service("flink-sp")}
output "password" {
  value     = flink_service.s.service_password
  sensitive = true
}
`;

type Json = Record<string, unknown>;
interface ApiService {
  service_uri_params: { host: string; port: string; user: string; password: string };
  connection_info: { flink: string[] };
}

/** The resource's values as `terraform show -json` has them (sensitive ones included). */
async function shown(wd: string): Promise<Json> {
  const show = JSON.parse(await acc.tf(wd, ["show", "-json"]));
  return show.values.root_module.resources.find((r: Json) => r.address === "flink_service.s").values;
}

async function expectEmptyPlan(wd: string): Promise<string> {
  const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(plan.stdout + plan.stderr).toContain("No changes.");
  expect(plan.code).toBe(0);
  return plan.stdout + plan.stderr;
}

const PARITY = [
  "service_type",
  "service_username",
  "service_password",
  "maintenance_window_enabled",
  "project_vpc_id",
  "additional_disk_space",
  "disk_space_used",
  "disk_space_default",
  "disk_space_step",
  "disk_space_cap",
  "static_ips",
  "service_integrations",
  "components",
  "flink",
] as const;

test("apply → read-only attributes from the API → empty plan → import elsewhere → empty plan", async () => {
  const wd = acc.workdir("sp", WITH_OUTPUT);
  await acc.tf(wd, ["init", "-input=false"]);
  const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(apply.code).toBe(0);
  expect(apply.stdout).toContain("Apply complete! Resources: 1 added");

  const api = (await acc.api<{ service: ApiService }>("GET", "/project/local/service/flink-sp")).body.service;
  const { host, port, password } = api.service_uri_params;
  const values = await shown(wd);
  expect(values).toMatchObject({
    service_type: "flink",
    service_username: "avnadmin",
    service_password: password,
    maintenance_window_enabled: true,
    project_vpc_id: null,
    additional_disk_space: null,
    disk_space_used: "0B",
    disk_space_default: "0B",
    disk_space_step: "0B",
    disk_space_cap: "0B",
    static_ips: [],
    service_integrations: [],
    flink: { host_ports: api.connection_info.flink },
    components: [
      {
        component: "flink",
        host,
        port: Number(port),
        connection_uri: `${host}:${port}`,
        route: "dynamic",
        usage: "primary",
        ssl: true,
        kafka_authentication_method: null,
        kafka_ssl_ca: null,
        privatelink_connection_id: null,
      },
    ],
  });
  expect(api.connection_info.flink).toEqual([`${host}:${port}`]);
  // The value is there for whoever asks for it, and shown nowhere else.
  expect(await acc.tf(wd, ["output", "-raw", "password"])).toBe(password);
  const state = await acc.tf(wd, ["state", "show", "flink_service.s"]);
  expect(state).toMatch(/service_password\s+= \(sensitive value\)/);
  expect(apply.stdout + apply.stderr + state).not.toContain(password);
  const plan = await expectEmptyPlan(wd);
  expect(plan).not.toContain(password);

  // A fresh working directory that knows nothing: import reads every attribute back.
  const fresh = acc.workdir("sp-import", WITH_OUTPUT);
  await acc.tf(fresh, ["init", "-input=false"]);
  const imported = await acc.terraform(fresh, [
    "import",
    "-input=false",
    "-no-color",
    "flink_service.s",
    "local/flink-sp",
  ]);
  expect(imported.code).toBe(0);
  expect(imported.stdout + imported.stderr).not.toContain(password);
  const again = await shown(fresh);
  for (const name of PARITY) expect([name, again[name]]).toEqual([name, values[name]]);
  expect(await expectEmptyPlan(fresh)).not.toContain(password);

  // Static IPs are associated at create: adding one later fails the plan at the attribute.
  acc.writeConfig(
    wd,
    WITH_OUTPUT.replace("static_ips              = []", 'static_ips              = ["ip1"]'),
  );
  const change = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(change.code).toBe(1);
  expect(change.stderr).toContain("Static IPs Fixed At Create");
  expect(change.stderr).toContain('static_ips              = ["ip1"]');

  acc.writeConfig(wd, WITH_OUTPUT);
  const destroy = await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect(destroy).toContain("Destroy complete! Resources: 1 destroyed.");
  expect(destroy).not.toContain(password);
  expect(logs.join("\n")).not.toContain(password);
}, 240_000);

test.each([
  {
    case: "additional_disk_space not in GiB",
    extra: 'additional_disk_space = "30GB"',
    message: 'additional_disk_space must be a whole number of GiB such as `30GiB` (or `30G`), got "30GB".',
  },
  {
    case: "additional_disk_space beyond the plan's cap",
    extra: 'additional_disk_space = "30GiB"',
    message: "additional_disk_space: plan business-4 has no disk to add to (its disk_space_cap is 0B).",
  },
  {
    case: "project_vpc_id without the project",
    extra: `project_vpc_id = "${VPC}"`,
    message: `project_vpc_id must be \`PROJECT/VPC_ID\`, the project and the VPC's UUID, got "${VPC}".`,
  },
  {
    case: "a create-time integration",
    extra: "",
    integrations: '[{ integration_type = "flink", source_service_name = "kafka-1" }]',
    line: "service_integrations    = [{",
    message: "service_integrations: a Flink service takes no integrations when it is created",
  },
])(
  "$case fails the plan at the attribute",
  async (c) => {
    const main = service("flink-sp-bad", c.extra, "[]", c.integrations);
    const wd = acc.workdir(`sp-bad-${c.case.replace(/\W+/g, "-")}`, main);
    await acc.tf(wd, ["init", "-input=false"]);
    const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
    expect(plan.code).toBe(1);
    expect(plan.stderr.replace(/\s+/g, " ")).toContain(c.message);
    expect(plan.stderr).toMatch(/on main\.tf line \d+, in resource "flink_service" "s":/);
    expect(plan.stderr).toContain(c.line ?? c.extra);
  },
  60_000,
);

test.each([
  {
    case: "a VPC",
    name: "flink-sp-vpc",
    extra: `project_vpc_id = "local/${VPC}"`,
    message: "this control plane has no project VPCs",
  },
  {
    case: "a static IP",
    name: "flink-sp-ip",
    extra: "",
    staticIps: '["ip359373e5e56"]',
    message: "static IP 'ip359373e5e56' does not exist in project local",
  },
])(
  "$case: the plan passes, the apply fails with the control plane's reason and creates nothing",
  async (c) => {
    const { name } = c;
    const main = service(name, c.extra, c.staticIps);
    const wd = acc.workdir(`sp-apply-${name}`, main);
    await acc.tf(wd, ["init", "-input=false"]);
    const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-no-color", "-input=false"]);
    expect(apply.code).toBe(1);
    expect(apply.stderr.replace(/\s+/g, " ")).toContain(c.message);
    expect((await acc.api("GET", `/project/local/service/${name}`)).status).toBe(404);
  },
  60_000,
);
