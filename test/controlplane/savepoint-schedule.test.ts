import { deploymentIn, type Harness, type Json, pipeline, start } from "./helpers";

/**
 * Periodic savepoints (`PUT .../application/{id}/savepoint-schedule`), this control plane's
 * extension, on the simulated engine. The scheduler's clock is moved with the admin API
 * (`POST /admin/savepoint-schedules/advance`), never by waiting for an interval.
 */
describe("periodic savepoints (simulated engine)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(() => h.cp.close());

  const advance = async (by: string): Promise<Json[]> => {
    const r = await h.admin("POST", "/savepoint-schedules/advance", { by });
    expect(r.status).toBe(200);
    return r.body.runs;
  };
  /** A running deployment of the pipeline's application. */
  const running = async () => {
    const p = await pipeline(h);
    const created = (await h.api("POST", `${p.appBase}/deployment`, { version_id: p.version.id })).body;
    const url = `${p.appBase}/deployment/${created.id}`;
    await deploymentIn(h, url, ["RUNNING"]);
    return { p, url, schedule: `${p.appBase}/savepoint-schedule`, jobId: created.job_id as string };
  };
  /** One due interval: a periodic savepoint is triggered and taken; returns its path. */
  const periodic = async (url: string, every = "1h"): Promise<string> => {
    const runs = await advance(every);
    expect(runs.map((r) => r.outcome)).toEqual(["triggered"]);
    return (await deploymentIn(h, url, ["RUNNING"])).last_savepoint;
  };
  const savepointsOf = async (schedule: string): Promise<string[]> =>
    (await h.api("GET", schedule)).body.savepoints.map((s: Json) => s.path);

  test("a savepoint every interval, on the scheduler's clock: nothing before it is due, then one per interval", async () => {
    const { url, schedule, jobId } = await running();
    const put = await h.api("PUT", schedule, { interval: "1h" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ interval: "1h", history_max: 10, savepoints: [] });

    expect(await advance("59m")).toEqual([]);
    expect((await h.api("GET", url)).body.last_savepoint).toBeUndefined();
    const first = await periodic(url, "1m");
    expect(first).toMatch(new RegExp(`/savepoint-${jobId.slice(0, 6)}-`));
    const second = await periodic(url);
    expect(second).not.toBe(first);
    // Same job throughout: a periodic savepoint does not stop it.
    expect((await h.api("GET", url)).body).toMatchObject({ status: "RUNNING", job_id: jobId });
    expect(await savepointsOf(schedule)).toEqual([first, second]);
    expect((await h.api("GET", schedule)).body.last_run).toMatchObject({ outcome: "triggered" });
  });

  test("skipped while the job is not RUNNING, and never on top of a savepoint under way", async () => {
    const { p, url, schedule } = await running();
    await h.api("PUT", schedule, { interval: "10m" });
    // A savepoint on demand is under way (SAVING): the due periodic one is skipped, not queued.
    expect((await h.api("POST", `${url}/savepoint`)).body.status).toBe("SAVING");
    const runs = await advance("10m");
    expect(runs).toEqual([
      expect.objectContaining({ outcome: expect.stringMatching(/^skipped: the job is SAVING/) }),
    ]);
    const onDemand = (await deploymentIn(h, url, ["RUNNING"])).last_savepoint;
    expect(await savepointsOf(schedule)).toEqual([]);

    await h.api("POST", `${url}/cancel`);
    await deploymentIn(h, url, ["CANCELED"]);
    expect((await advance("10m")).map((r) => r.outcome)).toEqual(["skipped: no deployment is running"]);
    expect((await h.api("GET", url)).body.last_savepoint).toBe(onDemand);

    // The schedule belongs to the application: a new deployment (as a handover starts) is covered.
    const next = (await h.api("POST", `${p.appBase}/deployment`, { version_id: p.version.id })).body;
    const nextUrl = `${p.appBase}/deployment/${next.id}`;
    expect((await advance("10m"))[0].outcome).toMatch(/^skipped: the job is INITIALIZING/);
    await deploymentIn(h, nextUrl, ["RUNNING"]);
    const taken = await periodic(nextUrl, "10m");
    expect(await savepointsOf(schedule)).toEqual([taken]);
  });

  test("keeps the newest history_max periodic savepoints: older ones are gone from the service, others stay", async () => {
    const { p, url, schedule } = await running();
    await h.api("PUT", schedule, { interval: "1h", history_max: 2 });
    const taken = [await periodic(url), await periodic(url)];
    // A savepoint on demand is not part of the history: never pruned.
    await h.api("POST", `${url}/savepoint`);
    const onDemand = (await deploymentIn(h, url, ["RUNNING"])).last_savepoint;
    taken.push(await periodic(url), await periodic(url));
    expect(await savepointsOf(schedule)).toEqual(taken.slice(2));

    // Lowering history_max prunes at once.
    const lowered = await h.api("PUT", schedule, { interval: "1h", history_max: 1 });
    expect(lowered.body.savepoints.map((s: Json) => s.path)).toEqual([taken[3]]);

    await h.api("POST", `${url}/cancel`);
    await deploymentIn(h, url, ["CANCELED"]);
    const startFrom = (savepoint: string) =>
      h.api("POST", `${p.appBase}/deployment`, { version_id: p.version.id, starting_savepoint: savepoint });
    for (const pruned of taken.slice(0, 3)) {
      const refused = await startFrom(pruned);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/savepoint not found/);
    }
    const fromOnDemand = await startFrom(onDemand);
    expect(fromOnDemand.status).toBe(200);
    await deploymentIn(h, `${p.appBase}/deployment/${fromOnDemand.body.id}`, ["RUNNING"]);
  });

  test("the schedule survives a restart of the control plane", async () => {
    const { url, schedule } = await running();
    await h.api("PUT", schedule, { interval: "30m", history_max: 3 });
    await h.cp.close();
    h = await start({ dataDir: h.cp.dataDir });
    expect((await h.api("GET", schedule)).body).toMatchObject({ interval: "30m", history_max: 3 });
    await deploymentIn(h, url, ["RUNNING"]);
    const taken = await periodic(url, "30m");
    expect(await savepointsOf(schedule)).toEqual([taken]);
  });

  test("DELETE stops the schedule; its savepoints stay", async () => {
    const { url, schedule } = await running();
    await h.api("PUT", schedule, { interval: "1h" });
    const taken = await periodic(url);
    expect((await h.api("DELETE", schedule)).status).toBe(200);
    expect(await advance("2h")).toEqual([]);
    expect((await h.api("GET", schedule)).status).toBe(404);
    expect((await h.api("GET", url)).body.last_savepoint).toBe(taken);
  });

  test.each([
    [{ interval: "30s" }, /interval: '30s' must be a duration .* between 1m and 168h/],
    [{ interval: "169h" }, /between 1m and 168h/],
    [{ interval: "hourly" }, /interval: 'hourly' must be a duration/],
    [{}, /interval: missing required field/],
    [{ interval: "1h", history_max: 0 }, /history_max: must be between 1 and 100, got 0/],
    [{ interval: "1h", history_max: 101 }, /history_max: must be between 1 and 100, got 101/],
    [{ interval: "1h", history_max: 2.5 }, /history_max: expected an integer/],
  ])("PUT %j is refused with 400", async (body, message) => {
    const p = await pipeline(h);
    const r = await h.api("PUT", `${p.appBase}/savepoint-schedule`, body);
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(message);
  });

  test("404 for an unknown application or a schedule never set; the admin clock refuses nonsense", async () => {
    const p = await pipeline(h);
    const unknown = `/project/local/service/${p.service}/flink/application/00000000-0000-0000-0000-000000000000/savepoint-schedule`;
    expect((await h.api("PUT", unknown, { interval: "1h" })).status).toBe(404);
    expect((await h.api("GET", `${p.appBase}/savepoint-schedule`)).status).toBe(404);
    expect((await h.api("DELETE", `${p.appBase}/savepoint-schedule`)).status).toBe(404);
    const bad = await h.admin("POST", "/savepoint-schedules/advance", { by: "-1h" });
    expect(bad.status).toBe(400);
  });
});
