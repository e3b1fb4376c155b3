import { startControlPlane } from "../../controlplane";
import { eventually, type Harness, start, TOKEN } from "./helpers";

describe("services", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.cp.close());
  const svcUrl = (name: string) => `/project/local/service/${name}`;

  // Power off and on: service-power.test.ts.
  test("create answers REBUILDING in a service envelope, then the service becomes RUNNING", async () => {
    const res = await h.api("POST", "/project/local/service", {
      service_name: "svc-a",
      service_type: "flink",
      plan: "premium-4",
      cloud: "aws-eu-west-1",
      user_config: { number_of_task_slots: 4 },
      tags: { team: "data" },
      project_vpc_id: null,
    });
    expect(res.status).toBe(200);
    expect(res.body.service).toMatchObject({
      service_name: "svc-a",
      service_type: "flink",
      plan: "premium-4",
      cloud_name: "aws-eu-west-1",
      state: "REBUILDING",
      node_count: 3,
    });
    expect(res.body.service.user_config).toEqual({ number_of_task_slots: 4, flink_version: "1.20" });
    const running = await eventually(async () => {
      const s = (await h.api("GET", svcUrl("svc-a"))).body.service;
      return s.state === "RUNNING" ? s : undefined;
    }, "RUNNING");
    expect(running.connection_info.flink).toEqual([expect.stringMatching(/:443$/)]);
    expect(running.tags).toEqual({ team: "data" });
    const list = await h.api("GET", "/project/local/service");
    expect(list.body.services.map((s: { service_name: string }) => s.service_name)).toContain("svc-a");
  });

  test.each([
    [{ service_type: "flink", plan: "business-4" }, /service_name: missing/],
    [
      { service_name: "Bad_Name", service_type: "flink", plan: "business-4" },
      /service_name: 'Bad_Name' is invalid/,
    ],
    [{ service_name: "x".repeat(65), service_type: "flink", plan: "business-4" }, /at most 64/],
    [
      { service_name: "s1", service_type: "mysql", plan: "business-4" },
      /service_type: 'mysql' is not supported/,
    ],
    [
      { service_name: "s1", service_type: "flink", plan: "business-3" },
      /plan: 'business-3' is not a flink plan/,
    ],
    [
      { service_name: "s1", service_type: "flink", plan: "business-4", cloud: "azure-westeurope" },
      /cloud: 'azure-westeurope' is not one of/,
    ],
    [
      { service_name: "s1", service_type: "flink", plan: "business-4", user_config: { taskslots: 2 } },
      /unknown key 'taskslots'/,
    ],
    [
      {
        service_name: "s1",
        service_type: "flink",
        plan: "business-4",
        user_config: { number_of_task_slots: 0 },
      },
      /between 1 and 1024, got 0/,
    ],
    [
      {
        service_name: "s1",
        service_type: "flink",
        plan: "business-4",
        user_config: { restart_strategy: "sometimes" },
      },
      /'sometimes' is not one of/,
    ],
    [{ service_name: "s1", service_type: "flink", plan: 4 }, /plan: expected a string, got the number 4/],
  ])("create with bad input %j is a 400 that says why", async (body, message) => {
    const res = await h.api("POST", "/project/local/service", body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  test("a second service with the same name is a 409 'already exists'", async () => {
    await h.api("POST", "/project/local/service", {
      service_name: "dup",
      service_type: "pg",
      plan: "hobbyist",
    });
    const res = await h.api("POST", "/project/local/service", {
      service_name: "dup",
      service_type: "pg",
      plan: "hobbyist",
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/already exists/);
  });

  test("unknown service is a 404 with the hosted API's wording", async () => {
    const res = await h.api("GET", svcUrl("nope"));
    expect(res.status).toBe(404);
    expect(res.body.message).toBe("Service nope does not exist");
  });

  test("update merges user_config, refuses create-only keys and restarts the cluster for restart keys", async () => {
    await h.api("POST", "/project/local/service", {
      service_name: "svc-u",
      service_type: "flink",
      plan: "business-4",
      user_config: { flink_version: "1.19" },
    });
    await eventually(
      async () => ((await h.api("GET", svcUrl("svc-u"))).body.service.state === "RUNNING" ? true : undefined),
      "RUNNING",
    );
    const frozen = await h.api("PUT", svcUrl("svc-u"), { user_config: { flink_version: "1.20" } });
    expect(frozen.status).toBe(400);
    expect(frozen.body.message).toMatch(/flink_version can only be set when the service is created/);
    const quiet = await h.api("PUT", svcUrl("svc-u"), {
      termination_protection: true,
      user_config: { service_log: true },
    });
    expect(quiet.body.service).toMatchObject({ state: "RUNNING", termination_protection: true });
    const restart = await h.api("PUT", svcUrl("svc-u"), { user_config: { restart_strategy: "fixed-delay" } });
    expect(restart.body.service.state).toBe("REBUILDING");
    expect(restart.body.service.user_config).toEqual({
      flink_version: "1.19",
      service_log: true,
      restart_strategy: "fixed-delay",
    });
    await eventually(
      async () => ((await h.api("GET", svcUrl("svc-u"))).body.service.state === "RUNNING" ? true : undefined),
      "RUNNING again",
    );
  });

  test("termination_protection blocks delete; delete works once it is off", async () => {
    await h.api("POST", "/project/local/service", {
      service_name: "svc-d",
      service_type: "flink",
      plan: "business-4",
      termination_protection: true,
    });
    const blocked = await h.api("DELETE", svcUrl("svc-d"));
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toMatch(/termination protection/);
    await h.api("PUT", svcUrl("svc-d"), { termination_protection: false });
    expect((await h.api("DELETE", svcUrl("svc-d"))).status).toBe(200);
    expect((await h.api("GET", svcUrl("svc-d"))).status).toBe(404);
  });

  test("tags can be replaced and read", async () => {
    await h.api("POST", "/project/local/service", {
      service_name: "svc-t",
      service_type: "flink",
      plan: "business-4",
      tags: { a: "1" },
    });
    expect((await h.api("PUT", `${svcUrl("svc-t")}/tags`, { tags: { b: "2" } })).status).toBe(200);
    expect((await h.api("GET", `${svcUrl("svc-t")}/tags`)).body.tags).toEqual({ b: "2" });
  });

  test("service types list the Flink plan catalogue; plan specs give node counts", async () => {
    const types = (await h.api("GET", "/project/local/service_types")).body.service_types;
    const plans = types.flink.service_plans.map((p: { service_plan: string; node_count: number }) => [
      p.service_plan,
      p.node_count,
    ]);
    expect(plans).toEqual(
      expect.arrayContaining([
        ["hobbyist", 1],
        ["startup-4", 1],
        ["business-32", 1],
        ["premium-8", 3],
      ]),
    );
    expect(types.flink.user_config_schema.properties.number_of_task_slots).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 1024,
    });
    const spec = await h.api("GET", "/project/local/service-types/flink/plans/premium-16");
    expect(spec.body).toMatchObject({ service_plan: "premium-16", node_count: 3 });
    expect((await h.api("GET", "/project/local/service-types/flink/plans/gold")).status).toBe(404);
  });

  test("state survives a restart on the same data dir", async () => {
    const first = await start();
    await first.api("POST", "/project/local/service", {
      service_name: "kept",
      service_type: "flink",
      plan: "business-8",
    });
    await first.cp.close();
    const again = await startControlPlane({ dataDir: first.cp.dataDir, token: TOKEN, timeScale: 0.01 });
    try {
      const res = await fetch(`${again.url}/project/local/service/kept`, {
        headers: { authorization: `aivenv1 ${TOKEN}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { service: { plan: string } }).service.plan).toBe("business-8");
    } finally {
      await again.close();
    }
  });
});
