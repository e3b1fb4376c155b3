/**
 * Periodic savepoints (`savepoint_interval`, `savepoint_history_max`) with the real terraform
 * against the local control plane on the simulated engine. The scheduler's clock is moved through
 * the admin API (`POST /admin/savepoint-schedules/advance`), so an hour of schedule takes no time.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

type Json = Record<string, unknown>;

/** A datagen → blackhole pipeline; `deployment` holds extra lines of the deployment block. */
const config = (name: string, deployment = "", select = "n") => `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
}
resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "counts"
}
resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  source {
    create_table = "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')"
  }
  sink {
    create_table = "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "INSERT INTO out_table SELECT ${select} FROM src"
}
resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
${deployment}
}
`;

async function stateOf(wd: string): Promise<Record<string, string | number | null>> {
  const show = JSON.parse(await acc.tf(wd, ["show", "-json"])) as {
    values: { root_module: { resources: { address: string; values: Record<string, string | null> }[] } };
  };
  const found = show.values.root_module.resources.find((r) => r.address === "flink_application_deployment.d");
  if (!found) throw new Error("flink_application_deployment.d is not in the state");
  return found.values;
}

async function plan(wd: string) {
  const result = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  return { code: result.code, text: result.stdout + result.stderr, stdout: result.stdout };
}

const apply = (wd: string) => acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);

const scheduleOf = async (service: string, applicationId: unknown) =>
  acc.api<Json & { savepoints: { path: string }[] }>(
    "GET",
    `/project/local/service/${service}/flink/application/${String(applicationId)}/savepoint-schedule`,
  );

/** One interval on the scheduler's clock; returns once the savepoint it triggered is taken. */
async function oneInterval(service: string, state: Record<string, unknown>, by: string): Promise<string> {
  const runs = (await acc.admin<{ runs: Json[] }>("POST", "/savepoint-schedules/advance", { by })).body.runs;
  expect(runs).toEqual([
    expect.objectContaining({ deployment_id: state.deployment_id, outcome: "triggered" }),
  ]);
  const url = `/project/local/service/${service}/flink/application/${String(state.application_id)}/deployment/${String(state.deployment_id)}`;
  for (;;) {
    const d = (await acc.api<Json>("GET", url)).body;
    if (d.status === "RUNNING") return String(d.last_savepoint);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a savepoint every savepoint_interval: last_savepoint advances on refresh with an empty plan, the newest savepoint_history_max are kept", async () => {
  const name = "ps-periodic";
  const wd = acc.workdir(name, config(name, '  savepoint_interval = "1h"\n  savepoint_history_max = 2'));
  await acc.tf(wd, ["init", "-input=false"]);
  await apply(wd);
  const created = await stateOf(wd);
  expect(created).toMatchObject({ savepoint_interval: "1h", savepoint_history_max: 2, status: "RUNNING" });
  expect(created.last_savepoint).toBeNull();
  expect((await scheduleOf(name, created.application_id)).body).toMatchObject({
    interval: "1h",
    history_max: 2,
  });
  expect((await plan(wd)).code).toBe(0);

  const taken: string[] = [];
  for (let i = 0; i < 3; i++) {
    taken.push(await oneInterval(name, created, "1h"));
    // Taken outside any apply: the plan is empty, and a refresh brings the new path into state.
    expect((await plan(wd)).code).toBe(0);
    await acc.tf(wd, ["apply", "-refresh-only", "-auto-approve", "-input=false"]);
    expect(await stateOf(wd)).toMatchObject({
      last_savepoint: taken[i],
      job_id: created.job_id,
      deployment_id: created.deployment_id,
    });
  }
  expect(new Set(taken).size).toBe(3);
  expect((await scheduleOf(name, created.application_id)).body.savepoints.map((s) => s.path)).toEqual(
    taken.slice(1),
  );

  // Changing the settings updates the schedule in place; the job is not touched.
  acc.writeConfig(wd, config(name, '  savepoint_interval = "30m"\n  savepoint_history_max = 1'));
  const change = await plan(wd);
  expect(change.code).toBe(2);
  expect(change.stdout).toContain("# flink_application_deployment.d will be updated in-place");
  expect(change.stdout).toMatch(/~ savepoint_interval\s+= "1h" -> "30m"/);
  expect(change.stdout).toMatch(/~ savepoint_history_max\s+= 2 -> 1/);
  await apply(wd);
  const schedule = (await scheduleOf(name, created.application_id)).body;
  expect(schedule).toMatchObject({ interval: "30m", history_max: 1 });
  expect(schedule.savepoints.map((s) => s.path)).toEqual([taken[2]]);
  expect(await stateOf(wd)).toMatchObject({ job_id: created.job_id, status: "RUNNING" });
  expect((await plan(wd)).code).toBe(0);

  // A version change hands the job over to a new deployment: the schedule carries over to it.
  acc.writeConfig(wd, config(name, '  savepoint_interval = "30m"\n  savepoint_history_max = 1', "n + 1"));
  await apply(wd);
  const upgraded = await stateOf(wd);
  expect(upgraded.deployment_id).not.toBe(created.deployment_id);
  const afterUpgrade = await oneInterval(name, upgraded, "30m");
  expect((await scheduleOf(name, created.application_id)).body.savepoints.map((s) => s.path)).toEqual([
    afterUpgrade,
  ]);
  expect((await plan(wd)).code).toBe(0);

  // Unset: the schedule is gone and nothing more is taken.
  acc.writeConfig(wd, config(name, "", "n + 1"));
  await apply(wd);
  expect((await scheduleOf(name, created.application_id)).status).toBe(404);
  expect(
    (await acc.admin<{ runs: Json[] }>("POST", "/savepoint-schedules/advance", { by: "2h" })).body.runs,
  ).toEqual([]);
  expect((await plan(wd)).code).toBe(0);
}, 180_000);

test.each([
  ['savepoint_interval = "30s"', /between `1m` and `168h`/],
  ['savepoint_interval = "weekly"', /savepoint_interval must be a duration such as/],
  ["savepoint_history_max = 0", /savepoint_history_max.*between 1 and 100/s],
])(
  "plan-time error at the attribute: %s",
  async (line, message) => {
    const name = "ps-invalid";
    const wd = acc.workdir(`${name}-${line.replace(/\W+/g, "-")}`, config(name, `  ${line}`));
    await acc.tf(wd, ["init", "-input=false"]);
    const result = await plan(wd);
    expect(result.code).toBe(1);
    expect(result.text).toContain("Error: Invalid Attribute Value");
    expect(result.text).toContain(line);
    expect(result.text).toMatch(message);
  },
  60_000,
);

test("an API without periodic savepoints: the apply fails with a clear error before the deployment exists", async () => {
  // The local control plane minus its savepoint-schedule extension, as the hosted API answers.
  const upstream = new URL(acc.cp.url);
  const proxy = http.createServer((req, res) => {
    if (req.url?.endsWith("/savepoint-schedule")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Not Found", errors: [{ message: "Not Found", status: 404 }] }));
      return;
    }
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  try {
    const name = "ps-hosted";
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/v1`;
    const wd = acc.workdir(name, config(name, '  savepoint_interval = "1h"'), `api_url = "${url}"`);
    await acc.tf(wd, ["init", "-input=false"]);
    const result = await acc.terraform(wd, ["apply", "-auto-approve", "-no-color", "-input=false"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("this API has no periodic savepoints");
    expect(result.stderr).toContain("remove savepoint_interval to use this API");
    const show = await acc.tf(wd, ["state", "list"]);
    expect(show).not.toContain("flink_application_deployment.d");
  } finally {
    proxy.closeAllConnections();
    await new Promise((r) => proxy.close(r));
  }
}, 120_000);
