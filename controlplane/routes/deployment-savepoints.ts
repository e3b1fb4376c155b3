import { conflict } from "../api-error";
import type { ControlPlaneContext } from "../context";
import type { Route } from "../router";
import { renderDeployment, requireDeployment } from "./deployments";

/**
 * A savepoint on demand, an extension of this control plane (the hosted API can only stop a job
 * with a savepoint): `POST .../deployment/{deployment_id}/savepoint`, no body. The job keeps running
 * under the same job id; the deployment shows `SAVING` (a status the hosted API already has) until
 * the savepoint is taken, then `RUNNING` with the new `last_savepoint`, or with `error_msg` saying
 * why there is none. Refused with 409 unless the deployment is RUNNING.
 */
export function deploymentSavepointRoutes(ctx: ControlPlaneContext): Route[] {
  return [
    {
      method: "POST",
      path: "/project/{project}/service/{service_name}/flink/application/{application_id}/deployment/{deployment_id}/savepoint",
      handler: ({ params }) =>
        ctx.store.tx(() => {
          const d = requireDeployment(
            ctx,
            params.service_name!,
            params.application_id!,
            params.deployment_id!,
          );
          if (d.status !== "RUNNING")
            throw conflict(`Deployment ${d.id} can only take a savepoint while RUNNING; it is ${d.status}`);
          ctx.cluster.triggerSavepoint(ctx.project, d);
          return { body: renderDeployment(d) };
        }),
    },
  ];
}
