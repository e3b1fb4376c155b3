/** Drops undefined values so unset props stay unset in the synthesized JSON (service defaults apply). */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/**
 * snake_case keys → camelCase, deeply, for the plain objects the constructs build: the shared
 * validators read Terraform names, the generated L1 classes take camelCase.
 */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
        camelKeys(v),
      ]),
    );
  }
  return value;
}
