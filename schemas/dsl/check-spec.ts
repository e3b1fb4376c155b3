/**
 * Strict checks of the specs, run by the generators (and tests) before anything is produced. A spec
 * mistake fails generation with a message naming the spec and the attribute, instead of surfacing
 * later as a confusing provider or docs bug.
 */
import { FORMATS } from "../rules/formats";
import type { AttributeSpec, DataSourceSpec, OperationSpec, ProviderSpec, ResourceSpec } from "./types";

export class SpecError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid spec:\n  - ${problems.join("\n  - ")}`);
    this.name = "SpecError";
  }
}

const ATTRIBUTE_KEYS = new Set([
  "kind",
  "description",
  "required",
  "optional",
  "computed",
  "default",
  "sensitive",
  "replaceOnChange",
  "deprecated",
  "api",
  "apiWrite",
  "apiWhen",
  "codec",
  "derive",
  "volatile",
  "keepOnRead",
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
  "element",
  "key",
  "attributes",
  "nesting",
  "flattenApi",
]);
const RESOURCE_KEYS = new Set([
  "typeName",
  "description",
  "schemaVersion",
  "attributes",
  "id",
  "importFormat",
  "operations",
  "subresources",
  "retryCreate",
  "createLookup",
  "listRead",
  "wait",
  "onReadNotFound",
  "timeouts",
  "hooks",
]);
const DATA_SOURCE_KEYS = new Set(["typeName", "description", "attributes", "lookups", "id", "hooks"]);
const OPERATION_KEYS = new Set(["method", "path", "envelope", "bodyFields", "constants", "idempotent"]);
const KINDS = new Set(["string", "number", "bool", "list", "set", "map", "object", "blocks"]);
const TYPE_NAME = /^flink_[a-z0-9_]+$/;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9_]*$/;

/** `{name}` placeholders of a path or id template. */
export function templateNames(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

function unknownKeys(obj: object, allowed: Set<string>): string[] {
  return Object.keys(obj).filter((k) => !allowed.has(k));
}

type Role = "attribute" | "element";

function checkAttribute(
  owner: string,
  attrPath: string,
  attr: AttributeSpec,
  siblings: Record<string, AttributeSpec>,
  role: Role,
  out: string[],
): void {
  const where = `${owner}: attribute "${attrPath}"${role === "element" ? " (element)" : ""}`;
  for (const key of unknownKeys(attr, ATTRIBUTE_KEYS)) out.push(`${where}: unknown key "${key}"`);
  if (!KINDS.has(attr.kind)) out.push(`${where}: unknown kind "${attr.kind}"`);
  const { required, optional, computed } = attr;
  if (role === "attribute") {
    if (!attr.description) out.push(`${where}: a description is required`);
    if (required && computed) out.push(`${where}: cannot be both required and computed`);
    if (required && optional) out.push(`${where}: cannot be both required and optional`);
    if (!required && !optional && !computed) out.push(`${where}: must be required, optional or computed`);
  } else if (required || optional || computed || attr.default !== undefined) {
    out.push(`${where}: an element takes no mode or default`);
  }
  if (attr.default !== undefined) {
    if (required) out.push(`${where}: a required attribute cannot have a default`);
    else if (!optional) out.push(`${where}: a default needs an optional attribute`);
  }
  if (attr.replaceOnChange && computed && !optional)
    out.push(`${where}: a computed-only attribute cannot force replacement`);
  const collection = attr.kind === "list" || attr.kind === "set" || attr.kind === "map";
  if (collection && !attr.element) out.push(`${where}: ${attr.kind} needs an element`);
  if (!collection && attr.element) out.push(`${where}: only list, set and map take an element`);
  const structured = attr.kind === "object" || attr.kind === "blocks";
  if (structured && !attr.attributes) out.push(`${where}: ${attr.kind} needs attributes`);
  if (!structured && attr.attributes) out.push(`${where}: only object and blocks take attributes`);
  if (attr.kind === "blocks" && !attr.nesting) out.push(`${where}: blocks need a nesting ("list" or "set")`);
  if (attr.flattenApi && attr.kind !== "object")
    out.push(`${where}: only an object can flatten its API fields`);
  const numeric = attr.kind === "number";
  if ((attr.min !== undefined || attr.max !== undefined || attr.integer) && !numeric) {
    out.push(`${where}: min/max/integer apply to numbers only`);
  }
  const text = attr.kind === "string";
  if (
    (attr.enum ||
      attr.pattern ||
      attr.format ||
      attr.minLength !== undefined ||
      attr.maxLength !== undefined) &&
    !text
  ) {
    out.push(`${where}: enum/pattern/format/length apply to strings only`);
  }
  if (attr.format && !Object.hasOwn(FORMATS, attr.format))
    out.push(`${where}: unknown format "${attr.format}"`);
  if (attr.key && attr.kind !== "map") out.push(`${where}: only a map takes a key spec`);
  if (attr.key && attr.key.kind !== "string") out.push(`${where}: a map key spec must be a string`);
  if (attr.pattern) {
    try {
      new RegExp(attr.pattern.regex);
    } catch {
      out.push(`${where}: pattern ${attr.pattern.regex} is not a valid regular expression`);
    }
  }
  if (attr.default !== undefined && attr.enum && !attr.enum.includes(String(attr.default))) {
    out.push(`${where}: default ${JSON.stringify(attr.default)} is not one of its enum values`);
  }
  if (typeof attr.default === "number") {
    if (
      (attr.min !== undefined && attr.default < attr.min) ||
      (attr.max !== undefined && attr.default > attr.max)
    ) {
      out.push(`${where}: default ${attr.default} is outside its range`);
    }
  }
  for (const other of attr.conflictsWith ?? []) {
    if (!siblings[other]) out.push(`${where}: conflictsWith names a missing attribute "${other}"`);
  }
  if (attr.apiWhen && !siblings[attr.apiWhen.attribute]) {
    out.push(`${where}: apiWhen names a missing attribute "${attr.apiWhen.attribute}"`);
  }
  if (attr.element) checkAttribute(owner, attrPath, attr.element, {}, "element", out);
  if (attr.key) checkAttribute(owner, `${attrPath} (key)`, attr.key, {}, "element", out);
  for (const [name, child] of Object.entries(attr.attributes ?? {})) {
    if (!ATTRIBUTE_NAME.test(name)) out.push(`${owner}: "${attrPath}.${name}" is not a valid attribute name`);
    checkAttribute(
      owner,
      `${attrPath}.${name}`,
      child,
      attr.attributes as Record<string, AttributeSpec>,
      "attribute",
      out,
    );
  }
}

function checkAttributes(
  owner: string,
  attributes: Readonly<Record<string, AttributeSpec>>,
  out: string[],
): void {
  for (const [name, attr] of Object.entries(attributes)) {
    if (!ATTRIBUTE_NAME.test(name)) out.push(`${owner}: "${name}" is not a valid attribute name`);
    checkAttribute(owner, name, attr, attributes as Record<string, AttributeSpec>, "attribute", out);
  }
}

function checkOperation(
  owner: string,
  label: string,
  op: OperationSpec,
  attributes: Readonly<Record<string, AttributeSpec>>,
  out: string[],
): void {
  for (const key of unknownKeys(op, OPERATION_KEYS))
    out.push(`${owner}: operation ${label}: unknown key "${key}"`);
  if (!op.path.startsWith("/")) out.push(`${owner}: operation ${label}: path must start with "/"`);
  for (const name of templateNames(op.path)) {
    if (!attributes[name])
      out.push(`${owner}: operation ${label}: path ${op.path} names a missing attribute "${name}"`);
  }
}

export function checkResourceSpec(spec: ResourceSpec): string[] {
  const out: string[] = [];
  const owner = spec.typeName;
  for (const key of unknownKeys(spec, RESOURCE_KEYS)) out.push(`${owner}: unknown key "${key}"`);
  if (!TYPE_NAME.test(spec.typeName)) out.push(`${owner}: type name must match ${TYPE_NAME}`);
  checkAttributes(owner, spec.attributes, out);
  if (!spec.attributes.id?.computed) out.push(`${owner}: needs a computed "id" attribute`);
  for (const name of templateNames(spec.id)) {
    if (!spec.attributes[name])
      out.push(`${owner}: id template ${spec.id} names a missing attribute "${name}"`);
  }
  for (const [label, op] of Object.entries(spec.operations)) {
    if (op) checkOperation(owner, label, op, spec.attributes, out);
  }
  for (const [i, sub] of (spec.subresources ?? []).entries()) {
    checkOperation(owner, `subresources[${i}]`, sub.operation, spec.attributes, out);
    for (const name of sub.attributes) {
      if (!spec.attributes[name])
        out.push(`${owner}: subresources[${i}] names a missing attribute "${name}"`);
    }
  }
  for (const [i, lookup] of (spec.createLookup ?? []).entries()) {
    checkOperation(owner, `createLookup[${i}]`, lookup.operation, spec.attributes, out);
    for (const name of Object.keys(lookup.match)) {
      if (!spec.attributes[name])
        out.push(`${owner}: createLookup[${i}] matches a missing attribute "${name}"`);
    }
  }
  if (spec.listRead) {
    const { operation, match } = spec.listRead;
    checkOperation(owner, "listRead", operation, spec.attributes, out);
    if (operation.method !== "GET") out.push(`${owner}: listRead must be a GET, not ${operation.method}`);
    if (Object.keys(match).length === 0) out.push(`${owner}: listRead matches no attribute`);
    for (const name of Object.keys(match)) {
      if (!spec.attributes[name]) out.push(`${owner}: listRead matches a missing attribute "${name}"`);
    }
  }
  // An attribute that changes in place and reaches the API needs an update operation.
  if (!spec.operations.update && !spec.hooks?.update) {
    for (const [name, attr] of Object.entries(spec.attributes)) {
      const reachesApi = attr.api !== false && (attr.required || attr.optional);
      const inSubresource = spec.subresources?.some((s) => s.attributes.includes(name));
      if (reachesApi && !attr.replaceOnChange && !inSubresource) {
        out.push(
          `${owner}: attribute "${name}" can change in place but the resource has no update operation`,
        );
      }
    }
  }
  return out;
}

export function checkDataSourceSpec(spec: DataSourceSpec): string[] {
  const out: string[] = [];
  const owner = `data.${spec.typeName}`;
  for (const key of unknownKeys(spec, DATA_SOURCE_KEYS)) out.push(`${owner}: unknown key "${key}"`);
  checkAttributes(owner, spec.attributes, out);
  if (spec.lookups.length === 0) out.push(`${owner}: needs at least one lookup`);
  for (const [i, lookup] of spec.lookups.entries()) {
    checkOperation(owner, `lookups[${i}]`, lookup.operation, spec.attributes, out);
    for (const name of lookup.by) {
      if (!spec.attributes[name])
        out.push(`${owner}: lookups[${i}] selects by a missing attribute "${name}"`);
    }
  }
  return out;
}

export function checkProviderSpec(spec: ProviderSpec): string[] {
  const out: string[] = [];
  checkAttributes("provider", spec.attributes, out);
  return out;
}

/** Throws one SpecError listing every problem of every spec. */
export function assertSpecsValid(specs: {
  provider: ProviderSpec;
  resources: readonly ResourceSpec[];
  dataSources: readonly DataSourceSpec[];
}): void {
  const problems = [
    ...checkProviderSpec(specs.provider),
    ...specs.resources.flatMap(checkResourceSpec),
    ...specs.dataSources.flatMap(checkDataSourceSpec),
  ];
  const names = [
    ...specs.resources.map((r) => r.typeName),
    ...specs.dataSources.map((d) => `data.${d.typeName}`),
  ];
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i)))
    problems.push(`${name}: defined twice`);
  if (problems.length) throw new SpecError(problems);
}
