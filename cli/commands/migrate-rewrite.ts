/**
 * `flinkform migrate`, pure part: HCL written for the official Aiven provider's Flink resources
 * rewritten into flinkform's, file by file, plus the `moved` blocks that carry their state over.
 * Two passes per file: references are renamed first (aiven_flink.x... → flink_service.x...), then
 * the file is parsed again and each moved resource's body is reshaped (tag/tech_emails/user-config
 * blocks into attributes). Only edited spans change; comments and layout elsewhere stay as they are.
 */
import { DATA_SOURCE_TYPES, MOVABLE_TYPES } from "../../provider/engine/move-state-table";
import { flinkServiceSpec } from "../../schemas/resources/flink-service";
import { type Attribute, type Block, type Item, lineOf, parseHcl } from "./migrate-hcl";

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

/** Attributes of the official aiven_flink that flinkform has no counterpart for. */
const SERVICE_UNMANAGED = new Set(["disk_space", "cmk_id"]);
const SERVICE_UNMANAGED_BLOCKS = new Set(["service_integrations", "flink"]);
/** flinkform's flink_user_config attributes: official keys it lacks are commented out. */
const OUR_USER_CONFIG = new Set(Object.keys(flinkServiceSpec.attributes.flink_user_config.attributes ?? {}));
const USER_CONFIG_REWRITTEN = new Set([
  "ip_filter",
  "ip_filter_string",
  "ip_filter_object",
  "public_access",
  "privatelink_access",
]);
const RESTART_KEYS: Record<string, string> = {
  restart_strategy: "type",
  restart_strategy_delay_sec: "delay_sec",
  restart_strategy_max_failures: "max_failures",
  restart_strategy_failure_rate_interval_min: "failure_rate_interval_min",
};
/** Official attributes read through references that flinkform's flink_service does not have. */
const SERVICE_NO_COUNTERPART = new Set(["tag", ...SERVICE_UNMANAGED]);
/** Read-only lists of aiven_flink_jar_application: each version and deployment is its own resource. */
const JAR_APPLICATION_NO_COUNTERPART = new Set(["application_versions", "current_deployment"]);
/** `file_info[0].x` of aiven_flink_jar_application_version that flink_jar_application_version has as `x`. */
const JAR_FILE_INFO = new Set(["file_sha256", "file_size", "file_status"]);

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(src: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = src;
  let limit = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.end > limit) throw new Error(`overlapping edits at offset ${e.start}`);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

const lineStart = (src: string, at: number) => src.lastIndexOf("\n", at - 1) + 1;
const indentAt = (src: string, at: number) => /^[ \t]*/.exec(src.slice(lineStart(src, at)))![0];

/** The span of an item with its whole line(s) when nothing else shares them. */
function wholeLines(src: string, start: number, end: number): { start: number; end: number } {
  const ls = lineStart(src, start);
  const eol = src.indexOf("\n", end);
  const le = eol < 0 ? src.length : eol;
  // A comment after the item on its line goes with it.
  if (src.slice(ls, start).trim() === "" && /^\s*((#|\/\/).*)?$/.test(src.slice(end, le)))
    return { start: ls, end: Math.min(src.length, le + 1) };
  return { start, end };
}

function commentOut(src: string, item: Item, reason: string): Edit {
  const span = wholeLines(src, item.start, item.end);
  const indent = indentAt(src, item.start);
  const text = src.slice(span.start, span.end).replace(/\n$/, "");
  const body = text
    .split("\n")
    .map((l) => `${indent}# ${l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()}`)
    .join("\n");
  const trailing = src.slice(span.start, span.end).endsWith("\n") ? "\n" : "";
  return { ...span, text: `${indent}# flinkform migrate: ${reason}\n${body}${trailing}` };
}

const attrs = (block: Block) => block.body.filter((i): i is Attribute => i.type === "attribute");
const blocksNamed = (block: Block, name: string) =>
  block.body.filter((i): i is Block => i.type === "block" && i.name === name);

/** A map key for HCL: a quoted literal stays, anything else is parenthesised. */
function mapKey(expr: string): string {
  return /^"[^"$%]*"$/.test(expr) || /^[A-Za-z_][A-Za-z0-9_-]*$/.test(expr) ? expr : `(${expr})`;
}

class FileRewriter {
  readonly edits: Edit[] = [];
  constructor(
    readonly file: string,
    readonly src: string,
    readonly notes: string[],
  ) {}

  at(offset: number): string {
    return `${this.file}:${lineOf(this.src, offset)}`;
  }
  expr(a: Attribute): string {
    return this.src.slice(a.exprStart, a.exprEnd);
  }
  /** A block turned into an object attribute: `name {` → `name = {`. */
  toObject(b: Block): void {
    this.edits.push({ start: b.nameStart, end: b.openBrace, text: `${b.name} = ` });
  }
  remove(item: Item): void {
    this.edits.push({ ...wholeLines(this.src, item.start, item.end), text: "" });
  }
  /** Replaces several items by one generated attribute at the place of the first. */
  collapse(items: Item[], text: string): void {
    const [firstItem, ...rest] = items;
    this.edits.push({ start: firstItem.start, end: firstItem.end, text });
    for (const r of rest) this.remove(r);
  }
  dynamicBlocks(b: Block, names: string[]): void {
    for (const d of blocksNamed(b, "dynamic"))
      if (names.includes(d.labels[0]?.value ?? ""))
        this.notes.push(
          `${this.at(d.start)}: a dynamic "${d.labels[0]?.value}" block is not rewritten: write it as the attribute by hand (see docs/guides/migrate-from-aiven.md)`,
        );
  }

  timeouts(b: Block): void {
    for (const t of blocksNamed(b, "timeouts")) {
      const values = new Map(attrs(t).map((a) => [a.name, this.expr(a)]));
      const fallback = values.get("default");
      const indent = indentAt(this.src, t.start);
      const lines = ["create", "read", "update", "delete"]
        .map((op) => [op, values.get(op) ?? fallback] as const)
        .filter(([, v]) => v !== undefined)
        .map(([op, v]) => `${indent}  ${op.padEnd(6)} = ${v}`);
      this.edits.push({
        start: t.start,
        end: t.end,
        text: lines.length ? `timeouts = {\n${lines.join("\n")}\n${indent}}` : "timeouts = {}",
      });
    }
  }

  providerMeta(b: Block): void {
    for (const a of attrs(b))
      if (a.name === "provider" && /^aiven(\.|$)/.test(this.expr(a)))
        this.edits.push({ start: a.exprStart, end: a.exprStart + "aiven".length, text: "flink" });
  }

  service(b: Block): void {
    const name = `${b.labels[1]?.value}`;
    for (const item of b.body) {
      if (item.type === "attribute" && SERVICE_UNMANAGED.has(item.name)) {
        this.edits.push(
          commentOut(this.src, item, `flinkform does not manage ${item.name}; the service keeps it`),
        );
        this.notes.push(
          `${this.at(item.start)}: aiven_flink.${name}.${item.name} commented out (flinkform does not manage it; the service keeps it)`,
        );
      }
      if (item.type === "block" && SERVICE_UNMANAGED_BLOCKS.has(item.name)) {
        this.edits.push(commentOut(this.src, item, `flinkform's flink_service has no ${item.name} block`));
        this.notes.push(
          `${this.at(item.start)}: aiven_flink.${name} ${item.name} block commented out (no counterpart)`,
        );
      }
    }
    this.dynamicBlocks(b, ["tag", "tech_emails", "flink_user_config"]);
    const indent = `${indentAt(this.src, b.start)}  `;
    const tags = blocksNamed(b, "tag");
    if (tags.length) {
      const entries = tags.map((t) => {
        const kv = new Map(attrs(t).map((a) => [a.name, this.expr(a)]));
        if (!kv.has("key") || !kv.has("value"))
          throw new Error(`${this.at(t.start)}: a tag block needs key and value`);
        return `${indent}  ${mapKey(kv.get("key")!)} = ${kv.get("value")}`;
      });
      this.collapse(tags, `tags = {\n${entries.join("\n")}\n${indent}}`);
    }
    const emails = blocksNamed(b, "tech_emails");
    if (emails.length) {
      const list = emails.map((e) => {
        const email = attrs(e).find((a) => a.name === "email");
        if (!email) throw new Error(`${this.at(e.start)}: a tech_emails block needs email`);
        return this.expr(email);
      });
      this.collapse(emails, `tech_emails = [${list.join(", ")}]`);
    }
    for (const uc of blocksNamed(b, "flink_user_config")) this.userConfig(uc);
  }

  userConfig(uc: Block): void {
    this.toObject(uc);
    for (const item of uc.body) {
      const known =
        OUR_USER_CONFIG.has(item.name) || USER_CONFIG_REWRITTEN.has(item.name) || item.name in RESTART_KEYS;
      if (!known && item.type === "attribute") {
        this.edits.push(
          commentOut(this.src, item, `flinkform does not manage ${item.name}; the service keeps it`),
        );
        this.notes.push(
          `${this.at(item.start)}: flink_user_config.${item.name} commented out (flinkform does not manage it)`,
        );
      }
      if (item.type === "block" && (item.name === "public_access" || item.name === "privatelink_access"))
        this.toObject(item);
    }
    this.dynamicBlocks(uc, ["ip_filter_object", "public_access", "privatelink_access"]);
    const objects = blocksNamed(uc, "ip_filter_object");
    if (OUR_USER_CONFIG.has("ip_filter_object")) {
      // flinkform has the official provider's three forms: the blocks become one list of objects.
      if (objects.length) {
        const items = objects.map(
          (o) =>
            `{ ${attrs(o)
              .map((a) => `${a.name} = ${this.expr(a)}`)
              .join(", ")} }`,
        );
        const indent = indentAt(this.src, objects[0].start);
        this.collapse(
          objects,
          `ip_filter_object = [\n${items.map((i) => `${indent}  ${i},`).join("\n")}\n${indent}]`,
        );
      }
    } else {
      this.mergeIpFilters(uc);
    }
    const restart = uc.body.filter((i): i is Attribute => i.type === "attribute" && i.name in RESTART_KEYS);
    if (restart.length) {
      const indent = `${indentAt(this.src, restart[0].start)}  `;
      const lines = restart.map((a) => `${indent}${RESTART_KEYS[a.name].padEnd(25)} = ${this.expr(a)}`);
      this.collapse(restart, `restart_strategy = {\n${lines.join("\n")}\n${indent.slice(2)}}`);
    }
  }

  /** For a flink_user_config with one set of CIDRs: the official forms merged into `ip_filter`. */
  mergeIpFilters(uc: Block): void {
    const filters = uc.body.filter(
      (i) =>
        (i.type === "attribute" && (i.name === "ip_filter" || i.name === "ip_filter_string")) ||
        (i.type === "block" && i.name === "ip_filter_object"),
    );
    if (!filters.length) return;
    const lists = filters.filter((i): i is Attribute => i.type === "attribute").map((a) => this.expr(a));
    const networks = filters
      .filter((i): i is Block => i.type === "block")
      .map((o) => attrs(o).find((a) => a.name === "network"))
      .filter((a): a is Attribute => a !== undefined)
      .map((a) => this.expr(a));
    if (networks.length) lists.push(`[${networks.join(", ")}]`);
    this.collapse(filters, `ip_filter = ${lists.length === 1 ? lists[0] : `setunion(${lists.join(", ")})`}`);
  }

  resource(b: Block, type: string): { from: string; to: string } {
    const target = MOVABLE_TYPES[type];
    const label = b.labels[0];
    this.edits.push({ start: label.start, end: label.end, text: `"${target}"` });
    if (type === "aiven_flink") this.service(b);
    if (type === "aiven_flink_application_version")
      for (const item of b.body)
        if (item.type === "block" && (item.name === "sinks" || item.name === "sources"))
          this.edits.push({
            start: item.nameStart,
            end: item.nameStart + item.name.length,
            text: item.name.slice(0, -1),
          });
    const name = b.labels[1]?.value;
    const args = attrs(b).find((a) => a.name === "program_args");
    if (type === "aiven_flink_jar_application_deployment" && args)
      this.notes.push(
        `${this.at(args.start)}: ${type}.${name}.program_args was a set, so the job got the arguments in the set's order; flinkform's is an ordered list: if the plan shows them reordered, write them in the job's order to avoid an in-place handover`,
      );
    this.timeouts(b);
    this.providerMeta(b);
    return { from: `${type}.${name}`, to: `${target}.${name}` };
  }
}

/** Pass 1: references to moved types renamed, everywhere but the `from` of existing moved blocks. */
function renameReferences(file: string, src: string, notes: string[]): string {
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
