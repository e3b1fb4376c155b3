import { ApiError, badRequest, conflict } from "../api-error";
import { type Body, optArray, optString } from "../body-fields";
import type { ControlPlaneContext } from "../context";
import type { DeploymentRecord, JarVersionRecord } from "../model";
import type { Route } from "../router";
import { type DeploymentFlavour, deploymentRoutes, renderDeployment } from "./deployments";
import { requireJarApplication } from "./jar-lookups";

/** Java's rule for a fully qualified class name, as Flink's `entryClass` takes it. */
const CLASS_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

const JAR_DEPLOYMENTS: DeploymentFlavour = {
  applicationPath: "jar_application",
  requireApplication: requireJarApplication,
  requireVersion: (ctx, appId, versionId) => {
    const v = ctx.store.get<JarVersionRecord>("jar_version", ctx.project, versionId);
    if (!v || v.application_id !== appId)
      throw new ApiError(404, "not_found", `JarApplicationVersion not found: ${versionId}`);
    // Only a verified file can run; the hosted API refuses the deployment the same way.
    if (v.file_status !== "READY")
      throw conflict(
        `JarApplicationVersion ${versionId} is ${v.file_status}: upload its jar file to file_info.url first`,
      );
  },
  readFields: (body: Body) => {
    const entryClass = optString(body, "entry_class", {
      min: 1,
      max: 128,
      pattern: CLASS_NAME,
      patternHint: "expected a fully qualified Java class name such as com.example.MyJob",
    });
    const args = optArray(body, "program_args", 32) ?? [];
    const programArgs = args.map((a, i) => {
      if (typeof a !== "string") throw badRequest(`program_args[${i}]: expected a string`);
      return a;
    });
    return { jar: { ...(entryClass ? { entry_class: entryClass } : {}), program_args: programArgs } };
  },
  render: renderJarDeployment,
};

/** `.../flink/jar_application/{id}/deployment...`: SQL deployments' routes and lifecycle, run from a jar. */
export function jarDeploymentRoutes(ctx: ControlPlaneContext): Route[] {
  return deploymentRoutes(ctx, JAR_DEPLOYMENTS);
}

export function renderJarDeployment(d: DeploymentRecord) {
  return {
    ...renderDeployment(d),
    ...(d.jar?.entry_class ? { entry_class: d.jar.entry_class } : {}),
    program_args: d.jar?.program_args ?? [],
  };
}
