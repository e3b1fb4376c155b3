import { defineDataSource } from "../dsl/define";
import { projectAttribute, serviceNameAttribute } from "../resources/common";
import { flinkServiceSpec } from "../resources/flink-service";
import { computedAttributes } from "./computed-copy";

export const flinkServiceDataSourceSpec = defineDataSource({
  typeName: "flink_service",
  description: "Reads a Flink service: its plan, state, task slots and advanced configuration.",
  id: "{project}/{service_name}",
  attributes: computedAttributes(flinkServiceSpec.attributes, {
    project: { ...projectAttribute(), replaceOnChange: false },
    service_name: {
      ...serviceNameAttribute(),
      replaceOnChange: false,
      description: "Name of the Flink service.",
    },
  }),
  lookups: [{ by: ["project", "service_name"], operation: flinkServiceSpec.operations.read }],
});
