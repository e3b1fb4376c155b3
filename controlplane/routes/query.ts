import { ApiError, badRequest } from "../api-error";
import { bodyObject, optArray, optInt, optString, reqString } from "../body-fields";
import type { TableInput } from "../cluster/cluster-driver";
import type { ControlPlaneContext } from "../context";
import type { VersionRecord } from "../model";
import { queryStatementProblem } from "../query-statement";
import type { Route } from "../router";
import { requireApplication, requireFlinkService } from "./lookups";

/**
 * The interactive query, an extension of this control plane (the hosted service keeps it to its
 * console): `POST .../flink/query` with `{statement, application_id?, application_version_id?,
 * tables?, limit?, timeout_seconds?}` runs one SELECT on the service's cluster, with the named
 * version's tables (or the `{create_table, integration_id?}` tables given), and answers with its first rows: `{columns: [{name, type}], rows: [{kind, fields}],
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
        const given = optArray(b, "tables", 64);
        const applicationId = optString(b, "application_id", { min: 36, max: 36 });
        const versionId = optString(b, "application_version_id", { min: 36, max: 36 });
        if (given && (applicationId || versionId))
          throw badRequest("tables: give tables or an application version, not both");
        const tables = given
          ? givenTables(given)
          : versionTables(ctx, svc.service_name, applicationId, versionId);
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

/** Tables given with the query itself (the CDK's preview of a pipeline not yet applied). */
function givenTables(list: unknown[]): TableInput[] {
  return list.map((item, i) => {
    const t = bodyObject(item);
    return {
      create_table: reqString(t, "create_table", { max: 4096 }, `tables[${i}].create_table`),
      integration_id:
        optString(t, "integration_id", { min: 36, max: 36 }, `tables[${i}].integration_id`) ?? null,
    };
  });
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
