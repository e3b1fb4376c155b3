/**
 * A record's own value for a key that came from outside (a request body, a user's option name), or
 * undefined. Plain `record[key]` also finds what every object inherits: `constructor`, `toString`,
 * `__proto__`, ... would then look like known keys.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Sets `record[key]` as an own property, also for `__proto__` (a plain assignment of that key would
 * change the object's prototype instead, and the key would be lost).
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
