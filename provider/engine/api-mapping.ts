/**
 * Moves values between Terraform's shape (the spec's attributes) and the API's shape (the fields
 * each attribute names), in both directions. Everything here is driven by the spec: `api`,
 * `apiWrite`, `apiWhen`, `flattenApi`, `codec`, `derive`, `keepOnRead`.
 */
import type { ApiObject, AttributeSpec } from "../../schemas/dsl/types";
import { isUnknown } from "../protocol";
import { getPath, isEmptyValue, isNull, isPlainObject, setPath, type Values } from "./values";

type Attributes = Readonly<Record<string, AttributeSpec>>;

const settable = (attr: AttributeSpec) => Boolean(attr.required || attr.optional);
const apiName = (name: string, attr: AttributeSpec) => (attr.api === false ? undefined : (attr.api ?? name));

function mappedHere(attr: AttributeSpec, values: Values): boolean {
  return !attr.apiWhen || values[attr.apiWhen.attribute] === attr.apiWhen.equals;
}

/** The request body fields for the settable attributes that have a value. */
export function toApi(attributes: Attributes, values: Values, target: Values = {}): Values {
  for (const [name, attr] of Object.entries(attributes)) {
    const field = attr.apiWrite ?? apiName(name, attr);
    const value = values[name];
    if (!field || !settable(attr) || isNull(value) || isUnknown(value) || !mappedHere(attr, values)) continue;
    if (attr.kind === "object" && attr.flattenApi) {
      toApi(attr.attributes!, value as Values, target);
      continue;
    }
    setPath(target, field, attr.codec ? attr.codec.toApi(valueToApi(attr, value)) : valueToApi(attr, value));
  }
  return target;
}

function valueToApi(attr: AttributeSpec, value: unknown): unknown {
  if (attr.kind === "object") return toApi(attr.attributes!, value as Values);
  if (attr.kind === "blocks") return (value as Values[]).map((item) => toApi(attr.attributes!, item));
  return value;
}

/**
 * The Terraform value of every attribute, read from an API object. `prior` supplies what the API
 * does not return (write-only secrets, Terraform-only settings); `root` is the whole API object for
 * derived attributes.
 */
export function fromApi(
  attributes: Attributes,
  api: ApiObject,
  prior: Values | null,
  root: ApiObject = api,
): Values {
  const out: Values = {};
  for (const [name, attr] of Object.entries(attributes)) {
    out[name] = attributeFromApi(name, attr, api, prior, root, attributes) ?? null;
  }
  return out;
}

/**
 * Like fromApi, but a field the API does not return at all (not even as null) is left undefined,
 * so the caller can keep what it knew: path parameters such as `project` are rarely echoed.
 */
export function fromApiKeepingAbsent(attributes: Attributes, api: ApiObject, prior: Values | null): Values {
  const out: Values = {};
  for (const [name, attr] of Object.entries(attributes)) {
    out[name] = attributeFromApi(name, attr, api, prior, api, attributes);
  }
  return out;
}

function attributeFromApi(
  name: string,
  attr: AttributeSpec,
  api: ApiObject,
  prior: Values | null,
  root: ApiObject,
  siblings: Attributes,
): unknown {
  const priorValue = prior?.[name];
  if (attr.derive) return attr.derive(root) ?? null;
  const field = apiName(name, attr);
  if (field === undefined || attr.keepOnRead) return isNull(priorValue) ? (attr.default ?? null) : priorValue;
  if (attr.apiWhen) {
    const selector = siblings[attr.apiWhen.attribute];
    const selectorField = selector ? apiName(attr.apiWhen.attribute, selector) : undefined;
    if (!selectorField || getPath(api, selectorField) !== attr.apiWhen.equals) return null;
  }
  if (attr.kind === "object" && attr.flattenApi) {
    const value = fromApi(attr.attributes!, api, isPlainObject(priorValue) ? priorValue : null, root);
    return Object.values(value).every(isNull) ? null : value;
  }
  let raw = getPath(api, field);
  if (raw === undefined) return undefined;
  if (attr.codec) raw = attr.codec.fromApi(raw);
  if (isNull(raw)) return null;
  // An empty collection for something the configuration never set is not drift.
  if (isNull(priorValue) && isEmptyValue(raw) && !attr.computed) return null;
  switch (attr.kind) {
    case "object":
      return isPlainObject(raw)
        ? fromApi(attr.attributes!, raw, isPlainObject(priorValue) ? priorValue : null, root)
        : null;
    case "blocks":
      return Array.isArray(raw)
        ? raw.filter(isPlainObject).map((item) => fromApi(attr.attributes!, item, null, root))
        : null;
    case "number":
      return typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    default:
      return raw;
  }
}

/** Unwraps `{"service": {...}}` style envelopes. */
export function unwrap(body: unknown, envelope: string | undefined): ApiObject {
  const inner = envelope && isPlainObject(body) ? body[envelope] : body;
  return isPlainObject(inner) ? inner : {};
}

/**
 * The new state after an apply: the planned values, with every unknown filled in from what the API
 * returned. Known planned values stay exactly as planned (Terraform insists), so SQL text and other
 * configured values are kept as written.
 */
export function fillUnknowns(planned: unknown, actual: unknown): unknown {
  if (isUnknown(planned)) return actual ?? null;
  if (isPlainObject(planned)) {
    const source = isPlainObject(actual) ? actual : {};
    return Object.fromEntries(Object.entries(planned).map(([k, v]) => [k, fillUnknowns(v, source[k])]));
  }
  if (Array.isArray(planned)) {
    const source = Array.isArray(actual) ? actual : [];
    return planned.map((v, i) => fillUnknowns(v, source[i]));
  }
  return planned;
}
