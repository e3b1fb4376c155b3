/**
 * `flinkform migrate`, pass 1: references to the official provider's Flink resources and data
 * sources (`aiven_flink.x.attr`, `data.aiven_flink_application.x.attr`) renamed to flinkform's,
 * with the attribute paths that differ reshaped; a reference with no counterpart gets a note.
 */
import { DATA_SOURCE_TYPES, MOVABLE_TYPES } from "../../provider/engine/move-state-table";
import { SERVICE_UNMANAGED } from "./migrate-blocks";
import { applyEdits, attrs, type Edit } from "./migrate-edits";
import { lineOf, parseHcl } from "./migrate-hcl";

/** Official attributes read through references that flinkform's flink_service does not have. */
const SERVICE_NO_COUNTERPART = new Set(["tag", ...SERVICE_UNMANAGED]);
/** Read-only lists of aiven_flink_jar_application: each version and deployment is its own resource. */
const JAR_APPLICATION_NO_COUNTERPART = new Set(["application_versions", "current_deployment"]);
/** `file_info[0].x` of aiven_flink_jar_application_version that flink_jar_application_version has as `x`. */
const JAR_FILE_INFO = new Set(["file_sha256", "file_size", "file_status"]);

/** References to moved types renamed, everywhere but the `from` of existing moved blocks. */
export function renameReferences(file: string, src: string, notes: string[]): string {
  const { items, tokens, templateIdents } = parseHcl(src, file);
  const skip: { start: number; end: number }[] = [];
  for (const item of items)
    if (item.type === "block" && item.name === "moved")
      for (const a of attrs(item)) if (a.name === "from") skip.push({ start: a.exprStart, end: a.exprEnd });
  const code = tokens.filter((t) => t.kind !== "comment" && t.kind !== "newline");
  // Identifiers of templates are checked against their own neighbours in the source text.
  const edits: Edit[] = [];
  const idents = [...code.filter((t) => t.kind === "ident"), ...templateIdents];
  for (const t of idents) {
    if (skip.some((s) => t.start >= s.start && t.end <= s.end)) continue;
    const before = src.slice(0, t.start).replace(/\s+$/, "");
    const isData = /(^|[^A-Za-z0-9_.])data\s*\.$/.test(before);
    if (!isData && before.endsWith(".")) continue;
    const map = isData ? DATA_SOURCE_TYPES : MOVABLE_TYPES;
    const target = map[t.text];
    if (!target) continue;
    const rest =
      /^\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\]|\.\*)?(\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)(\s*\[\s*0\s*\])?)?/.exec(
        src.slice(t.end),
      );
    if (!rest) continue;
    edits.push({ start: t.start, end: t.end, text: target });
    const attr = rest[4];
    if (!attr) continue;
    const attrStart = t.end + rest.index + rest[0].length - rest[3].length + rest[3].indexOf(attr);
    // List-of-one blocks of the official provider are single objects here: `x[0].y` is `x.y`.
    if ((attr === "flink_user_config" || (t.text === "aiven_flink" && attr === "flink")) && rest[5]) {
      edits.push({ start: attrStart + attr.length, end: attrStart + attr.length + rest[5].length, text: "" });
    } else if (t.text === "aiven_flink_application_version" && (attr === "sinks" || attr === "sources")) {
      edits.push({ start: attrStart, end: attrStart + attr.length, text: attr.slice(0, -1) });
    } else if (t.text === "aiven_flink_jar_application_version" && attr === "file_info") {
      const after = attrStart + attr.length;
      const inner = /^\s*\[\s*0\s*\]\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(after));
      if (inner && JAR_FILE_INFO.has(inner[1]))
        edits.push({ start: attrStart, end: after + inner[0].length - inner[1].length, text: "" });
      else
        notes.push(
          `${file}:${lineOf(src, t.start)}: ${t.text}.${rest[1]}.file_info: flink_jar_application_version has file_sha256, file_size and file_status only: change this reference by hand`,
        );
    } else if (t.text === "aiven_flink_jar_application" && JAR_APPLICATION_NO_COUNTERPART.has(attr)) {
      notes.push(
        `${file}:${lineOf(src, t.start)}: ${t.text}.${rest[1]}.${attr} has no counterpart in flink_jar_application (read the version or deployment resource): change this reference by hand`,
      );
    } else if (t.text === "aiven_flink" && SERVICE_NO_COUNTERPART.has(attr)) {
      notes.push(
        `${file}:${lineOf(src, t.start)}: ${t.text}.${rest[1]}.${attr} has no counterpart in flink_service: change this reference by hand`,
      );
    }
  }
  return applyEdits(src, edits);
}
