/**
 * MoveResourceState on the real provider process (the built dist/ bundle), over gRPC as terraform
 * calls it, with state written in the official Aiven provider's shape: the capability is advertised,
 * each official type moves to its counterpart (JAR deployments included), and a wrong target is refused
 * with a diagnostic.
 */
import path from "node:path";
import { blockToCtyType } from "../../provider/protocol/cty-type";
import { decodeDynamicValue } from "../../provider/protocol/dynamic-value";
import { providerSchemaJson } from "../../provider/provider-schema";
import { IDS, officialDeployment, officialJarDeployment, officialService } from "./move-state-fixtures";
import { type RunningPlugin, startPlugin } from "./protocol/plugin-client";

const bundle = path.resolve(__dirname, "..", "..", "dist", "terraform-provider-flink.cjs");
let p: RunningPlugin;
beforeAll(async () => {
  p = await startPlugin(bundle);
}, 60_000);
afterAll(async () => {
  await p?.shutdown();
});

type Diag = { severity: string; summary: string; detail: string };
type MoveResponse = { target_state?: { msgpack: Buffer }; diagnostics?: Diag[] };

const moveRequest = (source_type_name: string, target_type_name: string, state: unknown, version = 0) => ({
  source_provider_address: "registry.terraform.io/aiven/aiven",
  source_type_name,
  source_schema_version: version,
  source_state: { json: Buffer.from(JSON.stringify(state)) },
  target_type_name,
});

const typeOf = (t: string) =>
  blockToCtyType(
    (providerSchemaJson.resource_schemas as unknown as Record<string, { block: never }>)[t].block,
  );

test("GetProviderSchema advertises move_resource_state", async () => {
  const res = await p.call<{ server_capabilities: Record<string, boolean> }>("GetProviderSchema", {});
  expect(res.server_capabilities.move_resource_state).toBe(true);
});

test("aiven_flink state moves to flink_service: tags map, tech_emails set, user config object", async () => {
  const res = await p.call<MoveResponse>(
    "MoveResourceState",
    moveRequest("aiven_flink", "flink_service", officialService(), 1),
  );
  expect(res.diagnostics ?? []).toEqual([]);
  const state = decodeDynamicValue(res.target_state, typeOf("flink_service")) as Record<string, unknown>;
  expect(state).toMatchObject({
    id: `${IDS.project}/${IDS.service}`,
    plan: "business-4",
    tags: { env: "test", team: "data" },
    tech_emails: ["ops@example.com"],
    flink_user_config: { flink_version: "1.20", number_of_task_slots: 2 },
  });
});

test("aiven_flink_application_deployment moves with its deployment id", async () => {
  const res = await p.call<MoveResponse>(
    "MoveResourceState",
    moveRequest("aiven_flink_application_deployment", "flink_application_deployment", officialDeployment()),
  );
  expect(res.diagnostics ?? []).toEqual([]);
  const state = decodeDynamicValue(res.target_state, typeOf("flink_application_deployment")) as Record<
    string,
    unknown
  >;
  expect(state).toMatchObject({ deployment_id: IDS.deploymentId, version_id: IDS.versionId, parallelism: 1 });
});

test("aiven_flink_jar_application_deployment moves with its job, settings and our defaults", async () => {
  const res = await p.call<MoveResponse>(
    "MoveResourceState",
    moveRequest(
      "aiven_flink_jar_application_deployment",
      "flink_jar_application_deployment",
      officialJarDeployment(),
    ),
  );
  expect(res.diagnostics ?? []).toEqual([]);
  const state = decodeDynamicValue(res.target_state, typeOf("flink_jar_application_deployment")) as Record<
    string,
    unknown
  >;
  expect(state).toMatchObject({
    id: `${IDS.project}/${IDS.service}/${IDS.applicationId}/${IDS.deploymentId}`,
    deployment_id: IDS.deploymentId,
    version_id: IDS.versionId,
    entry_class: "com.example.Job",
    program_args: ["--rows", "10"],
    parallelism: 2,
    status: "RUNNING",
    upgrade_mode: "savepoint",
    final_savepoint: false,
    last_savepoint: null,
  });
});

test("a JAR application moved to the SQL type is refused with an error diagnostic naming its counterpart", async () => {
  const res = await p.call<MoveResponse>(
    "MoveResourceState",
    moveRequest("aiven_flink_jar_application", "flink_application", { id: "a/b/c" }),
  );
  expect(res.target_state?.msgpack?.length ?? 0).toBe(0);
  expect(res.diagnostics).toEqual([
    expect.objectContaining({
      severity: "ERROR",
      detail: expect.stringMatching(/moves to flink_jar_application, not to flink_application/),
    }),
  ]);
});
