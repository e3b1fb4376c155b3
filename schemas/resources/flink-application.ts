import { bool } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import { clearApplicationDeployments } from "../hooks/force-destroy";
import {
  APPLICATION_TIMEOUTS,
  applicationAttributes,
  applicationLookupByName,
} from "./application-attributes";
import { FLINK_BASE, timeoutsAttribute } from "./common";
import { applicationOps } from "./operations";

export const flinkApplicationSpec = defineResource({
  typeName: "flink_application",
  description: "A named Flink SQL application. Its SQL lives in immutable `flink_application_version`s.",
  schemaVersion: 0,
  id: "{project}/{service_name}/{application_id}",
  importFormat: "PROJECT/SERVICE_NAME/APPLICATION_ID",
  attributes: {
    ...applicationAttributes(),
    force_destroy: bool(
      "On destroy, cancel and remove deployments of this application that Terraform does not manage. Without it, destroy fails and names them.",
      { optional: true, default: false, api: false },
    ),
    timeouts: timeoutsAttribute(APPLICATION_TIMEOUTS),
  },
  operations: {
    create: applicationOps.create,
    read: applicationOps.read,
    update: applicationOps.update,
    delete: applicationOps.delete,
  },
  createLookup: applicationLookupByName(applicationOps.list),
  // The list holds the six fields the attributes read, so a refresh lists each service once.
  listRead: {
    operation: { method: "GET", path: `${FLINK_BASE}/application` },
    key: "applications",
    match: { application_id: "id" },
  },
  onReadNotFound: "remove",
  timeouts: APPLICATION_TIMEOUTS,
  hooks: { beforeDelete: clearApplicationDeployments },
});
