import { bool, integer, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import { deploymentStandIn, desiredStateOf } from "../hooks/deployment-desired-state";
import { planDeployment } from "../hooks/deployment-plan";
import { createSavepointSchedule } from "../hooks/deployment-savepoint-schedule";
import { stopDeploymentBeforeDelete } from "../hooks/deployment-teardown";
import { upgradeDeployment } from "../hooks/deployment-upgrade";
import { timeoutsAttribute, uuidAttribute } from "./common";
import {
  DEPLOYMENT_TIMEOUTS,
  deploymentJobAttributes,
  deploymentKeyAttributes,
  deploymentStartAttributes,
} from "./deployment-attributes";
import { deploymentOps, waitRunning } from "./operations";

export const flinkApplicationDeploymentSpec = defineResource({
  typeName: "flink_application_deployment",
  description:
    "A running job of an application version. Apply waits until the job runs and fails with the job's error when it does not; `status`, `job_id`, `last_savepoint` and `error_msg` show what the job is doing. Changing the version, parallelism or `restart_enabled` hands the job over in place: by default through a savepoint, so its state carries over.",
  schemaVersion: 0,
  id: "{project}/{service_name}/{application_id}/{deployment_id}",
  importFormat: "PROJECT/SERVICE_NAME/APPLICATION_ID/DEPLOYMENT_ID",
  attributes: {
    ...deploymentKeyAttributes(),
    application_id: uuidAttribute("Identifier of the application. Changing it creates a new deployment.", {
      required: true,
      replaceOnChange: true,
    }),
    version_id: uuidAttribute(
      "Identifier of the application version to run (`application_version_id`). Changing it upgrades the job in place, as `upgrade_mode` says.",
      { required: true },
    ),
    parallelism: integer(
      "Parallelism of the job. It must fit in the service's task slots (nodes × `number_of_task_slots`, shared by all deployments). Changing it restarts the job as `upgrade_mode` says.",
      { optional: true, default: 1, min: 1, max: 128 },
    ),
    ...deploymentStartAttributes(),
    upgrade_mode: string(
      "How a change of version, parallelism or `restart_enabled` reaches the running job: `savepoint` stops it with a savepoint and starts the new deployment from it (rolling back to the previous version if the new job fails); `last-state` cancels it and starts the new deployment from its latest retained checkpoint instead (faster: no savepoint to write), rolling back the same way, and falls back to `savepoint` while the job has no checkpoint yet; `stateless` cancels it and starts fresh. `last-state` uses the local control plane's `GET .../deployment/{deployment_id}/checkpoint`, which the hosted API does not have: against that API it hands over through a savepoint, with a warning at plan.",
      { optional: true, default: "savepoint", api: false, enum: ["savepoint", "last-state", "stateless"] },
    ),
    allow_non_restored_state: bool(
      "Let a handover or resume start the new job even when its savepoint or checkpoint holds state of an operator the new version no longer has (Flink's allowNonRestoredState): that state is dropped. Without it, such a restore fails the apply with Flink's message and the previous version runs again. An extension of the local control plane (`allow_non_restored_state` in the deployment's create body); the hosted API ignores it, so there the restore fails as without it.",
      { optional: true, default: false, api: false },
    ),
    desired_state: string(
      "`running` (the default) or `suspended`. Setting `suspended` stops the job with a savepoint and keeps the deployment (same `deployment_id`, `status` `FINISHED`, the savepoint in `last_savepoint`); setting `running` again resumes it from that savepoint. The API cannot restart a stopped deployment, so a resume starts a new deployment from the savepoint under the same resource, as a version change does: `deployment_id` and `job_id` change, and the stopped deployment is removed once the new job runs. Created `suspended`, a deployment starts no job (and has no `deployment_id`) until it is set `running`. A job stopped with a savepoint outside Terraform reads back as `suspended`, so the next plan shows it.",
      {
        optional: true,
        default: "running",
        api: false,
        enum: ["running", "suspended"],
        derive: desiredStateOf,
      },
    ),
    savepoint_trigger: string(
      "Any change of this value takes a savepoint of the running job without stopping it (same `job_id`); `last_savepoint` shows it after apply. Setting it at creation, or changing it while the deployment is suspended or handed over in the same apply, takes none. This uses the local control plane's `POST .../deployment/{deployment_id}/savepoint`, which the hosted API does not have.",
      { optional: true, api: false, keepOnRead: true, minLength: 1, maxLength: 256 },
    ),
    savepoint_interval: string(
      'Take a savepoint of the running job every this long (a Go-style duration such as `"1h"`), without stopping it; `last_savepoint` advances with each. Off when unset. The schedule follows the application across version changes and resumes, skips a due savepoint while the job is not `RUNNING` (starting, restarting, suspended, or already taking one) and survives a restart of the control plane. This uses the local control plane\'s `PUT .../flink/application/{application_id}/savepoint-schedule`, which the hosted API does not have: there the apply fails with a clear error.',
      { optional: true, api: false, format: "savepoint_interval" },
    ),
    savepoint_history_max: integer(
      "How many of the periodic savepoints (`savepoint_interval`) to keep: after each one, the oldest beyond this number are deleted, their files included. Savepoints taken otherwise (suspend, upgrades, `savepoint_trigger`, `final_savepoint`) are never deleted, nor one a deployment still starts from.",
      { optional: true, default: 10, min: 1, max: 100, api: false },
    ),
    ...deploymentJobAttributes(),
    timeouts: timeoutsAttribute(DEPLOYMENT_TIMEOUTS),
  },
  operations: {
    create: deploymentOps.create,
    read: deploymentOps.read,
    delete: deploymentOps.delete,
  },
  wait: { create: waitRunning },
  onReadNotFound: "remove",
  timeouts: DEPLOYMENT_TIMEOUTS,
  hooks: {
    plan: planDeployment,
    update: upgradeDeployment,
    beforeCreate: createSavepointSchedule,
    beforeDelete: stopDeploymentBeforeDelete,
    standIn: deploymentStandIn,
  },
});
