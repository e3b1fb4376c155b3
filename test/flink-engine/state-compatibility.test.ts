/**
 * The plan-time state compatibility rule (issue 11, point 4) against real Flink, with the real
 * terraform: a version whose GROUP BY keys differ, which the plan flags naming the aggregation,
 * indeed cannot restore the running job's savepoint (the new job FAILS in Flink and the apply rolls
 * back); a version the plan does not flag (another filter) restores it and runs. Assertions read
 * Flink's REST API.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { describeWithFlink, flinkGet, flinkJob, type Json, restUrlOf } from "./flink-env";

jest.setTimeout(300_000);

const SUMMARY = "State Not Compatible With The Running Job";
const STATEMENTS = {
  base: "INSERT INTO per_user SELECT user_id, COUNT(*) AS n FROM clicks WHERE grp <> 0 GROUP BY user_id",
  filtered: "INSERT INTO per_user SELECT user_id, COUNT(*) AS n FROM clicks WHERE grp <> 1 GROUP BY user_id",
  rekeyed:
    "INSERT INTO per_user SELECT user_id, COUNT(*) AS n FROM clicks WHERE grp <> 0 GROUP BY user_id, grp",
};

/** datagen clicks → a count per user (keyed state of a group aggregation) → blackhole. */
function pipeline(name: string, statement: string, deploymentExtra = ""): string {
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = { number_of_task_slots = 4 }
}

resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "per-user"
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  source {
    create_table = <<-SQL
      CREATE TABLE clicks (user_id INT, grp INT) WITH (
        'connector' = 'datagen', 'rows-per-second' = '20',
        'fields.user_id.min' = '1', 'fields.user_id.max' = '4',
        'fields.grp.min' = '0', 'fields.grp.max' = '3'
      )
    SQL
  }
  sink {
    create_table = "CREATE TABLE per_user (user_id INT, n BIGINT) WITH ('connector' = 'blackhole')"
  }
  statement = "${statement}"
  lifecycle {
    create_before_destroy = true
  }
}

resource "flink_application_deployment" "d" {
  project         = flink_application.app.project
  service_name    = flink_application.app.service_name
  application_id  = flink_application.app.application_id
  version_id      = flink_application_version.v.application_version_id
  restart_enabled = false
${deploymentExtra}
}
`;
}

describeWithFlink(
  "flink engine + terraform: a flagged state change fails to restore, an unflagged one restores",
  () => {
    const name = "tf-state-shape";
    let acc: AcceptanceEnv;
    let wd: string;

    const stateOf = async (): Promise<Json> => {
      const show = JSON.parse(await acc.tf(wd, ["show", "-json"]));
      return show.values.root_module.resources.find(
        (r: Json) => r.address === "flink_application_deployment.d",
      ).values;
    };
    const restUrl = async () =>
      restUrlOf((await acc.api<Json>("GET", `/project/local/service/${name}`)).body.service);
    const plan = async (statement: string) => {
      acc.writeConfig(wd, pipeline(name, statement));
      const r = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
      return `${r.stdout}\n${r.stderr}`.replace(/\s+/g, " ");
    };
    const apply = () => acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);

    beforeAll(async () => {
      acc = await startAcceptanceEnv({ engine: { kind: "flink" } });
      wd = acc.workdir(name, pipeline(name, STATEMENTS.base));
      await acc.tf(wd, ["init", "-input=false"]);
      expect((await apply()).code).toBe(0);
    });
    afterAll(async () => {
      await acc?.close();
    });

    test("other GROUP BY keys: flagged at plan, and Flink cannot restore the savepoint", async () => {
      const before = await stateOf();
      const flagged = await plan(STATEMENTS.rekeyed);
      expect(flagged).toContain(SUMMARY);
      expect(flagged).toContain("the GROUP BY aggregation over user_id: keys changed to grp, user_id");

      const failed = await apply();
      expect(failed.code).toBe(1);
      expect(failed.stderr.replace(/\s+/g, " ")).toContain(`Rolled back to version ${before.version_id}`);
      const rest = await restUrl();
      // The job of the new version is in Flink, FAILED while restoring the aggregation's state.
      const jobs = (await flinkGet(rest, "/jobs/overview")).jobs as Json[];
      const refused = jobs.filter((j) => j.state === "FAILED");
      expect(refused).toHaveLength(1);
      const why = String((await flinkGet(rest, `/jobs/${refused[0].jid}/exceptions`))["root-exception"]);
      // The aggregation keeps its place in the job graph, so Flink hands it the old state, and its
      // key serializer refuses it.
      expect(why).toContain("Could not restore keyed state backend");
      expect(why).toContain("StateMigrationException: The new key serializer");
      const rolledBack = await stateOf();
      expect(rolledBack.version_id).toBe(before.version_id);
      expect((await flinkJob(rest, rolledBack.job_id)).state).toBe("RUNNING");

      // As the warning says, allow_non_restored_state does not help: the state is claimed, not left over.
      acc.writeConfig(wd, pipeline(name, STATEMENTS.rekeyed, "  allow_non_restored_state = true"));
      expect((await apply()).code).toBe(1);
      const failures = ((await flinkGet(rest, "/jobs/overview")).jobs as Json[]).filter(
        (j) => j.state === "FAILED",
      );
      expect(failures).toHaveLength(2);
      for (const job of failures)
        expect(String((await flinkGet(rest, `/jobs/${job.jid}/exceptions`))["root-exception"])).toContain(
          "StateMigrationException: The new key serializer",
        );
      expect((await stateOf()).version_id).toBe(before.version_id);
    });

    test("another filter: not flagged, and the new job restores the savepoint and runs", async () => {
      const before = await stateOf();
      expect(await plan(STATEMENTS.filtered)).not.toContain(SUMMARY);
      const applied = await apply();
      expect(applied.code).toBe(0);
      const after = await stateOf();
      expect(after.version_id).not.toBe(before.version_id);
      const rest = await restUrl();
      expect((await flinkJob(rest, after.job_id)).state).toBe("RUNNING");
      const restored = (await flinkGet(rest, `/jobs/${after.job_id}/checkpoints`)).latest.restored;
      expect(restored.is_savepoint).toBe(true);
      expect(restored.external_path.replace(/^file:\/*/, "/")).toBe(
        String(after.starting_savepoint_used).replace(/^file:\/*/, "/"),
      );
      await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
    });
  },
);
