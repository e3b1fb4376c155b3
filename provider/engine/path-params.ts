import { templateNames } from "../../schemas/dsl/check-spec";
import type { Values } from "./values";

/** Path parameters of an operation, taken from the resource's values by the template's names. */
export function pathParams(template: string, values: Values): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of templateNames(template)) {
    const value = values[name];
    if (typeof value !== "string" && typeof value !== "number") {
      throw new Error(`no value for ${name}, needed by ${template}`);
    }
    params[name] = String(value);
  }
  return params;
}

/** The path parameters, or undefined when one of them has no value yet. */
export function knownPathParams(template: string, values: Values): Record<string, string> | undefined {
  try {
    return pathParams(template, values);
  } catch {
    return undefined;
  }
}

/** The `id` attribute: the spec's id template filled from the values. */
export function renderId(template: string, values: Values): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** Parses an import id such as `my-project/flink-1` by the id template; undefined when it does not fit. */
export function parseId(template: string, id: string): Values | undefined {
  const names = templateNames(template);
  const parts = id.split("/");
  if (parts.length !== names.length || parts.some((p) => p.length === 0)) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, parts[i]]));
}
