import { type Harness, start, TOKEN } from "./helpers";

describe("control plane server: auth, errors, logs", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.cp.close());

  test("exposes the API under /v1 on 127.0.0.1 with the given project and token", () => {
    expect(h.cp.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(h.cp.project).toBe("local");
    expect(h.cp.token).toBe(TOKEN);
  });

  test("401 without a token and with a wrong token, in the Aiven error shape", async () => {
    const none = await fetch(`${h.cp.url}/project/local/service`);
    expect(none.status).toBe(401);
    const body = (await none.json()) as { message: string };
    expect(body).toEqual({
      errors: [{ error_code: "authentication_failed", message: expect.any(String), status: 401 }],
      message: body.message,
    });
    const wrong = await h.api("GET", "/project/local/service", undefined, {
      authorization: "aivenv1 not-the-token",
    });
    expect(wrong.status).toBe(401);
    const bearer = await h.api("GET", "/project/local/service", undefined, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(bearer.status).toBe(401);
  });

  test("403 for a project the token does not own", async () => {
    const res = await h.api("GET", "/project/someone-else/service");
    expect(res.status).toBe(403);
    expect(res.body.errors[0].status).toBe(403);
  });

  test("404 for unknown paths, 405 for a wrong method", async () => {
    expect((await h.api("GET", "/project/local/nothing-here")).status).toBe(404);
    const wrongMethod = await h.api("PATCH", "/project/local/service");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.message).toMatch(/PATCH/);
  });

  test("logs one JSON line per request with method, path, status and duration, never the token", async () => {
    h.logs.length = 0;
    await h.api("GET", "/project/local/service?include_secrets=true");
    await h.api("GET", "/project/local/service", undefined, { authorization: "aivenv1 wrong-secret-value" });
    const lines = h.logs.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      method: "GET",
      path: "/v1/project/local/service",
      status: 200,
      duration_ms: expect.any(Number),
    });
    expect(lines[1]).toMatchObject({ status: 401 });
    expect(h.logs.join("\n")).not.toContain(TOKEN);
    expect(h.logs.join("\n")).not.toContain("wrong-secret-value");
  });

  test("GET /v1/service_types needs no project but still a token", async () => {
    const res = await h.api("GET", "/service_types");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.service_types)).toEqual(expect.arrayContaining(["flink", "kafka", "pg"]));
  });
});
