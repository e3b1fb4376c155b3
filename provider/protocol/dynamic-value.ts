/**
 * Terraform's DynamicValue (cty values as msgpack, or JSON for stored state), decoded into plain JS
 * values guided by a cty type, and encoded back with exactly the type's shape.
 */
import { Decoder, Encoder, ExtData } from "@msgpack/msgpack";
import type { CtyType } from "./cty-type";

export type { CtyType } from "./cty-type";
export { blockToCtyType } from "./cty-type";

/** A value not known until apply. Every msgpack extension type decodes to it (refined unknowns too). */
export const UNKNOWN: unique symbol = Symbol.for("flinkform.cty.unknown");
export type Unknown = typeof UNKNOWN;

export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

export type ValuePath = ReadonlyArray<string | number>;

/** Bad bytes from terraform, or a value that does not fit the schema type. */
export class DynamicValueError extends Error {
  readonly code = "DYNAMIC_VALUE_INVALID";
  readonly path: ValuePath;
  constructor(message: string, path: ValuePath = []) {
    super(path.length > 0 ? `${message} (at ${formatPath(path)})` : message);
    this.name = "DynamicValueError";
    // A copy: the decoder walks with one path array that it changes as it goes.
    this.path = [...path];
  }
}

function formatPath(path: ValuePath): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

export interface DynamicValueInput {
  msgpack?: Uint8Array | null;
  json?: Uint8Array | null;
}

const decoder = new Decoder();
const encoder = new Encoder();
// cty writes unknowns as fixext1 type 0 with a zero payload.
const UNKNOWN_EXT = new ExtData(0, new Uint8Array([0]));

export function decodeDynamicValue(dv: DynamicValueInput | null | undefined, type: CtyType): unknown {
  if (dv?.msgpack && dv.msgpack.length > 0) {
    let raw: unknown;
    try {
      raw = decoder.decode(dv.msgpack);
    } catch (err) {
      throw new DynamicValueError(`malformed msgpack value: ${(err as Error).message}`);
    }
    return fromWire(raw, type, [], true);
  }
  if (dv?.json && dv.json.length > 0) {
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.from(dv.json).toString("utf8"));
    } catch (err) {
      throw new DynamicValueError(`malformed JSON value: ${(err as Error).message}`);
    }
    return fromWire(raw, type, [], false);
  }
  return null;
}

export function encodeDynamicValue(value: unknown, type: CtyType): { msgpack: Buffer } {
  const wire = toWire(value, type, []);
  const bytes = encoder.encode(wire);
  return { msgpack: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/**
 * The walks below run for every value of every call (four per resource in a plan), so they keep
 * one path array, pushed and popped (errors copy it), and each object type's entries once.
 */
const objectEntries = new WeakMap<object, [string, CtyType][]>();
function attributesOf(type: readonly unknown[]): [string, CtyType][] {
  let entries = objectEntries.get(type);
  if (!entries) {
    entries = Object.entries(type[1] as Record<string, CtyType>);
    objectEntries.set(type, entries);
  }
  return entries;
}

/** Sets a key as a plain own property: `__proto__` stays an ordinary key, as with Object.fromEntries. */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function parseTypeJson(raw: unknown, path: ValuePath): CtyType {
  const text =
    typeof raw === "string" ? raw : raw instanceof Uint8Array ? Buffer.from(raw).toString("utf8") : null;
  if (text === null) throw new DynamicValueError("dynamic value without a type", path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DynamicValueError("dynamic value with an unreadable type", path);
  }
  checkType(parsed, path, 0);
  return parsed;
}

/** Deeper than any schema: a type or value nested further is refused, not recursed into. */
const MAX_DEPTH = 64;

/** A type that came over the wire (a dynamic value's own type) must be a well-formed cty type. */
function checkType(t: unknown, path: ValuePath, depth: number): asserts t is CtyType {
  const bad = () =>
    new DynamicValueError(`dynamic value with an invalid type ${truncate(JSON.stringify(t))}`, path);
  if (depth > MAX_DEPTH) throw new DynamicValueError("dynamic value type nested too deeply", path);
  if (t === "string" || t === "number" || t === "bool" || t === "dynamic") return;
  if (!Array.isArray(t) || t.length < 2 || t.length > 3) throw bad();
  const [kind, inner] = t as unknown[];
  if (kind === "list" || kind === "set" || kind === "map") {
    if (t.length !== 2) throw bad();
    checkType(inner, path, depth + 1);
  } else if (kind === "tuple") {
    if (t.length !== 2 || !Array.isArray(inner)) throw bad();
    for (const e of inner) checkType(e, path, depth + 1);
  } else if (kind === "object") {
    if (!isPlainObject(inner)) throw bad();
    for (const v of Object.values(inner)) checkType(v, path, depth + 1);
    if (t.length === 3 && !(Array.isArray(t[2]) && t[2].every((k) => typeof k === "string"))) throw bad();
  } else {
    throw bad();
  }
}

function truncate(text: string | undefined): string {
  const s = text ?? "undefined";
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * cty sends a number that is neither an int64 nor exactly a float64 as its decimal text. Text whose
 * value overflows a double (`1e400` arrives as 1 and 400 zeros) is a user's value out of range.
 */
function numberFromText(raw: string, path: ValuePath): number {
  const text = raw.trim();
  const n = text === "" ? Number.NaN : Number(text);
  if (Number.isFinite(n)) return n;
  if (/^[-+]?\d+(\.\d*)?([eE][-+]?\d+)?$/.test(text)) {
    throw new DynamicValueError(
      `the number ${shortNumber(text)} is out of range: a number must fit a 64-bit float (about ±1.8e308)`,
      path,
    );
  }
  throw new DynamicValueError(`expected a number, got ${truncate(JSON.stringify(raw))}`, path);
}

/** `1000…0` (401 digits) as `1.00e+400`, so a message stays short. */
function shortNumber(text: string): string {
  const m = /^([-+]?)(\d+)(?:\.\d*)?$/.exec(text);
  if (!m || m[2]!.length <= 20) return truncate(text);
  const digits = m[2]!.replace(/^0+/, "");
  return `${m[1]}${digits[0]}.${digits.slice(1, 3).padEnd(2, "0")}e+${digits.length - 1}`;
}

function fromWire(raw: unknown, type: CtyType, path: (string | number)[], msgpack: boolean): unknown {
  if (path.length > MAX_DEPTH) throw new DynamicValueError("value nested too deeply", path);
  if (raw instanceof ExtData || raw instanceof Date) return UNKNOWN;
  if (raw === null || raw === undefined) return null;
  if (type === "dynamic") {
    if (msgpack) {
      // cty wraps dynamic values as [type JSON, value].
      if (!Array.isArray(raw) || raw.length !== 2)
        throw new DynamicValueError("malformed dynamic value", path);
      return fromWire(raw[1], parseTypeJson(raw[0], path), path, msgpack);
    }
    if (!isPlainObject(raw) || !Object.hasOwn(raw, "value"))
      throw new DynamicValueError("malformed dynamic value", path);
    checkType(raw.type, path, 0);
    return fromWire(raw.value, raw.type, path, msgpack);
  }
  if (type === "string") {
    if (typeof raw !== "string") throw new DynamicValueError(`expected a string, got ${typeof raw}`, path);
    return raw;
  }
  if (type === "number") {
    if (typeof raw === "number") {
      if (Number.isFinite(raw)) return raw;
      throw new DynamicValueError(`${raw} is not a number terraform can hold`, path);
    }
    if (typeof raw === "bigint") return Number(raw);
    if (typeof raw === "string") return numberFromText(raw, path);
    throw new DynamicValueError(`expected a number, got ${typeof raw}`, path);
  }
  if (type === "bool") {
    if (typeof raw !== "boolean") throw new DynamicValueError(`expected a bool, got ${typeof raw}`, path);
    return raw;
  }
  if (!Array.isArray(type)) throw new DynamicValueError(`unsupported type ${JSON.stringify(type)}`, path);
  const kind = type[0];
  if (kind === "list" || kind === "set") {
    if (!Array.isArray(raw)) throw new DynamicValueError(`expected a ${kind}`, path);
    const out = new Array<unknown>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      path.push(i);
      out[i] = fromWire(raw[i], type[1] as CtyType, path, msgpack);
      path.pop();
    }
    return out;
  }
  if (kind === "tuple") {
    const elems = type[1] as readonly CtyType[];
    if (!Array.isArray(raw) || raw.length !== elems.length)
      throw new DynamicValueError("malformed tuple", path);
    const out = new Array<unknown>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      path.push(i);
      out[i] = fromWire(raw[i], elems[i]!, path, msgpack);
      path.pop();
    }
    return out;
  }
  // Entries are defined, never assigned: a key such as `__proto__` stays an ordinary key.
  if (kind === "map") {
    if (!isPlainObject(raw)) throw new DynamicValueError("expected a map", path);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(raw)) {
      path.push(k);
      put(out, k, fromWire(raw[k], type[1] as CtyType, path, msgpack));
      path.pop();
    }
    return out;
  }
  if (kind === "object") {
    if (!isPlainObject(raw)) throw new DynamicValueError("expected an object", path);
    const out: Record<string, unknown> = {};
    for (const [k, t] of attributesOf(type)) {
      path.push(k);
      put(out, k, fromWire(Object.hasOwn(raw, k) ? raw[k] : null, t, path, msgpack));
      path.pop();
    }
    return out;
  }
  throw new DynamicValueError(`unsupported type ${JSON.stringify(type)}`, path);
}

/** The cty type of a plain JS value, for attributes typed "dynamic". */
function inferType(value: unknown, path: ValuePath): CtyType {
  if (typeof value === "string") return "string";
  if (typeof value === "number" || typeof value === "bigint") return "number";
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return ["tuple", value.map((v, i) => inferType(v, [...path, i]))];
  if (isPlainObject(value)) {
    return [
      "object",
      Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inferType(v, [...path, k])])),
    ];
  }
  if (value === null || value === undefined || value === UNKNOWN) return "dynamic";
  throw new DynamicValueError(`cannot encode a ${typeof value} as a dynamic value`, path);
}

function toWire(value: unknown, type: CtyType, path: (string | number)[]): unknown {
  if (value === UNKNOWN) return UNKNOWN_EXT;
  if (value === null || value === undefined) return null;
  if (type === "dynamic") {
    const actual = inferType(value, path);
    return [Buffer.from(JSON.stringify(actual)), toWire(value, actual, path)];
  }
  if (type === "string") {
    if (typeof value !== "string")
      throw new DynamicValueError(`expected a string, got ${typeof value}`, path);
    return value;
  }
  if (type === "number") {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new DynamicValueError(`${value} is not a valid number`, path);
      return value;
    }
    if (typeof value === "bigint")
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    // Big decimals travel as strings; terraform accepts them.
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return value;
    throw new DynamicValueError(`expected a number, got ${JSON.stringify(value)}`, path);
  }
  if (type === "bool") {
    if (typeof value !== "boolean") throw new DynamicValueError(`expected a bool, got ${typeof value}`, path);
    return value;
  }
  const kind = type[0];
  if (kind === "list" || kind === "set") {
    const items = value instanceof Set ? [...value] : value;
    if (!Array.isArray(items)) throw new DynamicValueError(`expected an array for a ${kind}`, path);
    const out = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) {
      path.push(i);
      out[i] = toWire(items[i], type[1] as CtyType, path);
      path.pop();
    }
    return out;
  }
  if (kind === "tuple") {
    const elems = type[1] as readonly CtyType[];
    if (!Array.isArray(value) || value.length !== elems.length) {
      throw new DynamicValueError(`expected an array of ${elems.length} for a tuple`, path);
    }
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      out[i] = toWire(value[i], elems[i]!, path);
      path.pop();
    }
    return out;
  }
  if (kind === "map") {
    const entries =
      value instanceof Map ? [...value.entries()] : isPlainObject(value) ? Object.entries(value) : null;
    if (!entries) throw new DynamicValueError("expected an object for a map", path);
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      path.push(String(k));
      put(out, String(k), toWire(v, type[1] as CtyType, path));
      path.pop();
    }
    return out;
  }
  if (kind === "object") {
    if (!isPlainObject(value)) throw new DynamicValueError("expected an object", path);
    // Exactly the type's attributes: terraform rejects objects with missing or extra keys.
    const out: Record<string, unknown> = {};
    for (const [k, t] of attributesOf(type)) {
      path.push(k);
      put(out, k, toWire(Object.hasOwn(value, k) ? value[k] : null, t, path));
      path.pop();
    }
    return out;
  }
  throw new DynamicValueError(`unsupported type ${JSON.stringify(type)}`, path);
}
