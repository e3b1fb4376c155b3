import { ApiError, badRequest, conflict } from "../api-error";
import { bodyObject, optObject, reqString } from "../body-fields";
import type { ControlPlaneContext } from "../context";
import { checkDisplayName } from "../field-rules";
import { nowIso } from "../ids";
import { type ApplicationRecord, CREATED_BY, type DeploymentRecord, type VersionRecord } from "../model";
import type { Route } from "../router";
import { renderDeployment } from "./deployments";
import { listApplications, newApplicationRecord, requireApplication, requireFlinkService } from "./lookups";
import { checkVersionBody, createVersion, renderVersion } from "./versions";

const APP_NAME = { min: 1, max: 128 };

export function applicationRoutes(ctx: ControlPlaneContext): Route[] {
  const base = "/project/{project}/service/{service_name}/flink/application";
  return [
    {
      method: "GET",
      path: base,
      handler: ({ params }) => ({ body: listApplications(ctx, "application", params.service_name!) }),
    },
    {
      method: "POST",
      path: base,
      handler: async ({ params, body }) => {
        const b = bodyObject(body);
        const name = checkDisplayName(reqString(b, "name", APP_NAME), "name");
        const inline = optObject(b, "application_version");
        requireFlinkService(ctx, params.service_name!);
        // SQL is checked on the worker before the transaction, as for a version created on its own.
        const inlineVersion = inline && (await checkVersionBody(ctx, inline));
        return ctx.store.tx(() => {
          const svc = requireFlinkService(ctx, params.service_name!);
          checkUniqueName(ctx, svc.service_name, name);
          const app = newApplicationRecord(svc.service_name, name);
          ctx.store.insert("application", ctx.project, app.id, app, svc.service_name);
          if (inlineVersion) createVersion(ctx, svc.service_name, app, inlineVersion);
          return { body: render(ctx, app) };
        });
      },
    },
    {
      method: "GET",
      path: `${base}/{application_id}`,
      handler: ({ params }) => ({
        body: render(ctx, requireApplication(ctx, params.service_name!, params.application_id!)),
      }),
    },
    {
      method: "PUT",
      path: `${base}/{application_id}`,
      handler: ({ params, body }) => {
        const name = checkDisplayName(reqString(bodyObject(body), "name", APP_NAME), "name");
        return ctx.store.tx(() => {
          const app = requireApplication(ctx, params.service_name!, params.application_id!);
          if (name !== app.name) checkUniqueName(ctx, app.service_name, name);
          app.name = name;
          app.updated_at = nowIso();
          app.updated_by = CREATED_BY;
          ctx.store.update("application", ctx.project, app.id, app);
          return { body: render(ctx, app) };
        });
      },
    },
    {
      method: "DELETE",
      path: `${base}/{application_id}`,
      handler: ({ params }) =>
        ctx.store.tx(() => {
          const app = requireApplication(ctx, params.service_name!, params.application_id!);
          const deployments = ctx.store.list<DeploymentRecord>(
            "deployment",
            ctx.project,
            app.service_name,
            app.id,
          );
          if (deployments.length > 0) {
            // CODEGEN retries a 417 on DELETE with exactly this wording.
            throw new ApiError(
              417,
              "application_has_deployments",
              `Application deletion forbidden because it has ${deployments.length} deployment(s)`,
            );
          }
          const out = render(ctx, app);
          for (const v of ctx.store.list<VersionRecord>("version", ctx.project, app.service_name, app.id))
            ctx.store.remove("version", ctx.project, v.id);
          ctx.store.remove("application", ctx.project, app.id);
          return { body: out };
        }),
    },
  ];
}

function checkUniqueName(ctx: ControlPlaneContext, service: string, name: string): void {
  if (name.trim() === "") throw badRequest("name: must not be blank");
  if (ctx.store.list<ApplicationRecord>("application", ctx.project, service).some((a) => a.name === name)) {
    throw conflict(`Application ${name} already exists in service ${service}`);
  }
}

function render(ctx: ControlPlaneContext, app: ApplicationRecord) {
  const versions = ctx.store.list<VersionRecord>("version", ctx.project, app.service_name, app.id);
  const deployments = ctx.store.list<DeploymentRecord>("deployment", ctx.project, app.service_name, app.id);
  const current = deployments[deployments.length - 1];
  return {
    id: app.id,
    name: app.name,
    created_at: app.created_at,
    created_by: app.created_by,
    updated_at: app.updated_at,
    updated_by: app.updated_by,
    application_versions: versions.map(renderVersion),
    ...(current ? { current_deployment: renderDeployment(current) } : {}),
  };
}
