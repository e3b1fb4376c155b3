import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

const service = (plan: string, slots: number, name = "flink-acc") => `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "${plan}"
  flink_user_config = {
    number_of_task_slots = ${slots}
    restart_strategy     = { type = "fixed-delay", max_failures = 3, delay_sec = 5 }
  }
}
resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "clicks"
}
`;

test("service and application: apply, empty plan, in-place update, import, destroy", async () => {
  const wd = acc.workdir("svc", service("business-4", 2));
  await acc.tf(wd, ["init", "-input=false"]);
  const apply = await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect(apply).toContain("Apply complete! Resources: 2 added");

  const svc = await acc.api<{ service: Record<string, unknown> }>("GET", "/project/local/service/flink-acc");
  expect(svc.body.service.state).toBe("RUNNING");
  expect(svc.body.service.user_config).toMatchObject({
    number_of_task_slots: 2,
    restart_strategy: "fixed-delay",
  });

  const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(plan.stdout + plan.stderr).toContain("No changes.");
  expect(plan.code).toBe(0);

  const state = await acc.tf(wd, ["state", "show", "flink_service.s"]);
  expect(state).toMatch(/task_slots_total\s+= 2/);
  expect(state).toMatch(/state\s+= "RUNNING"/);

  // In place: more slots and a rename of the application.
  acc.writeConfig(
    wd,
    service("business-4", 4).replace('name         = "clicks"', 'name         = "clicks-v2"'),
  );
  const restartPlan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(restartPlan.stdout + restartPlan.stderr).toContain("Cluster Restart");
  expect(restartPlan.stdout + restartPlan.stderr).toContain("restarts from its latest checkpoint");
  const update = await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  expect(update).toContain("Resources: 0 added, 2 changed, 0 destroyed");
  const after = await acc.api<{ service: Record<string, unknown> }>(
    "GET",
    "/project/local/service/flink-acc",
  );
  expect((after.body.service.user_config as Record<string, unknown>).number_of_task_slots).toBe(4);
  expect(await acc.tf(wd, ["state", "show", "flink_service.s"])).toMatch(/task_slots_total\s+= 4/);

  // Import into a fresh state reads every attribute back; the plan afterwards is empty.
  const appState = await acc.tf(wd, ["state", "show", "flink_application.app"]);
  const appId = /\bid\s+= "([^"]+)"/.exec(appState)![1];
  await acc.tf(wd, ["state", "rm", "flink_service.s", "flink_application.app"]);
  await acc.tf(wd, ["import", "-input=false", "flink_service.s", "local/flink-acc"]);
  await acc.tf(wd, ["import", "-input=false", "flink_application.app", appId]);
  expect(await acc.tf(wd, ["state", "show", "flink_application.app"])).toBe(appState);
  const replan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(replan.stdout).toContain("No changes.");

  const destroy = await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  expect(destroy).toContain("Destroy complete! Resources: 2 destroyed.");
  const list = await acc.api<{ services: unknown[] }>("GET", "/project/local/service");
  expect(list.body.services).toEqual([]);
}, 180_000);
