import { string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import { APPLICATION_NAME_MAX_LENGTH, DISPLAY_NAME_PATTERN } from "../rules/api-fields";
import {
  idAttribute,
  projectAttribute,
  serviceNameAttribute,
  timeoutsAttribute,
  timestampAttribute,
} from "./common";
import { jarApplicationOps } from "./jar-operations";

const TIMEOUTS = { create: "5m", read: "5m", update: "5m", delete: "10m" };

export const flinkJarApplicationSpec = defineResource({
  typeName: "flink_jar_application",
  description:
    "A named Flink JAR application: a job written against Flink's Java APIs, its code in immutable `flink_jar_application_version`s. The hosted API marks JAR applications experimental.",
  schemaVersion: 0,
  id: "{project}/{service_name}/{application_id}",
  importFormat: "PROJECT/SERVICE_NAME/APPLICATION_ID",
  attributes: {
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
    timeouts: timeoutsAttribute(TIMEOUTS),
  },
  operations: {
    create: jarApplicationOps.create,
    read: jarApplicationOps.read,
    update: jarApplicationOps.update,
    delete: jarApplicationOps.delete,
  },
  // Names are unique within a service: a create whose answer was lost is found by its name.
  createLookup: [{ operation: jarApplicationOps.list, key: "applications", match: { name: "name" } }],
  // The list holds the six fields the attributes read, so a refresh lists each service once.
  listRead: { operation: jarApplicationOps.list, key: "applications", match: { application_id: "id" } },
  onReadNotFound: "remove",
  timeouts: TIMEOUTS,
});
