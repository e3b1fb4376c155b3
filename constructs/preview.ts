import type { FlinkTable } from "./flink-table";

/** Where and what to preview: a SELECT over tables of a user's own pipeline, on a running service. */
export interface PreviewOptions {
  /** The Flink service whose cluster runs the query (on the local control plane's flink engine). */
  readonly service: string;
  /** One SELECT (INSERT and DDL are refused). */
  readonly statement: string;
  /** The tables the statement reads, as the pipeline declares them. @default none */
  readonly tables?: readonly FlinkTable[];
  /**
   * The integration of a table that has one, by table name: the id the API gave it (a construct's
   * integration id is only known after apply). Such a table gets its connection from it. @default none
   */
  readonly integrationIds?: Readonly<Record<string, string>>;
  /** @default 20 */
  readonly limit?: number;
  /** @default 30 */
  readonly timeoutSeconds?: number;
  /** @default "local" */
  readonly project?: string;
  /** @default the FLINK_API_URL environment variable */
  readonly apiUrl?: string;
  /** @default FLINK_API_TOKEN (or AIVEN_TOKEN) */
  readonly apiToken?: string;
}

export interface PreviewResult {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** Each row by column name, with its changelog kind (`INSERT`, `UPDATE_BEFORE`, `UPDATE_AFTER`, `DELETE`). */
  readonly rows: readonly (Record<string, unknown> & { readonly $kind: string })[];
  /** The query ended before the limit or the time limit. */
  readonly complete: boolean;
}

/** The query could not run: the message is the control plane's (Flink's, for a wrong table or query). */
export class FlinkPreviewError extends Error {
  override readonly name = "FlinkPreviewError";
}

/**
 * Previews rows of a pipeline's tables from a test: runs the query through the local control
 * plane's interactive-query endpoint (its own extension of the API) and returns the first rows.
 *
 * @example
 * const rows = await preview({ service: "clickstream", tables: [clicks], statement: "SELECT * FROM clicks", limit: 5 });
 */
export async function preview(options: PreviewOptions): Promise<PreviewResult> {
  const apiUrl = (options.apiUrl ?? process.env.FLINK_API_URL ?? "").replace(/\/+$/, "");
  const token = options.apiToken ?? process.env.FLINK_API_TOKEN ?? process.env.AIVEN_TOKEN;
  if (!apiUrl) throw new FlinkPreviewError("preview: no API URL (set FLINK_API_URL or pass apiUrl)");
  if (!token) throw new FlinkPreviewError("preview: no API token (set FLINK_API_TOKEN or pass apiToken)");
  const tables = (options.tables ?? []).map((t) => ({
    create_table: t.createTable,
    ...(options.integrationIds?.[t.tableName] ? { integration_id: options.integrationIds[t.tableName] } : {}),
  }));
  const path = `/project/${options.project ?? "local"}/service/${options.service}/flink/query`;
  let res: Response;
  try {
    res = await fetch(apiUrl + path, {
      method: "POST",
      headers: { authorization: `aivenv1 ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        statement: options.statement,
        tables,
        limit: options.limit ?? 20,
        timeout_seconds: options.timeoutSeconds ?? 30,
      }),
    });
  } catch (err) {
    throw new FlinkPreviewError(`preview: the API at ${apiUrl} does not answer (${(err as Error).message})`);
  }
  const body = (await res.json().catch(() => ({}))) as {
    message?: string;
    columns?: { name: string; type: string }[];
    rows?: { kind: string; fields: unknown[] }[];
    complete?: boolean;
  };
  if (!res.ok) throw new FlinkPreviewError(`preview: ${body.message ?? `HTTP ${res.status}`}`);
  const columns = body.columns ?? [];
  return {
    columns,
    rows: (body.rows ?? []).map((r) => ({
      $kind: r.kind,
      ...Object.fromEntries(columns.map((c, i) => [c.name, r.fields[i]])),
    })),
    complete: body.complete ?? false,
  };
}
