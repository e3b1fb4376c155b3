/**
 * Finding the object a create made when its answer was lost: by the read path when the resource
 * has natural keys (a service's name), else through the spec's `createLookup` list and match.
 */
import type { ApiObject, OperationSpec, ResourceSpec } from "../../schemas/dsl/types";
import { isUnknown } from "../protocol";
import { knownPathParams } from "./path-params";
import { isPlainObject, type Values } from "./values";

export interface FindCalls {
  /** The read operation; null when the object does not exist. */
  read: (signal: AbortSignal) => Promise<ApiObject | null>;
  /** A list operation, its body unwrapped. */
  list: (op: OperationSpec, signal: AbortSignal) => Promise<ApiObject>;
}

export type Finder = (signal: AbortSignal) => Promise<ApiObject | undefined>;

/** A finder for the planned object, or undefined when the spec gives no way to find one. */
export function findCreated(spec: ResourceSpec, planned: Values, calls: FindCalls): Finder | undefined {
  if (knownPathParams(spec.operations.read.path, planned) !== undefined)
    return async (signal) => (await calls.read(signal)) ?? undefined;
  const lookup = spec.createLookup?.find((l) => knownPathParams(l.operation.path, planned) !== undefined);
  if (!lookup) return undefined;
  const wanted = Object.entries(lookup.match).map(([attr, field]) => [field, planned[attr]] as const);
  // Unknown values cannot be compared; the planned values of a create's inputs are known.
  if (wanted.some(([, v]) => isUnknown(v))) return undefined;
  return async (signal) => {
    const body = await calls.list(lookup.operation, signal);
    const items = Array.isArray(body[lookup.key]) ? (body[lookup.key] as unknown[]) : [];
    return items.find(
      (item): item is ApiObject =>
        isPlainObject(item) && wanted.every(([field, value]) => same(value, item[field])),
    );
  };
}

/** A planned value against an API field; no value matches an absent, null or empty field. */
function same(planned: unknown, actual: unknown): boolean {
  const empty = (v: unknown) => v === null || v === undefined || v === "";
  if (empty(planned)) return empty(actual);
  return planned === actual;
}
