/**
 * The official provider's common service attributes on `flink_service`: each one's plan-time
 * constraint, how the settable ones are written to the API, and how the read-only ones are read
 * from a service object (the shape the hosted API and the local control plane answer).
 */
import { fromApi, toApi } from "../../provider/engine/api-mapping";
import type { AttributeSpec, HookApi, OperationSpec, PlanHookArgs } from "../../schemas/dsl/types";
import providerSchema from "../../schemas/generated/provider-schema.json";
import { diskProblem } from "../../schemas/hooks/service-disk-plan";
import { humanSizeMb } from "../../schemas/hooks/service-parity";
import { planService } from "../../schemas/hooks/service-plan";
import { flinkServiceSpec } from "../../schemas/resources/flink-service";
import { validateConfig } from "../../schemas/validate/validate-config";

const attrs = flinkServiceSpec.attributes;
const nulls = (a: Readonly<Record<string, AttributeSpec>>) =>
  Object.fromEntries(Object.keys(a).map((k) => [k, null]));
const config = (extra: Record<string, unknown>) => ({
  ...nulls(attrs),
  project: "local",
  service_name: "flink-1",
  plan: "business-4",
  ...extra,
});
const VPC = "0b7e3f3c-59a5-4a4b-9b55-1f0c5a8b2e10";

const pathsOf = (extra: Record<string, unknown>) =>
  validateConfig(flinkServiceSpec, config(extra)).map((i) => [i.path, i.detail]);

describe("plan-time constraints", () => {
  test.each(["30GiB", "30G", "1200GiB"])("additional_disk_space %s is accepted", (v) => {
    expect(pathsOf({ additional_disk_space: v })).toEqual([]);
  });

  test.each(["30", "30GB", "0GiB", "1.5GiB", "30 GiB", "030GiB", "30MiB"])(
    "additional_disk_space %s is an error at the attribute",
    (v) => {
      expect(pathsOf({ additional_disk_space: v })).toEqual([
        [
          ["additional_disk_space"],
          `additional_disk_space must be a whole number of GiB such as \`30GiB\` (or \`30G\`), got "${v}".`,
        ],
      ]);
    },
  );

  test("project_vpc_id is PROJECT/VPC_ID", () => {
    expect(pathsOf({ project_vpc_id: `local/${VPC}` })).toEqual([]);
    for (const bad of [VPC, "local/vpc-1", `local/${VPC}/x`, `/${VPC}`]) {
      expect(pathsOf({ project_vpc_id: bad })).toEqual([
        [
          ["project_vpc_id"],
          `project_vpc_id must be \`PROJECT/VPC_ID\`, the project and the VPC's UUID, got "${bad}".`,
        ],
      ]);
    }
  });

  test("static_ips: at most 128 ids, none empty", () => {
    expect(pathsOf({ static_ips: [] })).toEqual([]);
    expect(pathsOf({ static_ips: ["ip359373e5e56"] })).toEqual([]);
    const many = Array.from({ length: 129 }, (_, i) => `ip${i}`);
    expect(pathsOf({ static_ips: many }).map(([p]) => p)).toEqual([["static_ips"]]);
    expect(pathsOf({ static_ips: [""] }).map(([p]) => p)).toEqual([["static_ips", 0]]);
  });

  test("service_integrations: an empty set is fine, any entry is refused where it is written", () => {
    expect(pathsOf({ service_integrations: [] })).toEqual([]);
    expect(
      pathsOf({ service_integrations: [{ integration_type: "flink", source_service_name: "kafka-1" }] }),
    ).toEqual([
      [
        ["service_integrations"],
        "service_integrations: a Flink service takes no integrations when it is created; remove them and connect each source or sink with a flink_service_integration resource.",
      ],
    ]);
  });

  test("the read-only attributes cannot be set", () => {
    for (const name of [
      "service_type",
      "service_username",
      "service_password",
      "components",
      "flink",
      "disk_space_used",
      "disk_space_default",
      "disk_space_step",
      "disk_space_cap",
      "maintenance_window_enabled",
    ]) {
      expect(attrs[name]).toMatchObject({ computed: true });
      expect(attrs[name]!.optional).toBeUndefined();
    }
  });
});

describe("generated schema", () => {
  type Attr = { type?: unknown; sensitive?: boolean; optional?: boolean; nested_type?: Json };
  type Json = { nesting_mode?: string; attributes: Record<string, Attr> };
  const schemas = providerSchema.provider_schemas["registry.terraform.io/flinkform/flink"];
  const block = schemas.resource_schemas.flink_service.block.attributes as unknown as Record<string, Attr>;

  test("the password and the URI are sensitive; the user, components and host_ports are not", () => {
    expect(block.service_password).toMatchObject({ type: "string", computed: true, sensitive: true });
    expect(block.service_username!.sensitive).toBeUndefined();
    expect(block.components!.nested_type!.nesting_mode).toBe("list");
    expect(block.flink!.nested_type!.attributes.host_ports).toMatchObject({ type: ["list", "string"] });
    expect(block.service_integrations!.nested_type!.nesting_mode).toBe("set");
    expect(block.static_ips).toMatchObject({ type: ["set", "string"], optional: true });
  });
});

describe("written to the API", () => {
  test("sizes in MB, the VPC's UUID, and source_service for source_service_name", () => {
    const body = toApi(
      attrs,
      config({
        additional_disk_space: "60GiB",
        project_vpc_id: `local/${VPC}`,
        static_ips: [],
        service_integrations: [{ integration_type: "flink", source_service_name: "kafka-1" }],
      }),
    );
    expect(body).toMatchObject({
      disk_space_mb: 60 * 1024,
      project_vpc_id: VPC,
      static_ips: [],
      service_integrations: [{ integration_type: "flink", source_service: "kafka-1" }],
    });
    expect(toApi(attrs, config({ additional_disk_space: "30G" })).disk_space_mb).toBe(30 * 1024);
  });

  test("unset, none of them is sent", () => {
    const body = toApi(attrs, config({}));
    for (const field of ["disk_space_mb", "project_vpc_id", "static_ips", "service_integrations"])
      expect(body).not.toHaveProperty(field);
  });

  test("the create sends them all; the update the VPC and the disk only (static IPs are create-time)", () => {
    expect(flinkServiceSpec.operations.create.bodyFields).toEqual(
      expect.arrayContaining(["project_vpc_id", "disk_space_mb", "static_ips", "service_integrations"]),
    );
    expect(flinkServiceSpec.operations.update!.bodyFields).toEqual(
      expect.arrayContaining(["project_vpc_id", "disk_space_mb"]),
    );
    expect(flinkServiceSpec.operations.update!.bodyFields).not.toContain("static_ips");
    expect(attrs.service_integrations!.replaceOnChange).toBe(true);
  });
});

describe("read from a service object", () => {
  const service = {
    service_name: "flink-1",
    service_type: "flink",
    plan: "business-4",
    project_vpc_id: null,
    maintenance: { dow: "sunday", time: "04:00:00", enabled: true, updates: [] },
    disk_space_mb: 0,
    service_uri: "https://avnadmin:pw-123@flink-1.example:443",
    service_uri_params: { host: "flink-1.example", port: "443", user: "avnadmin", password: "pw-123" },
    connection_info: { flink: ["flink-1.example:443"] },
    users: [{ username: "avnadmin", password: "pw-123", type: "primary" }],
    components: [
      {
        component: "flink",
        host: "flink-1.example",
        port: 443,
        route: "dynamic",
        usage: "primary",
        ssl: true,
      },
    ],
    service_integrations: [{ integration_type: "flink", source_service: "kafka-1" }],
  };

  test("each attribute, in the official provider's meaning", () => {
    const values = fromApi(attrs, service, null);
    expect(values).toMatchObject({
      service_type: "flink",
      service_username: "avnadmin",
      service_password: "pw-123",
      maintenance_window_enabled: true,
      project_vpc_id: null,
      additional_disk_space: null,
      disk_space_used: "0B",
      disk_space_default: "0B",
      disk_space_step: "0B",
      disk_space_cap: "0B",
      flink: { host_ports: ["flink-1.example:443"] },
      // Integrations made later (flink_service_integration) are not create-time ones: no drift.
      service_integrations: [],
      static_ips: [],
    });
    expect(values.components).toEqual([
      {
        component: "flink",
        host: "flink-1.example",
        port: 443,
        connection_uri: "flink-1.example:443",
        route: "dynamic",
        usage: "primary",
        ssl: true,
        kafka_authentication_method: null,
        kafka_ssl_ca: null,
        privatelink_connection_id: null,
      },
    ]);
  });

  test("a component without `ssl` is encrypted; credentials fall back to the avnadmin user", () => {
    const { ssl: _ssl, ...plain } = service.components[0]!;
    const values = fromApi(
      attrs,
      { ...service, components: [{ ...plain, port: 8081 }], service_uri_params: { host: "h", port: "1" } },
      null,
    );
    expect((values.components as { ssl: boolean }[])[0]!.ssl).toBe(true);
    expect(values).toMatchObject({ service_username: "avnadmin", service_password: "pw-123" });
  });

  test("disk beyond the plan's is additional_disk_space; an unknown plan has no disk figures", () => {
    expect(fromApi(attrs, { ...service, disk_space_mb: 30 * 1024 }, null)).toMatchObject({
      additional_disk_space: "30GiB",
      disk_space_used: "30GiB",
    });
    expect(fromApi(attrs, { ...service, plan: "custom-7" }, null)).toMatchObject({
      additional_disk_space: null,
      disk_space_default: null,
      disk_space_cap: null,
      disk_space_used: "0B",
    });
  });

  test.each([
    [0, "0B"],
    [512, "512MiB"],
    [1536, "1.5GiB"],
    [30 * 1024, "30GiB"],
    [1200 * 1024, "1200GiB"],
  ])("%i MB prints as %s, as upstream", (mb, text) => {
    expect(humanSizeMb(mb)).toBe(text);
  });
});

describe("plan hook", () => {
  const state = (extra: Record<string, unknown>) => config({ static_ips: [], ...extra });

  test("static_ips cannot change on an existing service", async () => {
    const r = await planService({
      prior: state({}),
      planned: state({ static_ips: ["ip1"] }),
      config: state({ static_ips: ["ip1"] }),
      changed: [["static_ips"]],
    });
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        path: ["static_ips"],
        summary: "Static IPs Fixed At Create",
      }),
    ]);
    // The same set written in another order is no change.
    const same = await planService({
      prior: state({ static_ips: ["a", "b"] }),
      planned: state({ static_ips: ["b", "a"] }),
      config: null,
      changed: [["static_ips"]],
    });
    expect(same.diagnostics ?? []).toEqual([]);
  });

  describe("additional_disk_space against the plan's published limits", () => {
    const calls: { op: OperationSpec; values: unknown }[] = [];
    const fakeApi = (answer: Record<string, unknown> | "404"): HookApi =>
      ({
        call: async (op: OperationSpec, values: unknown) => {
          calls.push({ op, values });
          if (answer === "404") throw Object.assign(new Error("not found"), { notFound: true });
          return answer;
        },
        isNotFound: (err: unknown) => Boolean((err as { notFound?: boolean }).notFound),
      }) as unknown as HookApi;
    const create = (api: HookApi, disk: string): PlanHookArgs => ({
      prior: null,
      planned: state({ additional_disk_space: disk }),
      config: state({ additional_disk_space: disk }),
      changed: [],
      api,
    });
    beforeEach(() => calls.splice(0));

    test("a plan with no disk to add refuses any size at the attribute (the local catalogue)", async () => {
      const api = fakeApi({ disk_space_mb: 0, disk_space_step_mb: 0, disk_space_cap_mb: 0 });
      const r = await planService(create(api, "30GiB"));
      expect(r.diagnostics).toEqual([
        {
          severity: "error",
          path: ["additional_disk_space"],
          summary: "Invalid Attribute Value",
          detail: "additional_disk_space: plan business-4 has no disk to add to (its disk_space_cap is 0B).",
        },
      ]);
      expect(calls.map((c) => c.op.path)).toEqual(["/project/{project}/service-types/flink/plans/{plan}"]);
    });

    test("within the cap and on a step it passes; a plan the API does not describe is not checked", async () => {
      const limits = {
        disk_space_mb: 81920,
        disk_space_step_mb: 30720,
        disk_space_cap_mb: 81920 + 4 * 30720,
      };
      expect((await planService(create(fakeApi(limits), "60GiB"))).diagnostics ?? []).toEqual([]);
      expect((await planService(create(fakeApi("404"), "60GiB"))).diagnostics ?? []).toEqual([]);
    });

    test("unchanged on an update, the API is not asked", async () => {
      const api = fakeApi({ disk_space_mb: 0, disk_space_step_mb: 0, disk_space_cap_mb: 0 });
      const s = state({ additional_disk_space: "30GiB" });
      await planService({ prior: s, planned: s, config: s, changed: [["tags"]], api });
      expect(calls).toEqual([]);
    });
  });

  test.each([
    [30720, "plan p has no disk to add to (its disk_space_cap is 80GiB)", 81920, 81920],
    [
      4 * 30720 + 30720,
      "plan p can take at most 120GiB more (disk_space_cap 200GiB), got 150GiB",
      81920,
      204800,
    ],
    [10240, "must be a multiple of 30GiB (disk_space_step) for plan p, got 10GiB", 81920, 204800],
  ])("diskProblem(%i MB)", (extra, message, def, cap) => {
    expect(diskProblem(extra, { defaultMb: def, stepMb: 30720, capMb: cap }, "p")).toBe(message);
  });
});
