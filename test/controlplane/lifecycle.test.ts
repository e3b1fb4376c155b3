import { deploymentIn, eventually, type Harness, pipeline, SINK, SRC, start } from "./helpers";

describe("lifecycle simulator (time scale 0.01)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(() => h.cp.close());

  const deploy = async (appBase: string, body: Record<string, unknown>) => {
    const res = await h.api("POST", `${appBase}/deployment`, body);
    expect(res.status).toBe(200);
    return { d: res.body, url: `${appBase}/deployment/${res.body.id}` };
  };

  test("deployment INITIALIZING → RUNNING with a job id; the application shows it as current; overview counts slots", async () => {
    const p = await pipeline(h, { userConfig: { number_of_task_slots: 4 } });
    const { d, url } = await deploy(p.appBase, { version_id: p.version.id, parallelism: 3 });
    expect(d).toMatchObject({
      status: "INITIALIZING",
      parallelism: 3,
      restart_enabled: true,
      job_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    await deploymentIn(h, url, ["RUNNING"]);
    expect((await h.api("GET", p.appBase)).body.current_deployment).toMatchObject({
      id: d.id,
      status: "RUNNING",
    });
    const overview = (await h.api("GET", `/project/local/service/${p.service}/flink/overview`)).body;
    expect(overview).toMatchObject({
      "slots-total": 4,
      "slots-available": 1,
      "jobs-running": 1,
      taskmanagers: 1,
    });
    const jobs = (await h.api("GET", `/project/local/service/${p.service}/flink/job`)).body.jobs;
    expect(jobs).toEqual([{ id: d.job_id, status: "RUNNING" }]);
    const job = (await h.api("GET", `/project/local/service/${p.service}/flink/job/${d.job_id}`)).body;
    expect(job).toMatchObject({ jid: d.job_id, state: "RUNNING", name: expect.stringContaining("counts") });
  });

  test("parallelism above the free slots → FAILED with an error_msg naming the numbers", async () => {
    const p = await pipeline(h, { plan: "premium-4" });
    const { url } = await deploy(p.appBase, { version_id: p.version.id, parallelism: 4 });
    const failed = await deploymentIn(h, url, ["FAILED", "RUNNING"]);
    expect(failed.status).toBe("FAILED");
    expect(failed.error_msg).toMatch(/needs 4.*3 of 3 are free.*3 node\(s\) × 1 task slot/);
  });

  test("slots held by a running deployment of another application count against the next one", async () => {
    const p = await pipeline(h, { userConfig: { number_of_task_slots: 2 } });
    const first = await deploy(p.appBase, { version_id: p.version.id, parallelism: 2 });
    await deploymentIn(h, first.url, ["RUNNING"]);
    const app2 = (
      await h.api("POST", `/project/local/service/${p.service}/flink/application`, { name: "second" })
    ).body;
    const base2 = `/project/local/service/${p.service}/flink/application/${app2.id}`;
    const v = (
      await h.api("POST", `${base2}/version`, {
        statement: "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id",
        sources: [{ create_table: SRC, integration_id: p.integration }],
        sinks: [{ create_table: SINK, integration_id: p.integration }],
      })
    ).body;
    const second = await deploy(base2, { version_id: v.id, parallelism: 1 });
    const failed = await deploymentIn(h, second.url, ["FAILED", "RUNNING"]);
    expect(failed.status).toBe("FAILED");
    expect(failed.error_msg).toMatch(/0 of 2 are free.*2 held/);
  });

  test("SQL that fails validation (INSERT into an undeclared table) → FAILED with the validator's message", async () => {
    const p = await pipeline(h);
    const v = (
      await h.api("POST", `${p.appBase}/version`, {
        statement: "INSERT INTO nowhere SELECT user_id, url FROM clicks",
        sources: [{ create_table: SRC, integration_id: p.integration }],
        sinks: [{ create_table: SINK, integration_id: p.integration }],
      })
    ).body;
    expect(v.version).toBe(2);
    const { url } = await deploy(p.appBase, { version_id: v.id });
    const failed = await deploymentIn(h, url, ["FAILED", "RUNNING"]);
    expect(failed.status).toBe("FAILED");
    expect(failed.error_msg).toMatch(/SQL validation failed in statement.*nowhere/);
  });

  test("cancel → CANCELLING → CANCELED; delete before cancel is refused; delete after works", async () => {
    const p = await pipeline(h);
    const { d, url } = await deploy(p.appBase, { version_id: p.version.id });
    await deploymentIn(h, url, ["RUNNING"]);
    const early = await h.api("DELETE", url);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/must be canceled before it can be deleted/);
    expect((await h.api("POST", `${url}/cancel`)).body.status).toBe("CANCELLING");
    await deploymentIn(h, url, ["CANCELED"]);
    expect((await h.api("POST", `${url}/cancel`)).status).toBe(409);
    expect((await h.api("DELETE", url)).body).toMatchObject({ id: d.id, status: "CANCELED" });
    expect((await h.api("GET", url)).status).toBe(404);
  });

  test("stop → SAVING_AND_STOP → FINISHED with last_savepoint; a new deployment can start from it", async () => {
    const p = await pipeline(h);
    const { url } = await deploy(p.appBase, { version_id: p.version.id });
    await deploymentIn(h, url, ["RUNNING"]);
    expect((await h.api("POST", `${url}/stop`)).body.status).toBe("SAVING_AND_STOP");
    const finished = await deploymentIn(h, url, ["FINISHED"]);
    expect(finished.last_savepoint).toMatch(new RegExp(`^s3://.+/local/${p.service}/savepoints/savepoint-`));
    const again = await h.api("POST", `${url}/stop`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/only be stopped with a savepoint while RUNNING; it is FINISHED/);
    const unknown = await h.api("POST", `${p.appBase}/deployment`, {
      version_id: p.version.id,
      starting_savepoint: "s3://elsewhere/sp-1",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/savepoint not found/);
    const resumed = await deploy(p.appBase, {
      version_id: p.version.id,
      starting_savepoint: finished.last_savepoint,
    });
    expect(resumed.d.starting_savepoint).toBe(finished.last_savepoint);
    await deploymentIn(h, resumed.url, ["RUNNING"]);
  });

  test("only one active deployment per application", async () => {
    const p = await pipeline(h);
    await deploy(p.appBase, { version_id: p.version.id });
    const second = await h.api("POST", `${p.appBase}/deployment`, { version_id: p.version.id });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/already has an active deployment/);
  });

  test("changing number_of_task_slots rebuilds the cluster and running jobs restart", async () => {
    const p = await pipeline(h);
    const { url } = await deploy(p.appBase, { version_id: p.version.id });
    await deploymentIn(h, url, ["RUNNING"]);
    const upd = await h.api("PUT", `/project/local/service/${p.service}`, {
      user_config: { number_of_task_slots: 2 },
    });
    expect(upd.body.service.state).toBe("REBUILDING");
    expect((await h.api("GET", url)).body.status).toBe("RESTARTING");
    await deploymentIn(h, url, ["RUNNING"]);
    const overview = (await h.api("GET", `/project/local/service/${p.service}/flink/overview`)).body;
    expect(overview["slots-total"]).toBe(2);
  });

  test("a failing job restarts under failure-rate, then fails when failures exceed the rate", async () => {
    const p = await pipeline(h, {
      userConfig: { restart_strategy: "failure-rate", restart_strategy_max_failures: 1 },
    });
    const { d, url } = await deploy(p.appBase, { version_id: p.version.id });
    await deploymentIn(h, url, ["RUNNING"]);
    const first = await h.admin("POST", `/deployments/${d.id}/fail`, { message: "boom" });
    expect(first.body.status).toBe("RESTARTING");
    await deploymentIn(h, url, ["RUNNING"]);
    h.cp.failJob(d.id, "boom again");
    const failed = (await h.api("GET", url)).body;
    expect(failed.status).toBe("FAILED");
    expect(failed.error_msg).toMatch(/boom again.*failure-rate/);
  });

  test("restart strategy 'none' and restart_enabled=false fail the job at once", async () => {
    const p = await pipeline(h, { userConfig: { restart_strategy: "none" } });
    const { d, url } = await deploy(p.appBase, { version_id: p.version.id });
    await deploymentIn(h, url, ["RUNNING"]);
    expect((await h.admin("POST", `/deployments/${d.id}/fail`, {})).body).toMatchObject({
      status: "FAILED",
      error_msg: expect.stringMatching(/'none'/),
    });
    await h.api("DELETE", url);
    const second = await deploy(p.appBase, { version_id: p.version.id, restart_enabled: false });
    await deploymentIn(h, second.url, ["RUNNING"]);
    expect((await h.admin("POST", `/deployments/${second.d.id}/fail`, {})).body.error_msg).toMatch(
      /restart_enabled = false/,
    );
  });

  test("a service with deployments that are not CANCELED or FINISHED cannot be deleted", async () => {
    const p = await pipeline(h);
    const { url } = await deploy(p.appBase, { version_id: p.version.id });
    const refused = await h.api("DELETE", `/project/local/service/${p.service}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/not CANCELED or FINISHED/);
    await deploymentIn(h, url, ["RUNNING"]);
    await h.api("POST", `${url}/cancel`);
    await deploymentIn(h, url, ["CANCELED"]);
    expect((await h.api("DELETE", `/project/local/service/${p.service}`)).status).toBe(200);
    expect((await h.api("GET", `/project/local/service/${p.service}/flink/application`)).status).toBe(404);
  });

  test("a deployment created while the cluster is still building waits for it", async () => {
    await h.api("POST", "/project/local/service", {
      service_name: "slow",
      service_type: "flink",
      plan: "business-4",
    });
    const app = (await h.api("POST", "/project/local/service/slow/flink/application", { name: "a" })).body;
    const base = `/project/local/service/slow/flink/application/${app.id}`;
    const v = (
      await h.api("POST", `${base}/version`, {
        statement: "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id",
        sources: [
          {
            create_table: SRC.replace(
              "'properties.bootstrap.servers' = '', ",
              "'properties.bootstrap.servers' = 'k:9092', ",
            ),
          },
        ],
        sinks: [
          {
            create_table: SINK.replace(
              "'properties.bootstrap.servers' = '', ",
              "'properties.bootstrap.servers' = 'k:9092', ",
            ),
          },
        ],
      })
    ).body;
    const { url } = await deploy(base, { version_id: v.id });
    const running = await deploymentIn(h, url, ["RUNNING", "FAILED"]);
    expect(running).toMatchObject({ status: "RUNNING" });
    await eventually(
      async () =>
        (await h.api("GET", "/project/local/service/slow")).body.service.state === "RUNNING"
          ? true
          : undefined,
      "service RUNNING",
    );
  });
});
