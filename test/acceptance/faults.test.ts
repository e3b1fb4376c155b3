/**
 * The provider against a misbehaving control plane: 5xx and 429 answers, added latency, and
 * integrations that stay invisible for a while after they were created (the hosted API's eventual
 * consistency). Apply and destroy must still succeed and leave nothing behind.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";
import { pipelineConfig } from "./pipeline-config";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterEach(() => acc?.cp.setFaults({}));
afterAll(() => acc?.close());

/** Everything the control plane holds for the project; checked with faults off. */
async function leftovers(): Promise<{ services: unknown[]; endpoints: unknown[] }> {
  const services = await acc.api<{ services: unknown[] }>("GET", "/project/local/service");
  const endpoints = await acc.api<{ service_integration_endpoints: unknown[] }>(
    "GET",
    "/project/local/integration_endpoint",
  );
  return { services: services.body.services, endpoints: endpoints.body.service_integration_endpoints };
}

test("with 10% 503 answers, 10% 429 answers and latency, the pipeline applies, plans empty and destroys completely", async () => {
  const wd = acc.workdir("faults", pipelineConfig({ name: "flink-faults" }));
  await acc.tf(wd, ["init", "-input=false"]);
  // 503 (not 500): the API did not act on the request, so even a create may be sent again. A 500
  // on a create leaves its outcome unknown, and the client only repeats it after a look-up.
  acc.cp.setFaults({
    errorRate: 0.1,
    errorStatus: 503,
    throttleRate: 0.1,
    retryAfterSeconds: 1,
    latencyMs: 15,
  });

  const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(apply.stderr).toBe("");
  expect(apply.stdout).toContain("Apply complete! Resources: 8 added, 0 changed, 0 destroyed.");
  expect(JSON.parse(await acc.tf(wd, ["output", "-json"])).deployment_status.value).toBe("RUNNING");
  // The faults were really on: plain requests without retries meet them.
  const statuses = new Set<number>();
  for (let i = 0; i < 100; i++) statuses.add((await acc.api("GET", "/project/local/service")).status);
  expect([...statuses].sort()).toEqual([200, 429, 503]);

  // Refreshing every resource through the same faults finds nothing to change.
  const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(plan.stdout).toContain("No changes.");
  expect(plan.code).toBe(0);

  const destroy = await acc.terraform(wd, ["destroy", "-auto-approve", "-input=false", "-no-color"]);
  expect(destroy.stderr).toBe("");
  expect(destroy.stdout).toContain("Destroy complete! Resources: 8 destroyed.");

  acc.cp.setFaults({});
  expect(await leftovers()).toEqual({ services: [], endpoints: [] });
}, 300_000);

test("integrations invisible for a while after create: the integrations wait and the pipeline applies", async () => {
  acc.cp.setFaults({ integrationVisibilityDelayMs: 700 });
  const wd = acc.workdir("visibility", pipelineConfig({ name: "flink-vis" }));
  await acc.tf(wd, ["init", "-input=false"]);
  const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(apply.stderr).toBe("");
  expect(apply.stdout).toContain("Apply complete! Resources: 8 added");
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  acc.cp.setFaults({});
  expect(await leftovers()).toEqual({ services: [], endpoints: [] });
}, 180_000);

test('a version created while its integrations are not visible yet retries "Integration not found" and succeeds', async () => {
  const wd = acc.workdir("not-found", pipelineConfig({ name: "flink-nf" }));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, [
    "apply",
    "-auto-approve",
    "-input=false",
    "-target=flink_service_integration.kafka",
    "-target=flink_service_integration.pg",
  ]);
  // The next two look-ups of an integration by id answer "Integration not found" (the hosted API does
  // this for ~30 s after a create): a count, so the window stays open however slow the machine is.
  expect((await acc.admin("PUT", "/faults", { integrationNotFoundCount: 2 })).status).toBe(200);
  // No refresh: reading the hidden integrations would drop them from state.
  const apply = await acc.terraform(
    wd,
    ["apply", "-auto-approve", "-input=false", "-no-color", "-refresh=false"],
    { env: { TF_LOG_PROVIDER: "INFO" } },
  );
  if (apply.code !== 0) {
    const diagnostics = apply.stderr.split("\n").filter((line) => !/\[(TRACE|DEBUG|INFO)\]/.test(line));
    throw new Error(`apply exited ${apply.code}\n${diagnostics.join("\n")}`);
  }
  expect(apply.stdout).toContain("Apply complete! Resources: 3 added");
  // The version's first two creates met the fault, and the provider said why it waited each time.
  const retries = apply.stderr.match(
    /flink_application_version: Integration not found: [0-9a-f-]+; retrying/g,
  );
  expect(retries).toHaveLength(2);
  const left = await acc.admin<{ faults: Record<string, unknown> }>("GET", "/faults");
  expect(left.body.faults).toEqual({ integrationNotFoundCount: 0 });
  expect(apply.stderr).not.toContain(acc.cp.token);

  acc.cp.setFaults({});
  const version = await acc.tf(wd, ["state", "show", "flink_application_version.v"]);
  expect(version).toMatch(/version\s+= 1/);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect(await leftovers()).toEqual({ services: [], endpoints: [] });
}, 180_000);
