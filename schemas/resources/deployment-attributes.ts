/**
 * Attributes that the SQL and JAR deployment specs share word for word. Each function returns its
 * attributes in the order the specs list them, an order the schema and the docs keep.
 */
import { bool, string } from "../dsl/builders";
import type { AttributeSpec, TimeoutDefaults } from "../dsl/types";
import { idAttribute, projectAttribute, serviceNameAttribute, timestampAttribute } from "./common";

export const DEPLOYMENT_TIMEOUTS: TimeoutDefaults = {
  create: "20m",
  read: "5m",
  update: "30m",
  delete: "20m",
};

/** The attributes that locate a deployment, first in its spec. */
export function deploymentKeyAttributes(): Record<string, AttributeSpec> {
  return {
    // A handover starts a new deployment, so the id changes with it.
    id: { ...idAttribute("PROJECT/SERVICE_NAME/APPLICATION_ID/DEPLOYMENT_ID"), volatile: true },
    project: projectAttribute(),
    service_name: serviceNameAttribute("Name of the Flink service."),
  };
}

/** How the job starts: after `parallelism` in the specs. */
export function deploymentStartAttributes(): Record<string, AttributeSpec> {
  return {
    restart_enabled: bool("Restart the job according to the service's restart strategy when it fails.", {
      optional: true,
      default: true,
    }),
    // An input for creation only: after a stateful upgrade the API reports the handover savepoint
    // instead, which `starting_savepoint_used` shows.
    starting_savepoint: string(
      "Savepoint path to start the job from, such as a previous deployment's `last_savepoint`.",
      {
        optional: true,
        replaceOnChange: true,
        keepOnRead: true,
        minLength: 1,
        maxLength: 2048,
      },
    ),
  };
}

/** From `final_savepoint` on: what ends the job and what the API reports of it. */
export function deploymentJobAttributes(): Record<string, AttributeSpec> {
  return {
    final_savepoint: bool("On destroy, stop the job with a savepoint instead of cancelling it.", {
      optional: true,
      default: false,
      api: false,
    }),
    deployment_id: string("Identifier of the deployment; a new one after each handover.", {
      computed: true,
      api: "id",
      volatile: true,
    }),
    status: string("Status of the job, such as `RUNNING`, `FAILED` or `CANCELED`.", {
      computed: true,
      volatile: true,
    }),
    job_id: string("Flink job id.", { computed: true, volatile: true }),
    last_savepoint: string("Path of the job's latest savepoint.", { computed: true, volatile: true }),
    error_msg: string("Why the job failed, when it did.", { computed: true, volatile: true }),
    starting_savepoint_used: string(
      "The savepoint the current deployment started from (set by a stateful upgrade).",
      { computed: true, volatile: true, api: "starting_savepoint" },
    ),
    created_at: timestampAttribute("When the deployment was created.", "created_at", true),
    created_by: timestampAttribute("Who created the deployment.", "created_by", true),
  };
}
