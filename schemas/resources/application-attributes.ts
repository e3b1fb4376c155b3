/**
 * What the SQL and JAR application specs (and their version specs) share word for word. Each
 * function returns its attributes in the order the specs list them, an order the schema and the
 * docs keep.
 */
import { string } from "../dsl/builders";
import type { AttributeSpec, CreateLookupSpec, OperationSpec, TimeoutDefaults } from "../dsl/types";
import { APPLICATION_NAME_MAX_LENGTH, DISPLAY_NAME_PATTERN } from "../rules/api-fields";
import { idAttribute, projectAttribute, serviceNameAttribute, timestampAttribute } from "./common";

export const APPLICATION_TIMEOUTS: TimeoutDefaults = {
  create: "5m",
  read: "5m",
  update: "5m",
  delete: "10m",
};

/** An application's attributes but its options and timeouts. */
export function applicationAttributes(): Record<string, AttributeSpec> {
  return {
    id: idAttribute("PROJECT/SERVICE_NAME/APPLICATION_ID"),
    project: projectAttribute(),
    service_name: serviceNameAttribute("Name of the Flink service the application runs on."),
    name: string("Name of the application. Renaming happens in place.", {
      required: true,
      minLength: 1,
      maxLength: APPLICATION_NAME_MAX_LENGTH,
      pattern: DISPLAY_NAME_PATTERN,
    }),
    application_id: string("Identifier of the application.", { computed: true, api: "id" }),
    created_at: timestampAttribute("When the application was created.", "created_at"),
    created_by: timestampAttribute("Who created the application.", "created_by"),
    updated_at: timestampAttribute("When the application was last changed.", "updated_at", true),
    updated_by: timestampAttribute("Who last changed the application.", "updated_by", true),
  };
}

/** Names are unique within a service: a create whose answer was lost is found by its name. */
export function applicationLookupByName(list: OperationSpec): CreateLookupSpec[] {
  return [{ operation: list, key: "applications", match: { name: "name" } }];
}

/** The attributes that locate a version, first in its spec. */
export function versionKeyAttributes(): Record<string, AttributeSpec> {
  return {
    id: idAttribute("PROJECT/SERVICE_NAME/APPLICATION_ID/APPLICATION_VERSION_ID"),
    project: projectAttribute(),
    service_name: serviceNameAttribute("Name of the Flink service."),
  };
}
