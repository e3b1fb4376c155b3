/**
 * aiven_flink_jar_application* → flink_jar_application*: the official JAR resources are SDKv2
 * resources (internal/sdkprovider/service/flink/flink_jar_application*.go and schema.go in
 * aiven/terraform-provider-aiven): every attribute present, unset strings "", nested API objects
 * (`file_info`, `current_deployment`, `application_versions`) as lists of one. Values both hold
 * are carried; the application's read-only lists of versions and current deployment have no
 * counterpart (each version and deployment is its own resource) and are dropped.
 */
import { first, list, type Mapped, str } from "./move-state-values";
import type { Values } from "./values";

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** `a/b/c[/d]` parts, or [] when it is not a string (moveState already checked the count). */
const parts = (id: unknown): string[] => (typeof id === "string" ? id.split("/") : []);

export function moveJarApplication(s: Values): Mapped {
  return {
    values: {
      name: s.name,
      application_id: str(s.application_id) ?? parts(s.id)[2] ?? null,
      created_at: str(s.created_at),
      created_by: str(s.created_by),
      updated_at: str(s.updated_at),
      updated_by: str(s.updated_by),
    },
    issues: [],
  };
}

export function moveJarVersion(s: Values): Mapped {
  const file = first(s.file_info) ?? {};
  return {
    values: {
      application_id: str(s.application_id) ?? parts(s.id)[2] ?? null,
      // Both providers plan sha256(file at `source`) as `source_checksum` (lower-case hex) and
      // replace the version when it differs: carried, so the same jar plans no replacement.
      source: str(s.source),
      source_checksum: str(s.source_checksum) ?? str(file.file_sha256),
      application_version_id: str(s.application_version_id) ?? parts(s.id)[3] ?? null,
      version: num(s.version),
      file_status: str(file.file_status),
      file_sha256: str(file.file_sha256),
      file_size: num(file.file_size),
      created_at: str(s.created_at),
      created_by: str(s.created_by),
    },
    issues: [],
  };
}

export function moveJarDeployment(s: Values): Mapped {
  // A set in the official schema, a list in ours; the refresh reads the API's order back.
  const args = list(s.program_args).filter((a): a is string => typeof a === "string");
  const savepoint = str(s.starting_savepoint);
  return {
    values: {
      application_id: str(s.application_id) ?? parts(s.id)[2] ?? null,
      version_id: s.version_id,
      entry_class: str(s.entry_class),
      program_args: args.length > 0 ? args : null,
      parallelism: num(s.parallelism),
      restart_enabled: typeof s.restart_enabled === "boolean" ? s.restart_enabled : null,
      // The official attribute is both the setting and what the API reports; ours splits the two.
      starting_savepoint: savepoint,
      starting_savepoint_used: savepoint,
      deployment_id: str(s.deployment_id) ?? parts(s.id)[3] ?? null,
      status: str(s.status),
      job_id: str(s.job_id),
      last_savepoint: str(s.last_savepoint),
      error_msg: str(s.error_msg),
      created_at: str(s.created_at),
      created_by: str(s.created_by),
    },
    issues: [],
  };
}
