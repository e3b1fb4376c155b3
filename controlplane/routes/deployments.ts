import { ApiError, badRequest, conflict } from "../api-error";
import { type Body, bodyObject, optBool, optInt, optString, reqString } from "../body-fields";
import type { ControlPlaneContext } from "../context";
import { newJobId, newUuid, nowIso } from "../ids";
import {
  type ApplicationRecord,
  CREATED_BY,
  type DeploymentRecord,
  TERMINAL_STATUSES,
  type VersionRecord,
} from "../model";
import type { Route } from "../router";
import { requireApplication, requireFlinkService } from "./lookups";

const CANCELABLE: readonly DeploymentRecord["status"][] = [
  "INITIALIZING",
  "CREATED",
  "RUNNING",
  "RESTARTING",
  // Held by a service power off: no job runs, so the cancel only ends the deployment.
  "SUSPENDED",
];

/**
 * What differs between SQL and JAR application deployments; the lifecycle (routes, statuses, the
 * cluster driver's calls) is the same for both.
 */
export interface DeploymentFlavour {
  /** Path of the application below the service, e.g. `application` or `jar_application`. */
  readonly applicationPath: string;
  requireApplication(ctx: ControlPlaneContext, service: string, appId: string): ApplicationRecord;
  /** Throws the API's 404 unless the version exists and belongs to `appId`. */
  requireVersion(ctx: ControlPlaneContext, appId: string, versionId: string): void;
  /** Fields of the create body only this flavour has, checked. */
  readFields(body: Body): Pick<DeploymentRecord, "jar">;
  render(d: DeploymentRecord): Record<string, unknown>;
}

const SQL_DEPLOYMENTS: DeploymentFlavour = {
  applicationPath: "application",
  requireApplication,
  requireVersion: (ctx, appId, versionId) => {
    const version = ctx.store.get<VersionRecord>("version", ctx.project, versionId);
    if (!version || version.application_id !== appId)
      throw new ApiError(404, "not_found", `Application version not found: ${versionId}`);
  },
  readFields: () => ({}),
  render: renderDeployment,
};

export function deploymentRoutes(
  ctx: ControlPlaneContext,
  flavour: DeploymentFlavour = SQL_DEPLOYMENTS,
): Route[] {
  const base = `/project/{project}/service/{service_name}/flink/${flavour.applicationPath}/{application_id}/deployment`;
  const one = `${base}/{deployment_id}`;
  const requireDeployment = (service: string, appId: string, id: string) =>
    findDeployment(ctx, flavour, service, appId, id);
  const renderDeployment = flavour.render;
  /**
   * An action on one deployment: `act` checks the status it allows (throwing the API's 409) and acts,
   * in the same transaction as the lookup; the answer renders the deployment after `act`.
   */
  const onDeployment = (
    method: Route["method"],
    path: string,
    act: (d: DeploymentRecord) => void,
  ): Route => ({
    method,
    path,
    handler: ({ params }) =>
      ctx.store.tx(() => {
        const d = requireDeployment(params.service_name!, params.application_id!, params.deployment_id!);
        act(d);
        return { body: renderDeployment(d) };
      }),
  });
  return [
    {
      method: "GET",
      path: base,
      handler: ({ params }) => {
        const app = flavour.requireApplication(ctx, params.service_name!, params.application_id!);
        return {
          body: {
            deployments: ctx.store
              .list<DeploymentRecord>("deployment", ctx.project, app.service_name, app.id)
              .map(renderDeployment),
          },
        };
      },
    },
    {
      method: "POST",
      path: base,
      handler: ({ params, body }) => ({
        body: renderDeployment(create(ctx, flavour, params.service_name!, params.application_id!, body)),
      }),
    },
    {
      method: "GET",
      path: one,
      handler: ({ params }) => ({
        body: renderDeployment(
          requireDeployment(params.service_name!, params.application_id!, params.deployment_id!),
        ),
      }),
    },
    onDeployment("POST", `${one}/cancel`, (d) => {
      if (!CANCELABLE.includes(d.status))
        throw conflict(`Deployment ${d.id} cannot be canceled in status ${d.status}`);
      ctx.cluster.cancelDeployment(ctx.project, d);
    }),
    onDeployment("POST", `${one}/stop`, (d) => {
      if (d.status !== "RUNNING")
        throw conflict(
          `Deployment ${d.id} can only be stopped with a savepoint while RUNNING; it is ${d.status}`,
        );
      ctx.cluster.stopDeployment(ctx.project, d);
    }),
    onDeployment("DELETE", one, (d) => {
      if (!TERMINAL_STATUSES.includes(d.status))
        throw conflict(`Deployment ${d.id} is ${d.status}; it must be canceled before it can be deleted`);
      ctx.store.remove("deployment", ctx.project, d.id);
      ctx.store.unscheduleTarget(ctx.project, d.id);
    }),
  ];
}

export function requireDeployment(
  ctx: ControlPlaneContext,
  service: string,
  appId: string,
  id: string,
): DeploymentRecord {
  return findDeployment(ctx, SQL_DEPLOYMENTS, service, appId, id);
}

function findDeployment(
  ctx: ControlPlaneContext,
  flavour: DeploymentFlavour,
  service: string,
  appId: string,
  id: string,
): DeploymentRecord {
  flavour.requireApplication(ctx, service, appId);
  const d = ctx.store.get<DeploymentRecord>("deployment", ctx.project, id);
  if (!d || d.application_id !== appId)
    throw new ApiError(404, "not_found", `Application deployment not found: ${id}`);
  return d;
}

function create(
  ctx: ControlPlaneContext,
  flavour: DeploymentFlavour,
  service: string,
  appId: string,
  raw: unknown,
): DeploymentRecord {
  const body = bodyObject(raw);
  const extra = flavour.readFields(body);
  const versionId = reqString(body, "version_id", { min: 36, max: 36 });
  const parallelism = optInt(body, "parallelism", { min: 1, max: 128 }) ?? 1;
  const restartEnabled = optBool(body, "restart_enabled") ?? true;
  const savepoint = optString(body, "starting_savepoint", { min: 1, max: 2048 });
  // An extension of this control plane (the hosted API has no such field): Flink's
  // allowNonRestoredState, for a version that dropped an operator whose state the savepoint holds.
  const allowNonRestored = optBool(body, "allow_non_restored_state") ?? false;
  return ctx.store.tx(() => {
    const svc = requireFlinkService(ctx, service);
    const app = flavour.requireApplication(ctx, service, appId);
    flavour.requireVersion(ctx, app.id, versionId);
    if (svc.state === "POWEROFF") throw conflict(`Service ${service} is powered off`);
    if (
      savepoint !== undefined &&
      !ctx.store.list<{ path: string }>("savepoint", ctx.project, service).some((s) => s.path === savepoint)
    ) {
      throw badRequest(
        `starting_savepoint: savepoint not found in the checkpoint storage of service ${service}: ${savepoint}`,
      );
    }
    const active = ctx.store
      .list<DeploymentRecord>("deployment", ctx.project, service, app.id)
      .find((d) => !TERMINAL_STATUSES.includes(d.status));
    if (active)
      throw conflict(
        `Application ${app.name} already has an active deployment ${active.id} (${active.status}); cancel or stop it first`,
      );
    const d: DeploymentRecord = {
      id: newUuid(),
      service_name: service,
      application_id: app.id,
      version_id: versionId,
      status: "INITIALIZING",
      parallelism,
      restart_enabled: restartEnabled,
      ...(savepoint !== undefined ? { starting_savepoint: savepoint } : {}),
      ...(allowNonRestored ? { allow_non_restored_state: true } : {}),
      ...extra,
      job_id: newJobId(),
      created_at: nowIso(),
      created_by: CREATED_BY,
      failures: [],
      seq: 0,
    };
    ctx.store.insert("deployment", ctx.project, d.id, d, service, app.id);
    ctx.cluster.submitDeployment(ctx.project, d);
    return d;
  });
}

export function renderDeployment(d: DeploymentRecord) {
  return {
    id: d.id,
    version_id: d.version_id,
    status: d.status,
    parallelism: d.parallelism,
    restart_enabled: d.restart_enabled,
    ...(d.starting_savepoint ? { starting_savepoint: d.starting_savepoint } : {}),
    ...(d.allow_non_restored_state ? { allow_non_restored_state: true } : {}),
    ...(d.last_savepoint ? { last_savepoint: d.last_savepoint } : {}),
    job_id: d.job_id,
    ...(d.error_msg ? { error_msg: d.error_msg } : {}),
    created_at: d.created_at,
    created_by: d.created_by,
  };
}
