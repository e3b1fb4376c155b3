import { ApiError, badRequest, conflict } from "../api-error";
import { bodyObject, reqString } from "../body-fields";
import type { ControlPlaneContext } from "../context";
import { checkDisplayName } from "../field-rules";
import { newToken, newUuid, nowIso } from "../ids";
import {
  CREATED_BY,
  type DeploymentRecord,
  type JarApplicationRecord,
  type JarVersionRecord,
} from "../model";
import type { Route } from "../router";
import { renderJarDeployment } from "./jar-deployments";
import { requireJarApplication, requireJarVersion } from "./jar-lookups";
import { removeJarFile } from "./jar-upload";
import { listApplications, newApplicationRecord, refuseVersionInUse, requireFlinkService } from "./lookups";

const APP_NAME = { min: 1, max: 128 };
const BASE = "/project/{project}/service/{service_name}/flink/jar_application";

/**
 * The hosted API's JAR applications (experimental there): an application is a name, a version is a
 * jar file. A version is created empty with a pre-signed upload URL in `file_info.url`; the client
 * PUTs the jar there (with `Content-SHA256`) and the version turns READY, or FAILED with the reason.
 * `uploadOrigin` is where this control plane answers (`http://127.0.0.1:PORT`), known once it listens.
 */
export function jarApplicationRoutes(ctx: ControlPlaneContext, uploadOrigin: () => string): Route[] {
  const one = `${BASE}/{application_id}`;
  const renderApp = (app: JarApplicationRecord) => render(ctx, app, uploadOrigin());
  return [
    {
      method: "GET",
      path: BASE,
      handler: ({ params }) => ({ body: listApplications(ctx, "jar_application", params.service_name!) }),
    },
    {
      method: "POST",
      path: BASE,
      handler: ({ params, body }) => {
        const name = checkDisplayName(reqString(bodyObject(body), "name", APP_NAME), "name");
        return ctx.store.tx(() => {
          const svc = requireFlinkService(ctx, params.service_name!);
          checkUniqueName(ctx, svc.service_name, name);
          const app = newApplicationRecord(svc.service_name, name);
          ctx.store.insert("jar_application", ctx.project, app.id, app, svc.service_name);
          return { body: renderApp(app) };
        });
      },
    },
    {
      method: "GET",
      path: one,
      handler: ({ params }) => ({
        body: renderApp(requireJarApplication(ctx, params.service_name!, params.application_id!)),
      }),
    },
    {
      method: "PUT",
      path: one,
      handler: ({ params, body }) => {
        const name = checkDisplayName(reqString(bodyObject(body), "name", APP_NAME), "name");
        return ctx.store.tx(() => {
          const app = requireJarApplication(ctx, params.service_name!, params.application_id!);
          if (name !== app.name) checkUniqueName(ctx, app.service_name, name);
          app.name = name;
          app.updated_at = nowIso();
          app.updated_by = CREATED_BY;
          ctx.store.update("jar_application", ctx.project, app.id, app);
          return { body: renderApp(app) };
        });
      },
    },
    {
      method: "DELETE",
      path: one,
      handler: ({ params }) =>
        ctx.store.tx(() => {
          const app = requireJarApplication(ctx, params.service_name!, params.application_id!);
          const deployments = ctx.store.list<DeploymentRecord>(
            "deployment",
            ctx.project,
            app.service_name,
            app.id,
          );
          if (deployments.length > 0)
            throw new ApiError(
              417,
              "application_has_deployments",
              `Application deletion forbidden because it has ${deployments.length} deployment(s)`,
            );
          const out = renderApp(app);
          for (const v of versionsOf(ctx, app)) removeVersion(ctx, app.service_name, v);
          ctx.store.remove("jar_application", ctx.project, app.id);
          return { body: out };
        }),
    },
    {
      method: "POST",
      path: `${one}/version`,
      // The hosted API takes no body: the jar comes through the upload URL.
      handler: ({ params }) =>
        ctx.store.tx(() => {
          const app = requireJarApplication(ctx, params.service_name!, params.application_id!);
          const v: JarVersionRecord = {
            id: newUuid(),
            application_id: app.id,
            version: app.next_version,
            created_at: nowIso(),
            created_by: CREATED_BY,
            file_status: "INITIAL",
            upload_token: newToken(),
          };
          app.next_version += 1;
          ctx.store.update("jar_application", ctx.project, app.id, app);
          ctx.store.insert("jar_version", ctx.project, v.id, v, app.service_name, app.id);
          return { body: renderJarVersion(v, uploadOrigin()) };
        }),
    },
    {
      method: "GET",
      path: `${one}/version/{application_version_id}`,
      handler: ({ params }) => ({
        body: renderJarVersion(
          requireJarVersion(
            ctx,
            params.service_name!,
            params.application_id!,
            params.application_version_id!,
          ),
          uploadOrigin(),
        ),
      }),
    },
    {
      method: "DELETE",
      path: `${one}/version/{application_version_id}`,
      handler: ({ params }) =>
        ctx.store.tx(() => {
          const v = requireJarVersion(
            ctx,
            params.service_name!,
            params.application_id!,
            params.application_version_id!,
          );
          refuseVersionInUse(ctx, params.service_name!, v);
          removeVersion(ctx, params.service_name!, v);
          return { body: renderJarVersion(v, uploadOrigin()) };
        }),
    },
  ];
}

/** The API's version object; `url` only while the file is still to be uploaded. */
export function renderJarVersion(v: JarVersionRecord, origin: string) {
  return {
    id: v.id,
    version: v.version,
    created_at: v.created_at,
    created_by: v.created_by,
    file_info: {
      file_status: v.file_status,
      ...(v.upload_token ? { url: `${origin}/upload/jar/${v.id}/${v.upload_token}` } : {}),
      ...(v.file_sha256 ? { file_sha256: v.file_sha256 } : {}),
      ...(v.file_size !== undefined ? { file_size: v.file_size } : {}),
      ...(v.verify_error_code ? { verify_error_code: v.verify_error_code } : {}),
      ...(v.verify_error_message ? { verify_error_message: v.verify_error_message } : {}),
    },
  };
}

function versionsOf(ctx: ControlPlaneContext, app: JarApplicationRecord): JarVersionRecord[] {
  return ctx.store.list<JarVersionRecord>("jar_version", ctx.project, app.service_name, app.id);
}

/** A version goes with its kept file and its upload to the service's JobManager. */
function removeVersion(ctx: ControlPlaneContext, serviceName: string, v: JarVersionRecord): void {
  ctx.store.remove("jar_version", ctx.project, v.id);
  removeJarFile(v);
  ctx.cluster.removeJars(ctx.project, serviceName, [v.id]);
}

function checkUniqueName(ctx: ControlPlaneContext, service: string, name: string): void {
  if (name.trim() === "") throw badRequest("name: must not be blank");
  if (
    ctx.store.list<JarApplicationRecord>("jar_application", ctx.project, service).some((a) => a.name === name)
  )
    throw conflict(`JarApplication ${name} already exists in service ${service}`);
}

function render(ctx: ControlPlaneContext, app: JarApplicationRecord, origin: string) {
  const deployments = ctx.store.list<DeploymentRecord>("deployment", ctx.project, app.service_name, app.id);
  const current = deployments[deployments.length - 1];
  return {
    id: app.id,
    name: app.name,
    created_at: app.created_at,
    created_by: app.created_by,
    updated_at: app.updated_at,
    updated_by: app.updated_by,
    application_versions: versionsOf(ctx, app).map((v) => renderJarVersion(v, origin)),
    ...(current ? { current_deployment: renderJarDeployment(current) } : {}),
  };
}
