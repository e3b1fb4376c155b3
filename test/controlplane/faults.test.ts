import { type Harness, start } from "./helpers";

describe("fault injection", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.cp.close());
  afterEach(() => h.cp.setFaults({}));

  test("throttling answers 429 with Retry-After in the error shape", async () => {
    expect((await h.admin("PUT", "/faults", { throttleRate: 1, retryAfterSeconds: 7 })).status).toBe(200);
    const res = await h.api("GET", "/project/local/service");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.body.errors[0].status).toBe(429);
  });

  test("an error rate answers 5xx; the admin path itself is never faulted", async () => {
    await h.admin("PUT", "/faults", { errorRate: 1, errorStatus: 500 });
    expect((await h.api("GET", "/project/local/service")).status).toBe(500);
    const current = await h.admin("GET", "/faults");
    expect(current.body.faults).toEqual({ errorRate: 1, errorStatus: 500 });
    await h.admin("DELETE", "/faults");
    expect((await h.api("GET", "/project/local/service")).status).toBe(200);
  });

  test("pathPattern limits faults to matching paths", async () => {
    h.cp.setFaults({ errorRate: 1, pathPattern: "/integration" });
    expect((await h.api("GET", "/project/local/service")).status).toBe(200);
    expect((await h.api("GET", "/project/local/integration_endpoint")).status).toBe(503);
  });

  test("connection resets surface as a network error at the client", async () => {
    h.cp.setFaults({ resetRate: 1 });
    await expect(
      fetch(`${h.cp.url}/project/local/service`, { headers: { authorization: `aivenv1 ${h.cp.token}` } }),
    ).rejects.toThrow();
  });

  test("added latency delays the answer by at least the configured time", async () => {
    h.cp.setFaults({ latencyMs: 150 });
    const t0 = Date.now();
    expect((await h.api("GET", "/project/local/service")).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(145);
  });

  test("bad fault options are a 400 naming the option; admin needs the token", async () => {
    const res = await h.admin("PUT", "/faults", { errorRate: 2 });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/errorRate must be a number between 0 and 1/);
    expect((await h.admin("PUT", "/faults", { chaos: true })).body.message).toMatch(
      /Unknown fault option: chaos/,
    );
    const anon = await fetch(`${h.cp.adminUrl}/faults`);
    expect(anon.status).toBe(401);
  });

  test("failing a job that is not running is a 409; an unknown deployment a 404", async () => {
    expect((await h.admin("POST", "/deployments/00000000-0000-4000-8000-000000000000/fail", {})).status).toBe(
      404,
    );
  });

  test("faults can be set at start", async () => {
    const other = await start({ faults: { throttleRate: 1 } });
    try {
      expect((await other.api("GET", "/project/local/service")).status).toBe(429);
    } finally {
      await other.cp.close();
    }
  });
});
