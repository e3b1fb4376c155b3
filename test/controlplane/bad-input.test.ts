import http from "node:http";
import { type Harness, type Json, start } from "./helpers";

/** Raw requests (fetch normalises paths, so `..` and some encodings need node:http). */
function raw(
  h: Harness,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json }> {
  const { port } = h.cp;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        headers: { authorization: `aivenv1 ${h.cp.token}`, "content-type": "application/json", ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

describe("bad input: a clear 4xx, never a 500 or a crash", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
    await h.api("POST", "/project/local/service", {
      service_name: "bi",
      service_type: "flink",
      plan: "business-4",
    });
  });
  afterAll(() => h.cp.close());
  afterEach(async () => {
    // The server is still up and answering after each case.
    expect((await h.api("GET", "/project/local/service/bi")).status).toBe(200);
  });

  test.each([
    ["{not json", /Malformed JSON body/],
    ['{"service_name": "x", "password": "s3cr3t-value"', /Malformed JSON body/],
    ["[1,2,3]", /must be a JSON object, got an array/],
    ['"text"', /must be a JSON object, got a string/],
    ["null", /must be a JSON object, got null/],
  ])("body %s → 400", async (body, message) => {
    const res = await raw(h, "POST", "/v1/project/local/service", body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(res.body.message).not.toContain("s3cr3t");
  });

  test("a body over 1 MB is a 413", async () => {
    const big = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) });
    const res = await raw(h, "POST", "/v1/project/local/service/bi/flink/application", big);
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/exceeds 1048576 bytes/);
  });

  test.each([
    ["/v1/project/local/service/../service/bi", 400],
    ["/v1/project/local/service/%2e%2e/x", 400],
    ["/v1/project/local/service/a%2Fb", 400],
    ["/v1/project/local/service/a%5Cb", 400],
    ["/v1/project/local/service/%E0%A4%A", 400],
    ["/v1/project/local/service//flink/application", 400],
    ["/etc/passwd", 404],
  ])("path %s → %i", async (path, status) => {
    const res = await raw(h, "GET", path);
    expect(res.status).toBe(status);
    expect(res.body.errors[0].status).toBe(status);
  });

  test.each([
    [
      "POST",
      "/v1/project/local/service/bi/flink/application",
      { name: 42 },
      /name: expected a string, got the number 42/,
    ],
    [
      "POST",
      "/v1/project/local/service/bi/flink/application",
      { name: null },
      /name: missing required field/,
    ],
    [
      "PUT",
      "/v1/project/local/service/bi",
      { user_config: [] },
      /user_config: expected an object, got an array/,
    ],
    [
      "PUT",
      "/v1/project/local/service/bi",
      { user_config: { number_of_task_slots: "2" } },
      /expected an integer, got a string/,
    ],
    ["PUT", "/v1/project/local/service/bi", { termination_protection: "yes" }, /expected a boolean/],
    ["PUT", "/v1/project/local/service/bi", { maintenance: { dow: "funday" } }, /maintenance.dow/],
    [
      "POST",
      "/v1/project/local/integration",
      { integration_type: ["flink"] },
      /integration_type: expected a string/,
    ],
    [
      "POST",
      "/v1/project/local/service/bi/flink/application/00000000-0000-4000-8000-000000000000/deployment",
      { version_id: "v", parallelism: 1 },
      /version_id: must be at least 36/,
    ],
  ])("%s %s with %j → 400", async (method, path, body, message) => {
    const res = await raw(h, method, path, JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  test("deployment parallelism outside 1..128 is a 400", async () => {
    const app = (await h.api("POST", "/project/local/service/bi/flink/application", { name: "p" })).body;
    const res = await h.api("POST", `/project/local/service/bi/flink/application/${app.id}/deployment`, {
      version_id: "00000000-0000-4000-8000-000000000000",
      parallelism: 129,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/parallelism: must be between 1 and 128, got 129/);
  });

  test("unknown ids are 404s, not 500s", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await h.api("GET", `/project/local/service/bi/flink/application/${id}`)).status).toBe(404);
    expect(
      (await h.api("GET", `/project/local/service/bi/flink/application/${id}/version/${id}`)).status,
    ).toBe(404);
    expect(
      (await h.api("POST", `/project/local/service/bi/flink/application/${id}/deployment/${id}/cancel`))
        .status,
    ).toBe(404);
    expect((await h.api("GET", `/project/local/service/bi/flink/job/${id}`)).status).toBe(404);
    expect((await h.api("GET", `/project/local/integration/${id}`)).status).toBe(404);
  });
});
