/**
 * MoveResourceState's pure mapping, per official type, from state written in the official
 * provider's shape (move-state-fixtures.ts) to flinkform's state.
 */
import { moveState } from "../../provider/engine/move-state";
import { resourceSpecs } from "../../schemas/index";
import {
  IDS,
  JAR_SHA256,
  officialApplication,
  officialDeployment,
  officialJarApplication,
  officialJarDeployment,
  officialJarVersion,
  officialService,
  officialVersion,
} from "./move-state-fixtures";

const spec = (t: string) => resourceSpecs.find((s) => s.typeName === t);
const OFFICIAL = "registry.terraform.io/aiven/aiven";
const move = (typeName: string, state: unknown, target: string, schemaVersion = 0, provider = OFFICIAL) =>
  moveState({ providerAddress: provider, typeName, schemaVersion, state }, target, spec(target));

test("aiven_flink → flink_service: tags map, emails set, user config object, every attribute present", () => {
  const r = move("aiven_flink", officialService(), "flink_service", 1);
  expect(r.issues).toEqual([]);
  expect(r.state).toMatchObject({
    id: "local/flink-legacy",
    project: "local",
    service_name: "flink-legacy",
    plan: "business-4",
    cloud_name: "google-europe-west1",
    maintenance_window_dow: "monday",
    maintenance_window_time: "10:00:00",
    termination_protection: false,
    tags: { env: "test", team: "data" },
    tech_emails: ["ops@example.com"],
    powered: true,
    state: "RUNNING",
    service_uri: "https://flink.example:443",
    service_port: 443,
    force_destroy: false,
    timeouts: null,
    node_count: null,
  });
  expect(r.state!.flink_user_config).toMatchObject({
    flink_version: "1.20",
    number_of_task_slots: 2,
    parallelism_default: null,
    restart_strategy: null,
    ip_filter: null,
    public_access: null,
    privatelink_access: null,
    // SDKv2 writes unset values as zero values: they are not carried as settings.
    custom_code: null,
    pekko_ask_timeout_s: null,
  });
  // Every attribute of our schema, nothing of theirs.
  expect(Object.keys(r.state!).sort()).toEqual(Object.keys(spec("flink_service")!.attributes).sort());
});

test("aiven_flink: each IP filter form carries over as it is; access blocks become objects", () => {
  const r = move(
    "aiven_flink",
    officialService(
      IDS,
      {},
      {
        ip_filter_string: ["10.0.0.0/8"],
        ip_filter_object: [{ network: "192.168.0.0/16", description: "" }],
        public_access: [{ flink: true }],
        privatelink_access: [{ flink: false, prometheus: true }],
      },
    ),
    "flink_service",
    1,
  );
  expect(r.issues).toEqual([]);
  expect(r.state!.flink_user_config).toMatchObject({
    ip_filter: null,
    ip_filter_string: ["10.0.0.0/8"],
    ip_filter_object: [{ network: "192.168.0.0/16", description: null }],
    public_access: { flink: true },
    privatelink_access: { flink: false, prometheus: true },
  });
});

test("aiven_flink: VPC, static IPs and extra disk carry over; settings flinkform does not manage are named in warnings, the move goes on; user config carries by name", () => {
  const r = move(
    "aiven_flink",
    officialService(
      IDS,
      {
        project_vpc_id: "local/vpc",
        static_ips: ["ip-2", "ip-1"],
        additional_disk_space: "30GiB",
        cmk_id: "key-1",
      },
      { custom_code: true },
    ),
    "flink_service",
    1,
  );
  expect(r.state).toMatchObject({
    project_vpc_id: "local/vpc",
    static_ips: ["ip-1", "ip-2"],
    additional_disk_space: "30GiB",
  });
  expect((r.state!.flink_user_config as Record<string, unknown>).custom_code).toBe(true);
  expect(r.issues.map((i) => [i.severity, i.detail.split(" is set")[0]])).toEqual([["warning", "cmk_id"]]);
});

test("aiven_flink schema version 0: string user-config values and the flat restart strategy", () => {
  const r = move(
    "aiven_flink",
    officialService(
      IDS,
      {},
      {
        number_of_task_slots: "4",
        parallelism_default: "2",
        restart_strategy: "fixed-delay",
        restart_strategy_delay_sec: "10",
        restart_strategy_max_failures: "3",
      },
    ),
    "flink_service",
    0,
  );
  expect(r.state!.flink_user_config).toMatchObject({
    number_of_task_slots: 4,
    parallelism_default: 2,
    restart_strategy: { type: "fixed-delay", delay_sec: 10, max_failures: 3 },
  });
});

test("aiven_flink_application → flink_application", () => {
  const r = move("aiven_flink_application", officialApplication(), "flink_application");
  expect(r.issues).toEqual([]);
  expect(r.state).toEqual({
    id: `local/flink-legacy/${IDS.applicationId}`,
    project: "local",
    service_name: "flink-legacy",
    name: "clicks",
    application_id: IDS.applicationId,
    created_at: "2026-01-02T03:04:05Z",
    created_by: "admin",
    updated_at: "2026-01-02T03:04:05Z",
    updated_by: "admin",
    force_destroy: false,
    timeouts: null,
  });
});

test("aiven_flink_application_version: sources/sinks merge into source/sink, empty integration ids are none", () => {
  const r = move("aiven_flink_application_version", officialVersion(), "flink_application_version");
  expect(r.issues).toEqual([]);
  expect(r.state).toMatchObject({
    application_id: IDS.applicationId,
    application_version_id: IDS.versionId,
    version: 1,
    statement: "INSERT INTO out_table SELECT n FROM src",
    source: [
      { create_table: "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')", integration_id: null },
    ],
    sink: [
      {
        create_table: "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')",
        integration_id: null,
      },
    ],
    skip_sql_validation: false,
  });
});

test("aiven_flink_application_deployment: ids carried, deployment_id recovered from id for old states", () => {
  const r = move("aiven_flink_application_deployment", officialDeployment(), "flink_application_deployment");
  expect(r.issues).toEqual([]);
  expect(r.state).toMatchObject({
    id: `local/flink-legacy/${IDS.applicationId}/${IDS.deploymentId}`,
    deployment_id: IDS.deploymentId,
    version_id: IDS.versionId,
    parallelism: 1,
    restart_enabled: true,
    starting_savepoint: null,
    desired_state: "running",
    upgrade_mode: "savepoint",
    job_id: null,
  });
  const old = move(
    "aiven_flink_application_deployment",
    officialDeployment(IDS, { deployment_id: null }),
    "flink_application_deployment",
  );
  expect(old.state!.deployment_id).toBe(IDS.deploymentId);
});

test("aiven_flink_jar_application → flink_jar_application: its read-only version and deployment lists are dropped", () => {
  const r = move("aiven_flink_jar_application", officialJarApplication(), "flink_jar_application");
  expect(r.issues).toEqual([]);
  expect(r.state).toEqual({
    id: `local/flink-legacy/${IDS.applicationId}`,
    project: "local",
    service_name: "flink-legacy",
    name: "jar-clicks",
    application_id: IDS.applicationId,
    created_at: "2026-01-02T03:04:05Z",
    created_by: "admin",
    updated_at: "2026-01-02T03:04:05Z",
    updated_by: "admin",
    timeouts: null,
  });
});

test("aiven_flink_jar_application_version: source and source_checksum carried, file_info flattened", () => {
  const r = move(
    "aiven_flink_jar_application_version",
    officialJarVersion(),
    "flink_jar_application_version",
  );
  expect(r.issues).toEqual([]);
  expect(r.state).toEqual({
    id: `local/flink-legacy/${IDS.applicationId}/${IDS.versionId}`,
    project: "local",
    service_name: "flink-legacy",
    application_id: IDS.applicationId,
    source: "./job.jar",
    source_checksum: JAR_SHA256,
    application_version_id: IDS.versionId,
    version: 1,
    file_status: "READY",
    file_sha256: JAR_SHA256,
    file_size: 4096,
    created_at: "2026-01-02T03:04:06Z",
    created_by: "admin",
    timeouts: null,
  });
  // An empty checksum (the SDKv2 zero value) falls back to the sha256 of the file the service holds.
  const imported = move(
    "aiven_flink_jar_application_version",
    officialJarVersion(IDS, { source_checksum: "" }),
    "flink_jar_application_version",
  );
  expect(imported.state!.source_checksum).toBe(JAR_SHA256);
});

test("aiven_flink_jar_application_deployment: settings and job carried, SDKv2 empty strings are null, our own settings at their defaults", () => {
  const r = move(
    "aiven_flink_jar_application_deployment",
    officialJarDeployment(IDS, { timeouts: { create: "30m", default: "15m" } }),
    "flink_jar_application_deployment",
  );
  expect(r.issues).toEqual([]);
  expect(r.state).toEqual({
    id: `local/flink-legacy/${IDS.applicationId}/${IDS.deploymentId}`,
    project: "local",
    service_name: "flink-legacy",
    application_id: IDS.applicationId,
    version_id: IDS.versionId,
    entry_class: "com.example.Job",
    program_args: ["--rows", "10"],
    parallelism: 2,
    restart_enabled: true,
    starting_savepoint: null,
    upgrade_mode: "savepoint",
    final_savepoint: false,
    deployment_id: IDS.deploymentId,
    status: "RUNNING",
    job_id: "b5f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4",
    last_savepoint: null,
    error_msg: null,
    starting_savepoint_used: null,
    created_at: "2026-01-02T03:04:07Z",
    created_by: "admin",
    timeouts: { create: "30m", read: "15m", update: "15m", delete: "15m" },
  });
  const fromSavepoint = move(
    "aiven_flink_jar_application_deployment",
    officialJarDeployment(IDS, { starting_savepoint: "s3://sp/1", program_args: [], entry_class: "" }),
    "flink_jar_application_deployment",
  );
  expect(fromSavepoint.state).toMatchObject({
    starting_savepoint: "s3://sp/1",
    starting_savepoint_used: "s3://sp/1",
    program_args: null,
    entry_class: null,
  });
});

test("timeouts: `default` fills the operations it does not name", () => {
  const r = move(
    "aiven_flink_application",
    officialApplication(IDS, {
      timeouts: { create: "30m", default: "10m", read: null, update: null, delete: null },
    }),
    "flink_application",
  );
  expect(r.state!.timeouts).toEqual({ create: "30m", read: "10m", update: "10m", delete: "10m" });
});

test("after `terraform state replace-provider` the source is flinkform's own address, which is accepted", () => {
  const r = move(
    "aiven_flink_application",
    officialApplication(),
    "flink_application",
    0,
    "registry.terraform.io/flinkform/flink",
  );
  expect(r.issues).toEqual([]);
});

test.each([
  [
    "another provider",
    "registry.terraform.io/hashicorp/random",
    "aiven_flink_application",
    "flink_application",
    0,
    /only from the official Aiven provider/,
  ],
  ["a non-Flink type", OFFICIAL, "aiven_kafka", "flink_service", 0, /cannot move aiven_kafka/],
  [
    "the wrong target",
    OFFICIAL,
    "aiven_flink_application",
    "flink_service",
    0,
    /moves to flink_application, not to flink_service/,
  ],
  ["an unknown schema version", OFFICIAL, "aiven_flink", "flink_service", 7, /schema version 7/],
  [
    "a JAR application to the SQL type",
    OFFICIAL,
    "aiven_flink_jar_application",
    "flink_application",
    0,
    /moves to flink_jar_application, not to flink_application/,
  ],
])("refuses %s with an error diagnostic", (_, provider, type, target, version, message) => {
  const r = move(type, officialApplication(), target, version, provider);
  expect(r.state).toBeUndefined();
  expect(r.issues).toHaveLength(1);
  expect(r.issues[0].severity).toBe("error");
  expect(r.issues[0].detail).toMatch(message);
});

test("a state without a usable id is refused", () => {
  const r = move(
    "aiven_flink_application",
    officialApplication(IDS, { id: "local/only-two" }),
    "flink_application",
  );
  expect(r.state).toBeUndefined();
  expect(r.issues[0].summary).toBe("Invalid Source State");
});
