/**
 * The plan-time state compatibility rule (issue 11, point 4) against real Flink, with the real
 * terraform: a version whose GROUP BY keys differ, which the plan flags naming the aggregation,
 * indeed cannot restore the running job's savepoint (the new job FAILS in Flink and the apply rolls
 * back); a version the plan does not flag (another filter) restores it and runs. Assertions read
 * Flink's REST API.
 */
import { describeWithFlink, flinkGet, flinkJob, type Json, samePath } from "./flink-env";
import { terraformOnFlink } from "./terraform-on-flink";

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
    const tf = terraformOnFlink(name, () => pipeline(name, STATEMENTS.base));

    const plan = async (statement: string) => {
      const r = await tf.plan(pipeline(name, statement));
      return `${r.stdout}\n${r.stderr}`.replace(/\s+/g, " ");
    };

    beforeAll(async () => {
      expect((await tf.apply()).code).toBe(0);
    });

    test("other GROUP BY keys: flagged at plan, and Flink cannot restore the savepoint", async () => {
      const before = await tf.stateOf();
      const flagged = await plan(STATEMENTS.rekeyed);
      expect(flagged).toContain(SUMMARY);
      expect(flagged).toContain("the GROUP BY aggregation over user_id: keys changed to grp, user_id");

      const failed = await tf.apply();
      expect(failed.code).toBe(1);
      expect(failed.stderr.replace(/\s+/g, " ")).toContain(`Rolled back to version ${before.version_id}`);
      const rest = await tf.restUrl();
      // The job of the new version is in Flink, FAILED while restoring the aggregation's state.
      const jobs = (await flinkGet(rest, "/jobs/overview")).jobs as Json[];
      const refused = jobs.filter((j) => j.state === "FAILED");
      expect(refused).toHaveLength(1);
      const why = String((await flinkGet(rest, `/jobs/${refused[0].jid}/exceptions`))["root-exception"]);
      // The aggregation keeps its place in the job graph, so Flink hands it the old state, and its
      // key serializer refuses it.
      expect(why).toContain("Could not restore keyed state backend");
      expect(why).toContain("StateMigrationException: The new key serializer");
      const rolledBack = await tf.stateOf();
      expect(rolledBack.version_id).toBe(before.version_id);
      expect((await flinkJob(rest, rolledBack.job_id)).state).toBe("RUNNING");

      // As the warning says, allow_non_restored_state does not help: the state is claimed, not left over.
      expect(
        (await tf.apply(pipeline(name, STATEMENTS.rekeyed, "  allow_non_restored_state = true"))).code,
      ).toBe(1);
      const failures = ((await flinkGet(rest, "/jobs/overview")).jobs as Json[]).filter(
        (j) => j.state === "FAILED",
      );
      expect(failures).toHaveLength(2);
      for (const job of failures)
        expect(String((await flinkGet(rest, `/jobs/${job.jid}/exceptions`))["root-exception"])).toContain(
          "StateMigrationException: The new key serializer",
        );
      expect((await tf.stateOf()).version_id).toBe(before.version_id);
    });

    test("another filter: not flagged, and the new job restores the savepoint and runs", async () => {
      const before = await tf.stateOf();
      expect(await plan(STATEMENTS.filtered)).not.toContain(SUMMARY);
      const applied = await tf.apply();
      expect(applied.code).toBe(0);
      const after = await tf.stateOf();
      expect(after.version_id).not.toBe(before.version_id);
      const rest = await tf.restUrl();
      expect((await flinkJob(rest, after.job_id)).state).toBe("RUNNING");
      const restored = (await flinkGet(rest, `/jobs/${after.job_id}/checkpoints`)).latest.restored;
      expect(restored.is_savepoint).toBe(true);
      expect(samePath(restored.external_path, String(after.starting_savepoint_used))).toBe(true);
      await tf.acc.tf(tf.wd, ["destroy", "-auto-approve", "-input=false"]);
    });
  },
);
