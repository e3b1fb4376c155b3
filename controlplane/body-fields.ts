import { own } from "../schemas/own";
import { badRequest } from "./api-error";

/**
 * Readers for request-body fields. Each throws a 400 that names the field, what it got and what is
 * allowed. `null` counts as absent (the Go client always serialises some optional keys as null).
 */
export type Body = Record<string, unknown>;

export function bodyObject(body: unknown): Body {
  if (body === undefined) return {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest(`Request body must be a JSON object, got ${describe(body)}`);
  }
  return body as Body;
}

interface StringRule {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  readonly patternHint?: string;
  readonly enum?: readonly string[];
}

export function optString(body: Body, key: string, rule: StringRule = {}, label = key): string | undefined {
  const value = own(body, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${label}: expected a string, got ${describe(value)}`);
  const min = rule.min ?? 0;
  if (value.length < min) throw badRequest(`${label}: must be at least ${min} character(s) long`);
  if (rule.max !== undefined && value.length > rule.max) {
    throw badRequest(`${label}: must be at most ${rule.max} characters long, got ${value.length}`);
  }
  if (rule.enum && !rule.enum.includes(value)) {
    throw badRequest(`${label}: '${value}' is not one of ${rule.enum.map((v) => `'${v}'`).join(", ")}`);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    throw badRequest(`${label}: '${value}' is invalid${rule.patternHint ? `: ${rule.patternHint}` : ""}`);
  }
  return value;
}

export function reqString(body: Body, key: string, rule: StringRule = {}, label = key): string {
  const value = optString(body, key, rule, label);
  if (value === undefined) throw badRequest(`${label}: missing required field`);
  return value;
}

export function optBool(body: Body, key: string, label = key): boolean | undefined {
  const value = own(body, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw badRequest(`${label}: expected a boolean, got ${describe(value)}`);
  return value;
}

export function optInt(
  body: Body,
  key: string,
  range: { min?: number; max?: number } = {},
  label = key,
): number | undefined {
  const value = own(body, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw badRequest(`${label}: expected an integer, got ${describe(value)}`);
  }
  checkRange(value, range, label);
  return value;
}

export function checkRange(value: number, range: { min?: number; max?: number }, label: string): void {
  if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
    throw badRequest(`${label}: must be between ${range.min ?? "-∞"} and ${range.max ?? "∞"}, got ${value}`);
  }
}

export function optArray(body: Body, key: string, max: number, label = key): unknown[] | undefined {
  const value = own(body, key);
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badRequest(`${label}: expected an array, got ${describe(value)}`);
  if (value.length > max) throw badRequest(`${label}: at most ${max} items allowed, got ${value.length}`);
  return value;
}

export function optObject(body: Body, key: string, label = key): Body | undefined {
  const value = own(body, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value))
    throw badRequest(`${label}: expected an object, got ${describe(value)}`);
  return value as Body;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  return `${typeof value === "number" ? "the number" : "the boolean"} ${String(value)}`;
}
