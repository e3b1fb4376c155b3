import { integer, listOf, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import {
  planJarDeployment,
  stopJarDeploymentBeforeDelete,
  upgradeJarDeployment,
} from "../hooks/jar-deployment-upgrade";
import { timeoutsAttribute, uuidAttribute } from "./common";
import {
  DEPLOYMENT_TIMEOUTS,
  deploymentJobAttributes,
  deploymentKeyAttributes,
  deploymentStartAttributes,
} from "./deployment-attributes";
import { jarDeploymentOps } from "./jar-operations";
import { waitRunning } from "./operations";

export const flinkJarApplicationDeploymentSpec = defineResource({
  typeName: "flink_jar_application_deployment",
  description:
    "A running job of a JAR application version: the service runs the jar's entry class, which submits the job. Apply waits until the job runs and fails with the job's error when it does not. Changing the version, `entry_class`, `program_args`, `parallelism` or `restart_enabled` hands the job over in place: by default through a savepoint, so its state carries over.",
  schemaVersion: 0,
  id: "{project}/{service_name}/{application_id}/{deployment_id}",
  importFormat: "PROJECT/SERVICE_NAME/APPLICATION_ID/DEPLOYMENT_ID",
  attributes: {
    ...deploymentKeyAttributes(),
    application_id: uuidAttribute(
      "Identifier of the JAR application. Changing it creates a new deployment.",
      { required: true, replaceOnChange: true },
    ),
    version_id: uuidAttribute(
      "Identifier of the JAR application version to run (`application_version_id`). Changing it upgrades the job in place, as `upgrade_mode` says.",
      { required: true },
    ),
    entry_class: string(
      "Fully qualified name of the class whose `main` method builds and submits the job; without it, the jar manifest's `Main-Class`.",
      {
        optional: true,
        minLength: 1,
        maxLength: 128,
        pattern: {
          regex: "^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$",
          message: "must be a fully qualified Java class name such as `com.example.MyJob`",
        },
      },
    ),
    program_args: listOf(
      string("One argument.", { maxLength: 4096 }),
      "Arguments passed to `main`, in order.",
      {
        optional: true,
        maxItems: 32,
      },
    ),
    parallelism: integer(
      "Parallelism of the job. It must fit in the service's free task slots. Changing it restarts the job as `upgrade_mode` says.",
      { optional: true, default: 1, min: 1, max: 128 },
    ),
    ...deploymentStartAttributes(),
    upgrade_mode: string(
      "How a change reaches the running job: `savepoint` stops it with a savepoint and starts the new deployment from it (running the previous settings again if the new job fails); `stateless` cancels it and starts fresh.",
      { optional: true, default: "savepoint", api: false, enum: ["savepoint", "stateless"] },
    ),
    ...deploymentJobAttributes(),
    timeouts: timeoutsAttribute(DEPLOYMENT_TIMEOUTS),
  },
  operations: {
    create: jarDeploymentOps.create,
    read: jarDeploymentOps.read,
    delete: jarDeploymentOps.delete,
  },
  wait: { create: waitRunning },
  onReadNotFound: "remove",
  timeouts: DEPLOYMENT_TIMEOUTS,
  hooks: {
    plan: planJarDeployment,
    update: upgradeJarDeployment,
    beforeDelete: stopJarDeploymentBeforeDelete,
  },
});
