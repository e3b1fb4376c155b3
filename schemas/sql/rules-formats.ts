import { own } from "../own";
import { type ConnectorSpec, KNOWN_FORMATS } from "./connector-options";
import { closest, type DeclaredTable, type Diagnostics, describeTable, optionPosition } from "./context";
import { FORMATS, type FormatSpec } from "./format-options";
import { typeProblem } from "./option-values";

type FormatKey = "format" | "value.format" | "key.format";

/** A format the table uses, the key that sets it and the prefix of its options. */
export interface FormatSlot {
  readonly key: FormatKey;
  readonly format: string;
  readonly prefix: string;
  /** Absent for a format flinkform does not check (a user-supplied factory, protobuf). */
  readonly spec?: FormatSpec;
}

const prefixOf = (key: FormatKey, format: string) =>
  key === "format" ? `${format}.` : `${key.slice(0, -"format".length)}${format}.`;

/**
 * The formats a table of this connector uses, as Flink's FactoryUtil reads them: the value format from
 * 'format' when the connector takes it and it is set (then 'value.format' is ignored), else from
 * 'value.format'; the key format from 'key.format'. Only the options under these prefixes are consumed.
 */
export function formatSlots(spec: ConnectorSpec, options: Record<string, string>): FormatSlot[] {
  const keys = spec.formatKeys ?? [];
  const valueKey = (["format", "value.format"] as const).find(
    (k) => keys.includes(k) && options[k] !== undefined,
  );
  const slots: FormatSlot[] = [];
  for (const key of [valueKey, keys.includes("key.format") ? ("key.format" as const) : undefined]) {
    const format = key && options[key];
    if (key && format !== undefined)
      slots.push({ key, format, prefix: prefixOf(key, format), spec: own(FORMATS, format) });
  }
  return slots;
}

/**
 * Prefixes left unchecked: a format flinkform does not check keeps all of `<format>.`, `key.<format>.`
 * and `value.<format>.`, whichever key sets it.
 */
export function uncheckedFormatPrefixes(spec: ConnectorSpec, options: Record<string, string>): string[] {
  const prefixes: string[] = [];
  for (const key of spec.formatKeys ?? []) {
    const format = options[key];
    if (format !== undefined && !own(FORMATS, format))
      prefixes.push(`${format}.`, `key.${format}.`, `value.${format}.`);
  }
  return prefixes;
}

const FORMAT_NAMES = [...new Set([...KNOWN_FORMATS, ...Object.keys(FORMATS)])].sort(
  (a, b) => b.length - a.length,
);

/** `json.x`, `key.avro.x`, `value.csv.x`: the known format a key is prefixed with. */
function knownFormatOf(key: string): { format: string; key: FormatKey } | undefined {
  const head = /^(key|value)\./.exec(key)?.[0] ?? "";
  const rest = key.slice(head.length);
  const format = FORMAT_NAMES.find((f) => rest.startsWith(`${f}.`));
  return format ? { format, key: head ? (`${head}format` as FormatKey) : "format" } : undefined;
}

/** A key prefixed with a known format that no slot of the table consumes: reported, true. */
export function checkStrayFormatOption(
  t: DeclaredTable,
  spec: ConnectorSpec,
  slots: readonly FormatSlot[],
  key: string,
  d: Diagnostics,
): boolean {
  const found = knownFormatOf(key);
  if (!found) return false;
  // A LIKE table may inherit the format the key belongs to.
  if (t.table.like !== undefined) return true;
  const o = t.table.options;
  const used = slots.find((s) => s.format === found.format);
  let why: string;
  if (used) {
    why = `does not apply: format '${found.format}' is set by '${used.key}', so its options are written '${used.prefix}<option>'`;
  } else if (
    found.key === "value.format" &&
    o["value.format"] === found.format &&
    spec.formatKeys?.includes("format") &&
    o.format !== undefined
  ) {
    why = `does not apply: 'value.format' is ignored when 'format' is set (here '${o.format}', whose options are written '${o.format}.<option>')`;
  } else {
    const sameName = slots.find((s) => s.format.toLowerCase() === found.format);
    why =
      `belongs to format '${found.format}', which this table does not use` +
      (sameName ? ` (format names are case-sensitive: '${sameName.format}' is not '${found.format}')` : "");
  }
  d.error(
    "option-unknown",
    `${describeTable(t)}: option '${key}' ${why}`,
    t.location,
    optionPosition(t, key),
  );
  return true;
}

/** A key under a checked format's prefix: unknown option, or a value the planner would refuse. */
export function checkFormatOption(
  t: DeclaredTable,
  slot: FormatSlot & { spec: FormatSpec },
  key: string,
  value: string,
  d: Diagnostics,
): void {
  const { spec, prefix } = slot;
  const name = key.slice(prefix.length);
  const option = own(spec.options, name);
  if (option) {
    if (option.on && option.on !== t.role) return;
    const expected = typeProblem(option.type, value);
    if (expected) {
      const when = option.on ? ` when the format ${option.on === "sink" ? "writes" : "reads"}` : "";
      d.error(
        "option-value",
        `${describeTable(t)}: option '${key}' is '${value}'; it must be ${expected}${when}`,
        t.location,
        optionPosition(t, key),
      );
    }
    return;
  }
  if (spec.prefixes?.some((p) => name.startsWith(p))) return;
  const names = Object.keys(spec.options);
  const hint = closest(name, names);
  const fileOnly = own(spec.fileOnly, name);
  const allowed = [...names, ...(spec.prefixes ?? []).map((p) => `${p}*`)].map((n) => prefix + n);
  d.error(
    "option-unknown",
    `${describeTable(t)}: format '${spec.name}' (set by '${slot.key}') has no option '${key}'` +
      (fileOnly ? ` ('${name}' is ${fileOnly})` : "") +
      (hint ? `; did you mean '${prefix}${hint}'? Allowed: ` : "; allowed: ") +
      allowed.join(", "),
    t.location,
    optionPosition(t, key),
  );
}

/** Rules between the options of one format (both set, or set for the wrong direction). */
export function checkFormatRules(t: DeclaredTable, slots: readonly FormatSlot[], d: Diagnostics): void {
  for (const slot of slots) {
    for (const rule of slot.spec?.rules ?? []) {
      const full = (option: string) => slot.prefix + option;
      const broken = rule((option) => t.table.options[full(option)], t.role, full);
      if (broken) {
        d.error(
          broken.code,
          `${describeTable(t)}: option '${full(broken.option)}' ${broken.message}`,
          t.location,
          optionPosition(t, full(broken.option)),
        );
      }
    }
  }
}
