import { string } from "../dsl/builders";
import { defineDataSource } from "../dsl/define";
import { projectAttribute, serviceNameAttribute, uuidAttribute } from "../resources/common";
import { flinkApplicationVersionSpec } from "../resources/flink-application-version";
import { computedAttributes, lookupKey } from "./computed-copy";

export const flinkApplicationVersionDataSourceSpec = defineDataSource({
  typeName: "flink_application_version",
  description: "Reads one version of a Flink application: its statement and tables.",
  id: "{project}/{service_name}/{application_id}/{application_version_id}",
  attributes: computedAttributes(
    flinkApplicationVersionSpec.attributes,
    {
      project: lookupKey(projectAttribute()),
      service_name: lookupKey(serviceNameAttribute()),
      application_id: uuidAttribute("Identifier of the application.", { required: true }),
      application_version_id: string("Identifier of the version.", { required: true, api: "id" }),
    },
    ["timeouts", "skip_sql_validation"],
  ),
  lookups: [
    {
      by: ["application_id", "application_version_id"],
      operation: flinkApplicationVersionSpec.operations.read,
    },
  ],
});
