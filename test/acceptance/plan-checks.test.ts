/**
 * Everything knowable at plan is refused by `terraform plan` — not at apply, after minutes of
 * waiting — with each diagnostic pointing at the attribute that is wrong.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

/** Terraform's diagnostics (`-no-color`), each with its source snippet and detail on one line. */
function diagnostics(stderr: string): string[] {
  return stderr
    .split(/^(?=Error: |Warning: )/m)
    .slice(1)
    .map((d) => d.replace(/\s+/g, " "));
}

test("plan refuses a bad plan, cloud, flink_version, CIDRs, e-mail, tags and names, each at its attribute", async () => {
  const wd = acc.workdir(
    "plan-checks",
    `
resource "flink_service" "s" {
  project      = "local"
  service_name = "flink-plan-checks"
  plan         = "buisness-4"
  cloud_name   = "azure-westeurope"
  tech_emails  = ["ops@localhost"]
  tags         = { "cost center" = "eu" }
  flink_user_config = {
    flink_version = "2.1"
    ip_filter     = ["10.0.0.0/33", "999.1.1.1/8"]
  }
}
resource "flink_application" "a" {
  project      = "local"
  service_name = "flink-plan-checks"
  name         = "clicks\\nper minute"
}
`,
  );
  await acc.tf(wd, ["init", "-input=false"]);
  const result = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(result.code).toBe(1);
  const found = diagnostics(result.stderr);
  const expected: [RegExp, RegExp][] = [
    [/plan = "buisness-4"/, /plan must be a Flink plan: .* got "buisness-4"\./],
    [
      /cloud_name = "azure-westeurope"/,
      /cloud_name must be an AWS or Google Cloud region .* got "azure-westeurope"\./,
    ],
    [
      /tech_emails = \["ops@localhost"\]/,
      /tech_emails\[0\] must be an e-mail address .* got "ops@localhost"\./,
    ],
    [/tags = \{ "cost center" = "eu" \}/, /tags key "cost center" must contain only letters, digits/],
    [
      /flink_user_config = \{/,
      /flink_user_config\.flink_version must be one of `1\.16`, `1\.19`, `1\.20`, got "2\.1"\./,
    ],
    [
      /flink_user_config = \{/,
      /flink_user_config\.ip_filter\[\d\] must be a CIDR range .* got "10\.0\.0\.0\/33"\./,
    ],
    [
      /flink_user_config = \{/,
      /flink_user_config\.ip_filter\[\d\] must be a CIDR range .* got "999\.1\.1\.1\/8"\./,
    ],
    [
      /name = "clicks\\nper minute"/,
      /name must not contain control characters .* got "clicks\\nper minute"\./,
    ],
  ];
  for (const [attributeLine, message] of expected) {
    const match = found.find((d) => d.startsWith("Error: Invalid Attribute Value") && message.test(d));
    expect({ message: String(message), diagnostic: match }).toEqual({
      message: String(message),
      diagnostic: expect.stringMatching(attributeLine),
    });
  }
  // Refused at plan: nothing reached the API.
  expect((await acc.api<{ services: unknown[] }>("GET", "/project/local/service")).body.services).toEqual([]);
}, 120_000);
