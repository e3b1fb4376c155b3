/**
 * A refresh reads a service's applications through its application list, one call instead of a GET
 * per application, and terraform still sees what changed outside it: a rename plans an in-place
 * update, a deletion plans a create (the one application the list no longer holds is read by its
 * GET, whose 404 removes it from state, as before).
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

interface LogLine {
  method: string;
  path: string;
}

let acc: AcceptanceEnv;
const requests: LogLine[] = [];

beforeAll(async () => {
  acc = await startAcceptanceEnv({
    log: (text) => {
      const line = JSON.parse(text) as Partial<LogLine>;
      if (typeof line.method === "string" && typeof line.path === "string")
        requests.push({ method: line.method, path: line.path });
    },
  });
}, 60_000);
afterAll(() => acc?.close());

const APPS = "/project/local/service/flink-lists/flink/application";
const CONFIG = `
resource "flink_service" "s" {
  project      = "local"
  service_name = "flink-lists"
  plan         = "business-4"
}
resource "flink_application" "app" {
  count        = 6
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "app-\${count.index}"
}
`;

test("a plan lists the service's applications once and still shows a rename and a deletion made outside terraform", async () => {
  const wd = acc.workdir("list-reads", CONFIG);
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const apps = (await acc.api<{ applications: { id: string; name: string }[] }>("GET", APPS)).body
    .applications;
  const byName = new Map(apps.map((a) => [a.name, a.id]));
  await acc.api("PUT", `${APPS}/${byName.get("app-1")}`, { name: "renamed-outside" });
  await acc.api("DELETE", `${APPS}/${byName.get("app-3")}`);
  requests.length = 0;

  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);

  const out = plan.stdout + plan.stderr;
  expect(plan.code).toBe(0);
  expect(out).toMatch(
    /flink_application\.app\[1\] will be updated in-place[\s\S]*~ name\s+= "renamed-outside" -> "app-1"/,
  );
  expect(out).toContain("flink_application.app[3] will be created");
  expect(out).toContain("Plan: 1 to add, 1 to change, 0 to destroy.");
  // The control plane logs paths under its /v1 prefix.
  const gets = requests.filter((r) => r.method === "GET" && r.path.startsWith(`/v1${APPS}`));
  expect(gets.filter((r) => r.path === `/v1${APPS}`).length).toBeGreaterThanOrEqual(1);
  // Only the deleted application's own GET: the list answered the five others.
  expect(gets.filter((r) => r.path !== `/v1${APPS}`).map((r) => r.path)).toEqual([
    `/v1${APPS}/${byName.get("app-3")}`,
  ]);
}, 120_000);
