/**
 * Plan-time validation of a whole application version — SQL syntax with line and column, the
 * statement's reads and INSERT target against the declared tables, connector and DDL rules — as
 * diagnostics at the attribute. Runs the shared SQL module (schemas/sql), which loads its parser
 * only on first use.
 */
import type { HookDiagnostic, StateObject } from "../dsl/types";
import { type SqlDiagnostic, validateApplicationVersion } from "../sql";

interface TableValue {
  create_table?: unknown;
  integration_id?: unknown;
}

function where(
  d: SqlDiagnostic,
  tables: { source: TableValue[]; sink: TableValue[] },
): { path: string[]; label: string } {
  if (d.location.part === "statement") return { path: ["statement"], label: "statement" };
  const part = d.location.part;
  // Set blocks cannot be addressed by index in a Terraform attribute path: point at the block type.
  return { path: [part], label: `${part} block ${d.location.index + 1} of ${tables[part].length}` };
}

function render(d: SqlDiagnostic, label: string): string {
  const at = d.position ? ` (line ${d.position.line}, column ${d.position.column})` : "";
  return `${label}${at}: ${d.message}`;
}

export function validateApplicationVersionConfig(
  config: StateObject,
  isUnresolved: (v: unknown) => boolean,
): HookDiagnostic[] {
  if (config.skip_sql_validation === true) return [];
  const statement = config.statement;
  const source = (Array.isArray(config.source) ? config.source : []) as TableValue[];
  const sink = (Array.isArray(config.sink) ? config.sink : []) as TableValue[];
  // Only a fully known configuration is checked: references between tables need all of them.
  const known = (v: unknown) => typeof v === "string" && !isUnresolved(v);
  if (!known(statement) || isUnresolved(config.source) || isUnresolved(config.sink)) return [];
  if (![...source, ...sink].every((t) => t && !isUnresolved(t) && known(t.create_table))) return [];
  // An integration_id known only after apply still means "connected through an integration".
  const asInput = (t: TableValue) => ({
    create_table: t.create_table as string,
    integration_id: isUnresolved(t.integration_id)
      ? "(known after apply)"
      : typeof t.integration_id === "string"
        ? t.integration_id
        : null,
  });
  const diagnostics = validateApplicationVersion({
    statement: statement as string,
    sources: source.map(asInput),
    sinks: sink.map(asInput),
  });
  return diagnostics.map((d) => {
    const { path, label } = where(d, { source, sink });
    return {
      severity: d.severity,
      path,
      summary: d.severity === "error" ? "Invalid Flink SQL" : "Flink SQL Warning",
      detail: render(d, label),
    };
  });
}
