/**
 * `flinkform migrate`, pass 2: the blocks of one file reshaped for flinkform — each moved resource
 * renamed, the service's tag/tech_emails/user-config blocks turned into attributes, settings
 * flinkform lacks commented out, timeouts blocks into objects. The edits are collected for the
 * caller to apply with its own (provider and terraform blocks).
 */
import { MOVABLE_TYPES } from "../../provider/engine/move-state-table";
import { flinkServiceSpec } from "../../schemas/resources/flink-service";
import { attrs, blocksNamed, commentOut, type Edit, indentAt, wholeLines } from "./migrate-edits";
import { type Attribute, type Block, type Item, lineOf } from "./migrate-hcl";

/** Attributes of the official aiven_flink that flinkform has no counterpart for. */
export const SERVICE_UNMANAGED = new Set(["disk_space", "cmk_id"]);
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

/** A map key for HCL: a quoted literal stays, anything else is parenthesised. */
function mapKey(expr: string): string {
  return /^"[^"$%]*"$/.test(expr) || /^[A-Za-z_][A-Za-z0-9_-]*$/.test(expr) ? expr : `(${expr})`;
}

/** Collects the edits of one file's blocks, and notes on what it cannot carry over. */
export class FileRewriter {
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
