/**
 * Attribute builders. They only fill in `kind` and `description`; everything else is stated by the
 * spec and checked strictly at generation time (check-spec.ts).
 */
import type { AttributeSpec } from "./types";

type Options = Omit<AttributeSpec, "kind" | "description" | "element" | "attributes" | "nesting">;
type Attributes = Readonly<Record<string, AttributeSpec>>;

export function string(description: string, options: Options = {}): AttributeSpec {
  return { kind: "string", description, ...options };
}

export function number(description: string, options: Options = {}): AttributeSpec {
  return { kind: "number", description, ...options };
}

export function integer(description: string, options: Options = {}): AttributeSpec {
  return { kind: "number", description, integer: true, ...options };
}

export function bool(description: string, options: Options = {}): AttributeSpec {
  return { kind: "bool", description, ...options };
}

export function listOf(element: AttributeSpec, description: string, options: Options = {}): AttributeSpec {
  return { kind: "list", description, element, ...options };
}

export function setOf(element: AttributeSpec, description: string, options: Options = {}): AttributeSpec {
  return { kind: "set", description, element, ...options };
}

export function mapOf(element: AttributeSpec, description: string, options: Options = {}): AttributeSpec {
  return { kind: "map", description, element, ...options };
}

/** A single nested attribute: `name = { a = 1 }` (never a list-of-one block). */
export function object(attributes: Attributes, description: string, options: Options = {}): AttributeSpec {
  return { kind: "object", description, attributes, ...options };
}

/** Repeated blocks: `source { ... }` written once per item. */
export function blocks(
  nesting: "list" | "set",
  attributes: Attributes,
  description: string,
  options: Options = {},
): AttributeSpec {
  return { kind: "blocks", description, attributes, nesting, ...options };
}

/** Element type of a list/set/map of scalars (no mode: elements are always values). */
export const element = {
  string: (): AttributeSpec => ({ kind: "string", description: "" }),
  number: (): AttributeSpec => ({ kind: "number", description: "" }),
  bool: (): AttributeSpec => ({ kind: "bool", description: "" }),
};
