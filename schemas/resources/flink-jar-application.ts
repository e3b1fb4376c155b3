import { defineResource } from "../dsl/define";
import {
  APPLICATION_TIMEOUTS,
  applicationAttributes,
  applicationLookupByName,
} from "./application-attributes";
import { timeoutsAttribute } from "./common";
import { jarApplicationOps } from "./jar-operations";

export const flinkJarApplicationSpec = defineResource({
  typeName: "flink_jar_application",
  description:
    "A named Flink JAR application: a job written against Flink's Java APIs, its code in immutable `flink_jar_application_version`s. The hosted API marks JAR applications experimental.",
  schemaVersion: 0,
  id: "{project}/{service_name}/{application_id}",
  importFormat: "PROJECT/SERVICE_NAME/APPLICATION_ID",
  attributes: {
    ...applicationAttributes(),
    timeouts: timeoutsAttribute(APPLICATION_TIMEOUTS),
  },
  operations: {
    create: jarApplicationOps.create,
    read: jarApplicationOps.read,
    update: jarApplicationOps.update,
    delete: jarApplicationOps.delete,
  },
  createLookup: applicationLookupByName(jarApplicationOps.list),
  // The list holds the six fields the attributes read, so a refresh lists each service once.
  listRead: { operation: jarApplicationOps.list, key: "applications", match: { application_id: "id" } },
  onReadNotFound: "remove",
  timeouts: APPLICATION_TIMEOUTS,
});
