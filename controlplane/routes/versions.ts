import { ApiError } from "../api-error";
import { type Body, bodyObject, optArray, optString, reqString } from "../body-fields";
import type { ControlPlaneContext } from "../context";
import { createTableInfo } from "../create-table-info";
import { newUuid, nowIso } from "../ids";
import type { IntegrationRecord } from "../model";
import { type ApplicationRecord, CREATED_BY, type TableRecord, type VersionRecord } from "../model";
import type { Route } from "../router";
import { LIMIT_CODES, type SqlDiagnostic, SYNTAX_CODES } from "../sql-validator";
import { isVisible, refuseVersionInUse, requireApplication, requireFlinkService } from "./lookups";

interface TableInput {
  create_table: string;
  integration_id: string | null;
}

export function versionRoutes(ctx: ControlPlaneContext): Route[] {
  const base = "/project/{project}/service/{service_name}/flink/application/{application_id}/version";
  return [
    {
      method: "POST",
      path: base,
      handler: async ({ params, body }) => {
        requireApplication(
          ctx,
          requireFlinkService(ctx, params.service_name!).service_name,
          params.application_id!,
        );
        // Validated on the worker before the transaction: the store is not held while SQL is parsed.
        const checked = await checkVersionBody(ctx, bodyObject(body));
        return ctx.store.tx(() => {
          const svc = requireFlinkService(ctx, params.service_name!);
          const app = requireApplication(ctx, svc.service_name, params.application_id!);
          return { body: renderVersion(createVersion(ctx, svc.service_name, app, checked)) };
        });
      },
    },
    {
      method: "POST",
      path: `${base}/validate`,
      handler: async ({ params, body }) => ({
        body: await validate(ctx, params.service_name!, params.application_id!, bodyObject(body)),
      }),
    },
    {
      method: "GET",
      path: `${base}/{application_version_id}`,
      handler: ({ params }) => ({
        body: renderVersion(
          requireVersion(ctx, params.service_name!, params.application_id!, params.application_version_id!),
        ),
      }),
    },
    {
      method: "DELETE",
      path: `${base}/{application_version_id}`,
      handler: ({ params }) =>
        ctx.store.tx(() => {
          const v = requireVersion(
            ctx,
            params.service_name!,
            params.application_id!,
            params.application_version_id!,
          );
          refuseVersionInUse(ctx, params.service_name!, v);
          ctx.store.remove("version", ctx.project, v.id);
          return { body: renderVersion(v) };
        }),
    },
  ];
}

export function requireVersion(
  ctx: ControlPlaneContext,
  service: string,
  appId: string,
  id: string,
): VersionRecord {
  requireApplication(ctx, service, appId);
  const v = ctx.store.get<VersionRecord>("version", ctx.project, id);
  if (!v || v.application_id !== appId)
    throw new ApiError(404, "not_found", `Application version not found: ${id}`);
  return v;
}

/** A version body whose fields and SQL syntax were checked (checkVersionBody), ready to be stored. */
export interface CheckedVersion {
  readonly statement: string;
  readonly sources: readonly TableInput[];
  readonly sinks: readonly TableInput[];
}

/**
 * Reads a version body and checks its SQL on the validation worker. The hosted API refuses SQL that
 * does not parse; other findings surface when the job is deployed.
 */
export async function checkVersionBody(ctx: ControlPlaneContext, body: Body): Promise<CheckedVersion> {
  const statement = reqString(body, "statement", { max: 50_000 });
  const sources = tables(body, "sources", true);
  const sinks = tables(body, "sinks", true);
  const syntax = (await ctx.sql.validate({ statement, sources, sinks })).filter(
    (d) => d.severity === "error" && SYNTAX_CODES.has(d.code),
  );
  if (syntax.length > 0)
    throw new ApiError(400, "query_validation_failed", `Invalid SQL: ${describeDiagnostic(syntax[0]!)}`);
  return { statement, sources, sinks };
}

/** Creates the next version (1, 2, 3, ... per application). Runs inside the caller's transaction. */
export function createVersion(
  ctx: ControlPlaneContext,
  service: string,
  app: ApplicationRecord,
  { statement, sources, sinks }: CheckedVersion,
): VersionRecord {
  for (const t of [...sources, ...sinks]) {
    const id = t.integration_id;
    if (id && (!serviceIntegration(ctx, service, id) || ctx.faults.takeIntegrationNotFound())) {
      throw new ApiError(404, "service_integration_not_found", `Integration not found: ${id}`);
    }
  }
  const version: VersionRecord = {
    id: newUuid(),
    application_id: app.id,
    version: app.next_version,
    statement,
    sources: sources.map((t) => ({ table_id: newUuid(), ...t })),
    sinks: sinks.map((t) => ({ table_id: newUuid(), ...t })),
    created_at: nowIso(),
    created_by: CREATED_BY,
  };
  app.next_version += 1;
  ctx.store.update("application", ctx.project, app.id, app);
  ctx.store.insert("version", ctx.project, version.id, version, service, app.id);
  return version;
}

export function describeDiagnostic(d: SqlDiagnostic): string {
  const where = d.location.part === "statement" ? "statement" : `${d.location.part}s[${d.location.index}]`;
  const at = d.position ? ` line ${d.position.line}, column ${d.position.column}` : "";
  return `${where}${at}: ${d.message}`;
}

function serviceIntegration(
  ctx: ControlPlaneContext,
  service: string,
  id: string,
): IntegrationRecord | undefined {
  const i = ctx.store.get<IntegrationRecord>("integration", ctx.project, id);
  return i && isVisible(ctx, i) && (i.dest_service === service || i.source_service === service)
    ? i
    : undefined;
}

function tables(body: Body, key: "sources" | "sinks", required: boolean): TableInput[] {
  const list = optArray(body, key, 64);
  if (!list) {
    if (required) throw new ApiError(400, "bad_request", `${key}: missing required field`);
    return [];
  }
  return list.map((item, i) => {
    const t = bodyObject(item);
    return {
      create_table: reqString(t, "create_table", { max: 4096 }, `${key}[${i}].create_table`),
      integration_id:
        optString(t, "integration_id", { min: 36, max: 36 }, `${key}[${i}].integration_id`) ?? null,
    };
  });
}

type Position = {
  line_number: number;
  character_number: number;
  end_line_number: number;
  end_character_number: number;
};

/** Rules of an application version, not of Flink SQL: checked on every engine. */
const VERSION_RULES = new Set([
  "insert-missing",
  "insert-target-not-sink",
  "read-not-source",
  "create-table-missing",
  "create-table-multiple",
  "create-table-not-a-table",
]);

/** One error of the validate endpoint, from Flink's planner or, without one, from the SQL parser. */
interface Finding {
  readonly part: "statement" | "source" | "sink";
  readonly index: number;
  readonly message: string;
  readonly position?: { line: number; column: number; endLine: number; endColumn: number };
}

const position = (d: Finding): Position | undefined =>
  d.position && {
    line_number: d.position.line,
    character_number: d.position.column,
    end_line_number: d.position.endLine,
    end_character_number: d.position.endColumn,
  };

/**
 * The validate endpoint: findings come back in a 200 body, per table and for the statement. On the
 * flink engine Flink's own planner checks the version; otherwise the SQL parser does.
 */
async function validate(ctx: ControlPlaneContext, service: string, appId: string, body: Body) {
  const svc = requireFlinkService(ctx, service);
  requireApplication(ctx, service, appId);
  const statement = optString(body, "statement", { max: 50_000 });
  const sources = tables(body, "sources", true);
  const sinks = tables(body, "sinks", true);
  // The parser runs first (on the worker): SQL over a limit is refused before the planner sees it.
  const all = await ctx.sql.validate({ statement, sources, sinks });
  const limit = all.find((d) => LIMIT_CODES.has(d.code));
  if (limit) throw new ApiError(400, "query_validation_failed", `Invalid SQL: ${describeDiagnostic(limit)}`);
  const planner = await ctx.cluster.validateVersion(ctx.project, svc, {
    ...(statement !== undefined ? { statement } : {}),
    sources,
    sinks,
  });
  const parsed = all
    .filter((d) => d.severity === "error" && (!planner || VERSION_RULES.has(d.code)))
    .map((d) => ({
      part: d.location.part,
      index: d.location.part === "statement" ? 0 : d.location.index,
      message: d.message,
      ...(d.position ? { position: d.position } : {}),
    }));
  // With the planner, the parser adds only the application version's own rules (which table is a
  // source or a sink, one CREATE TABLE each), which Flink knows nothing about; the planner's
  // findings come first.
  const diagnostics: readonly Finding[] = planner ? [...planner, ...parsed] : parsed;
  const table = (part: "source" | "sink") => (t: TableInput, index: number) => {
    const d = diagnostics.find((x) => x.part === part && x.index === index);
    const info = createTableInfo(t.create_table);
    const missing =
      t.integration_id && !serviceIntegration(ctx, service, t.integration_id)
        ? `Integration not found: ${t.integration_id}`
        : undefined;
    return {
      create_table: t.create_table,
      ...(t.integration_id ? { integration_id: t.integration_id } : {}),
      table_name: info.table_name,
      columns: info.columns,
      options: info.options,
      ...(d
        ? { message: d.message, ...(d.position ? { position: position(d) } : {}) }
        : missing
          ? { message: missing }
          : {}),
    };
  };
  const statementError = diagnostics.find((d) => d.part === "statement");
  return {
    ...(statement !== undefined ? { statement } : {}),
    ...(statementError
      ? {
          statement_error: {
            message: statementError.message,
            ...(statementError.position ? { position: position(statementError) } : {}),
          },
        }
      : {}),
    sources: sources.map(table("source")),
    sinks: sinks.map(table("sink")),
  };
}

export function renderVersion(v: VersionRecord) {
  const table = (t: TableRecord) => {
    const info = createTableInfo(t.create_table);
    return {
      table_id: t.table_id,
      table_name: info.table_name,
      create_table: t.create_table,
      ...(t.integration_id ? { integration_id: t.integration_id } : {}),
      columns: info.columns,
      options: info.options,
    };
  };
  return {
    id: v.id,
    version: v.version,
    statement: v.statement,
    sources: v.sources.map(table),
    sinks: v.sinks.map(table),
    created_at: v.created_at,
    created_by: v.created_by,
  };
}
