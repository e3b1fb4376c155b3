import type { AttributeSpec } from "../dsl/types";

const CONSTRAINT_KEYS = [
  "required",
  "optional",
  "default",
  "replaceOnChange",
  "min",
  "max",
  "integer",
  "enum",
  "openEnum",
  "deprecatedValues",
  "pattern",
  "format",
  "minLength",
  "maxLength",
  "conflictsWith",
  "minItems",
  "maxItems",
  "volatile",
  "keepOnRead",
] as const;

/**
 * A resource attribute as a data source reports it: computed, with the same API mapping and
 * sensitivity, and no input constraints. Keeps data sources in step with their resources.
 */
export function asComputed(attr: AttributeSpec): AttributeSpec {
  const copy: Record<string, unknown> = { ...attr, computed: true };
  for (const key of CONSTRAINT_KEYS) delete copy[key];
  const computedAll = (attributes: Readonly<Record<string, AttributeSpec>>) =>
    Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, asComputed(v)]));
  if (attr.attributes) copy.attributes = computedAll(attr.attributes);
  if (attr.element) {
    // A collection of objects (`ip_filter_object`) keeps its objects' fields, computed.
    const inner = attr.element.attributes;
    copy.element = {
      kind: attr.element.kind,
      description: "",
      ...(inner ? { attributes: computedAll(inner) } : {}),
    };
  }
  delete copy.key;
  return copy as unknown as AttributeSpec;
}

/** Every attribute of a resource as computed, except the look-up keys given as they are, and settings. */
export function computedAttributes(
  attributes: Readonly<Record<string, AttributeSpec>>,
  inputs: Readonly<Record<string, AttributeSpec>>,
  omit: readonly string[] = ["timeouts"],
): Record<string, AttributeSpec> {
  const out: Record<string, AttributeSpec> = {};
  for (const [name, attr] of Object.entries(attributes)) {
    if (omit.includes(name) || (attr.api === false && !attr.derive && name !== "id")) continue;
    out[name] = inputs[name] ?? asComputed(attr);
  }
  return out;
}

/** A resource's input used as a data source's look-up key: same constraints, nothing about replacement. */
export function lookupKey(attr: AttributeSpec): AttributeSpec {
  return {
    ...attr,
    replaceOnChange: false,
    description: attr.description.replace(/ Changing it creates a new [a-z ]+\./, ""),
  };
}
