import { closest, type Diagnostics } from "./context";
import type { StatementRefs, TableRef } from "./extract-statement";
import type { SqlLocation } from "./types";

/** A declared source/sink by name; `name` may come from a best-effort guess when its DDL did not parse. */
export interface NamedTable {
  role: "source" | "sink";
  index: number;
  name: string;
  location: SqlLocation;
}

const STATEMENT: SqlLocation = { part: "statement" };
const lastPart = (name: string) => name.slice(name.lastIndexOf(".") + 1);
const label = (t: NamedTable) => `${t.role}s[${t.index}]`;

/** Exact match, else by the last path segment (`default_catalog.default_database.orders` ~ `orders`). */
function lookup<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  return items.find((t) => t.name === name) ?? items.find((t) => lastPart(t.name) === lastPart(name));
}

export function checkDuplicateTables(tables: readonly NamedTable[], d: Diagnostics): void {
  const seen = new Map<string, NamedTable>();
  for (const t of tables) {
    const first = seen.get(t.name);
    if (first) {
      d.error(
        "duplicate-table",
        `Table '${t.name}' is declared twice: ${label(first)} and ${label(t)}; table names must be unique within a version`,
        t.location,
      );
    } else seen.set(t.name, t);
  }
}

function unknownHint(name: string, candidates: readonly string[]): string {
  const hint = closest(name, candidates);
  return hint ? `; did you mean '${hint}'?` : "";
}

/** INSERT targets are declared sinks; every read is a declared source, a view or a CTE (flink-rules.md §2d). */
export function checkReferences(tables: readonly NamedTable[], refs: StatementRefs, d: Diagnostics): void {
  const sources = tables.filter((t) => t.role === "source");
  const sinks = tables.filter((t) => t.role === "sink");
  const local: TableRef[] = [...refs.views, ...refs.ctes, ...refs.createdTables];
  for (const created of refs.createdTables) {
    d.warning(
      "statement-creates-table",
      `The statement creates table '${created.name}'; declare tables as sources or sinks so they are validated and shown with the version`,
      STATEMENT,
      created.position,
    );
  }
  if (refs.inserts.length === 0) {
    d.error(
      "insert-missing",
      "The statement has no INSERT INTO: an application version's statement must write to one of its sinks",
      STATEMENT,
    );
  }
  const sinkNames = sinks.map((t) => t.name);
  for (const target of refs.inserts) {
    if (lookup(sinks, target.name) || lookup(refs.createdTables, target.name)) continue;
    const asSource = lookup(sources, target.name);
    const why = asSource
      ? `it is declared as a source (${label(asSource)}), not a sink`
      : lookup(local, target.name)
        ? "it is a view or CTE, not a sink"
        : `declared sinks: ${sinkNames.length ? sinkNames.join(", ") : "none"}${unknownHint(target.name, sinkNames)}`;
    d.error(
      "insert-target-not-sink",
      `INSERT INTO '${target.name}' does not write to a declared sink: ${why}`,
      STATEMENT,
      target.position,
    );
  }
  const readable = [...sources.map((t) => t.name), ...local.map((t) => t.name)];
  for (const read of refs.reads) {
    if (lookup(sources, read.name) || lookup(local, read.name)) continue;
    const asSink = lookup(sinks, read.name);
    const why = asSink
      ? `it is declared only as a sink (${label(asSink)}); add it to the sources to read it`
      : `declared sources, views and CTEs: ${readable.length ? readable.join(", ") : "none"}${unknownHint(read.name, readable)}`;
    d.error(
      "read-not-source",
      `The statement reads '${read.name}', which is not a declared source, view or CTE: ${why}`,
      STATEMENT,
      read.position,
    );
  }
}
