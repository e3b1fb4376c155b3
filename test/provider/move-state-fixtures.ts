/**
 * Stored state of the official Aiven provider's Flink resources, written as that provider writes
 * it (terraform.tfstate `instances[].attributes`). Shapes come from aiven/terraform-provider-aiven:
 * aiven_flink and aiven_flink_application_version are SDKv2 resources (every attribute present,
 * blocks as lists, unset strings as "", aiven_flink at schema version 1), aiven_flink_application
 * and aiven_flink_application_deployment are plugin-framework resources (unset values null,
 * `timeouts` an object or null), per docs/resources/flink*.md and internal/sdkprovider/service/flink,
 * internal/plugin/service/flink of that repository. The beta JAR types (aiven_flink_jar_application*)
 * are SDKv2 resources at schema version 0, per docs/resources/flink_jar_application*.md and
 * internal/sdkprovider/service/flink/{schema.go,flink_jar_application*.go} (aiven/terraform-provider-aiven
 * de2e6b0, Aug 2026): read-only API objects (`file_info`, `current_deployment`,
 * `application_versions`) as lists of one, `source_checksum` the lower-case hex sha256 of the jar.
 */

export interface OfficialIds {
  project: string;
  service: string;
  applicationId: string;
  versionId: string;
  deploymentId: string;
}

export const IDS: OfficialIds = {
  project: "local",
  service: "flink-legacy",
  applicationId: "2c2b0a64-3c1e-4d0a-9a55-0a1b2c3d4e5f",
  versionId: "7d3e8f10-1111-4222-8333-944455566677",
  deploymentId: "9a8b7c6d-aaaa-4bbb-8ccc-ddddeeeeffff",
};

export function officialService(
  ids: OfficialIds = IDS,
  over: Record<string, unknown> = {},
  userConfig: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    additional_disk_space: "",
    cloud_name: "google-europe-west1",
    cmk_id: null,
    components: [
      {
        component: "flink",
        connection_uri: "",
        host: "flink.example",
        kafka_authentication_method: "",
        kafka_ssl_ca: "",
        port: 443,
        privatelink_connection_id: "",
        route: "dynamic",
        ssl: true,
        usage: "primary",
      },
    ],
    disk_space: "",
    disk_space_cap: "",
    disk_space_default: "",
    disk_space_step: "",
    disk_space_used: "",
    flink: [{ host_ports: ["flink.example:443"] }],
    flink_user_config: [
      {
        additional_backup_regions: [],
        custom_code: false,
        flink_version: "1.20",
        ip_filter: [],
        ip_filter_object: [],
        ip_filter_string: [],
        number_of_task_slots: 2,
        pekko_ask_timeout_s: 0,
        pekko_framesize_b: 0,
        privatelink_access: [],
        public_access: [],
        service_log: false,
        static_ips: false,
        ...userConfig,
      },
    ],
    id: `${ids.project}/${ids.service}`,
    maintenance_window_dow: "monday",
    maintenance_window_enabled: true,
    maintenance_window_time: "10:00:00",
    plan: "business-4",
    project: ids.project,
    project_vpc_id: "",
    service_host: "flink.example",
    service_integrations: [],
    service_name: ids.service,
    service_password: "",
    service_port: 443,
    service_type: "flink",
    service_uri: "https://flink.example:443",
    service_username: "",
    state: "RUNNING",
    static_ips: [],
    tag: [
      { key: "env", value: "test" },
      { key: "team", value: "data" },
    ],
    tech_emails: [{ email: "ops@example.com" }],
    termination_protection: false,
    timeouts: null,
    ...over,
  };
}

export function officialApplication(ids: OfficialIds = IDS, over: Record<string, unknown> = {}) {
  return {
    application_id: ids.applicationId,
    created_at: "2026-01-02T03:04:05Z",
    created_by: "admin",
    id: `${ids.project}/${ids.service}/${ids.applicationId}`,
    name: "clicks",
    project: ids.project,
    service_name: ids.service,
    timeouts: null,
    updated_at: "2026-01-02T03:04:05Z",
    updated_by: "admin",
    ...over,
  };
}

export function officialVersion(ids: OfficialIds = IDS, over: Record<string, unknown> = {}) {
  return {
    application_id: ids.applicationId,
    application_version_id: ids.versionId,
    created_at: "2026-01-02T03:04:06Z",
    created_by: "admin",
    id: `${ids.project}/${ids.service}/${ids.applicationId}/${ids.versionId}`,
    project: ids.project,
    service_name: ids.service,
    sink: [
      {
        create_table: "CREATE TABLE out_table (n BIGINT) WITH ('connector' = 'blackhole')",
        integration_id: "",
      },
    ],
    sinks: [],
    source: [],
    sources: [
      { create_table: "CREATE TABLE src (n BIGINT) WITH ('connector' = 'datagen')", integration_id: "" },
    ],
    statement: "INSERT INTO out_table SELECT n FROM src",
    timeouts: null,
    version: 1,
    ...over,
  };
}

export function officialDeployment(ids: OfficialIds = IDS, over: Record<string, unknown> = {}) {
  return {
    application_id: ids.applicationId,
    created_at: "2026-01-02T03:04:07Z",
    created_by: "admin",
    deployment_id: ids.deploymentId,
    id: `${ids.project}/${ids.service}/${ids.applicationId}/${ids.deploymentId}`,
    parallelism: 1,
    project: ids.project,
    restart_enabled: true,
    service_name: ids.service,
    starting_savepoint: null,
    timeouts: null,
    version_id: ids.versionId,
    ...over,
  };
}

/** sha256 of the jar at the version's `source`, as both providers compute it at plan time. */
export const JAR_SHA256 = "3f0a1b2c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

export function officialJarApplication(ids: OfficialIds = IDS, over: Record<string, unknown> = {}) {
  return {
    application_id: ids.applicationId,
    application_versions: [
      {
        created_at: "2026-01-02T03:04:06Z",
        created_by: "admin",
        file_info: [
          {
            file_sha256: JAR_SHA256,
            file_size: 4096,
            file_status: "READY",
            url: "https://upload.example/jar",
            verify_error_code: 0,
            verify_error_message: "",
          },
        ],
        id: ids.versionId,
        version: 1,
      },
    ],
    created_at: "2026-01-02T03:04:05Z",
    created_by: "admin",
    current_deployment: [
      {
        created_at: "2026-01-02T03:04:07Z",
        created_by: "admin",
        entry_class: "com.example.Job",
        error_msg: "",
        id: ids.deploymentId,
        job_id: "b5f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4",
        last_savepoint: "",
        parallelism: 1,
        program_args: ["--rows", "10"],
        starting_savepoint: "",
        status: "RUNNING",
        version_id: ids.versionId,
      },
    ],
    id: `${ids.project}/${ids.service}/${ids.applicationId}`,
    name: "jar-clicks",
    project: ids.project,
    service_name: ids.service,
    timeouts: null,
    updated_at: "2026-01-02T03:04:05Z",
    updated_by: "admin",
    ...over,
  };
}

export function officialJarVersion(ids: OfficialIds = IDS, over: Record<string, unknown> = {}) {
  return {
    application_id: ids.applicationId,
    application_version_id: ids.versionId,
    created_at: "2026-01-02T03:04:06Z",
    created_by: "admin",
    file_info: [
      {
        file_sha256: JAR_SHA256,
        file_size: 4096,
        file_status: "READY",
        url: "https://upload.example/jar",
        verify_error_code: 0,
        verify_error_message: "",
      },
    ],
    id: `${ids.project}/${ids.service}/${ids.applicationId}/${ids.versionId}`,
    project: ids.project,
    service_name: ids.service,
    source: "./job.jar",
    source_checksum: JAR_SHA256,
    timeouts: null,
    version: 1,
    ...over,
  };
}

export function officialJarDeployment(ids: OfficialIds = IDS, over: Record<string, unknown> = {}) {
  return {
    application_id: ids.applicationId,
    created_at: "2026-01-02T03:04:07Z",
    created_by: "admin",
    deployment_id: ids.deploymentId,
    entry_class: "com.example.Job",
    error_msg: "",
    id: `${ids.project}/${ids.service}/${ids.applicationId}/${ids.deploymentId}`,
    job_id: "b5f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4",
    last_savepoint: "",
    parallelism: 2,
    program_args: ["--rows", "10"],
    project: ids.project,
    restart_enabled: true,
    service_name: ids.service,
    starting_savepoint: "",
    status: "RUNNING",
    timeouts: null,
    version_id: ids.versionId,
    ...over,
  };
}
