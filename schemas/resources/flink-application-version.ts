import { blocks, bool, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import { validateApplicationVersionConfig } from "../hooks/application-version";
import { planVersion } from "../hooks/version-plan";
import { releaseVersionBeforeDelete } from "../hooks/version-teardown";
import { versionKeyAttributes } from "./application-attributes";
import { computedInteger, timeoutsAttribute, timestampAttribute, uuidAttribute } from "./common";
import { versionOps } from "./operations";

const TIMEOUTS = { create: "5m", read: "5m", update: "5m", delete: "5m" };

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
    "An immutable version of a Flink SQL application: source and sink tables plus one INSERT statement. Any change creates a new version; the whole pipeline is validated at plan time. When a new statement would take over a running job's state (the version a `RUNNING` deployment uses is replaced, or a deployment with `upgrade_mode` `savepoint` or `last-state` moves to an existing version), the plan warns, before anything is stopped, that the state is not compatible and names each operator concerned. Detected, per stateful operator: grouping keys changed (GROUP BY aggregations, window aggregations, SELECT DISTINCT; their order does not matter); built-in aggregate functions added, removed or changed, DISTINCT inside them included; a window table function's kind or arguments (TUMBLE, HOP, CUMULATE) or a legacy group window's changed; a regular join's type (INNER, LEFT, RIGHT, FULL, CROSS) or equality keys changed; the PARTITION BY or ORDER BY of a ROW_NUMBER, RANK or DENSE_RANK (deduplication, Top-N) changed; an OVER aggregation's function, PARTITION BY, ORDER BY or frame changed; any of these operators removed. Filters, projections, column and table aliases, spacing, comments, the INSERT's target and added operators are not reported. Not compared: user-defined aggregate functions, lookup and temporal joins (`FOR SYSTEM_TIME AS OF`), and statements with a syntax error, MATCH_RECOGNIZE, GROUPING SETS or a construct the SQL parser needs rewritten (such as SESSION windows); no warning is no guarantee that Flink restores the state.",
  schemaVersion: 0,
  id: "{project}/{service_name}/{application_id}/{application_version_id}",
  importFormat: "PROJECT/SERVICE_NAME/APPLICATION_ID/APPLICATION_VERSION_ID",
  attributes: {
    ...versionKeyAttributes(),
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
    create: versionOps.create,
    read: versionOps.read,
    delete: versionOps.delete,
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
