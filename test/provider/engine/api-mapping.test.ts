import { fillUnknowns, fromApi, toApi, unwrap } from "../../../provider/engine/api-mapping";
import type { Values } from "../../../provider/engine/values";
import { UNKNOWN } from "../../../provider/protocol";
import type { AttributeSpec } from "../../../schemas/dsl/types";
import { flinkIntegrationEndpointSpec } from "../../../schemas/resources/flink-integration-endpoint";
import { flinkServiceSpec } from "../../../schemas/resources/flink-service";
import { flinkServiceIntegrationSpec } from "../../../schemas/resources/flink-service-integration";

function nulls(attributes: Readonly<Record<string, AttributeSpec>>): Values {
  return Object.fromEntries(Object.keys(attributes).map((name) => [name, null]));
}

/** What state holds for attributes nobody set: their defaults (Terraform-only settings included). */
function defaults(attributes: Readonly<Record<string, AttributeSpec>>): Values {
  return Object.fromEntries(Object.entries(attributes).map(([name, attr]) => [name, attr.default ?? null]));
}
const svc = flinkServiceSpec.attributes;
const uc = svc.flink_user_config.attributes!;
const endpoint = flinkIntegrationEndpointSpec.attributes;

const serviceValues: Values = {
  ...defaults(svc),
  project: "local",
  service_name: "flink-1",
  plan: "business-4",
  cloud_name: "google-europe-west1",
  maintenance_window_dow: "sunday",
  maintenance_window_time: "01:00:00",
  termination_protection: true,
  tech_emails: ["ops@example.com", "oncall@example.com"],
  tags: { team: "data" },
  flink_user_config: {
    ...nulls(uc),
    flink_version: "1.20",
    number_of_task_slots: 4,
    ip_filter: ["10.0.0.0/8"],
    restart_strategy: {
      ...nulls(uc.restart_strategy.attributes!),
      type: "fixed-delay",
      max_failures: 3,
      delay_sec: 5,
    },
  },
};

describe("flink_service", () => {
  test("toApi writes the API's shapes: flat restart-strategy keys, write names, nested paths, codecs", () => {
    const body = toApi(svc, serviceValues);
    expect(body).toEqual({
      project: "local",
      service_name: "flink-1",
      plan: "business-4",
      cloud: "google-europe-west1",
      maintenance: { dow: "sunday", time: "01:00:00" },
      termination_protection: true,
      tech_emails: [{ email: "ops@example.com" }, { email: "oncall@example.com" }],
      tags: { team: "data" },
      // Sent on update (as the official provider does); the create operation's bodyFields leave it out.
      powered: true,
      user_config: {
        flink_version: "1.20",
        number_of_task_slots: 4,
        ip_filter: ["10.0.0.0/8"],
        restart_strategy: "fixed-delay",
        restart_strategy_max_failures: 3,
        restart_strategy_delay_sec: 5,
      },
    });
  });

  test("fromApi of what the API echoes gives back the same values, plus what it derives", () => {
    const body = toApi(svc, serviceValues);
    const api = {
      ...body,
      cloud_name: body.cloud,
      state: "RUNNING",
      node_count: 1,
      service_uri: "https://flink-1.local:443",
      service_uri_params: { host: "flink-1.local", port: "443" },
    };
    const back = fromApi(svc, api, serviceValues);
    expect(back).toEqual({
      ...serviceValues,
      // The other forms of the IP filter read the same API list, each in its own shape.
      flink_user_config: {
        ...(serviceValues.flink_user_config as Values),
        ip_filter_string: ["10.0.0.0/8"],
        ip_filter_object: [{ network: "10.0.0.0/8", description: null }],
      },
      state: "RUNNING",
      node_count: 1,
      service_uri: "https://flink-1.local:443",
      service_host: "flink-1.local",
      service_port: 443,
      task_slots_total: 4,
      // The plan's disk figures, and the create-time sets a Flink service reads as empty.
      disk_space_default: "0B",
      disk_space_step: "0B",
      disk_space_cap: "0B",
      service_integrations: [],
      static_ips: [],
    });
  });

  test("a user config without restart-strategy keys reads back as no restart_strategy at all", () => {
    const back = fromApi(svc, { user_config: { number_of_task_slots: 2 } }, null);
    expect((back.flink_user_config as Values).restart_strategy).toBeNull();
    expect((back.flink_user_config as Values).number_of_task_slots).toBe(2);
  });

  test("empty collections the configuration never set are not drift; Terraform-only settings keep prior", () => {
    const prior = { ...serviceValues, tags: null, timeouts: { create: "1m" } };
    const back = fromApi(svc, { tags: {}, tech_emails: [] }, prior);
    expect(back.tags).toBeNull();
    expect(back.timeouts).toEqual({ create: "1m" });
  });

  test("unknown values are left out of the request body", () => {
    const body = toApi(svc, { ...serviceValues, cloud_name: UNKNOWN, flink_user_config: UNKNOWN });
    expect(body).not.toHaveProperty("cloud");
    expect(body).not.toHaveProperty("user_config");
  });
});

describe("flink_integration_endpoint: apiWhen and keepOnRead", () => {
  const kafka: Values = {
    ...nulls(endpoint),
    project: "local",
    endpoint_name: "k",
    endpoint_type: "external_kafka",
    external_kafka: {
      ...nulls(endpoint.external_kafka.attributes!),
      bootstrap_servers: "kafka:9093",
      security_protocol: "SASL_SSL",
      sasl_mechanism: "PLAIN",
      sasl_plain_username: "flink",
      sasl_plain_password: "s3cret",
    },
  };

  test("only the object matching endpoint_type becomes user_config", () => {
    const body = toApi(endpoint, {
      ...kafka,
      // A stray postgresql object must not overwrite the kafka user_config.
      external_postgresql: {
        ...nulls(endpoint.external_postgresql.attributes!),
        host: "pg",
        port: 1,
        username: "u",
      },
    });
    expect(body.user_config).toEqual({
      bootstrap_servers: "kafka:9093",
      security_protocol: "SASL_SSL",
      sasl_mechanism: "PLAIN",
      sasl_plain_username: "flink",
      sasl_plain_password: "s3cret",
    });
  });

  test("read maps user_config to the object of the endpoint's type; the secret the API hides is kept", () => {
    const api = {
      endpoint_id: "e-1",
      endpoint_name: "k",
      endpoint_type: "external_kafka",
      user_config: {
        bootstrap_servers: "kafka:9093",
        security_protocol: "SASL_SSL",
        sasl_mechanism: "PLAIN",
        sasl_plain_username: "flink",
      },
    };
    const back = fromApi(endpoint, api, kafka);
    expect(back.external_postgresql).toBeNull();
    expect(back.external_kafka).toEqual(kafka.external_kafka);
    expect(back.endpoint_id).toBe("e-1");
    // On import there is no prior state: the secret is unknown to us, so null, never invented.
    expect((fromApi(endpoint, api, null).external_kafka as Values).sasl_plain_password).toBeNull();
  });

  test("a port the API returns as a numeric string reads back as a number", () => {
    const api = {
      endpoint_type: "external_postgresql",
      user_config: { host: "pg", port: "5432", username: "u" },
    };
    expect((fromApi(endpoint, api, null).external_postgresql as Values).port).toBe(5432);
  });
});

test("api names map both ways: service_integration_id ↔ integration_id, dest_service ↔ destination_service_name", () => {
  const attrs = flinkServiceIntegrationSpec.attributes;
  const values = {
    ...nulls(attrs),
    project: "local",
    integration_type: "flink_external_kafka",
    source_endpoint_id: "e-1",
    destination_service_name: "flink-1",
  };
  expect(toApi(attrs, values)).toEqual({
    project: "local",
    integration_type: "flink_external_kafka",
    source_endpoint_id: "e-1",
    dest_service: "flink-1",
  });
  const back = fromApi(
    attrs,
    {
      integration_type: "flink_external_kafka",
      source_endpoint_id: "e-1",
      dest_service: "flink-1",
      service_integration_id: "i-1",
      active: true,
    },
    values,
  );
  expect(back).toMatchObject({ integration_id: "i-1", destination_service_name: "flink-1", active: true });
});

test("unwrap takes the envelope, and anything that is not an object becomes empty", () => {
  expect(unwrap({ service: { a: 1 } }, "service")).toEqual({ a: 1 });
  expect(unwrap({ a: 1 }, undefined)).toEqual({ a: 1 });
  expect(unwrap(undefined, "service")).toEqual({});
  expect(unwrap({ service: [1] }, "service")).toEqual({});
});

test("fillUnknowns fills only unknowns, keeping planned values exactly (SQL text as written)", () => {
  const planned = {
    statement: "INSERT  INTO x\nSELECT 1",
    id: UNKNOWN,
    nested: { a: UNKNOWN, b: 2 },
    list: [UNKNOWN],
  };
  const actual = { statement: "INSERT INTO x SELECT 1", id: "v-1", nested: { a: 1, b: 3 }, list: ["z"] };
  expect(fillUnknowns(planned, actual)).toEqual({
    statement: "INSERT  INTO x\nSELECT 1",
    id: "v-1",
    nested: { a: 1, b: 2 },
    list: ["z"],
  });
  // What the API does not return becomes null rather than staying unknown after apply.
  expect(fillUnknowns({ id: UNKNOWN }, {})).toEqual({ id: null });
});
