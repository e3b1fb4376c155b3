import { ApiError } from "../api-error";
import type { ControlPlaneContext } from "../context";
import type { JarApplicationRecord, JarVersionRecord } from "../model";

/** Look-ups of JAR applications and their versions, failing with the hosted API's 404. */
export function requireJarApplication(
  ctx: ControlPlaneContext,
  service: string,
  id: string,
): JarApplicationRecord {
  const app = ctx.store.get<JarApplicationRecord>("jar_application", ctx.project, id);
  if (!app || app.service_name !== service)
    throw new ApiError(404, "not_found", `JarApplication not found: ${id}`);
  return app;
}

export function requireJarVersion(
  ctx: ControlPlaneContext,
  service: string,
  appId: string,
  id: string,
): JarVersionRecord {
  requireJarApplication(ctx, service, appId);
  const v = ctx.store.get<JarVersionRecord>("jar_version", ctx.project, id);
  if (!v || v.application_id !== appId)
    throw new ApiError(404, "not_found", `JarApplicationVersion not found: ${id}`);
  return v;
}
