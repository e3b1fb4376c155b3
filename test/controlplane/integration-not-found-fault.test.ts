import { type Harness, pipeline, SINK, SRC, STATEMENT, start } from "./helpers";

/**
 * The count-driven "Integration not found" fault: exactly the next N look-ups of an integration by
 * id miss, whatever the time, so tests of the clients' retries do not depend on the machine's speed.
 */
describe("fault: integrationNotFoundCount", () => {
  let h: Harness;
  let p: Awaited<ReturnType<typeof pipeline>>;
  beforeAll(async () => {
    h = await start();
    p = await pipeline(h);
  });
  afterAll(() => h.cp.close());
  afterEach(() => h.cp.setFaults({}));

  const version = () =>
    h.api("POST", `${p.appBase}/version`, {
      statement: STATEMENT,
      sources: [{ create_table: SRC, integration_id: p.integration }],
      sinks: [{ create_table: SINK, integration_id: p.integration }],
    });

  test("the next N look-ups by id answer 404 'Integration not found', then the integration is back", async () => {
    expect((await h.admin("PUT", "/faults", { integrationNotFoundCount: 3 })).status).toBe(200);
    const read = await h.api("GET", `/project/local/integration/${p.integration}`);
    expect(read.status).toBe(404);
    expect(read.body.message).toBe(`Integration not found: ${p.integration}`);
    expect((await h.admin("GET", "/faults")).body.faults).toEqual({ integrationNotFoundCount: 2 });

    // A version create meets it too, as on the hosted API right after the integration was created.
    for (let i = 0; i < 2; i++) {
      const missed = await version();
      expect(missed.status).toBe(404);
      expect(missed.body.message).toBe(`Integration not found: ${p.integration}`);
    }
    expect((await h.admin("GET", "/faults")).body.faults).toEqual({ integrationNotFoundCount: 0 });
    expect((await version()).status).toBe(200);
    expect((await h.api("GET", `/project/local/integration/${p.integration}`)).status).toBe(200);
  });

  test("lists and the validate endpoint do not use up the count", async () => {
    h.cp.setFaults({ integrationNotFoundCount: 1 });
    const listed = await h.api("GET", `/project/local/service/${p.service}/integration`);
    expect(
      listed.body.service_integrations.map(
        (i: { service_integration_id: string }) => i.service_integration_id,
      ),
    ).toContain(p.integration);
    const validated = await h.api("POST", `${p.appBase}/version/validate`, {
      statement: STATEMENT,
      sources: [{ create_table: SRC, integration_id: p.integration }],
      sinks: [{ create_table: SINK, integration_id: p.integration }],
    });
    expect(validated.status).toBe(200);
    expect((await h.admin("GET", "/faults")).body.faults).toEqual({ integrationNotFoundCount: 1 });
  });

  test("a count that is not a whole number >= 0 is a 400 naming it", async () => {
    for (const bad of [-1, 1.5, "2"]) {
      const res = await h.admin("PUT", "/faults", { integrationNotFoundCount: bad });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^integrationNotFoundCount must be/);
    }
  });
});
