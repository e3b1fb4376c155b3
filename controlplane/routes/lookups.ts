import { ApiError, conflict } from "../api-error";
import type { ControlPlaneContext } from "../context";
import { newUuid, nowIso } from "../ids";
import {
  type ApplicationRecord,
  CREATED_BY,
  type DeploymentRecord,
  type IntegrationRecord,
  type ServiceRecord,
} from "../model";

/** Look-ups shared by the routes, each failing with the hosted API's 404. */
export function requireService(ctx: ControlPlaneContext, name: string): ServiceRecord {
  const svc = ctx.store.get<ServiceRecord>("service", ctx.project, name);
  // CODEGEN retries 404s matching `Service \S+ does not exist`, so keep this wording.
  if (!svc) throw new ApiError(404, "service_not_found", `Service ${name} does not exist`);
  return svc;
}

export function requireFlinkService(ctx: ControlPlaneContext, name: string): ServiceRecord {
  const svc = requireService(ctx, name);
  if (svc.service_type !== "flink") {
    throw new ApiError(
      400,
      "invalid_service_type",
      `Service ${name} is of type ${svc.service_type}, not flink`,
    );
  }
  return svc;
}

export function requireApplication(ctx: ControlPlaneContext, service: string, id: string): ApplicationRecord {
  const app = ctx.store.get<ApplicationRecord>("application", ctx.project, id);
  if (!app || app.service_name !== service)
    throw new ApiError(404, "not_found", `Application not found: ${id}`);
  return app;
}

/** Integrations created under the eventual-consistency fault stay invisible for a while. */
export function isVisible(ctx: ControlPlaneContext, i: IntegrationRecord, now = Date.now()): boolean {
  return now >= i.created_ms + ctx.faults.integrationVisibilityDelayMs;
}

export function visibleIntegrations(ctx: ControlPlaneContext): IntegrationRecord[] {
  const now = Date.now();
  return ctx.store.list<IntegrationRecord>("integration", ctx.project).filter((i) => isVisible(ctx, i, now));
}

export function integrationsOfService(ctx: ControlPlaneContext, service: string): IntegrationRecord[] {
  return visibleIntegrations(ctx).filter((i) => i.source_service === service || i.dest_service === service);
}

/** The list answer of SQL and JAR applications alike: each application's summary, without its versions. */
export function listApplications(
  ctx: ControlPlaneContext,
  kind: "application" | "jar_application",
  service: string,
): {
  applications: Pick<
    ApplicationRecord,
    "id" | "name" | "created_at" | "created_by" | "updated_at" | "updated_by"
  >[];
} {
  requireFlinkService(ctx, service);
  const apps = ctx.store.list<ApplicationRecord>(kind, ctx.project, service);
  return {
    applications: apps.map(({ id, name, created_at, created_by, updated_at, updated_by }) => ({
      id,
      name,
      created_at,
      created_by,
      updated_at,
      updated_by,
    })),
  };
}

/** A new application record (SQL and JAR alike), stamped now, with no versions yet. */
export function newApplicationRecord(service: string, name: string): ApplicationRecord {
  const now = nowIso();
  return {
    id: newUuid(),
    service_name: service,
    name,
    created_at: now,
    created_by: CREATED_BY,
    updated_at: now,
    updated_by: CREATED_BY,
    next_version: 1,
  };
}

/** A version a deployment still uses is not deleted (SQL and JAR alike): the hosted API's 409. */
export function refuseVersionInUse(
  ctx: ControlPlaneContext,
  service: string,
  version: { id: string; application_id: string },
): void {
  const users = ctx.store
    .list<DeploymentRecord>("deployment", ctx.project, service, version.application_id)
    .filter((d) => d.version_id === version.id);
  if (users.length > 0)
    throw conflict(
      `Application version ${version.id} is used by deployment(s) ${users.map((d) => d.id).join(", ")}; delete them first`,
    );
}
