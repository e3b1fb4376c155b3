import { bool, integer, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import {
  FLINK_BASE,
  idAttribute,
  projectAttribute,
  serviceNameAttribute,
  timeoutsAttribute,
  timestampAttribute,
  uuidAttribute,
} from "./common";

const TIMEOUTS = { create: "20m", read: "5m", update: "20m", delete: "20m" };
const DEPLOYMENT_PATH = `${FLINK_BASE}/application/{application_id}/deployment/{deployment_id}`;

export const DEPLOYMENT_FAILED_STATUSES = ["FAILED", "FAILING"];
export const DEPLOYMENT_STOPPED_STATUSES = ["CANCELED", "FINISHED", "FAILED"];

export const flinkApplicationDeploymentSpec = defineResource({
  typeName: "flink_application_deployment",
  description:
    "A running job of an application version. Apply waits until the job runs and fails with the job's error when it does not; `status`, `job_id`, `last_savepoint` and `error_msg` show what the job is doing.",
  schemaVersion: 0,
  id: "{project}/{service_name}/{application_id}/{deployment_id}",
  importFormat: "PROJECT/SERVICE_NAME/APPLICATION_ID/DEPLOYMENT_ID",
  attributes: {
    id: idAttribute("PROJECT/SERVICE_NAME/APPLICATION_ID/DEPLOYMENT_ID"),
    project: projectAttribute(),
    service_name: serviceNameAttribute("Name of the Flink service."),
    application_id: uuidAttribute("Identifier of the application. Changing it creates a new deployment.", {
      required: true,
      replaceOnChange: true,
    }),
    version_id: uuidAttribute("Identifier of the application version to run (`application_version_id`).", {
      required: true,
      replaceOnChange: true,
    }),
    parallelism: integer(
      "Parallelism of the job. It must fit in the service's free task slots (nodes × `number_of_task_slots`, shared by all deployments).",
      { optional: true, default: 1, min: 1, max: 128, replaceOnChange: true },
    ),
    restart_enabled: bool("Restart the job according to the service's restart strategy when it fails.", {
      optional: true,
      default: true,
      replaceOnChange: true,
    }),
    starting_savepoint: string(
      "Savepoint path to start the job from, such as a previous deployment's `last_savepoint`.",
      {
        optional: true,
        replaceOnChange: true,
        minLength: 1,
        maxLength: 2048,
      },
    ),
    deployment_id: string("Identifier of the deployment.", { computed: true, api: "id" }),
    status: string("Status of the job, such as `RUNNING`, `FAILED` or `CANCELED`.", {
      computed: true,
      volatile: true,
    }),
    job_id: string("Flink job id.", { computed: true, volatile: true }),
    last_savepoint: string("Path of the job's latest savepoint.", { computed: true, volatile: true }),
    error_msg: string("Why the job failed, when it did.", { computed: true, volatile: true }),
    created_at: timestampAttribute("When the deployment was created.", "created_at"),
    created_by: timestampAttribute("Who created the deployment.", "created_by"),
    timeouts: timeoutsAttribute(TIMEOUTS),
  },
  operations: {
    create: { method: "POST", path: `${FLINK_BASE}/application/{application_id}/deployment` },
    read: { method: "GET", path: DEPLOYMENT_PATH },
    delete: { method: "DELETE", path: DEPLOYMENT_PATH },
  },
  // The API refuses to delete a deployment that still runs: cancel it and wait until it stopped.
  beforeDelete: {
    operation: { method: "POST", path: `${DEPLOYMENT_PATH}/cancel` },
    wait: { field: "status", until: DEPLOYMENT_STOPPED_STATUSES },
  },
  wait: {
    create: {
      field: "status",
      until: ["RUNNING"],
      failOn: DEPLOYMENT_FAILED_STATUSES,
      errorField: "error_msg",
    },
  },
  onReadNotFound: "remove",
  timeouts: TIMEOUTS,
});
