/**
 * The control plane refuses, with a 400 naming the field, what a plan already refuses: both read the
 * same rules (schemas/rules/). Each case is checked on both sides, so the two cannot drift apart.
 */
import { flinkApplicationSpec } from "../../schemas/resources/flink-application";
import { flinkIntegrationEndpointSpec } from "../../schemas/resources/flink-integration-endpoint";
import { flinkServiceSpec } from "../../schemas/resources/flink-service";
import { validateConfig } from "../../schemas/validate/validate-config";
import { type Harness, start } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.cp.close());

const SERVICE = { project: "local", service_name: "rules", plan: "business-4" };
const manyTags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));

/** A service create: the Terraform config the plan sees, and the API body it becomes. */
interface ServiceCase {
  readonly label: string;
  readonly config: Record<string, unknown>;
  readonly body: Record<string, unknown>;
  /** Where the plan's diagnostic points. */
  readonly path: readonly (string | number)[];
  /** What the 400 message says (the field and the rule). */
  readonly message: RegExp;
}

const serviceCases: ServiceCase[] = [
  {
    label: "a plan that is not a Flink plan name",
    config: { plan: "buisness-4" },
    path: ["plan"],
    body: { plan: "buisness-4" },
    message: /^plan: 'buisness-4' is not a flink plan/,
  },
  {
    label: "a cloud Flink is not offered on",
    config: { cloud_name: "azure-westeurope" },
    path: ["cloud_name"],
    body: { cloud: "azure-westeurope" },
    message: /^cloud: 'azure-westeurope' is not one of/,
  },
  {
    label: "an unsupported flink_version",
    config: { flink_user_config: { flink_version: "2.1" } },
    path: ["flink_user_config", "flink_version"],
    body: { user_config: { flink_version: "2.1" } },
    message: /^user_config\.flink_version: '2\.1' is not one of '1\.16', '1\.19', '1\.20'/,
  },
  {
    label: "a tech e-mail without a domain",
    config: { tech_emails: ["ops@localhost"] },
    path: ["tech_emails", 0],
    body: { tech_emails: [{ email: "ops@localhost" }] },
    message: /^tech_emails\[0\]\.email: must be an e-mail address/,
  },
  {
    label: "a tag key with a space",
    config: { tags: { "my team": "data" } },
    path: ["tags"],
    body: { tags: { "my team": "data" } },
    message: /^tags: key "my team" must contain only letters, digits/,
  },
  {
    label: "a tag value with a line break",
    config: { tags: { team: "a\nb" } },
    path: ["tags", "team"],
    body: { tags: { team: "a\nb" } },
    message: /^tags\.team: must not contain control characters/,
  },
  {
    label: "26 tags",
    config: { tags: manyTags(26) },
    path: ["tags"],
    body: { tags: manyTags(26) },
    message: /^tags: at most 25 tags allowed, got 26/,
  },
  ...["10.0.0.0/33", "999.1.1.1/8", "2001:db8::/129"].map(
    (cidr): ServiceCase => ({
      label: `ip_filter ${cidr}`,
      config: { flink_user_config: { ip_filter: ["10.0.0.0/8", cidr] } },
      path: ["flink_user_config", "ip_filter", 1],
      body: { user_config: { ip_filter: ["10.0.0.0/8", cidr] } },
      message: new RegExp(`^user_config\\.ip_filter\\[1\\]: must be a CIDR range .*, got "${cidr}"`),
    }),
  ),
];

describe.each(serviceCases)("a service with $label", ({ config, path, body, message }) => {
  test("is refused at plan, at the attribute", () => {
    const issues = validateConfig(flinkServiceSpec, { ...SERVICE, ...config });
    expect(issues.filter((i) => i.severity === "error").map((i) => i.path)).toEqual([path]);
  });

  test("is refused by the control plane with a 400 naming the field, and nothing is created", async () => {
    const res = await h.api("POST", "/project/local/service", {
      service_name: "rules",
      service_type: "flink",
      plan: "business-4",
      ...body,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect((await h.api("GET", "/project/local/service/rules")).status).toBe(404);
  });
});

// The plan checks the shape of plan and cloud names; the catalogue of sizes and regions is the API's, so a
// well-formed name the local control plane does not offer passes plan and is refused at apply, with the list.
test.each([
  {
    field: "plan",
    config: { plan: "business-3" },
    body: { plan: "business-3" },
    message: /^plan: 'business-3' is not a flink plan/,
  },
  {
    field: "cloud",
    config: { cloud_name: "google-mars1" },
    body: { cloud: "google-mars1" },
    message: /^cloud: 'google-mars1' is not one of 'aws-eu-central-1'/,
  },
])(
  "a well-formed $field outside the local catalogue passes plan; the control plane names the ones it offers",
  async ({ config, body, message }) => {
    expect(validateConfig(flinkServiceSpec, { ...SERVICE, ...config })).toEqual([]);
    const res = await h.api("POST", "/project/local/service", {
      service_name: "rules",
      service_type: "flink",
      plan: "business-4",
      ...body,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  },
);

test("what the plan accepts, the control plane takes", async () => {
  const config = {
    ...SERVICE,
    service_name: "rules-ok",
    cloud_name: "aws-eu-west-1",
    tech_emails: ["first.last+flink@mail.example.co.uk"],
    tags: { ...manyTags(24), "cost-center:eu/1": "Stream processing — EU" },
    flink_user_config: { flink_version: "1.19", ip_filter: ["10.0.0.0/8", "2001:db8::/32", "0.0.0.0/0"] },
  };
  expect(validateConfig(flinkServiceSpec, config)).toEqual([]);
  const res = await h.api("POST", "/project/local/service", {
    service_name: "rules-ok",
    service_type: "flink",
    plan: config.plan,
    cloud: config.cloud_name,
    tech_emails: config.tech_emails.map((email) => ({ email })),
    tags: config.tags,
    user_config: config.flink_user_config,
  });
  expect(res.status).toBe(200);
  expect(res.body.service.tags).toEqual(config.tags);
  // Merging one more tag into 25 goes over the limit; replacing them all does not.
  const tagsUrl = "/project/local/service/rules-ok/tags";
  const merged = await h.api("PATCH", tagsUrl, { tags: { extra: "x" } });
  expect(merged.status).toBe(400);
  expect(merged.body.message).toMatch(/^tags: at most 25 tags allowed, got 26/);
  expect((await h.api("PUT", tagsUrl, { tags: { extra: "x" } })).status).toBe(200);
  expect((await h.api("GET", tagsUrl)).body.tags).toEqual({ extra: "x" });
});

test("disk_space_mb above the plan's cap is a 400 (Flink plans have no disk to add)", async () => {
  const res = await h.api("POST", "/project/local/service", {
    service_name: "rules-disk",
    service_type: "flink",
    plan: "business-4",
    disk_space_mb: 1e12,
  });
  expect(res.status).toBe(400);
  expect(res.body.message).toBe("disk_space_mb: must be between 0 and 0, got 1000000000000");
});

describe.each([
  ["a NUL", "clicks\u0000", "clicks\\u0000"],
  ["a line break", "clicks\nper minute", "clicks\\nper minute"],
  ["a right-to-left override", "\u202eskcilc", "\\u202eskcilc"],
])("an application name with %s", (_label, name, shown) => {
  test("is refused at plan", () => {
    const issues = validateConfig(flinkApplicationSpec, { ...SERVICE, name });
    expect(issues.map((i) => i.path)).toContainEqual(["name"]);
  });

  test("is refused by the control plane, which shows the character escaped", async () => {
    await h.api("POST", "/project/local/service", {
      service_name: "rules-app",
      service_type: "flink",
      plan: "business-4",
    });
    const base = "/project/local/service/rules-app/flink/application";
    const created = await h.api("POST", base, { name });
    expect(created.status).toBe(400);
    expect(created.body.message).toBe(
      `name: must not contain control characters (such as NUL or a line break) or bidirectional text controls, got "${shown}"`,
    );
    // A rename is held to the same rule.
    const app = await h.api("POST", base, { name: "clicks" });
    expect(app.status).toBe(200);
    const renamed = await h.api("PUT", `${base}/${app.body.id}`, { name });
    expect(renamed.status).toBe(400);
    expect((await h.api("GET", `${base}/${app.body.id}`)).body.name).toBe("clicks");
    await h.api("DELETE", `${base}/${app.body.id}`);
  });
});

test("an integration endpoint name with a line break is refused at plan and by the control plane", async () => {
  const endpoint_name = "kafka\next";
  const issues = validateConfig(flinkIntegrationEndpointSpec, {
    project: "local",
    endpoint_name,
    endpoint_type: "external_kafka",
  });
  expect(issues.map((i) => i.path)).toContainEqual(["endpoint_name"]);
  const res = await h.api("POST", "/project/local/integration_endpoint", {
    endpoint_name,
    endpoint_type: "external_kafka",
    user_config: { bootstrap_servers: "kafka:9092", security_protocol: "PLAINTEXT" },
  });
  expect(res.status).toBe(400);
  expect(res.body.message).toMatch(/^endpoint_name: must not contain control characters/);
});
