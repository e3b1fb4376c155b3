/**
 * `upgrade_mode = "last-state"` and `allow_non_restored_state` (issue 11) with the real terraform on
 * the flink engine: a handover cancels the Flink job (no savepoint) and the new job restores its
 * latest retained checkpoint, its counts going on; a version that drops the stateful operator fails
 * with Flink's message and rolls back, unless allow_non_restored_state lets Flink skip that state.
 * Assertions read Flink's REST API and the rows the jobs wrote.
 */
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { describeWithFlink, flinkGet, flinkJob, type Json, restUrlOf, waitFor } from "./flink-env";
import { countsIn, samePath, totalCounts as total } from "./running-counts";

jest.setTimeout(300_000);

interface Options {
  /** Its change hands the job over without touching the job graph (a parallelism change can). */
  restartEnabled?: boolean;
  /** The new version drops the OVER aggregation (the job's only keyed state). */
  dropCount?: boolean;
  allowNonRestored?: boolean;
}

const COUNTING = `INSERT INTO user_counts
    SELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY pt ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
    FROM clicks`;
const NOT_COUNTING = "INSERT INTO user_counts SELECT user_id, CAST(0 AS BIGINT) AS n FROM clicks";

/** datagen clicks → a running count per user (keyed state) → CSV files, checkpointed every second. */
function pipeline(name: string, out: string, o: Options = {}): string {
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = {
    number_of_task_slots                = 4
    execution_checkpointing_interval_ms = 1000
  }
}

resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "running-counts"
}

resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id

  source {
    create_table = <<-SQL
      CREATE TABLE clicks (
        user_id INT,
        pt AS PROCTIME()
      ) WITH (
        'connector' = 'datagen',
        'rows-per-second' = '20',
        'fields.user_id.min' = '1',
        'fields.user_id.max' = '4'
      )
    SQL
  }

  sink {
    create_table = <<-SQL
      CREATE TABLE user_counts (
        user_id INT,
        n BIGINT
      ) WITH (
        'connector' = 'filesystem',
        'path' = 'file://${path.join(out, "counts")}',
        'format' = 'csv'
      )
    SQL
  }

  statement = <<-SQL
    ${o.dropCount ? NOT_COUNTING : COUNTING}
  SQL

  lifecycle {
    create_before_destroy = true
  }
}

resource "flink_application_deployment" "d" {
  project                  = flink_application.app.project
  service_name             = flink_application.app.service_name
  application_id           = flink_application.app.application_id
  version_id               = flink_application_version.v.application_version_id
  restart_enabled          = ${o.restartEnabled ?? true}
  upgrade_mode             = "last-state"
  allow_non_restored_state = ${o.allowNonRestored ?? false}
}
`;
}

describeWithFlink("flink engine + terraform: last-state handover and allow_non_restored_state", () => {
  const name = "tf-last-state";
  let acc: AcceptanceEnv;
  let wd: string;
  let out: string;

  const stateOf = async (): Promise<Json> => {
    const show = JSON.parse(await acc.tf(wd, ["show", "-json"]));
    return show.values.root_module.resources.find((r: Json) => r.address === "flink_application_deployment.d")
      .values;
  };
  const restUrl = async () =>
    restUrlOf((await acc.api<Json>("GET", `/project/local/service/${name}`)).body.service);
  const apply = (o: Options) => {
    acc.writeConfig(wd, pipeline(name, out, o));
    return acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  };
  const planIsEmpty = async () =>
    (await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"])).code === 0;
  const counts = () => countsIn(path.join(out, "counts"));
  /** What the job restored from, as Flink reports it. */
  const restoredFrom = async (jobId: string) =>
    (await flinkGet(await restUrl(), `/jobs/${jobId}/checkpoints`)).latest.restored;

  beforeAll(async () => {
    acc = await startAcceptanceEnv({ engine: { kind: "flink" } });
    out = path.join(acc.dir, "out");
    wd = acc.workdir(name, pipeline(name, out));
    await acc.tf(wd, ["init", "-input=false"]);
  });
  afterAll(async () => {
    await acc?.close();
  });

  test("last-state: the job is cancelled without a savepoint and the new one restores its last checkpoint", async () => {
    expect((await apply({})).code).toBe(0);
    const before = await stateOf();
    await waitFor(
      "committed rows",
      async () => total(counts()),
      (n) => n > 20,
      60_000,
    );
    acc.writeConfig(wd, pipeline(name, out, { restartEnabled: false }));
    const change = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
    expect(change.stdout + change.stderr).toContain("Stateful Upgrade From Last Checkpoint");
    expect(change.stdout + change.stderr).not.toContain("Falls Back To Savepoint");

    const seen = total(counts());
    const handover = await apply({ restartEnabled: false });
    expect(handover.stderr).toBe("");
    const after = await stateOf();
    expect(after).toMatchObject({ status: "RUNNING", restart_enabled: false });
    expect(after.starting_savepoint_used).toMatch(new RegExp(`/${before.job_id}/chk-\\d+$`));
    const rest = await restUrl();
    // The old job was cancelled, and took no savepoint on the way.
    expect((await flinkJob(rest, before.job_id)).state).toBe("CANCELED");
    expect((await flinkGet(rest, `/jobs/${before.job_id}/checkpoints`)).latest.savepoint).toBeNull();
    expect((await flinkJob(rest, after.job_id)).state).toBe("RUNNING");
    // Flink reports the restore of a retained checkpoint (in NO_CLAIM mode) with is_savepoint = true:
    // the path says what it was.
    const restored = await restoredFrom(after.job_id);
    expect(restored.external_path).toMatch(new RegExp(`/${before.job_id}/chk-\\d+$`));
    expect(samePath(restored.external_path, after.starting_savepoint_used)).toBe(true);
    await waitFor(
      "more rows",
      async () => total(counts()),
      (n) => n > seen + 20,
      60_000,
    );
    // Every user's count goes on from where it was: 1, 2, 3, ... with no restart at 1 and no gap.
    for (const [user, list] of counts())
      expect({ user, list }).toEqual({ user, list: list.map((_, i) => i + 1) });
    expect(await planIsEmpty()).toBe(true);
  });

  test("a version without the count fails with Flink's message and rolls back; allowed, it runs", async () => {
    const before = await stateOf();
    const failed = await apply({ restartEnabled: false, dropCount: true });
    expect(failed.code).toBe(1);
    const diagnostic = failed.stderr.replace(/\s+/g, " "); // terraform wraps long lines
    expect(diagnostic).toContain("Cannot map checkpoint/savepoint state for operator");
    expect(diagnostic).toContain(`Rolled back to version ${before.version_id}`);
    const rest = await restUrl();
    const rolledBack = await stateOf();
    expect(rolledBack.version_id).toBe(before.version_id);
    expect((await flinkJob(rest, rolledBack.job_id)).state).toBe("RUNNING");
    expect(
      samePath((await restoredFrom(rolledBack.job_id)).external_path, rolledBack.starting_savepoint_used),
    ).toBe(true);
    // The job that could not restore is in Flink, FAILED with that message.
    const jobs = (await flinkGet(rest, "/jobs/overview")).jobs as Json[];
    const refused = jobs.filter((j) => j.state === "FAILED" && /version 2/.test(j.name));
    expect(refused).toHaveLength(1);
    const why = (await flinkGet(rest, `/jobs/${refused[0].jid}/exceptions`))["root-exception"];
    expect(why).toContain("Cannot map checkpoint/savepoint state for operator");

    const allowed = await apply({ restartEnabled: false, dropCount: true, allowNonRestored: true });
    expect(allowed.stderr).toBe("");
    const after = await stateOf();
    expect(after.status).toBe("RUNNING");
    expect(after.version_id).not.toBe(before.version_id);
    expect((await flinkJob(rest, after.job_id)).state).toBe("RUNNING");
    expect(samePath((await restoredFrom(after.job_id)).external_path, after.starting_savepoint_used)).toBe(
      true,
    );
    // The new version writes 0 for every click: it runs, without the dropped count's state.
    await waitFor(
      "rows of the new version",
      async () => [...counts().values()].flat().filter((n) => n === 0).length,
      (n) => n > 5,
      60_000,
    );
    expect(await planIsEmpty()).toBe(true);
    await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  });
});
