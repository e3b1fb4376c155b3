/** The records the store keeps (API field names, so rendering is mostly a copy). */

export type ServiceType = "flink" | "kafka" | "pg";
export type ServiceState = "REBUILDING" | "RUNNING" | "POWEROFF" | "REBALANCING";

export interface ServiceRecord {
  service_name: string;
  service_type: ServiceType;
  plan: string;
  cloud_name: string;
  state: ServiceState;
  create_time: string;
  update_time: string;
  termination_protection: boolean;
  user_config: Record<string, unknown>;
  maintenance: { dow: string; time: string };
  tags: Record<string, string>;
  tech_emails: { email: string }[];
  project_vpc_id: string | null;
  disk_space_mb: number;
  password: string;
  /** Bumped on every cluster (re)build, so a stale "build finished" event is recognised. */
  build: number;
  /** Why the service's cluster could not be started (flink engine), until a start succeeds. */
  cluster_error?: string;
}

export interface EndpointRecord {
  endpoint_id: string;
  endpoint_name: string;
  endpoint_type: "external_kafka" | "external_postgresql" | "external_schema_registry";
  user_config: Record<string, unknown>;
}

export interface IntegrationRecord {
  service_integration_id: string;
  integration_type: string;
  source_project: string;
  dest_project: string;
  source_service: string | null;
  dest_service: string | null;
  source_endpoint_id: string | null;
  dest_endpoint_id: string | null;
  user_config: Record<string, unknown>;
  /** Epoch ms; with the eventual-consistency fault it is invisible until created_ms + delay. */
  created_ms: number;
}

export interface TableRecord {
  table_id: string;
  create_table: string;
  integration_id: string | null;
}

export interface ApplicationRecord {
  id: string;
  service_name: string;
  name: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  next_version: number;
}

export interface VersionRecord {
  id: string;
  application_id: string;
  version: number;
  statement: string;
  sources: TableRecord[];
  sinks: TableRecord[];
  created_at: string;
  created_by: string;
}

export type DeploymentStatus =
  | "INITIALIZING"
  | "CREATED"
  | "RUNNING"
  | "RESTARTING"
  | "RECONCILING"
  | "FAILING"
  | "FAILED"
  | "FINISHED"
  | "SUSPENDED"
  | "CANCELLING_REQUESTED"
  | "CANCELLING"
  | "CANCELED"
  | "SAVING"
  | "SAVING_AND_STOP_REQUESTED"
  | "SAVING_AND_STOP"
  | "DELETE_REQUESTED"
  | "DELETING";

export interface DeploymentRecord {
  id: string;
  service_name: string;
  application_id: string;
  version_id: string;
  status: DeploymentStatus;
  parallelism: number;
  restart_enabled: boolean;
  starting_savepoint?: string;
  /** Restore even if the savepoint holds state of an operator the job no longer has (an extension). */
  allow_non_restored_state?: boolean;
  last_savepoint?: string;
  job_id: string;
  error_msg?: string;
  created_at: string;
  created_by: string;
  /** Epoch ms of each job failure, for the restart strategy. */
  failures: number[];
  /** Epoch ms when the job started (RUNNING) and ended (terminal), for the job details. */
  started_ms?: number;
  ended_ms?: number;
  /** Bumped on every transition, so a stale scheduled event is recognised. */
  seq: number;
  /** Flink engine: when the job was submitted to the service's current cluster. */
  submitted_ms?: number;
  /** Flink engine: the savepoint or checkpoint the next (re)submission restores from. */
  restore_from?: string;
  /** A JAR application's deployment: `version_id` names a JarVersionRecord, run with these. */
  jar?: { entry_class?: string; program_args: string[] };
}

/** A JAR application: a name; its code lives in JarVersionRecords. */
export type JarApplicationRecord = ApplicationRecord;

export type JarFileStatus = "INITIAL" | "READY" | "FAILED";

/** An immutable JAR version: created empty, then its file is PUT to `upload_token`'s URL once. */
export interface JarVersionRecord {
  id: string;
  application_id: string;
  version: number;
  created_at: string;
  created_by: string;
  file_status: JarFileStatus;
  /** The secret in the pre-signed upload URL; dropped once the file is READY or FAILED. */
  upload_token?: string;
  file_sha256?: string;
  file_size?: number;
  /** Where the control plane keeps the uploaded jar (owner-only, under the data dir). */
  file_path?: string;
  verify_error_code?: 1 | 2 | 3;
  verify_error_message?: string;
}

export const TERMINAL_STATUSES: readonly DeploymentStatus[] = ["CANCELED", "FAILED", "FINISHED"];
/** Statuses whose job holds task slots in the session cluster. */
export const SLOT_HOLDING_STATUSES: readonly DeploymentStatus[] = [
  "RUNNING",
  "INITIALIZING",
  "RESTARTING",
  // A savepoint on demand: the job keeps running.
  "SAVING",
];

export const CREATED_BY = "flinkform-local";
