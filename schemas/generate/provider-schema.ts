/**
 * Renders the specs as `terraform providers schema -json` prints them (format_version "1.0"), so the
 * provider can serve this file verbatim and `terraform providers schema -json` round-trips it.
 * Key order follows terraform's own JSON output.
 */
import { describeConstraints } from "../dsl/constraints";
import type { AttributeSpec, DataSourceSpec, ProviderSpec, ResourceSpec } from "../dsl/types";

type Json = Record<string, unknown>;

/** cty type expression of a value attribute. */
export function ctyType(attr: AttributeSpec): unknown {
  switch (attr.kind) {
    case "string":
    case "number":
    case "bool":
      return attr.kind;
    case "list":
    case "set":
    case "map":
      return [attr.kind, ctyType(attr.element!)];
    case "object":
    case "blocks":
      return [
        "object",
        Object.fromEntries(Object.entries(attr.attributes!).map(([k, v]) => [k, ctyType(v)])),
      ];
  }
}

/** The description users see: the spec's text, then the constraints the validator enforces. */
export function fullDescription(attr: AttributeSpec): string {
  // Constraints describe what users may write; read-only attributes have none worth stating.
  const readOnly = attr.computed && !attr.optional && !attr.required;
  const parts = [attr.description, ...(readOnly ? [] : describeConstraints(attr))];
  if (attr.default !== undefined) parts.push(`Defaults to \`${JSON.stringify(attr.default)}\`.`);
  if (attr.deprecated) parts.push(`**Deprecated**: ${attr.deprecated}`);
  return parts.filter(Boolean).join(" ");
}

/** An attribute with a default is optional+computed: the planned value may differ from config. */
function modeFlags(attr: AttributeSpec): Json {
  const flags: Json = {};
  if (attr.required) flags.required = true;
  if (attr.optional) flags.optional = true;
  if (attr.computed || attr.default !== undefined) flags.computed = true;
  if (attr.sensitive) flags.sensitive = true;
  return flags;
}

function attributeJson(attr: AttributeSpec): Json {
  const out: Json = {};
  if (attr.kind === "object") {
    out.nested_type = { attributes: attributesJson(attr.attributes!), nesting_mode: "single" };
  } else if ((attr.kind === "set" || attr.kind === "list") && attr.element?.kind === "object") {
    // A collection of objects is a nested attribute too, so an element may leave optional fields out.
    out.nested_type = { attributes: attributesJson(attr.element.attributes!), nesting_mode: attr.kind };
  } else {
    out.type = ctyType(attr);
  }
  out.description = fullDescription(attr);
  out.description_kind = "markdown";
  if (attr.deprecated) out.deprecated = true;
  return { ...out, ...modeFlags(attr) };
}

function attributesJson(attributes: Readonly<Record<string, AttributeSpec>>): Json {
  const out: Json = {};
  for (const name of Object.keys(attributes).sort()) {
    if (attributes[name].kind !== "blocks") out[name] = attributeJson(attributes[name]);
  }
  return out;
}

function blockJson(attributes: Readonly<Record<string, AttributeSpec>>, description?: string): Json {
  const out: Json = { attributes: attributesJson(attributes) };
  const blockTypes: Json = {};
  for (const name of Object.keys(attributes).sort()) {
    const attr = attributes[name];
    if (attr.kind !== "blocks") continue;
    const bt: Json = {
      nesting_mode: attr.nesting,
      block: blockJson(attr.attributes!, fullDescription(attr)),
    };
    if (attr.minItems !== undefined) bt.min_items = attr.minItems;
    if (attr.maxItems !== undefined) bt.max_items = attr.maxItems;
    blockTypes[name] = bt;
  }
  if (Object.keys(blockTypes).length) out.block_types = blockTypes;
  if (description) out.description = description;
  out.description_kind = "markdown";
  return out;
}

export function renderProviderSchema(specs: {
  provider: ProviderSpec;
  resources: readonly ResourceSpec[];
  dataSources: readonly DataSourceSpec[];
}): Json {
  const byName = <T extends { typeName: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => a.typeName.localeCompare(b.typeName));
  return {
    format_version: "1.0",
    provider_schemas: {
      [specs.provider.source]: {
        provider: { version: 0, block: blockJson(specs.provider.attributes, specs.provider.description) },
        resource_schemas: Object.fromEntries(
          byName(specs.resources).map((r) => [
            r.typeName,
            { version: r.schemaVersion, block: blockJson(r.attributes, r.description) },
          ]),
        ),
        data_source_schemas: Object.fromEntries(
          byName(specs.dataSources).map((d) => [
            d.typeName,
            { version: 0, block: blockJson(d.attributes, d.description) },
          ]),
        ),
      },
    },
  };
}
