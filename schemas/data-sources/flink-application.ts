import { string } from "../dsl/builders";
import { defineDataSource } from "../dsl/define";
import type { HookDiagnostic, StateObject } from "../dsl/types";
import { FLINK_BASE, projectAttribute, serviceNameAttribute, uuidAttribute } from "../resources/common";
import { flinkApplicationSpec } from "../resources/flink-application";
import { APPLICATION_NAME_MAX_LENGTH, DISPLAY_NAME_PATTERN } from "../rules/api-fields";
import { computedAttributes, lookupKey } from "./computed-copy";

function exactlyOneKey(config: StateObject, isUnresolved: (v: unknown) => boolean): HookDiagnostic[] {
  const given = ["application_id", "name"].filter((k) => config[k] !== null && config[k] !== undefined);
  if (given.length === 1 || given.some((k) => isUnresolved(config[k]))) return [];
  return [
    {
      severity: "error",
      path: [],
      summary: "Missing Application Selector",
      detail:
        given.length === 0
          ? "Set either application_id or name to select the application."
          : "Set only one of application_id and name.",
    },
  ];
}

export const flinkApplicationDataSourceSpec = defineDataSource({
  typeName: "flink_application",
  description: "Reads a Flink application by `application_id` or by `name`.",
  id: "{project}/{service_name}/{application_id}",
  attributes: computedAttributes(flinkApplicationSpec.attributes, {
    project: lookupKey(projectAttribute()),
    service_name: lookupKey(serviceNameAttribute()),
    application_id: uuidAttribute("Identifier of the application. Set this or `name`.", {
      optional: true,
      computed: true,
      api: "id",
      conflictsWith: ["name"],
    }),
    name: string("Name of the application. Set this or `application_id`.", {
      optional: true,
      computed: true,
      maxLength: APPLICATION_NAME_MAX_LENGTH,
      pattern: DISPLAY_NAME_PATTERN,
      conflictsWith: ["application_id"],
    }),
  }),
  lookups: [
    { by: ["application_id"], operation: flinkApplicationSpec.operations.read },
    {
      by: ["name"],
      operation: { method: "GET", path: `${FLINK_BASE}/application` },
      list: { key: "applications", match: { name: "name" } },
    },
  ],
  hooks: { validate: exactlyOneKey },
});
