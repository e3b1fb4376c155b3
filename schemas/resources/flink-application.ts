import { bool, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import { clearApplicationDeployments } from "../hooks/force-destroy";
import { APPLICATION_NAME_MAX_LENGTH, DISPLAY_NAME_PATTERN } from "../rules/api-fields";
import {
  FLINK_BASE,
  idAttribute,
  projectAttribute,
  serviceNameAttribute,
  timeoutsAttribute,
  timestampAttribute,
} from "./common";

const TIMEOUTS = { create: "5m", read: "5m", update: "5m", delete: "10m" };
const APPLICATION_PATH = `${FLINK_BASE}/application/{application_id}`;

export const flinkApplicationSpec = defineResource({
  typeName: "flink_application",
  description: "A named Flink SQL application. Its SQL lives in immutable `flink_application_version`s.",
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
    force_destroy: bool(
      "On destroy, cancel and remove deployments of this application that Terraform does not manage. Without it, destroy fails and names them.",
      { optional: true, default: false, api: false },
    ),
    timeouts: timeoutsAttribute(TIMEOUTS),
  },
  operations: {
    create: { method: "POST", path: `${FLINK_BASE}/application` },
    read: { method: "GET", path: APPLICATION_PATH },
    update: { method: "PUT", path: APPLICATION_PATH, bodyFields: ["name"] },
    delete: { method: "DELETE", path: APPLICATION_PATH },
  },
  // Names are unique within a service: a create whose answer was lost is found by its name.
  createLookup: [
    {
      operation: { method: "GET", path: `${FLINK_BASE}/application` },
      key: "applications",
      match: { name: "name" },
    },
  ],
  // The list holds the six fields the attributes read, so a refresh lists each service once.
  listRead: {
    operation: { method: "GET", path: `${FLINK_BASE}/application` },
    key: "applications",
    match: { application_id: "id" },
  },
  onReadNotFound: "remove",
  timeouts: TIMEOUTS,
  hooks: { beforeDelete: clearApplicationDeployments },
});
