import { ApiError, badRequest, conflict } from "../api-error";
import { bodyObject, optString } from "../body-fields";
import type { ControlPlaneContext } from "../context";
import { parseFaultOptions } from "../faults";
import type { DeploymentRecord } from "../model";
import type { Route } from "../router";
import { renderDeployment } from "./deployments";

/** Test hooks under /admin (same token as the API): faults, failing a running job, health. */
export function adminRoutes(ctx: ControlPlaneContext): Route[] {
  return [
    { method: "GET", path: "/health", handler: () => ({ body: { status: "ok", project: ctx.project } }) },
    { method: "GET", path: "/faults", handler: () => ({ body: { faults: ctx.faults.current } }) },
    {
      method: "PUT",
      path: "/faults",
      handler: ({ body }) => {
        ctx.faults.set(parseFaultOptions(body ?? {}));
        return { body: { faults: ctx.faults.current } };
      },
    },
    {
      method: "DELETE",
      path: "/faults",
      handler: () => {
        ctx.faults.set({});
        return { body: { faults: ctx.faults.current } };
      },
    },
    {
      method: "POST",
      path: "/deployments/{deployment_id}/fail",
      handler: ({ params, body }) => {
        const message = optString(bodyObject(body), "message", { max: 1024 });
        return { body: failJob(ctx, params.deployment_id!, message) };
      },
    },
  ];
}

export function failJob(
  ctx: ControlPlaneContext,
  deploymentId: string,
  message = "java.lang.RuntimeException: injected failure",
) {
  return ctx.store.tx(() => {
    const d = ctx.store.get<DeploymentRecord>("deployment", ctx.project, deploymentId);
    if (!d) throw new ApiError(404, "not_found", `Application deployment not found: ${deploymentId}`);
    if (d.status !== "RUNNING")
      throw conflict(`Only a RUNNING job can fail; deployment ${d.id} is ${d.status}`);
    if (message.trim() === "") throw badRequest("message: must not be blank");
    ctx.cluster.failJob(ctx.project, d, message);
    return renderDeployment(d);
  });
}
