/**
 * What the control plane accepts and refuses for the settings the official provider has: the Flink
 * user config's new keys and `ip_filter` entries, the Schema Registry endpoint, and the PostgreSQL
 * integration's `stringtype`. Ranges are the hosted API's (Aiven's "Advanced parameters for Aiven
 * for Apache Flink").
 */
import { type Harness, start } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.cp.close());

let n = 0;
const createService = (user_config: Record<string, unknown>) =>
  h.api("POST", "/project/local/service", {
    service_name: `uc-${++n}`,
    service_type: "flink",
    plan: "business-4",
    user_config,
  });

describe("flink user_config", () => {
  test("the new keys are stored and returned as given", async () => {
    const config = {
      pekko_ask_timeout_s: 60,
      pekko_framesize_b: 1_048_576,
      execution_checkpointing_timeout_ms: 600_000,
      custom_code: true,
      service_log: true,
      static_ips: false,
      additional_backup_regions: ["aws-eu-central-1"],
      ip_filter: ["10.0.0.0/8", { network: "192.168.0.0/16", description: "office" }],
    };
    const res = await createService(config);
    expect(res.status).toBe(200);
    const got = await h.api("GET", `/project/local/service/${res.body.service.service_name}`);
    expect(got.body.service.user_config).toMatchObject(config);
  });

  test.each(
    [
      [{ pekko_ask_timeout_s: 4 }, "user_config.pekko_ask_timeout_s: must be between 5 and 60, got 4"],
      [{ pekko_ask_timeout_s: 61 }, "user_config.pekko_ask_timeout_s: must be between 5 and 60, got 61"],
      [
        { pekko_framesize_b: 1_048_575 },
        "user_config.pekko_framesize_b: must be between 1048576 and 52428800, got 1048575",
      ],
      [
        { pekko_framesize_b: 52_428_801 },
        "user_config.pekko_framesize_b: must be between 1048576 and 52428800, got 52428801",
      ],
      [
        { execution_checkpointing_timeout_ms: 99 },
        "user_config.execution_checkpointing_timeout_ms: must be between 100 and 86400000, got 99",
      ],
      [{ service_log: "yes" }, "user_config.service_log: expected a boolean"],
      [
        { additional_backup_regions: ["aws-eu-central-1", "google-europe-west1"] },
        "user_config.additional_backup_regions: at most 1 items allowed, got 2",
      ],
      [
        { additional_backup_regions: [""] },
        "user_config.additional_backup_regions[0]: expected a string of 1..256",
      ],
      [
        { ip_filter: [{ network: "10.0.0.0/8", description: "x".repeat(1025) }] },
        "user_config.ip_filter[0].description: expected a string of at most 1024 characters",
      ],
      [
        { ip_filter: [{ network: "10.0.0.0/8", comment: "x" }] },
        "user_config.ip_filter[0]: unknown key 'comment'; an entry takes network and description",
      ],
      [{ ip_filter: [{ description: "no network" }] }, "user_config.ip_filter[0]: items must be strings or"],
      [
        { ip_filter: Array.from({ length: 8001 }, () => "10.0.0.0/8") },
        "user_config.ip_filter: at most 8000 items allowed, got 8001",
      ],
    ].map(([config, message]) => ({ config: config as Record<string, unknown>, message: message as string })),
  )("a 400: $message", async ({ config, message }) => {
    const res = await createService(config);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });

  test("custom_code can only be set at create", async () => {
    const created = await createService({ custom_code: false });
    const name = created.body.service.service_name;
    const res = await h.api("PUT", `/project/local/service/${name}`, { user_config: { custom_code: true } });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("custom_code can only be set when the service is created");
  });
});

describe("external_schema_registry endpoints", () => {
  const registry = (user_config: Record<string, unknown>, endpoint_name = `reg-${++n}`) =>
    h.api("POST", "/project/local/integration_endpoint", {
      endpoint_name,
      endpoint_type: "external_schema_registry",
      user_config,
    });

  test("stored; the password only with include_secrets", async () => {
    const res = await registry({
      url: "https://registry.example.com:8081",
      authentication: "basic",
      basic_auth_username: "avnadmin",
      basic_auth_password: "registry-s3cret",
    });
    expect(res.status).toBe(200);
    const e = res.body.service_integration_endpoint;
    expect(e.endpoint_config).toEqual({ url: "https://registry.example.com:8081", authentication: "basic" });
    expect(e.user_config).not.toHaveProperty("basic_auth_password");
    const withSecrets = await h.api(
      "GET",
      `/project/local/integration_endpoint/${e.endpoint_id}?include_secrets=true`,
    );
    expect(withSecrets.body.service_integration_endpoint.user_config.basic_auth_password).toBe(
      "registry-s3cret",
    );
  });

  test.each(
    [
      [{ authentication: "none" }, "user_config.url: missing required field for external_schema_registry"],
      [
        { url: "registry:8081", authentication: "none" },
        "user_config.url: must be an `http://` or `https://` URL",
      ],
      [
        { url: "https://r:8081", authentication: "oauth" },
        "user_config.authentication: 'oauth' is not one of 'none', 'basic'",
      ],
      [
        { url: "https://r:8081", authentication: "none", bootstrap_servers: "b:9092" },
        "user_config: unknown key 'bootstrap_servers' for external_schema_registry",
      ],
    ].map(([config, message]) => ({ config: config as Record<string, unknown>, message: message as string })),
  )("a 400: $message", async ({ config, message }) => {
    const res = await registry(config);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(message);
  });

  test("a bad password is refused without echoing it", async () => {
    const secret = `s3cret-${"x".repeat(300)}`;
    const res = await registry({
      url: "https://r:8081",
      authentication: "basic",
      basic_auth_password: secret,
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("basic_auth_password: must be at most 256 characters long");
    expect(JSON.stringify(res.body)).not.toContain("s3cret");
  });

  test("no Flink integration takes one as its source", async () => {
    await h.api("POST", "/project/local/service", {
      service_name: "reg-flink",
      service_type: "flink",
      plan: "business-4",
    });
    const e = (await registry({ url: "https://r:8081", authentication: "none" })).body
      .service_integration_endpoint;
    const res = await h.api("POST", "/project/local/integration", {
      integration_type: "flink_external_kafka",
      source_endpoint_id: e.endpoint_id,
      dest_service: "reg-flink",
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain("needs an external_kafka endpoint");
  });
});
