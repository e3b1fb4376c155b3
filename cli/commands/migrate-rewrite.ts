/**
 * `flinkform migrate`, pure part: HCL written for the official Aiven provider's Flink resources
 * rewritten into flinkform's, file by file, plus the `moved` blocks that carry their state over.
 * Two passes per file: references are renamed first (migrate-references.ts), then the file is
 * parsed again and each moved resource's body is reshaped (migrate-blocks.ts); this file adds the
 * provider and its requirement and writes the `moved` blocks. Only edited spans change; comments
 * and layout elsewhere stay as they are.
 */
import { DATA_SOURCE_TYPES, MOVABLE_TYPES } from "../../provider/engine/move-state-table";
import { FileRewriter } from "./migrate-blocks";
import { applyEdits, attrs, blocksNamed, indentAt } from "./migrate-edits";
import { type Item, lineOf, parseHcl } from "./migrate-hcl";
import { renameReferences } from "./migrate-references";

export interface MigrateInput {
  file: string;
  content: string;
}

export interface MigrateResult {
  /** Files whose content changed, with their new content. */
  changed: MigrateInput[];
  /** Content of the new file of `moved` blocks, or null when nothing moves. */
  movedFile: string | null;
  moves: { from: string; to: string }[];
  /** Human-readable notes: untouched resources, commented-out settings, manual steps. */
  notes: string[];
}

export const MOVED_FILE = "migration_moved.tf";
const OUR_SOURCE = "flinkform/flink";
const OUR_PROVIDER_ATTRS = new Set([
  "api_token",
  "api_url",
  "max_retries",
  "request_timeout",
  "server_side_validation",
]);

interface Scan {
  file: string;
  src: string;
  items: Item[];
}

export function migrate(inputs: MigrateInput[]): MigrateResult {
  const notes: string[] = [];
  const moves: MigrateResult["moves"] = [];
  const scans: Scan[] = inputs.map(({ file, content }) => {
    const src = renameReferences(file, content, notes);
    return { file, src, items: parseHcl(src, file).items };
  });

  // Does anything still need the official provider once the Flink resources have moved?
  let keepAiven = false;
  for (const { file, src, items } of scans)
    for (const item of items) {
      if (item.type !== "block" || (item.name !== "resource" && item.name !== "data")) continue;
      const type = item.labels[0]?.value ?? "";
      if (!type.startsWith("aiven_")) continue;
      const movable = item.name === "resource" ? MOVABLE_TYPES[type] : DATA_SOURCE_TYPES[type];
      if (movable) continue;
      keepAiven = true;
      const where = `${file}:${lineOf(src, item.start)}`;
      notes.push(
        `${where}: ${item.name} ${type}.${item.labels[1]?.value} left untouched (not a Flink resource; it stays with the aiven provider)`,
      );
    }

  let requirementWritten = false;
  // A provider "flink" block already there (a second run) is not written again.
  const hasFlinkProvider = scans.some(({ items }) =>
    items.some((i) => i.type === "block" && i.name === "provider" && i.labels[0]?.value === "flink"),
  );
  let providerWritten = hasFlinkProvider;
  const changed: MigrateInput[] = [];
  for (const { file, src, items } of scans) {
    const rw = new FileRewriter(file, src, notes);
    for (const item of items) {
      if (item.type !== "block") continue;
      const type = item.labels[0]?.value ?? "";
      if (item.name === "resource" && MOVABLE_TYPES[type]) moves.push(rw.resource(item, type));
      if (item.name === "data" && DATA_SOURCE_TYPES[type]) {
        rw.edits.push({
          start: item.labels[0].start,
          end: item.labels[0].end,
          text: `"${DATA_SOURCE_TYPES[type]}"`,
        });
        rw.providerMeta(item);
      }
      if (item.name === "terraform")
        for (const req of blocksNamed(item, "required_providers")) {
          const entries = attrs(req);
          if (entries.some((a) => a.name === "flink")) {
            requirementWritten = true;
            continue;
          }
          const aiven = entries.find((a) => a.name === "aiven");
          if (!aiven) continue;
          const ours = `flink = {\n${indentAt(src, aiven.start)}  source = "${OUR_SOURCE}"\n${indentAt(src, aiven.start)}}`;
          rw.edits.push(
            keepAiven
              ? { start: aiven.end, end: aiven.end, text: `\n${indentAt(src, aiven.start)}${ours}` }
              : { start: aiven.start, end: aiven.end, text: ours },
          );
          requirementWritten = true;
        }
      if (item.name === "provider" && item.labels[0]?.value === "aiven" && !hasFlinkProvider) {
        const body = attrs(item)
          .filter((a) => OUR_PROVIDER_ATTRS.has(a.name))
          .map((a) => `  ${a.name} = ${rw.expr(a)}`);
        const dropped = attrs(item).filter((a) => !OUR_PROVIDER_ATTRS.has(a.name) && a.name !== "alias");
        for (const a of dropped)
          notes.push(
            `${rw.at(a.start)}: provider "aiven" setting ${a.name} has no counterpart in provider "flink"`,
          );
        const alias = attrs(item).find((a) => a.name === "alias");
        if (alias) body.unshift(`  alias = ${rw.expr(alias)}`);
        const block = `provider "flink" {\n${body.join("\n")}${body.length ? "\n" : ""}}`;
        rw.edits.push(
          keepAiven
            ? { start: item.end, end: item.end, text: `\n\n${block}` }
            : { start: item.start, end: item.end, text: block },
        );
        providerWritten = true;
      }
    }
    const next = applyEdits(src, rw.edits);
    const original = inputs.find((i) => i.file === file)!.content;
    if (next !== original) changed.push({ file, content: next });
  }

  let movedFile: string | null = null;
  if (moves.length) {
    const parts = [
      "# Written by `flinkform migrate`: the state of each resource below moves from the official",
      "# Aiven provider to flinkform on the next apply, without touching the service or its jobs.",
      "# Keep this file until every workspace using this configuration has applied once.",
      "",
    ];
    if (!requirementWritten)
      parts.push(
        `terraform {\n  required_providers {\n    flink = {\n      source = "${OUR_SOURCE}"\n    }\n  }\n}\n`,
      );
    if (!providerWritten && !keepAiven) parts.push('provider "flink" {}\n');
    for (const m of moves) parts.push(`moved {\n  from = ${m.from}\n  to   = ${m.to}\n}\n`);
    movedFile = parts.join("\n");
  }
  return { changed, movedFile, moves, notes };
}
