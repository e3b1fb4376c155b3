/**
 * A flaky API costs nothing, with the real terraform and the real control plane: the control plane
 * is stopped for 40 seconds right after it received a service create and started again on the same
 * port and data (SQLite keeps everything), and the apply still ends with the same service, nothing
 * tainted or replaced. Teardown calls that fail are retried; one that keeps failing fails destroy
 * at once with the cause instead of polling into the 20-minute delete timeout.
 *
 * Fault windows are driven by what the control plane logs (the request that opens the window was
 * answered), never by sleeping "long enough".
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";

interface LogLine {
  method: string;
  path: string;
  status: number;
}

let acc: AcceptanceEnv;
const requests: LogLine[] = [];
let onRequest: ((line: LogLine) => void) | undefined;

beforeAll(async () => {
  acc = await startAcceptanceEnv({
    // Realistic time: the service build (60 s) outlasts the outage, so the apply is still waiting
    // for RUNNING when the API comes back.
    timeScale: 1,
    log: (text) => {
      const line = JSON.parse(text) as Partial<LogLine>;
      if (typeof line.method !== "string" || typeof line.path !== "string") return;
      const entry = { method: line.method, path: line.path, status: line.status ?? 0 };
      requests.push(entry);
      onRequest?.(entry);
    },
  });
}, 60_000);
afterEach(() => {
  onRequest = undefined;
  acc?.cp.setFaults({});
});
afterAll(() => acc?.close());

const CRASH = /plugin crashed|panic|This is a bug in the provider|Plugin did not respond/i;
const flat = (text: string) => text.replace(/\s+/g, " ");
const count = (method: string, pattern: RegExp) =>
  requests.filter((r) => r.method === method && pattern.test(r.path)).length;

const OUTAGE_MS = 40_000;

test("a 40-second API outage during a service create ends in a successful apply with the same service", async () => {
  const wd = acc.workdir(
    "outage",
    `
resource "flink_service" "s" {
  project      = "local"
  service_name = "flink-outage"
  plan         = "business-4"
}
`,
  );
  await acc.tf(wd, ["init", "-input=false"]);

  // The outage begins once the control plane has answered the create, and lasts 40 s.
  let outage: { began: number; ended: number } | undefined;
  const outageOver = new Promise<void>((resolve, reject) => {
    onRequest = (line) => {
      if (line.method !== "POST" || line.path !== "/v1/project/local/service" || outage) return;
      outage = { began: Date.now(), ended: 0 };
      setImmediate(async () => {
        try {
          await acc.stopControlPlane();
          await new Promise((r) => setTimeout(r, OUTAGE_MS));
          await acc.startControlPlane();
          outage!.ended = Date.now();
          resolve();
        } catch (err) {
          reject(err);
        }
      });
    };
  });

  const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"], {
    env: { TF_LOG_PROVIDER: "INFO" },
  });
  await outageOver;
  // Diagnostics start a line with "Error: " (log lines at INFO start with a timestamp).
  const diagnostics = apply.stderr.split("\n").filter((l) => /^(Error|Warning): /.test(l));
  expect({ code: apply.code, diagnostics }).toEqual({ code: 0, diagnostics: [] });
  expect(apply.stdout).toContain("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
  expect(outage!.ended - outage!.began).toBeGreaterThanOrEqual(OUTAGE_MS);
  // The provider said why it kept waiting.
  expect(apply.stderr).toMatch(
    /flink_service local\/flink-outage: the API is not answering \(cannot connect/,
  );
  expect(apply.stderr).not.toContain(acc.cp.token);

  // One service, made once, and nothing to replace: not tainted, no changes.
  expect(count("POST", /^\/v1\/project\/local\/service$/)).toBe(1);
  const services = await acc.api<{ services: { service_name: string; state: string }[] }>(
    "GET",
    "/project/local/service",
  );
  expect(services.body.services.map((s) => [s.service_name, s.state])).toEqual([["flink-outage", "RUNNING"]]);
  const state = await acc.tf(wd, ["state", "show", "-no-color", "flink_service.s"]);
  expect(state).not.toContain("tainted");
  expect(state).toMatch(/state\s+= "RUNNING"/);
  const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
  expect(plan.stdout).toContain("No changes.");
  expect(plan.code).toBe(0);

  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

/** A service, an application with one version, and a running deployment of it. */
const PIPELINE = (name: string) => `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  timeouts     = { create = "5m" }
}
resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "app"
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
  statement = "INSERT INTO out_table SELECT n FROM src"
}
resource "flink_application_deployment" "d" {
  project        = flink_application_version.v.project
  service_name   = flink_application_version.v.service_name
  application_id = flink_application_version.v.application_id
  version_id     = flink_application_version.v.application_version_id
  parallelism    = 1
}
`;

const CANCEL = /^\/v1\/project\/local\/service\/[^/]+\/flink\/application\/[^/]+\/deployment\/[^/]+\/cancel$/;

describe("teardown", () => {
  let acc2: AcceptanceEnv;
  beforeAll(async () => {
    // Fast time for these: only the cancel's answers matter.
    acc2 = await startAcceptanceEnv({
      log: (text) => {
        const line = JSON.parse(text) as Partial<LogLine>;
        if (typeof line.method !== "string" || typeof line.path !== "string") return;
        const entry = { method: line.method, path: line.path, status: line.status ?? 0 };
        requests.push(entry);
        onRequest?.(entry);
      },
    });
  }, 60_000);
  afterEach(() => acc2?.cp.setFaults({}));
  afterAll(() => acc2?.close());

  async function applied(name: string, providerBody = ""): Promise<string> {
    const wd = acc2.workdir(name, PIPELINE(name), providerBody);
    await acc2.tf(wd, ["init", "-input=false"]);
    await acc2.tf(wd, ["apply", "-auto-approve", "-input=false"]);
    return wd;
  }

  test("destroy with a cancel that fails once retries it and succeeds", async () => {
    const wd = await applied("flink-cancel-once");
    requests.length = 0;
    acc2.cp.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: "/cancel$" });
    // Cleared as soon as the first cancel has been answered 500: the next one goes through.
    onRequest = (line) => {
      if (CANCEL.test(line.path) && line.status === 500) acc2.cp.setFaults({});
    };
    const destroy = await acc2.terraform(wd, ["destroy", "-auto-approve", "-input=false", "-no-color"]);
    expect(destroy.stderr).toBe("");
    expect(destroy.stdout).toContain("Destroy complete! Resources: 4 destroyed.");
    expect(requests.filter((r) => r.method === "POST" && CANCEL.test(r.path)).map((r) => r.status)).toEqual([
      500, 200,
    ]);
    const services = await acc2.api<{ services: unknown[] }>("GET", "/project/local/service");
    expect(services.body.services).toEqual([]);
  }, 180_000);

  test("destroy with a cancel that always fails fails within a minute, naming the cause", async () => {
    const wd = await applied("flink-cancel-never", "max_retries = 3");
    requests.length = 0;
    acc2.cp.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: "/cancel$" });
    const started = Date.now();
    const destroy = await acc2.terraform(wd, ["destroy", "-auto-approve", "-input=false", "-no-color"]);
    const tookMs = Date.now() - started;
    expect(destroy.code).toBe(1);
    expect(tookMs).toBeLessThan(60_000);
    const text = flat(destroy.stderr);
    expect(text).toContain("Error: Deleting flink_application_deployment Failed");
    expect(text).toMatch(
      /was not destroyed: cancelling it failed: \[500 POST \/project\/\{project\}\/service\/\{service_name\}\/flink\/application\/\{application_id\}\/deployment\/\{deployment_id\}\/cancel\]: Service unavailable \(injected fault 500\)/,
    );
    expect(destroy.stderr).not.toMatch(CRASH);
    // Retried with the client's policy: the first attempt and max_retries = 3.
    expect(requests.filter((r) => r.method === "POST" && CANCEL.test(r.path)).map((r) => r.status)).toEqual([
      500, 500, 500, 500,
    ]);
    // Nothing was lost: the deployment still runs and is still in state, so a second destroy works.
    expect(await acc2.tf(wd, ["state", "list"])).toContain("flink_application_deployment.d");
    acc2.cp.setFaults({});
    const again = await acc2.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
    expect(again).toContain("Destroy complete!");
  }, 180_000);
});
