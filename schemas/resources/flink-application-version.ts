import { blocks, bool, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import { validateApplicationVersionConfig } from "../hooks/application-version";
import { planVersion } from "../hooks/version-plan";
import { releaseVersionBeforeDelete } from "../hooks/version-teardown";
import {
  computedInteger,
  FLINK_BASE,
  idAttribute,
  projectAttribute,
  serviceNameAttribute,
  timeoutsAttribute,
  timestampAttribute,
  uuidAttribute,
} from "./common";

const TIMEOUTS = { create: "5m", read: "5m", update: "5m", delete: "5m" };
const VERSION_PATH = `${FLINK_BASE}/application/{application_id}/version/{application_version_id}`;

function tableBlocks(role: "source" | "sink", api: string) {
  const purpose = role === "source" ? "read by the statement" : "written by the statement's INSERT";
  return blocks(
    "set",
    {
      create_table: string(`One Flink \`CREATE TABLE\` statement for a table ${purpose}.`, {
        required: true,
        minLength: 1,
        maxLength: 4096,
      }),
      integration_id: uuidAttribute(
        "The `integration_id` of the `flink_service_integration` that supplies the connection; leave the connector's connection options empty (`'properties.bootstrap.servers' = ''`, `'url' = 'jdbc:postgresql://'`).",
        { optional: true },
      ),
    },
    `A ${role} table, one block per table.`,
    { optional: true, api, maxItems: 64 },
  );
}

export const flinkApplicationVersionSpec = defineResource({
  typeName: "flink_application_version",
  description:
    "An immutable version of a Flink SQL application: source and sink tables plus one INSERT statement. Any change creates a new version; the whole pipeline is validated at plan time.",
  schemaVersion: 0,
  id: "{project}/{service_name}/{application_id}/{application_version_id}",
  importFormat: "PROJECT/SERVICE_NAME/APPLICATION_ID/APPLICATION_VERSION_ID",
  attributes: {
    id: idAttribute("PROJECT/SERVICE_NAME/APPLICATION_ID/APPLICATION_VERSION_ID"),
    project: projectAttribute(),
    service_name: serviceNameAttribute("Name of the Flink service."),
    application_id: uuidAttribute("Identifier of the application. Changing it creates a new version.", {
      required: true,
      replaceOnChange: true,
    }),
    statement: string(
      "The job: one `INSERT INTO <sink> SELECT ... FROM <source>` (or a statement set). Changing it creates a new version.",
      {
        required: true,
        replaceOnChange: true,
        minLength: 1,
        maxLength: 50000,
      },
    ),
    source: { ...tableBlocks("source", "sources"), replaceOnChange: true },
    sink: { ...tableBlocks("sink", "sinks"), replaceOnChange: true },
    skip_sql_validation: bool(
      "Skip flinkform's plan-time SQL checks for this version (for SQL the checker wrongly rejects). The service still validates on create.",
      { optional: true, default: false, api: false },
    ),
    application_version_id: string("Identifier of the version.", { computed: true, api: "id" }),
    version: computedInteger("Version number: 1, 2, 3... per application.", "version"),
    created_at: timestampAttribute("When the version was created.", "created_at"),
    created_by: timestampAttribute("Who created the version.", "created_by"),
    timeouts: timeoutsAttribute(TIMEOUTS),
  },
  operations: {
    create: { method: "POST", path: `${FLINK_BASE}/application/{application_id}/version` },
    read: { method: "GET", path: VERSION_PATH },
    delete: { method: "DELETE", path: VERSION_PATH },
  },
  // A new integration is not visible to the Flink API for a while (the official provider retries 30 s).
  retryCreate: { status: 404, messageIncludes: "Integration not found", maxMs: 30_000 },
  onReadNotFound: "remove",
  timeouts: TIMEOUTS,
  hooks: {
    validate: validateApplicationVersionConfig,
    plan: planVersion,
    beforeDelete: releaseVersionBeforeDelete,
  },
});
