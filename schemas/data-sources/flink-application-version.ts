import { string } from "../dsl/builders";
import { defineDataSource } from "../dsl/define";
import { projectAttribute, serviceNameAttribute, uuidAttribute } from "../resources/common";
import { flinkApplicationVersionSpec } from "../resources/flink-application-version";
import { computedAttributes } from "./computed-copy";

export const flinkApplicationVersionDataSourceSpec = defineDataSource({
  typeName: "flink_application_version",
  description: "Reads one version of a Flink application: its statement and tables.",
  id: "{project}/{service_name}/{application_id}/{application_version_id}",
  attributes: computedAttributes(
    flinkApplicationVersionSpec.attributes,
    {
      project: { ...projectAttribute(), replaceOnChange: false },
      service_name: {
        ...serviceNameAttribute(),
        replaceOnChange: false,
        description: "Name of the Flink service.",
      },
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
