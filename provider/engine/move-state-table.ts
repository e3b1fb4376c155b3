/**
 * Which resource types of the official Aiven provider (registry.terraform.io/aiven/aiven) map to
 * which flinkform types. Shared by MoveResourceState (provider/engine/move-state.ts) and
 * `flinkform migrate` (cli/commands/migrate.ts), so both agree on what moves and what does not.
 */

/** The official provider's address as terraform sends it in MoveResourceState. */
export const OFFICIAL_PROVIDER = "registry.terraform.io/aiven/aiven";
/** Our own address: after `terraform state replace-provider` the old types sit under it. */
export const FLINKFORM_PROVIDER = "registry.terraform.io/flinkform/flink";

/** Official type → flinkform type, for every Flink type with a counterpart. */
export const MOVABLE_TYPES: Readonly<Record<string, string>> = {
  aiven_flink: "flink_service",
  aiven_flink_application: "flink_application",
  aiven_flink_application_version: "flink_application_version",
  aiven_flink_application_deployment: "flink_application_deployment",
  // Beta in the official provider (PROVIDER_AIVEN_ENABLE_BETA); SDKv2 resources at schema version 0.
  aiven_flink_jar_application: "flink_jar_application",
  aiven_flink_jar_application_version: "flink_jar_application_version",
  aiven_flink_jar_application_deployment: "flink_jar_application_deployment",
};

/** Data sources with a counterpart (`data "aiven_flink" ...`); they hold no state to move. */
export const DATA_SOURCE_TYPES: Readonly<Record<string, string>> = {
  aiven_flink: "flink_service",
  aiven_flink_application: "flink_application",
  aiven_flink_application_version: "flink_application_version",
};

/** Schema versions of the official resources this release understands (aiven_flink upgraded 0 → 1). */
export const KNOWN_SCHEMA_VERSIONS: Readonly<Record<string, readonly number[]>> = {
  aiven_flink: [0, 1],
  aiven_flink_application: [0],
  aiven_flink_application_version: [0],
  aiven_flink_application_deployment: [0],
  aiven_flink_jar_application: [0],
  aiven_flink_jar_application_version: [0],
  aiven_flink_jar_application_deployment: [0],
};
