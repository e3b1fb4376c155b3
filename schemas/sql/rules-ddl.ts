import { type DeclaredTable, type Diagnostics, describeTable } from "./context";

/** `TIMESTAMP(p)`, `TIMESTAMP(p) WITHOUT TIME ZONE`, `TIMESTAMP_LTZ(p)`, `TIMESTAMP(p) WITH LOCAL TIME ZONE`. */
function rowtimePrecision(type: string): number | undefined {
  const t = type.toUpperCase().replace(/\s+NOT\s+NULL$/, "");
  const m =
    /^(TIMESTAMP|TIMESTAMP_LTZ)\s*(?:\(\s*(\d+)\s*\))?(\s+WITHOUT\s+TIME\s+ZONE|\s+WITH\s+LOCAL\s+TIME\s+ZONE)?$/.exec(
      t,
    );
  if (!m) return undefined;
  // Without a precision, TIMESTAMP means TIMESTAMP(6).
  return m[2] === undefined ? 6 : Number(m[2]);
}

function checkWatermark(t: DeclaredTable, d: Diagnostics): void {
  const wm = t.table.watermark;
  if (!wm) return;
  const position = wm.position ?? t.table.position;
  if (wm.column.includes(".")) {
    // Flink 1.20: "Invalid column name 'meta.ts' for rowtime attribute in watermark declaration".
    d.error(
      "watermark-nested-column",
      `${describeTable(t)}: the watermark is on nested field '${wm.column}'; Flink 1.20 takes a watermark only on a top-level column (declare a computed column, such as ts AS ${wm.column}, and put the watermark on it)`,
      t.location,
      position,
    );
    return;
  }
  const col = t.table.columns.find((c) => c.name === wm.column);
  if (!col) {
    if (t.table.like !== undefined) return; // may come from the LIKE table
    const names = t.table.columns.map((c) => c.name).join(", ") || "none";
    d.error(
      "watermark-column-missing",
      `${describeTable(t)}: the watermark is on '${wm.column}', which is not a column of the table (columns: ${names})`,
      t.location,
      position,
    );
    return;
  }
  if (col.type?.includes("*PROCTIME*")) {
    d.error(
      "watermark-column-type",
      `${describeTable(t)}: the watermark column '${col.name}' is a processing-time column (PROCTIME()); a watermark needs an event-time TIMESTAMP(p) or TIMESTAMP_LTZ(p) column with p <= 3`,
      t.location,
      position,
    );
    return;
  }
  if (col.type === undefined) return; // a computed expression whose type only Flink can derive
  const precision = rowtimePrecision(col.type);
  if (precision === undefined || precision > 3) {
    d.error(
      "watermark-column-type",
      `${describeTable(t)}: the watermark column '${col.name}' is ${col.type}; it must be TIMESTAMP(p) or TIMESTAMP_LTZ(p) with precision p from 0 to 3`,
      t.location,
      position,
    );
  }
}

function checkPrimaryKey(t: DeclaredTable, d: Diagnostics): void {
  const pk = t.table.primaryKey;
  if (!pk || t.table.like !== undefined) return;
  for (const name of pk.columns) {
    const col = t.table.columns.find((c) => c.name === name);
    if (!col) {
      d.error(
        "primary-key-column-missing",
        `${describeTable(t)}: PRIMARY KEY column '${name}' is not a column of the table`,
        t.location,
        pk.position,
      );
    } else if (col.kind !== "physical") {
      d.error(
        "primary-key-not-physical",
        `${describeTable(t)}: PRIMARY KEY column '${name}' is a ${col.kind} column; a key can only use physical columns`,
        t.location,
        pk.position,
      );
    }
  }
}

function checkColumns(t: DeclaredTable, d: Diagnostics): void {
  const seen = new Set<string>();
  for (const col of t.table.columns) {
    if (seen.has(col.name)) {
      d.error(
        "duplicate-column",
        `${describeTable(t)} declares column '${col.name}' twice`,
        t.location,
        col.position,
      );
    }
    seen.add(col.name);
  }
}

/** DDL rules the grammar does not enforce (flink-rules.md §2c). */
export function checkTableDdl(t: DeclaredTable, d: Diagnostics): void {
  checkColumns(t, d);
  checkWatermark(t, d);
  checkPrimaryKey(t, d);
}
