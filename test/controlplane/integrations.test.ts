import { eventually, type Harness, start } from "./helpers";

describe("integration endpoints and integrations", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
    await h.api("POST", "/project/local/service", {
      service_name: "fl",
      service_type: "flink",
      plan: "business-4",
    });
    await h.api("POST", "/project/local/service", {
      service_name: "kf",
      service_type: "kafka",
      plan: "startup-2",
    });
    await h.api("POST", "/project/local/service", {
      service_name: "db",
      service_type: "pg",
      plan: "startup-4",
    });
  });
  afterAll(() => h.cp.close());

  const kafkaEndpoint = {
    endpoint_name: "ext-kafka",
    endpoint_type: "external_kafka",
    user_config: {
      bootstrap_servers: "broker:9092",
      security_protocol: "SASL_SSL",
      sasl_mechanism: "PLAIN",
      sasl_plain_username: "u",
      sasl_plain_password: "hunter2-secret",
    },
  };

  test("external endpoints: created, listed, secrets left out unless include_secrets=true, updated, deleted", async () => {
    const created = await h.api("POST", "/project/local/integration_endpoint", kafkaEndpoint);
    expect(created.status).toBe(200);
    const e = created.body.service_integration_endpoint;
    expect(e).toMatchObject({
      endpoint_name: "ext-kafka",
      endpoint_type: "external_kafka",
      endpoint_config: { bootstrap_servers: "broker:9092" },
    });
    expect(e.user_config.sasl_plain_password).toBeUndefined();
    const withSecrets = await h.api(
      "GET",
      `/project/local/integration_endpoint/${e.endpoint_id}?include_secrets=true`,
    );
    expect(withSecrets.body.service_integration_endpoint.user_config.sasl_plain_password).toBe(
      "hunter2-secret",
    );
    const list = await h.api("GET", "/project/local/integration_endpoint");
    expect(
      list.body.service_integration_endpoints.map((x: { endpoint_id: string }) => x.endpoint_id),
    ).toContain(e.endpoint_id);
    const upd = await h.api("PUT", `/project/local/integration_endpoint/${e.endpoint_id}`, {
      user_config: { bootstrap_servers: "b2:9092" },
    });
    expect(upd.body.service_integration_endpoint.user_config).toMatchObject({
      bootstrap_servers: "b2:9092",
      security_protocol: "SASL_SSL",
    });
    expect((await h.api("DELETE", `/project/local/integration_endpoint/${e.endpoint_id}`)).status).toBe(200);
    expect((await h.api("GET", `/project/local/integration_endpoint/${e.endpoint_id}`)).status).toBe(404);
  });

  test.each([
    [{ endpoint_type: "external_kafka", user_config: {} }, /endpoint_name: missing/],
    [
      { endpoint_name: "x", endpoint_type: "external_s3", user_config: {} },
      /endpoint_type: 'external_s3' is not one of/,
    ],
    [
      { endpoint_name: "x", endpoint_type: "external_kafka", user_config: { security_protocol: "SSL" } },
      /bootstrap_servers: missing required/,
    ],
    [
      {
        endpoint_name: "x",
        endpoint_type: "external_postgresql",
        user_config: { host: "h", port: 70000, username: "u" },
      },
      /port: must be between 1 and 65535/,
    ],
    [
      {
        endpoint_name: "x",
        endpoint_type: "external_postgresql",
        user_config: { host: "h", port: 5432, username: "u", colour: "red" },
      },
      /unknown key 'colour'/,
    ],
  ])("bad endpoint %# is a 400 naming the field", async (body, message) => {
    const res = await h.api("POST", "/project/local/integration_endpoint", body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  test("a secret value never appears in an error message", async () => {
    const res = await h.api("POST", "/project/local/integration_endpoint", {
      endpoint_name: "x",
      endpoint_type: "external_kafka",
      user_config: { bootstrap_servers: "b:1", security_protocol: "SSL", sasl_plain_password: 12345678 },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).not.toContain("12345678");
  });

  test("flink integration from Kafka and PostgreSQL services; listed on both services", async () => {
    const k = await h.api("POST", "/project/local/integration", {
      integration_type: "flink",
      source_service: "kf",
      dest_service: "fl",
    });
    expect(k.body.service_integration).toMatchObject({
      integration_type: "flink",
      source_service: "kf",
      source_service_type: "kafka",
      dest_service: "fl",
      dest_service_type: "flink",
      active: true,
      enabled: true,
    });
    const pg = await h.api("POST", "/project/local/integration", {
      integration_type: "flink",
      source_service: "db",
      dest_service: "fl",
    });
    expect(pg.status).toBe(200);
    const list = (await h.api("GET", "/project/local/service/fl/integration")).body.service_integrations;
    expect(list.map((i: { source_service: string }) => i.source_service).sort()).toEqual(["db", "kf"]);
    expect((await h.api("GET", "/project/local/service/fl")).body.service.service_integrations).toHaveLength(
      2,
    );
    const dup = await h.api("POST", "/project/local/integration", {
      integration_type: "flink",
      source_service: "kf",
      dest_service: "fl",
    });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toMatch(/already exists/);
  });

  test("flink_external_kafka and flink_external_postgresql take an endpoint of the right type", async () => {
    const ek = (
      await h.api("POST", "/project/local/integration_endpoint", { ...kafkaEndpoint, endpoint_name: "ek2" })
    ).body.service_integration_endpoint;
    const ep = (
      await h.api("POST", "/project/local/integration_endpoint", {
        endpoint_name: "ep",
        endpoint_type: "external_postgresql",
        user_config: { host: "pg", port: 5432, username: "u", password: "p" },
      })
    ).body.service_integration_endpoint;
    const ok = await h.api("POST", "/project/local/integration", {
      integration_type: "flink_external_kafka",
      source_endpoint_id: ek.endpoint_id,
      dest_service: "fl",
    });
    expect(ok.body.service_integration).toMatchObject({
      source_endpoint_id: ek.endpoint_id,
      source_endpoint: "ek2",
      source_service_type: "external_kafka",
    });
    const wrong = await h.api("POST", "/project/local/integration", {
      integration_type: "flink_external_postgresql",
      source_endpoint_id: ek.endpoint_id,
      dest_service: "fl",
    });
    expect(wrong.status).toBe(400);
    const pg = await h.api("POST", "/project/local/integration", {
      integration_type: "flink_external_postgresql",
      source_endpoint_id: ep.endpoint_id,
      dest_service: "fl",
      user_config: { stringtype: "unspecified" },
    });
    expect(pg.status).toBe(200);
    const badConfig = await h.api(
      "PUT",
      `/project/local/integration/${pg.body.service_integration.service_integration_id}`,
      { user_config: { stringtype: "varchar" } },
    );
    expect(badConfig.status).toBe(400);
    const inUse = await h.api("DELETE", `/project/local/integration_endpoint/${ep.endpoint_id}`);
    expect(inUse.status).toBe(409);
  });

  test.each([
    [
      { integration_type: "kafka_connect", source_service: "kf", dest_service: "fl" },
      400,
      /integration_type/,
    ],
    [
      { integration_type: "flink", source_service: "fl", dest_service: "kf" },
      400,
      /needs a kafka or pg service/,
    ],
    [
      { integration_type: "flink", source_service: "ghost", dest_service: "fl" },
      404,
      /Service ghost does not exist/,
    ],
    [{ integration_type: "flink", dest_service: "fl" }, 400, /source_service: required/],
    [
      { integration_type: "flink", source_service: "kf", dest_service: "fl", user_config: { x: 1 } },
      400,
      /unknown key 'x'/,
    ],
  ])("bad integration %# is refused", async (body, status, message) => {
    const res = await h.api("POST", "/project/local/integration", body);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
  });

  test("logs and metrics integrations between services", async () => {
    const res = await h.api("POST", "/project/local/integration", {
      integration_type: "metrics",
      source_service: "fl",
      dest_service: "db",
    });
    expect(res.status).toBe(200);
    const id = res.body.service_integration.service_integration_id;
    expect((await h.api("DELETE", `/project/local/integration/${id}`)).status).toBe(200);
    expect((await h.api("GET", `/project/local/integration/${id}`)).body.message).toBe(
      `Integration not found: ${id}`,
    );
  });

  test("eventual consistency fault: a new integration is invisible for a while, then appears", async () => {
    h.cp.setFaults({ integrationVisibilityDelayMs: 300 });
    try {
      const created = await h.api("POST", "/project/local/integration", {
        integration_type: "logs",
        source_service: "kf",
        dest_service: "db",
      });
      const id = created.body.service_integration.service_integration_id;
      const first = await h.api("GET", `/project/local/integration/${id}`);
      expect(first.status).toBe(404);
      expect(first.body.message).toBe(`Integration not found: ${id}`);
      await eventually(
        async () =>
          (await h.api("GET", `/project/local/integration/${id}`)).status === 200 ? true : undefined,
        "integration visible",
      );
    } finally {
      h.cp.setFaults({});
    }
  });
});
