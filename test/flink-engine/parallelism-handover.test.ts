/**
 * Parallelism changes through a savepoint (the default upgrade mode), with the real terraform on the
 * flink engine: between parallelisms above 1 the new job restores the savepoint and every user's
 * running count goes on; to parallelism 1 the filesystem sink's committer (always at parallelism 1)
 * chains differently, Flink SQL's operator ids change with it, and Flink refuses the restore — which
 * the plan says beforehand, and the apply rolls back.
 */
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { describeWithFlink, flinkGet, flinkJob, type Json, restUrlOf, waitFor } from "./flink-env";
import { countsIn, runningCountsVersion, samePath, totalCounts } from "./running-counts";

jest.setTimeout(300_000);

function pipeline(name: string, out: string, parallelism: number): string {
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
${runningCountsVersion(out)}
}
resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  parallelism    = ${parallelism}
}
`;
}

describeWithFlink("flink engine + terraform: parallelism changes through a savepoint", () => {
  const name = "tf-parallelism";
  let acc: AcceptanceEnv;
  let wd: string;
  let out: string;

  const deployment = async (): Promise<Json> => {
    const show = JSON.parse(await acc.tf(wd, ["show", "-json"]));
    return show.values.root_module.resources.find((r: Json) => r.address === "flink_application_deployment.d")
      .values;
  };
  const restUrl = async () =>
    restUrlOf((await acc.api<Json>("GET", `/project/local/service/${name}`)).body.service);
  const jobParallelism = (job: Json) => Math.max(...(job.vertices as Json[]).map((v) => v.parallelism));

  beforeAll(async () => {
    acc = await startAcceptanceEnv({ engine: { kind: "flink" } });
    out = path.join(acc.dir, "counts");
    wd = acc.workdir(name, pipeline(name, out, 2));
    await acc.tf(wd, ["init", "-input=false"]);
  });
  afterAll(async () => {
    await acc?.close();
  });

  test("2 → 3: the new job runs at parallelism 3 from the savepoint and the counts go on", async () => {
    await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
    await waitFor(
      "committed rows",
      async () => totalCounts(countsIn(out)),
      (n) => n > 20,
      60_000,
    );
    acc.writeConfig(wd, pipeline(name, out, 3));
    const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
    expect(plan.stdout + plan.stderr).not.toContain("Parallelism Change Flink Cannot Restore");
    const handover = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
    expect({ code: handover.code, stderr: handover.stderr }).toEqual({ code: 0, stderr: "" });
    const d = await deployment();
    const rest = await restUrl();
    const job = await flinkJob(rest, d.job_id);
    expect(job.state).toBe("RUNNING");
    expect(jobParallelism(job)).toBe(3);
    const restored = (await flinkGet(rest, `/jobs/${d.job_id}/checkpoints`)).latest.restored;
    expect(samePath(restored.external_path, d.starting_savepoint_used)).toBe(true);
    const seen = totalCounts(countsIn(out));
    await waitFor(
      "more rows",
      async () => totalCounts(countsIn(out)),
      (n) => n > seen + 20,
      60_000,
    );
    for (const [user, list] of countsIn(out))
      expect({ user, list }).toEqual({ user, list: list.map((_, i) => i + 1) });
  });

  test("3 → 1 changes the filesystem committer's chaining: the plan warns, Flink refuses the restore, the job runs on at 3", async () => {
    const before = await deployment();
    acc.writeConfig(wd, pipeline(name, out, 1));
    const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
    const warned = (plan.stdout + plan.stderr).replace(/\s+/g, " ");
    expect(warned).toContain("Parallelism Change Flink Cannot Restore");
    expect(warned).toContain("the committer of filesystem sink user_counts, which runs at parallelism 1");

    const refused = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
    expect(refused.code).toBe(1);
    const diagnostic = refused.stderr.replace(/\s+/g, " ");
    expect(diagnostic).toContain("Cannot map checkpoint/savepoint state for operator");
    expect(diagnostic).toContain(`Rolled back to version ${String(before.version_id)}`);
    const after = await deployment();
    const job = await flinkJob(await restUrl(), after.job_id);
    expect(job.state).toBe("RUNNING");
    expect(jobParallelism(job)).toBe(3);
  });
});
