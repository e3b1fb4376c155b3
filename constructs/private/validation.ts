/**
 * Glue between the constructs and the shared validators in `schemas/`: every rule lives there; this
 * file only turns their issues into CDK-style errors (`<construct path>: <prop> must be ..., got ...`)
 * and warning annotations.
 */
import { Annotations, Token } from "cdktn";
import type { IConstruct } from "constructs";
import type { AttributeSpec } from "../../schemas/dsl/types";
import {
  type AttributePath,
  pathToString,
  type ValidationIssue,
  validateConfig,
} from "../../schemas/validate/validate-config";
import { type ConstructIssue, FlinkConstructError } from "../construct-error";

/** Tokens (references to other resources' attributes) are known only at apply time: never checked. */
export const isUnresolved = (value: unknown): boolean => Token.isUnresolved(value);

interface Validatable {
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
}

/** Maps an L1 (snake_case) attribute path to the prop name users wrote, e.g. `taskSlots`. */
export type PropNamer = (path: AttributePath) => string | undefined;

function attributeAt(spec: Validatable, path: AttributePath): AttributeSpec | undefined {
  let attrs: Readonly<Record<string, AttributeSpec>> | undefined = spec.attributes;
  let found: AttributeSpec | undefined;
  for (const part of path) {
    if (typeof part === "number") continue;
    found = attrs?.[part];
    attrs = found?.attributes;
  }
  return found;
}

/** One issue as `<prop> <phrase>`, and the prop; sensitive values are never shown. */
export function describeIssue(
  spec: Validatable,
  issue: ValidationIssue,
  propName: PropNamer,
): { prop: string; message: string } {
  const raw = pathToString(issue.path);
  const prop = propName(issue.path) ?? raw;
  let detail = issue.detail.replace(/\.$/, "");
  detail = detail.startsWith(`${raw} `) ? `${prop} ${detail.slice(raw.length + 1)}` : `${prop}: ${detail}`;
  if (attributeAt(spec, issue.path)?.sensitive) detail = detail.replace(/, got .*$/s, " (value not shown)");
  return { prop, message: detail };
}

/**
 * Validates an L1 configuration against its spec: errors throw (all of them in one message),
 * warnings become annotations on `scope`.
 */
export function checkConfig(
  scope: IConstruct,
  spec: Validatable,
  config: Record<string, unknown>,
  propName: PropNamer,
): void {
  const issues = validateConfig(spec, config, { isUnresolved });
  const errors: ConstructIssue[] = [];
  for (const issue of issues) {
    const { prop, message } = describeIssue(spec, issue, propName);
    if (issue.severity === "warning") Annotations.of(scope).addWarning(message);
    else errors.push({ severity: "error", path: scope.node.path, prop, message });
  }
  if (errors.length) throw new FlinkConstructError(errors);
}

/** An error for a prop the specs do not cover (construct-level input such as table columns). */
export function propError(
  scope: IConstruct,
  prop: string,
  phrase: string,
  got: unknown,
): FlinkConstructError {
  // `{ described: "a postgresql integration" }` is shown as-is; anything else as a value.
  const shown = got && typeof got === "object" && "described" in got ? String(got.described) : show(got);
  return new FlinkConstructError([
    { severity: "error", path: scope.node.path, prop, message: `${prop} ${phrase}, got ${shown}` },
  ]);
}

function show(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  return String(value);
}

/** camelCase for a snake_case attribute name, the default prop naming. */
export function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Default namer: the last path element in camelCase (`service_name` → `serviceName`). */
export const lastPartCamel: PropNamer = (path) => {
  const last = [...path].reverse().find((p) => typeof p === "string");
  return typeof last === "string" ? camel(last) : undefined;
};
