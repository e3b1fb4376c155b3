/**
 * Validators derived from the specs, built on zod. Used by the provider (ValidateResourceConfig and
 * plan), the constructs (synth-time checks) and the local control plane.
 *
 * Unresolved values — Terraform unknowns, CDK tokens — always pass: the caller says what counts as
 * unresolved. Messages name the attribute, show the value and say what is allowed, with the same
 * constraint phrases the docs use.
 */
import { z } from "zod";
import {
  enumPhrase,
  itemsPhrase,
  lengthPhrase,
  rangePhrase,
  SENSITIVE_VALUE,
  showValue,
} from "../dsl/constraints";
import type { AttributeSpec, HookDiagnostic, ResourceHooks } from "../dsl/types";
import { FORMATS, type Format } from "../rules/formats";

export type Severity = "error" | "warning";
export type AttributePath = readonly (string | number)[];

export interface ValidationIssue {
  readonly severity: Severity;
  readonly path: AttributePath;
  readonly summary: string;
  readonly detail: string;
}

export interface ValidateOptions {
  /** True for values not known yet (Terraform unknowns, CDK tokens): they are never checked. */
  readonly isUnresolved?: (value: unknown) => boolean;
}

interface Validatable {
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  readonly hooks?: ResourceHooks;
}

const never = () => false;

/** Display path: `flink_user_config.number_of_task_slots`, `source[1].create_table`. */
export function pathToString(path: AttributePath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** The zod schema of one scalar's constraints; its issue messages are the shared phrases. */
function scalarSchema(attr: AttributeSpec): z.ZodType {
  switch (attr.kind) {
    case "string": {
      let s = z.string({ error: "must be a string" });
      const length = lengthPhrase(attr);
      if (attr.minLength !== undefined) s = s.min(attr.minLength, { error: length });
      if (attr.maxLength !== undefined) s = s.max(attr.maxLength, { error: length });
      if (attr.pattern) s = s.regex(new RegExp(attr.pattern.regex), { error: attr.pattern.message });
      if (attr.format) {
        const format: Format = FORMATS[attr.format];
        return s.refine(format.test, { error: format.phrase });
      }
      return s;
    }
    case "number": {
      let n = z
        .number({ error: "must be a number" })
        .refine(Number.isFinite, { error: "must be a finite number" });
      const range = rangePhrase(attr);
      if (attr.integer) n = n.refine(Number.isInteger, { error: "must be a whole number" });
      if (attr.min !== undefined) n = n.refine((v) => v >= attr.min!, { error: range });
      if (attr.max !== undefined) n = n.refine((v) => v <= attr.max!, { error: range });
      return n;
    }
    case "bool":
      return z.boolean({ error: "must be true or false" });
    default:
      return z.unknown();
  }
}

const scalarCache = new WeakMap<AttributeSpec, z.ZodType>();
function cachedScalar(attr: AttributeSpec): z.ZodType {
  let schema = scalarCache.get(attr);
  if (!schema) {
    schema = scalarSchema(attr);
    scalarCache.set(attr, schema);
  }
  return schema;
}

class Walker {
  readonly issues: ValidationIssue[] = [];
  constructor(private readonly isUnresolved: (value: unknown) => boolean) {}

  private add(
    severity: Severity,
    path: AttributePath,
    phrase: string,
    value: unknown,
    summary = "Invalid Attribute Value",
  ): void {
    this.issues.push({
      severity,
      path,
      summary,
      detail: `${pathToString(path)} ${phrase}, got ${showValue(value)}.`,
    });
  }

  attributes(
    attributes: Readonly<Record<string, AttributeSpec>>,
    values: Record<string, unknown>,
    base: AttributePath,
  ): void {
    for (const [name, attr] of Object.entries(attributes)) {
      const value = values[name];
      const path = [...base, name];
      if (value === null || value === undefined) {
        if (attr.required) {
          this.issues.push({
            severity: "error",
            path,
            summary: "Missing Required Attribute",
            detail: `${pathToString(path)} is required.`,
          });
        }
        continue;
      }
      for (const other of attr.conflictsWith ?? []) {
        // Report each conflicting pair once, at the attribute listed first.
        if (values[other] !== null && values[other] !== undefined && name < other) {
          this.issues.push({
            severity: "error",
            path,
            summary: "Conflicting Attributes",
            detail: `${pathToString(path)} cannot be set together with ${pathToString([...base, other])}; set only one.`,
          });
        }
      }
      this.value(attr, value, path);
    }
  }

  value(attr: AttributeSpec, value: unknown, path: AttributePath): void {
    if (value === null || value === undefined || this.isUnresolved(value)) return;
    switch (attr.kind) {
      case "string":
      case "number":
      case "bool":
        this.scalar(attr, value, path);
        return;
      case "list":
      case "set":
      case "blocks":
        this.collection(attr, value, path);
        return;
      case "map":
        this.map(attr, value, path);
        return;
      case "object":
        if (typeof value !== "object" || Array.isArray(value)) {
          this.add("error", path, "must be an object", value);
          return;
        }
        this.attributes(attr.attributes!, value as Record<string, unknown>, path);
        return;
    }
  }

  private scalar(attr: AttributeSpec, value: unknown, path: AttributePath): void {
    const result = cachedScalar(attr).safeParse(value);
    // A secret is never echoed back in a message, not even when it is invalid.
    const shown = attr.sensitive ? SENSITIVE_VALUE : value;
    if (!result.success) {
      this.add("error", path, result.error.issues[0]?.message ?? "is invalid", shown);
      return;
    }
    if (attr.enum && typeof value === "string" && !attr.enum.includes(value)) {
      const phrase = enumPhrase(attr)!;
      if (attr.openEnum) {
        this.add(
          "warning",
          path,
          `is not a value flinkform knows (${phrase.replace("must be ", "")}); the service may reject it`,
          shown,
          "Unknown Attribute Value",
        );
      } else {
        this.add("error", path, phrase, shown);
      }
    } else if (attr.deprecatedValues?.includes(String(value))) {
      this.add(
        "warning",
        path,
        "is deprecated and will stop working when the service drops it",
        shown,
        "Deprecated Attribute Value",
      );
    }
  }

  private collection(attr: AttributeSpec, value: unknown, path: AttributePath): void {
    if (!Array.isArray(value)) {
      this.add("error", path, "must be a list", value);
      return;
    }
    const items = itemsPhrase(attr);
    if (
      (attr.minItems !== undefined && value.length < attr.minItems) ||
      (attr.maxItems !== undefined && value.length > attr.maxItems)
    ) {
      this.add("error", path, items!, value);
    }
    value.forEach((item, i) => {
      if (attr.kind === "blocks") {
        if (item && typeof item === "object" && !this.isUnresolved(item)) {
          this.attributes(attr.attributes!, item as Record<string, unknown>, [...path, i]);
        }
      } else {
        this.value(attr.element!, item, [...path, i]);
      }
    });
  }

  private map(attr: AttributeSpec, value: unknown, path: AttributePath): void {
    if (typeof value !== "object" || Array.isArray(value)) {
      this.add("error", path, "must be a map", value);
      return;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    if (
      (attr.minItems !== undefined && entries.length < attr.minItems) ||
      (attr.maxItems !== undefined && entries.length > attr.maxItems)
    ) {
      this.issues.push({
        severity: "error",
        path,
        summary: "Invalid Attribute Value",
        detail: `${pathToString(path)} ${itemsPhrase(attr)}, got a map of ${entries.length} items.`,
      });
    }
    for (const [key, item] of entries) {
      // A bad key is reported at the map: the entry's path would name the very key that is wrong.
      const keyProblem = attr.key ? cachedScalar(attr.key).safeParse(key) : undefined;
      if (keyProblem && !keyProblem.success) {
        this.issues.push({
          severity: "error",
          path,
          summary: "Invalid Attribute Value",
          detail: `${pathToString(path)} key ${showValue(key)} ${keyProblem.error.issues[0]?.message ?? "is invalid"}.`,
        });
      }
      this.value(attr.element!, item, [...path, key]);
    }
  }
}

function fromHook(d: HookDiagnostic): ValidationIssue {
  return { severity: d.severity, path: d.path, summary: d.summary, detail: d.detail };
}

/** Every problem of a resource/data source/provider configuration, errors and warnings. */
export function validateConfig(
  spec: Validatable,
  config: Record<string, unknown>,
  options: ValidateOptions = {},
): ValidationIssue[] {
  const isUnresolved = options.isUnresolved ?? never;
  const walker = new Walker(isUnresolved);
  walker.attributes(spec.attributes, config, []);
  // Cross-attribute rules run only on configurations whose single values are sound.
  if (spec.hooks?.validate && !walker.issues.some((i) => i.severity === "error")) {
    walker.issues.push(...spec.hooks.validate(config, isUnresolved).map(fromHook));
  }
  return walker.issues;
}

/** Checks one attribute value on its own (constructs validate props one at a time). */
export function validateAttribute(
  attr: AttributeSpec,
  value: unknown,
  path: AttributePath,
  options: ValidateOptions = {},
): ValidationIssue[] {
  const walker = new Walker(options.isUnresolved ?? never);
  walker.value(attr, value, path);
  return walker.issues;
}
