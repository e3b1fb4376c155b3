/**
 * What Flink itself rejects, through the real terraform: SQL that only Flink's planner can judge is
 * refused at `terraform plan` with Flink's message at the version's attribute, and a job that fails
 * at run time is restarted as the service's restart strategy says, then fails the apply with
 * Flink's root cause. Assertions read terraform's output and Flink's REST API.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { describeWithFlink, failureHistory, flinkGet, type Json, restUrlOf, waitFor } from "./flink-env";

jest.setTimeout(300_000);

const SOURCE = `CREATE TABLE clicks (user_id INT, url STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '5', 'fields.user_id.min' = '1', 'fields.user_id.max' = '3')`;
const SINK = `CREATE TABLE out_rows (user_id INT, score INT) WITH ('connector' = 'blackhole')`;

function config(name: string, statement: string, withDeployment: boolean): string {
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = {
    number_of_task_slots = 2
    restart_strategy     = { type = "fixed-delay", max_failures = 2, delay_sec = 1 }
  }
}

resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "scores"
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  source { create_table = "${SOURCE.replace(/"/g, '\\"')}" }
  sink { create_table = "${SINK.replace(/"/g, '\\"')}" }
  statement = <<-SQL
    ${statement}
  SQL
}
${
  withDeployment
    ? `
resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
}`
    : ""
}
`;
}

describeWithFlink("flink engine + terraform: what Flink rejects", () => {
  const name = "tf-checks";
  let acc: AcceptanceEnv;
  let wd: string;

  beforeAll(async () => {
    acc = await startAcceptanceEnv({ engine: { kind: "flink" } });
    wd = acc.workdir(
      name,
      config(name, "INSERT INTO out_rows SELECT user_id, user_id * 2 FROM clicks", false),
    );
    await acc.tf(wd, ["init", "-input=false"]);
    await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  });
  afterAll(async () => {
    await acc?.close();
  });

  test.each([
    {
      mistake: "a misspelled column",
      statement: "INSERT INTO out_rows SELECT usr_id, 1 FROM clicks",
      flink: /Column 'usr_id' not found in any table/,
    },
    {
      mistake: "an unknown function",
      statement: "INSERT INTO out_rows SELECT user_id, SCORE_OF(url) FROM clicks",
      flink: /No match found for function signature SCORE_OF\(<CHARACTER>\)/,
    },
    {
      mistake: "a type mismatch",
      statement: "INSERT INTO out_rows SELECT user_id, url FROM clicks",
      flink: /Incompatible types for sink column 'score' at position 1/,
    },
  ])(
    "$mistake is rejected at terraform plan with Flink's message at the statement",
    async ({ statement, flink }) => {
      acc.writeConfig(wd, config(name, statement, false));
      const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
      expect(plan.code).toBe(1);
      expect(plan.stderr).toContain("Flink SQL Rejected By The Service");
      expect(plan.stderr).toMatch(flink);
      expect(plan.stderr).toMatch(
        /on main\.tf line \d+, in resource "flink_application_version" "v":\n\s+\d+:\s+statement = <<-SQL/,
      );
    },
  );

  test("a job that fails at run time restarts as fixed-delay says, then the apply fails with Flink's root cause", async () => {
    // Division by a column that is always zero: valid SQL that fails on the first row.
    acc.writeConfig(
      wd,
      config(name, "INSERT INTO out_rows SELECT user_id, 10 / (user_id - user_id) FROM clicks", true),
    );
    const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-no-color", "-input=false"]);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/\/ by zero/);
    expect(apply.stderr).toMatch(/FixedDelayRestartBackoffTimeStrategy\(maxNumberRestartAttempts=2/);

    // Flink's own record: the first failure and two restarts that failed again.
    const svc: Json = (await acc.api<Json>("GET", `/project/local/service/${name}`)).body.service;
    const rest = restUrlOf(svc);
    const jobs = (await flinkGet(rest, "/jobs/overview")).jobs as Json[];
    const failed = jobs.filter((j) => j.state === "FAILED");
    expect(failed).toHaveLength(1);
    const history = await failureHistory(rest, failed[0].jid);
    expect(history).toHaveLength(3);
    expect(history.every((e) => /ArithmeticException: \/ by zero/.test(e.stacktrace))).toBe(true);
  });

  test("restart_enabled = false: the same failing job is not restarted at all", async () => {
    const base = `/project/local/service/${name}/flink/application`;
    const app = (await acc.api<Json>("POST", base, { name: "no-restarts" })).body;
    const version = (
      await acc.api<Json>("POST", `${base}/${app.id}/version`, {
        statement: "INSERT INTO out_rows SELECT user_id, 10 / (user_id - user_id) FROM clicks",
        sources: [{ create_table: SOURCE }],
        sinks: [{ create_table: SINK }],
      })
    ).body;
    const created = (
      await acc.api<Json>("POST", `${base}/${app.id}/deployment`, {
        version_id: version.id,
        restart_enabled: false,
      })
    ).body;
    const d = await waitFor(
      "the deployment FAILED",
      async () => (await acc.api<Json>("GET", `${base}/${app.id}/deployment/${created.id}`)).body,
      (x) => x.status === "FAILED" || x.status === "RUNNING",
      120_000,
    );
    expect(d.status).toBe("FAILED");
    expect(d.error_msg).toMatch(/NoRestartBackoffTimeStrategy/);
    const rest = restUrlOf((await acc.api<Json>("GET", `/project/local/service/${name}`)).body.service);
    const history = await failureHistory(rest, d.job_id);
    expect(history).toHaveLength(1);
  });
});
