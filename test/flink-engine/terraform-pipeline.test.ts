/**
 * The real terraform against the control plane on the flink engine: a pipeline applies as a real
 * Flink job, a task slot change restarts the cluster and the job resumes, a stateful upgrade carries
 * the job's counts over and a stateless one starts them from zero, and destroy leaves nothing
 * running. Assertions read Flink's REST API and the rows the job wrote, not the control plane.
 */
import fs from "node:fs";
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { describeWithFlink, flinkGet, flinkJob, flinkPids, type Json, restUrlOf, waitFor } from "./flink-env";

jest.setTimeout(300_000);

interface PipelineOptions {
  slots: number;
  /** The sink's directory name under the test's output folder. */
  sinkDir: string;
  upgradeMode?: "savepoint" | "stateless";
}

/** datagen clicks → a running count per user (an OVER aggregation: keyed state) → CSV files. */
function pipeline(name: string, out: string, o: PipelineOptions): string {
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  flink_user_config = {
    number_of_task_slots                = ${o.slots}
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
        url STRING,
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
        'path' = 'file://${path.join(out, o.sinkDir)}',
        'format' = 'csv'
      )
    SQL
  }

  statement = <<-SQL
    INSERT INTO user_counts
    SELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY pt ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
    FROM clicks
  SQL

  lifecycle {
    create_before_destroy = true
  }
}

resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
  parallelism    = 1
  upgrade_mode   = "${o.upgradeMode ?? "savepoint"}"
}
`;
}

/** The counts the job wrote to one sink directory, per user: committed part files only. */
function countsIn(dir: string): Map<number, number[]> {
  const counts = new Map<number, number[]>();
  if (!fs.existsSync(dir)) return counts;
  for (const file of fs.readdirSync(dir)) {
    if (file.startsWith(".")) continue; // in-progress files, not committed by a checkpoint yet
    for (const line of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
      const [user, n] = line.split(",").map(Number);
      if (user === undefined || n === undefined || Number.isNaN(user) || Number.isNaN(n)) continue;
      counts.set(user, [...(counts.get(user) ?? []), n]);
    }
  }
  for (const list of counts.values()) list.sort((a, b) => a - b);
  return counts;
}

const total = (m: Map<number, number[]>) => [...m.values()].reduce((s, l) => s + l.length, 0);

describeWithFlink("flink engine + terraform: a stateful pipeline", () => {
  const name = "tf-counts";
  let acc: AcceptanceEnv;
  let wd: string;
  let out: string;

  const stateOf = async (address: string): Promise<Json> => {
    const show = JSON.parse(await acc.tf(wd, ["show", "-json"]));
    return show.values.root_module.resources.find((r: Json) => r.address === address).values;
  };
  const restUrl = async () =>
    restUrlOf((await acc.api<Json>("GET", `/project/local/service/${name}`)).body.service);
  const apply = (o: PipelineOptions) => {
    acc.writeConfig(wd, pipeline(name, out, o));
    return acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  };

  beforeAll(async () => {
    acc = await startAcceptanceEnv({ engine: { kind: "flink" } });
    out = path.join(acc.dir, "out");
    wd = acc.workdir(name, pipeline(name, out, { slots: 1, sinkDir: "v1" }));
    await acc.tf(wd, ["init", "-input=false"]);
  });
  afterAll(async () => {
    await acc?.close();
  });

  test("apply runs the pipeline as a Flink job: the job id in state is RUNNING in Flink, and a second plan is empty", async () => {
    await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
    const d = await stateOf("flink_application_deployment.d");
    expect(d.status).toBe("RUNNING");
    const job = await flinkGet(await restUrl(), `/jobs/${d.job_id}`);
    expect(job.state).toBe("RUNNING");
    expect(job.name).toBe("running-counts (version 1)");
    const plan = await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"]);
    expect(plan.code).toBe(0);
    // Rows arrive: the checkpoints commit the sink's files.
    await waitFor(
      "rows in v1",
      async () => total(countsIn(path.join(out, "v1"))),
      (n) => n > 20,
      60_000,
    );
  });

  test("a task slot change restarts the cluster with the new slots; the job resumes with its counts", async () => {
    const before = await stateOf("flink_application_deployment.d");
    acc.writeConfig(wd, pipeline(name, out, { slots: 2, sinkDir: "v1" }));
    const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
    expect(plan.stdout + plan.stderr).toMatch(/restart/i);
    await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
    const rest = await restUrl();
    expect((await flinkGet(rest, "/overview"))["slots-total"]).toBe(2);
    const d = await stateOf("flink_application_deployment.d");
    expect(d.job_id).toBe(before.job_id);
    const running = await waitFor(
      "the job RUNNING after the restart",
      () => flinkJob(rest, d.job_id),
      (j) => j.state === "RUNNING",
      60_000,
    );
    expect(running.state).toBe("RUNNING");
    const restored = (await flinkGet(rest, `/jobs/${d.job_id}/checkpoints`)).latest.restored;
    expect(restored.external_path).toMatch(new RegExp(`/savepoints/savepoint-${d.job_id.slice(0, 6)}-`));
    // Every user's counts go on from where they were: 1, 2, 3, ... with no restart at 1 and no gap.
    const seen = total(countsIn(path.join(out, "v1")));
    await waitFor(
      "more rows in v1",
      async () => total(countsIn(path.join(out, "v1"))),
      (n) => n > seen + 20,
      60_000,
    );
    for (const [user, list] of countsIn(path.join(out, "v1"))) {
      expect({ user, list }).toEqual({ user, list: list.map((_, i) => i + 1) });
    }
  });

  test("upgrade_mode savepoint: the new version's counts continue exactly where the old job stopped", async () => {
    await apply({ slots: 2, sinkDir: "v2", upgradeMode: "savepoint" });
    const d = await stateOf("flink_application_deployment.d");
    expect(d.starting_savepoint_used).toMatch(/^file:/);
    await waitFor(
      "rows in v2",
      async () => total(countsIn(path.join(out, "v2"))),
      (n) => n > 20,
      60_000,
    );
    const v1 = countsIn(path.join(out, "v1"));
    const v2 = countsIn(path.join(out, "v2"));
    for (const [user, list] of v2) {
      const last = Math.max(...(v1.get(user) ?? [0]));
      expect({ user, first: list[0] }).toEqual({ user, first: last + 1 });
    }
  });

  test("upgrade_mode stateless: the new version starts counting from zero", async () => {
    await apply({ slots: 2, sinkDir: "v3", upgradeMode: "stateless" });
    const d = await stateOf("flink_application_deployment.d");
    expect(d.starting_savepoint_used ?? null).toBeNull();
    await waitFor(
      "rows in v3",
      async () => total(countsIn(path.join(out, "v3"))),
      (n) => n > 20,
      60_000,
    );
    for (const [user, list] of countsIn(path.join(out, "v3"))) {
      expect({ user, first: list[0] }).toEqual({ user, first: 1 });
    }
  });

  test("destroy cancels the job and stops the service's cluster: no Flink process is left", async () => {
    const rest = await restUrl();
    await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
    await waitFor(
      "no Flink process",
      async () => flinkPids(acc.dir),
      (p) => p.length === 0,
      30_000,
    );
    await expect(fetch(`${rest}/v1/jobs/overview`)).rejects.toThrow();
  });
});
