/**
 * The official provider's `flink_user_config` forms and settings, and the integration's
 * `stringtype`: plan-time rules beyond single values (validate-config.test.ts has the ranges), and
 * how the three IP filter forms map onto the API's one `ip_filter` list and back.
 */
import { fromApi, toApi } from "../../provider/engine/api-mapping";
import type { AttributeSpec, HookApi, OperationSpec } from "../../schemas/dsl/types";
import { FLINK_USER_CONFIG_KEYS } from "../../schemas/flink/user-config";
import { updateIntegrationUserConfig } from "../../schemas/hooks/integration-user-config";
import { planService } from "../../schemas/hooks/service-plan";
import { flinkServiceSpec } from "../../schemas/resources/flink-service";
import { flinkServiceIntegrationSpec } from "../../schemas/resources/flink-service-integration";
import { validateConfig } from "../../schemas/validate/validate-config";

const uc = flinkServiceSpec.attributes.flink_user_config.attributes!;
const nulls = (attrs: Readonly<Record<string, AttributeSpec>>) =>
  Object.fromEntries(Object.keys(attrs).map((k) => [k, null]));

const serviceConfig = (userConfig: Record<string, unknown>) => ({
  ...nulls(flinkServiceSpec.attributes),
  project: "local",
  service_name: "flink-1",
  plan: "business-4",
  flink_user_config: { ...nulls(uc), ...userConfig },
});

const FORMS = {
  ip_filter: ["10.0.0.0/8"],
  ip_filter_string: ["10.0.0.0/8"],
  ip_filter_object: [{ network: "10.0.0.0/8", description: null }],
};

describe("the three ip_filter forms", () => {
  test.each([
    ["ip_filter", "ip_filter_string"],
    ["ip_filter", "ip_filter_object"],
    ["ip_filter_object", "ip_filter_string"],
  ] as const)("%s with %s is a plan-time error at the first of them", (a, b) => {
    const issues = validateConfig(flinkServiceSpec, serviceConfig({ [a]: FORMS[a], [b]: FORMS[b] }));
    expect(issues).toEqual([
      {
        severity: "error",
        path: ["flink_user_config", a],
        summary: "Conflicting Attributes",
        detail: `flink_user_config.${a} cannot be set together with flink_user_config.${b}; set only one.`,
      },
    ]);
  });

  test.each(Object.keys(FORMS))("%s alone is fine", (form) => {
    const value = FORMS[form as keyof typeof FORMS];
    expect(validateConfig(flinkServiceSpec, serviceConfig({ [form]: value }))).toEqual([]);
  });

  test("each form writes the API's ip_filter; objects without a description send the network only", () => {
    const body = (userConfig: Record<string, unknown>) =>
      toApi(flinkServiceSpec.attributes, serviceConfig(userConfig)).user_config;
    expect(body({ ip_filter_string: ["10.0.0.0/8", "::/0"] })).toEqual({ ip_filter: ["10.0.0.0/8", "::/0"] });
    expect(
      body({
        ip_filter_object: [
          { network: "10.0.0.0/8", description: "office" },
          { network: "::/0", description: null },
        ],
      }),
    ).toEqual({ ip_filter: [{ network: "10.0.0.0/8", description: "office" }, { network: "::/0" }] });
  });

  test("the API's list reads back into every form, each in its own shape", () => {
    const api = {
      user_config: {
        ip_filter: [
          "192.168.0.0/24",
          { network: "10.0.0.0/8", description: "office" },
          { network: "192.168.0.0/24" },
        ],
      },
    };
    const read = fromApi(flinkServiceSpec.attributes, api, null).flink_user_config as Record<string, unknown>;
    // Strings once each: a set cannot hold one twice.
    expect(read.ip_filter).toEqual(["192.168.0.0/24", "10.0.0.0/8"]);
    expect(read.ip_filter_string).toEqual(["192.168.0.0/24", "10.0.0.0/8"]);
    expect(read.ip_filter_object).toEqual([
      { network: "192.168.0.0/24", description: null },
      { network: "10.0.0.0/8", description: "office" },
      { network: "192.168.0.0/24", description: null },
    ]);
  });

  test("the three are computed and planned unknown on an update, as any of them changes the others", () => {
    for (const form of Object.keys(FORMS)) {
      expect(uc[form]).toMatchObject({ optional: true, computed: true, volatile: true, api: "ip_filter" });
    }
  });
});

describe("new user-config settings", () => {
  test("plan-time ranges are the control plane's", () => {
    for (const key of [
      "execution_checkpointing_timeout_ms",
      "pekko_ask_timeout_s",
      "pekko_framesize_b",
    ] as const) {
      expect([uc[key]!.min, uc[key]!.max]).toEqual([
        FLINK_USER_CONFIG_KEYS[key].min,
        FLINK_USER_CONFIG_KEYS[key].max,
      ]);
    }
    expect([
      FLINK_USER_CONFIG_KEYS.pekko_ask_timeout_s.min,
      FLINK_USER_CONFIG_KEYS.pekko_ask_timeout_s.max,
    ]).toEqual([5, 60]);
    expect([
      FLINK_USER_CONFIG_KEYS.pekko_framesize_b.min,
      FLINK_USER_CONFIG_KEYS.pekko_framesize_b.max,
    ]).toEqual([1_048_576, 52_428_800]);
  });

  test.each(["execution_checkpointing_timeout_ms", "pekko_ask_timeout_s", "pekko_framesize_b"] as const)(
    "a change of %s warns at plan time that the cluster restarts, as the control plane restarts it",
    async (key) => {
      expect(FLINK_USER_CONFIG_KEYS[key].restartsCluster).toBe(true);
      const state = serviceConfig({});
      const { diagnostics } = await planService({
        prior: state,
        planned: state,
        config: state,
        changed: [["flink_user_config", key]],
      } as unknown as Parameters<typeof planService>[0]);
      expect(diagnostics).toEqual([
        expect.objectContaining({ summary: "Cluster Restart", path: ["flink_user_config", key] }),
      ]);
    },
  );

  test("custom_code can only be set at create: a change replaces the service", () => {
    expect(uc.custom_code).toMatchObject({ optional: true, replaceOnChange: true });
    expect(FLINK_USER_CONFIG_KEYS.custom_code.createOnly).toBe(true);
  });

  test("the settings round-trip through the API under their own names", () => {
    const settings = {
      execution_checkpointing_timeout_ms: 600_000,
      pekko_ask_timeout_s: 30,
      pekko_framesize_b: 20_971_520,
      custom_code: true,
      service_log: false,
      static_ips: true,
      additional_backup_regions: ["aws-eu-central-1"],
    };
    const body = toApi(flinkServiceSpec.attributes, serviceConfig(settings)).user_config;
    expect(body).toEqual(settings);
    const read = fromApi(flinkServiceSpec.attributes, { user_config: body }, null).flink_user_config;
    expect(read).toMatchObject(settings);
  });
});

describe("flink_service_integration flink_external_postgresql_user_config", () => {
  const integration = (type: string, stringtype: string | null) => ({
    ...nulls(flinkServiceIntegrationSpec.attributes),
    project: "local",
    integration_type: type,
    source_endpoint_id: "0b7e3f3c-59a5-4a4b-9b55-1f0c5a8b2e10",
    destination_service_name: "flink-1",
    flink_external_postgresql_user_config: stringtype === null ? null : { stringtype },
  });

  test("is for flink_external_postgresql integrations only: elsewhere a plan-time error at it", () => {
    expect(
      validateConfig(flinkServiceIntegrationSpec, integration("flink_external_postgresql", "unspecified")),
    ).toEqual([]);
    expect(
      validateConfig(flinkServiceIntegrationSpec, integration("flink_external_kafka", "unspecified")),
    ).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["flink_external_postgresql_user_config"],
        summary: "Setting For Another Integration Type",
      }),
    ]);
  });

  test("maps onto the integration's user_config, and only for flink_external_postgresql", () => {
    const attrs = flinkServiceIntegrationSpec.attributes;
    expect(toApi(attrs, integration("flink_external_postgresql", "unspecified")).user_config).toEqual({
      stringtype: "unspecified",
    });
    const api = { integration_type: "flink_external_postgresql", user_config: { stringtype: "unspecified" } };
    expect(fromApi(attrs, api, null).flink_external_postgresql_user_config).toEqual({
      stringtype: "unspecified",
    });
    // Nothing set, the API's empty user_config is no drift.
    expect(
      fromApi(attrs, { integration_type: "flink_external_postgresql", user_config: {} }, null)
        .flink_external_postgresql_user_config,
    ).toBeNull();
  });

  describe("update", () => {
    const calls: { op: OperationSpec; body: unknown }[] = [];
    const api = {
      call: async (op: OperationSpec, _values: unknown, body?: unknown) => {
        calls.push({ op, body });
        return { service_integration_id: "i-1" };
      },
    } as unknown as HookApi;
    const state = (stringtype: string | null, timeouts: unknown = null) => ({
      ...integration("flink_external_postgresql", stringtype),
      integration_id: "i-1",
      timeouts,
    });
    beforeEach(() => calls.splice(0));

    test("a new or removed stringtype replaces the whole user_config, as the API requires it", async () => {
      await updateIntegrationUserConfig(api, state(null), state("unspecified"));
      await updateIntegrationUserConfig(api, state("unspecified"), state(null));
      expect(calls.map((c) => [c.op.method, c.op.path, c.body])).toEqual([
        [
          "PUT",
          "/project/{project}/integration/{integration_id}",
          { user_config: { stringtype: "unspecified" } },
        ],
        ["PUT", "/project/{project}/integration/{integration_id}", { user_config: {} }],
      ]);
    });

    test("a timeouts-only change makes no call, so another type's user_config is never wiped", async () => {
      expect(await updateIntegrationUserConfig(api, state(null), state(null, { create: "1m" }))).toBeNull();
      expect(calls).toEqual([]);
    });
  });
});
