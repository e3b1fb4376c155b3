/**
 * A Flink service on the flink engine is a real Apache Flink session cluster: what it reports points
 * at Flink's REST API, its settings are Flink's configuration, deployments are Flink jobs, and
 * savepoints are on disk. Every assertion reads Flink's REST API or the files Flink wrote.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createService,
  describeWithFlink,
  type EngineHarness,
  flinkGet,
  flinkJob,
  flinkPids,
  type Json,
  PROJECT,
  restUrlOf,
  startFlinkControlPlane,
  waitDeployment,
  waitFor,
  waitService,
} from "./flink-env";

jest.setTimeout(240_000);

const SERVICE = "real1";
const SOURCE =
  "CREATE TABLE clicks (user_id INT, url STRING, ts AS PROCTIME()) WITH ('connector' = 'datagen', 'rows-per-second' = '20', 'fields.user_id.min' = '1', 'fields.user_id.max' = '5')";
const SINK = "CREATE TABLE counts (user_id INT, n BIGINT) WITH ('connector' = 'blackhole')";
const STATEMENT = "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id";

/** Flink's REST API caches job details for `web.refresh-interval`; its answer settles within that. */
async function expectFlinkJobState(rest: string, jobId: string, state: string): Promise<void> {
  const job = await waitFor(
    `job ${jobId} ${state} in Flink`,
    () => flinkJob(rest, jobId),
    (j) => j.state === state,
    10_000,
  );
  expect(job.state).toBe(state);
}

describeWithFlink("flink engine: a service's session cluster", () => {
  let h: EngineHarness;
  let service: Json;
  let appId: string;
  let versionId: string;
  const app = (p = "") => `${PROJECT}/service/${SERVICE}/flink/application/${appId}${p}`;

  beforeAll(async () => {
    h = await startFlinkControlPlane();
    // premium-4 has 3 nodes: locally one TaskManager holds all 3 × 2 slots.
    service = await createService(
      h,
      SERVICE,
      {
        number_of_task_slots: 2,
        restart_strategy: "fixed-delay",
        restart_strategy_max_failures: 4,
        restart_strategy_delay_sec: 2,
        execution_checkpointing_interval_ms: 1000,
      },
      "premium-4",
    );
    appId = (await h.api("POST", `${PROJECT}/service/${SERVICE}/flink/application`, { name: "counts" })).body
      .id;
    const v = await h.api("POST", app("/version"), {
      statement: STATEMENT,
      sources: [{ create_table: SOURCE }],
      sinks: [{ create_table: SINK }],
    });
    versionId = v.body.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  test("service_uri, host and port are the cluster's Flink REST API, configured from the service", async () => {
    const rest = restUrlOf(service);
    expect(service.service_uri).toMatch(/^http:\/\/avnadmin:[^@]+@127\.0\.0\.1:\d+$/);
    expect(service.components[0]).toMatchObject({
      host: "127.0.0.1",
      port: Number(service.service_uri_params.port),
    });
    const overview = await flinkGet(rest, "/overview");
    expect(overview).toMatchObject({ taskmanagers: 1, "slots-total": 6, "flink-version": "1.20.3" });
    expect(service.metadata.flink_version).toBe(overview["flink-version"]);
    const config: { key: string; value: string }[] = await flinkGet(rest, "/jobmanager/config");
    const get = (k: string) => config.find((e) => e.key === k)?.value;
    expect(get("restart-strategy.type")).toBe("fixed-delay");
    expect(get("restart-strategy.fixed-delay.attempts")).toBe("4");
    expect(get("restart-strategy.fixed-delay.delay")).toBe("2 s");
    expect(get("state.backend.type")).toBe("hashmap");
    expect(get("execution.checkpointing.interval")).toBe("1000 ms");
    expect(get("state.savepoints.dir")).toContain(h.dataDir);
    // The control plane's own view of the cluster is Flink's.
    const cpOverview = await h.api("GET", `${PROJECT}/service/${SERVICE}/flink/overview`);
    expect(cpOverview.body["slots-total"]).toBe(6);
  });

  test("the validate endpoint answers with Flink's planner: message and position at the statement", async () => {
    const validate = (statement: string) =>
      h.api("POST", app("/version/validate"), {
        statement,
        sources: [{ create_table: SOURCE }],
        sinks: [{ create_table: SINK }],
      });
    const misspelled = await validate(
      "INSERT INTO counts\nSELECT usr_id, COUNT(*) FROM clicks GROUP BY user_id",
    );
    expect(misspelled.body.statement_error.message).toMatch(/Column 'usr_id' not found in any table/);
    expect(misspelled.body.statement_error.position).toMatchObject({ line_number: 2, character_number: 8 });
    const unknownFn = await validate("INSERT INTO counts SELECT user_id, NO_SUCH_FN(user_id) FROM clicks");
    expect(unknownFn.body.statement_error.message).toMatch(
      /No match found for function signature NO_SUCH_FN/i,
    );
    const typeMismatch = await validate("INSERT INTO counts SELECT user_id, url FROM clicks");
    expect(typeMismatch.body.statement_error.message).toMatch(
      /Incompatible types for sink column 'n'|cannot|type/i,
    );
    const ok = await validate(STATEMENT);
    expect(ok.body.statement_error).toBeUndefined();
    // An option the connector does not know is the table's error, not the statement's.
    const badOption = await h.api("POST", app("/version/validate"), {
      statement: STATEMENT,
      sources: [{ create_table: SOURCE.replace("'rows-per-second'", "'rows-per-sec'") }],
      sinks: [{ create_table: SINK }],
    });
    expect(badOption.body.sources[0].message).toMatch(
      /Unsupported options found for 'datagen'[\s\S]*rows-per-sec/,
    );
    expect(badOption.body.statement_error).toBeUndefined();
  });

  test("a deployment is a Flink job: same job id, RUNNING in Flink, stop takes a savepoint on disk", async () => {
    const created = await h.api("POST", app("/deployment"), { version_id: versionId, parallelism: 2 });
    expect(created.status).toBe(200);
    const d = await waitDeployment(h, SERVICE, appId, created.body.id, ["RUNNING", "FAILED"]);
    expect(d.status).toBe("RUNNING");
    const rest = restUrlOf(service);
    const job = await flinkGet(rest, `/jobs/${d.job_id}`);
    expect(job.state).toBe("RUNNING");
    expect(job.name).toBe("counts (version 1)");
    expect(Math.max(...job.vertices.map((v: Json) => v.parallelism))).toBe(2);
    const listed = await h.api("GET", `${PROJECT}/service/${SERVICE}/flink/job`);
    expect(listed.body.jobs).toContainEqual({ id: d.job_id, status: "RUNNING" });

    // The job checkpoints into the service's directory (retained on cancellation).
    await waitFor(
      "a completed checkpoint",
      () => flinkGet(rest, `/jobs/${d.job_id}/checkpoints`),
      (c) => (c.counts?.completed ?? 0) > 0,
      60_000,
    );

    await h.api("POST", app(`/deployment/${d.id}/stop`));
    const stopped = await waitDeployment(h, SERVICE, appId, d.id, ["FINISHED", "FAILED", "RUNNING"]);
    expect(stopped.status).toBe("FINISHED");
    expect(stopped.last_savepoint).toMatch(/^file:/);
    expect(
      fs.existsSync(`${fileURLToPath(stopped.last_savepoint.replace(/^file:\/*/, "file:///"))}/_metadata`),
    ).toBe(true);
    await expectFlinkJobState(rest, d.job_id, "FINISHED");

    // A new deployment restores that savepoint: Flink says so in the job's checkpoint stats.
    const resumed = await h.api("POST", app("/deployment"), {
      version_id: versionId,
      parallelism: 2,
      starting_savepoint: stopped.last_savepoint,
    });
    const r = await waitDeployment(h, SERVICE, appId, resumed.body.id, ["RUNNING", "FAILED"]);
    expect(r.status).toBe("RUNNING");
    const restored = (await flinkGet(rest, `/jobs/${r.job_id}/checkpoints`)).latest.restored;
    expect(restored.is_savepoint).toBe(true);
    expect(restored.external_path).toBe(stopped.last_savepoint);

    await h.api("POST", app(`/deployment/${r.id}/cancel`));
    const canceled = await waitDeployment(h, SERVICE, appId, r.id, ["CANCELED", "FAILED"]);
    expect(canceled.status).toBe("CANCELED");
    await expectFlinkJobState(rest, r.job_id, "CANCELED");
  });

  test("a task slot change restarts the cluster with the new slots and the running job resumes from its savepoint", async () => {
    const created = await h.api("POST", app("/deployment"), { version_id: versionId, parallelism: 1 });
    const d = await waitDeployment(h, SERVICE, appId, created.body.id, ["RUNNING", "FAILED"]);
    expect(d.status).toBe("RUNNING");
    const before = restUrlOf(service);

    const put = await h.api("PUT", `${PROJECT}/service/${SERVICE}`, {
      user_config: { number_of_task_slots: 3 },
    });
    expect(put.status).toBe(200);
    expect(put.body.service.state).toBe("REBUILDING");
    service = await waitService(h, SERVICE);
    const rest = restUrlOf(service);
    expect((await flinkGet(rest, "/overview"))["slots-total"]).toBe(9);
    const after = await waitDeployment(h, SERVICE, appId, d.id, ["RUNNING", "FAILED"]);
    expect(after.status).toBe("RUNNING");
    const job = await flinkGet(rest, `/jobs/${d.job_id}`);
    expect(job.state).toBe("RUNNING");
    const restored = (await flinkGet(rest, `/jobs/${d.job_id}/checkpoints`)).latest.restored;
    expect(restored.external_path).toMatch(new RegExp(`/savepoints/savepoint-${d.job_id.slice(0, 6)}-`));
    // The service kept its address: the new cluster reuses the old one's ports.
    expect(rest).toBe(before);
    await h.api("POST", app(`/deployment/${d.id}/cancel`));
    await waitDeployment(h, SERVICE, appId, d.id, ["CANCELED"]);
  });

  test("an integration's credentials reach the job as connector options and appear in no log", async () => {
    const password = "pg-s3cret-Password-42";
    const endpoint = await h.api("POST", `${PROJECT}/integration_endpoint`, {
      endpoint_name: "warehouse",
      endpoint_type: "external_postgresql",
      // Port 1 on loopback: nothing listens, so the job's connection attempt is refused.
      user_config: { host: "127.0.0.1", port: 1, username: "flink", password, default_database: "dw" },
    });
    const integration = await h.api("POST", `${PROJECT}/integration`, {
      integration_type: "flink_external_postgresql",
      source_endpoint_id: endpoint.body.service_integration_endpoint.endpoint_id,
      dest_service: SERVICE,
    });
    const sink = {
      create_table:
        "CREATE TABLE totals (user_id INT, n BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://', 'table-name' = 'totals')",
      integration_id: integration.body.service_integration.service_integration_id,
    };
    const body = {
      statement: STATEMENT.replace("counts", "totals"),
      sources: [{ create_table: SOURCE }],
      sinks: [sink],
    };
    // The planner accepts the table only with the url, user and password the integration supplies.
    const validated = await h.api("POST", app("/version/validate"), body);
    expect(validated.body.statement_error).toBeUndefined();
    expect(validated.body.sinks[0].message).toBeUndefined();
    const version = await h.api("POST", app("/version"), body);
    const created = await h.api("POST", app("/deployment"), { version_id: version.body.id });
    const d = await waitDeployment(h, SERVICE, appId, created.body.id, ["FAILED"], 180_000);
    // The job itself dialled the endpoint's address: Flink's root cause names it.
    expect(d.error_msg).toMatch(/Connection to 127\.0\.0\.1:1 refused/);
    expect(d.error_msg).not.toContain(password);
    const leaks = (dir: string): string[] =>
      fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .filter((f) => fs.readFileSync(f).includes(password));
    // Flink's logs and configuration (the job graph itself carries the options, as it must).
    expect(leaks(path.join(h.dataDir, "flink", SERVICE, "log"))).toEqual([]);
    expect(leaks(path.join(h.dataDir, "flink", SERVICE, "conf"))).toEqual([]);
    expect(h.logs.filter((l) => l.includes(password))).toEqual([]);
  });

  test("closing the control plane stops every Flink process it started", async () => {
    expect(flinkPids(h.dataDir).length).toBe(3);
    await h.close();
    await waitFor(
      "no Flink process left",
      async () => flinkPids(h.dataDir),
      (p) => p.length === 0,
      30_000,
    );
  });
});
