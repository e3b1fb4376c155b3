/**
 * PlanResourceChange, driven by the spec: defaults, requires-replace (also for nested attributes
 * such as `flink_user_config.flink_version`), and computed values planned unknown only when they can
 * change — a create, a replacement, or an in-place update for `volatile` attributes. Everything the
 * configuration sets stays exactly as written.
 */
import type { AttributeSpec, ResourceSpec } from "../../schemas/dsl/types";
import { UNKNOWN } from "../protocol";
import { deepEqual, isNull, isPlainObject, type Values } from "./values";

type Attributes = Readonly<Record<string, AttributeSpec>>;
export type Path = (string | number)[];
type Mode = "create" | "update" | "refresh";

export interface PlanResult {
  planned: Values | null;
  requiresReplace: Path[];
  /** Paths of settable attributes whose value changes. */
  changed: Path[];
}

/** Paths of settable attributes that differ between prior state and proposed new state. */
export function changedPaths(
  attributes: Attributes,
  prior: Values,
  proposed: Values,
  base: Path = [],
): Path[] {
  const out: Path[] = [];
  for (const [name, attr] of Object.entries(attributes)) {
    if (!attr.required && !attr.optional) continue;
    const before = prior[name];
    const after = proposed[name];
    if (deepEqual(before, after)) continue;
    if (attr.kind === "object" && isPlainObject(before) && isPlainObject(after)) {
      out.push(...changedPaths(attr.attributes!, before, after, [...base, name]));
    } else {
      out.push([...base, name]);
    }
  }
  return out;
}

function attributeAt(attributes: Attributes, path: Path): AttributeSpec | undefined {
  const [head, ...rest] = path;
  const attr = attributes[String(head)];
  if (!attr || rest.length === 0) return attr;
  return attr.attributes ? attributeAt(attr.attributes, rest) : undefined;
}

/** Whether a change at `path` forces replacement: the attribute or any object around it says so. */
function forcesReplacement(attributes: Attributes, path: Path): boolean {
  return path.some((_, i) => attributeAt(attributes, path.slice(0, i + 1))?.replaceOnChange === true);
}

function planAttributes(attributes: Attributes, proposed: Values, config: Values | null, mode: Mode): Values {
  const out: Values = {};
  for (const [name, attr] of Object.entries(attributes)) {
    const configured = config?.[name];
    let value = proposed[name];
    if (isNull(configured) && attr.default !== undefined) {
      value = attr.default;
    } else if (attr.computed && isNull(configured)) {
      const canChange = mode === "create" || (mode === "update" && attr.volatile);
      if (canChange) value = UNKNOWN;
    } else if (attr.kind === "object" && isPlainObject(value)) {
      value = planAttributes(attr.attributes!, value, isPlainObject(configured) ? configured : null, mode);
    }
    out[name] = value === undefined ? null : value;
  }
  return out;
}

/**
 * Terraform proposes the prior value for a computed attribute the configuration leaves out, except
 * inside nested attributes of list/set nesting (`ip_filter_object`), where it proposes null: keep
 * the prior value there too, or an unchanged resource would plan a change.
 */
function keepPriorComputed(attributes: Attributes, prior: Values, proposed: Values, config: Values): Values {
  const out: Values = { ...proposed };
  for (const [name, attr] of Object.entries(attributes)) {
    const configured = config[name];
    if (attr.computed && isNull(configured) && isNull(proposed[name]) && !isNull(prior[name])) {
      out[name] = prior[name];
    } else if (
      attr.kind === "object" &&
      isPlainObject(proposed[name]) &&
      isPlainObject(prior[name]) &&
      isPlainObject(configured)
    ) {
      out[name] = keepPriorComputed(attr.attributes!, prior[name], proposed[name], configured);
    }
  }
  return out;
}

/** An update that touches only Terraform-side settings (timeouts...) needs no API call. */
export function touchesApi(spec: ResourceSpec, changed: readonly Path[]): boolean {
  return changed.some((p) => spec.attributes[String(p[0])]?.api !== false);
}

export function planResource(
  spec: ResourceSpec,
  prior: Values | null,
  proposed: Values | null,
  config: Values | null,
): PlanResult {
  if (proposed === null) return { planned: null, requiresReplace: [], changed: [] };
  if (prior === null) {
    return {
      planned: planAttributes(spec.attributes, proposed, config, "create"),
      requiresReplace: [],
      changed: [],
    };
  }
  if (config !== null) proposed = keepPriorComputed(spec.attributes, prior, proposed, config);
  const changed = changedPaths(spec.attributes, prior, proposed);
  const requiresReplace = changed.filter((p) => forcesReplacement(spec.attributes, p));
  const mode: Mode = requiresReplace.length
    ? "create"
    : changed.length && touchesApi(spec, changed)
      ? "update"
      : "refresh";
  return { planned: planAttributes(spec.attributes, proposed, config, mode), requiresReplace, changed };
}
