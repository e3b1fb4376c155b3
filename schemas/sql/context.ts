import { own } from "../own";
import type { SqlDiagnostic, SqlLocation, SqlPosition, TableDefinition } from "./types";

export type TableRole = "source" | "sink";

/** A source or sink of the version whose CREATE TABLE parsed. */
export interface DeclaredTable {
  role: TableRole;
  index: number;
  table: TableDefinition;
  integrationId?: string | null;
  location: SqlLocation;
}

/** Collects diagnostics; rule files only call `error`/`warning`. */
export class Diagnostics {
  readonly list: SqlDiagnostic[] = [];

  error(code: string, message: string, location: SqlLocation, position?: SqlPosition): void {
    this.add("error", code, message, location, position);
  }

  warning(code: string, message: string, location: SqlLocation, position?: SqlPosition): void {
    this.add("warning", code, message, location, position);
  }

  add(
    severity: SqlDiagnostic["severity"],
    code: string,
    message: string,
    location: SqlLocation,
    position?: SqlPosition,
  ): void {
    this.list.push(
      position ? { severity, code, message, location, position } : { severity, code, message, location },
    );
  }
}

export const describeTable = (t: DeclaredTable) => `${t.role} table '${t.table.name}'`;

/** Position of an option's `'key' = 'value'`, else of the table name. */
export const optionPosition = (t: DeclaredTable, key: string): SqlPosition | undefined =>
  own(t.table.optionPositions, key) ?? t.table.position;

/** Closest candidate within a small edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 4)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
