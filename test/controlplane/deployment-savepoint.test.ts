import { deploymentIn, type Harness, pipeline, start } from "./helpers";

/** The savepoint on demand (`POST .../deployment/{id}/savepoint`), this control plane's extension. */
describe("savepoint on demand (simulated engine)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(() => h.cp.close());

  test("SAVING, then RUNNING again with a new last_savepoint: same job, which a new deployment can start from", async () => {
    const p = await pipeline(h);
    const created = (await h.api("POST", `${p.appBase}/deployment`, { version_id: p.version.id })).body;
    const url = `${p.appBase}/deployment/${created.id}`;
    await deploymentIn(h, url, ["RUNNING"]);

    const saving = await h.api("POST", `${url}/savepoint`);
    expect(saving.status).toBe(200);
    expect(saving.body.status).toBe("SAVING");
    const first = await deploymentIn(h, url, ["RUNNING"]);
    expect(first.job_id).toBe(created.job_id);
    expect(first.last_savepoint).toMatch(new RegExp(`/savepoints/savepoint-${created.job_id.slice(0, 6)}-`));
    await h.api("POST", `${url}/savepoint`);
    const second = await deploymentIn(h, url, ["RUNNING"]);
    expect(second.last_savepoint).not.toBe(first.last_savepoint);

    // The savepoint is known to the service: a deployment may start from it.
    await h.api("POST", `${url}/cancel`);
    await deploymentIn(h, url, ["CANCELED"]);
    const next = await h.api("POST", `${p.appBase}/deployment`, {
      version_id: p.version.id,
      starting_savepoint: first.last_savepoint,
    });
    expect(next.status).toBe(200);
  });

  test("refused with 409 unless the job is RUNNING; 404 for an unknown deployment", async () => {
    const p = await pipeline(h);
    const created = (await h.api("POST", `${p.appBase}/deployment`, { version_id: p.version.id })).body;
    const url = `${p.appBase}/deployment/${created.id}`;
    await h.api("POST", `${url}/cancel`);
    await deploymentIn(h, url, ["CANCELED"]);
    const refused = await h.api("POST", `${url}/savepoint`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/only take a savepoint while RUNNING; it is CANCELED/);
    const missing = await h.api(
      "POST",
      `${p.appBase}/deployment/00000000-0000-0000-0000-000000000000/savepoint`,
    );
    expect(missing.status).toBe(404);
  });
});
