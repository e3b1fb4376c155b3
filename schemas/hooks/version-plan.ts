/**
 * Plan-time validation by the service itself: when the application exists and the API answers,
 * the version about to be created is sent to the validate endpoint, and its findings (SQL errors
 * with positions, unknown integrations) become diagnostics at the attribute. Offline checks have
 * already run in ValidateResourceConfig; this adds what only the service knows.
 */
import type { HookDiagnostic, PlanHookArgs, PlanHookResult, StateObject } from "../dsl/types";
import { versionOps } from "../resources/operations";
import { replacedVersionStateWarning } from "./state-compatibility";

interface Position {
  line_number?: number;
  character_number?: number;
}

const at = (p: Position | undefined) =>
  p?.line_number ? ` (line ${p.line_number}, column ${p.character_number ?? 1})` : "";

function tables(values: unknown): { create_table: string; integration_id?: string }[] | undefined {
  if (!Array.isArray(values)) return [];
  const out: { create_table: string; integration_id?: string }[] = [];
  for (const t of values as StateObject[]) {
    if (typeof t?.create_table !== "string") return undefined;
    if (t.integration_id !== null && t.integration_id !== undefined && typeof t.integration_id !== "string")
      return undefined;
    out.push({
      create_table: t.create_table,
      ...(typeof t.integration_id === "string" ? { integration_id: t.integration_id } : {}),
    });
  }
  return out;
}

export async function planVersion(args: PlanHookArgs): Promise<PlanHookResult> {
  const { planned, prior, api } = args;
  if (!api || (prior && args.changed.length === 0)) return {};
  const sources = tables(planned.source);
  const sinks = tables(planned.sink);
  const keys = ["project", "service_name", "application_id", "statement"];
  if (!sources || !sinks || keys.some((k) => typeof planned[k] !== "string")) return {};
  let result: StateObject;
  try {
    result = await api.call(versionOps.validate, planned, { statement: planned.statement, sources, sinks });
  } catch (err) {
    if (api.isNotFound(err)) return {}; // the service or application does not exist yet
    throw err;
  }
  const diagnostics: HookDiagnostic[] = [];
  const error = result.statement_error as { message?: string; position?: Position } | undefined;
  if (error?.message) {
    diagnostics.push({
      severity: "error",
      path: ["statement"],
      summary: "Flink SQL Rejected By The Service",
      detail: `statement${at(error.position)}: ${error.message}`,
    });
  }
  for (const [part, list] of [
    ["source", result.sources],
    ["sink", result.sinks],
  ] as const) {
    for (const table of (Array.isArray(list) ? list : []) as StateObject[]) {
      if (typeof table.message !== "string" || !table.message) continue;
      // A fresh integration is invisible to the Flink API for a while; the create retries that.
      if (table.message.startsWith("Integration not found")) continue;
      const name = typeof table.table_name === "string" ? ` ${table.table_name}` : "";
      diagnostics.push({
        severity: "error",
        path: [part],
        summary: "Flink SQL Rejected By The Service",
        detail: `${part} table${name}${at(table.position as Position | undefined)}: ${table.message}`,
      });
    }
  }
  // Replacing the version a job runs: the new statement may not take the job's state.
  const state = prior ? await replacedVersionStateWarning(api, prior, planned) : undefined;
  if (state) diagnostics.push(state);
  return { diagnostics };
}
