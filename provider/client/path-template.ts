/**
 * Expands `/project/{project}/service/{service_name}`. Every value is encoded with
 * encodeURIComponent, so a `/` inside a name stays inside its segment.
 *
 * A missing parameter is a programming error (TypeError). So is a value that is empty, `.` or
 * `..`: encoding leaves those unchanged, and a proxy that normalises dot segments would turn
 * `DELETE /project/p/service/..` into `DELETE /project/p` — a different, bigger object.
 */
export function expandPath(template: string, params: Readonly<Record<string, string>>): string {
  if (!template.startsWith("/")) {
    throw new TypeError(`path template must start with "/": ${JSON.stringify(template)}`);
  }
  const expanded = template.replace(/\{([^{}]*)\}/g, (_match, name: string) => {
    if (!Object.hasOwn(params, name)) {
      throw new TypeError(`path parameter "${name}" of ${template} is missing`);
    }
    const value = params[name];
    if (typeof value !== "string") {
      throw new TypeError(`path parameter "${name}" of ${template} must be a string, got ${typeof value}`);
    }
    if (value === "" || value === "." || value === "..") {
      throw new TypeError(`path parameter "${name}" of ${template} must not be ${JSON.stringify(value)}`);
    }
    return encodeURIComponent(value);
  });
  // Encoded values never hold a raw brace, so any left over came from the template.
  if (/[{}]/.test(expanded)) {
    throw new TypeError(`path template has unbalanced braces: ${template}`);
  }
  return expanded;
}
