import { ApiError, badRequest } from "../api-error";
import { bodyObject, optInt, optString, reqString } from "../body-fields";
import type { TableInput } from "../cluster/cluster-driver";
import type { ControlPlaneContext } from "../context";
import type { VersionRecord } from "../model";
import { queryStatementProblem } from "../query-statement";
import type { Route } from "../router";
import { requireApplication, requireFlinkService } from "./lookups";

/**
 * The interactive query, an extension of this control plane (the hosted service keeps it to its
 * console): `POST .../flink/query` with `{statement, application_id?, application_version_id?,
 * limit?, timeout_seconds?}` runs one SELECT on the service's cluster, with the named version's
 * tables, and answers with its first rows: `{columns: [{name, type}], rows: [{kind, fields}],
 * complete, elapsed_ms}`. The flink engine only.
 */
export function queryRoutes(ctx: ControlPlaneContext): Route[] {
  return [
    {
      method: "POST",
      path: "/project/{project}/service/{service_name}/flink/query",
      handler: async ({ params, body }) => {
        const b = bodyObject(body);
        const statement = reqString(b, "statement", { min: 1, max: 50_000 });
        const problem = queryStatementProblem(statement);
        if (problem) throw badRequest(problem);
        const limit = optInt(b, "limit", { min: 1, max: 1000 }) ?? 20;
        const timeoutSeconds = optInt(b, "timeout_seconds", { min: 1, max: 300 }) ?? 30;
        const svc = requireFlinkService(ctx, params.service_name!);
        const tables = versionTables(
          ctx,
          svc.service_name,
          optString(b, "application_id", { min: 36, max: 36 }),
          optString(b, "application_version_id", { min: 36, max: 36 }),
        );
        const result = await ctx.cluster.query(ctx.project, svc, {
          statement,
          tables,
          limit,
          timeoutMs: timeoutSeconds * 1000,
        });
        return {
          body: {
            columns: result.columns,
            rows: result.rows,
            complete: result.complete,
            elapsed_ms: result.elapsedMs,
          },
        };
      },
    },
  ];
}

/** The version's sources and sinks, for the query to read; none without a version. */
function versionTables(
  ctx: ControlPlaneContext,
  service: string,
  applicationId: string | undefined,
  versionId: string | undefined,
): TableInput[] {
  if (versionId === undefined) {
    if (applicationId !== undefined) throw badRequest("application_version_id: required with application_id");
    return [];
  }
  if (applicationId === undefined) throw badRequest("application_id: required with application_version_id");
  requireApplication(ctx, service, applicationId);
  const v = ctx.store.get<VersionRecord>("version", ctx.project, versionId);
  if (!v || v.application_id !== applicationId)
    throw new ApiError(404, "not_found", `Application version not found: ${versionId}`);
  return [...v.sources, ...v.sinks].map((t) => ({
    create_table: t.create_table,
    integration_id: t.integration_id,
  }));
}
