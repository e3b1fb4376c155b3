import { defineDataSource } from "../dsl/define";
import { projectAttribute, serviceNameAttribute } from "../resources/common";
import { flinkServiceSpec } from "../resources/flink-service";
import { computedAttributes, lookupKey } from "./computed-copy";

export const flinkServiceDataSourceSpec = defineDataSource({
  typeName: "flink_service",
  description: "Reads a Flink service: its plan, state, task slots and advanced configuration.",
  id: "{project}/{service_name}",
  attributes: computedAttributes(flinkServiceSpec.attributes, {
    project: lookupKey(projectAttribute()),
    service_name: lookupKey(serviceNameAttribute()),
  }),
  lookups: [{ by: ["project", "service_name"], operation: flinkServiceSpec.operations.read }],
});
