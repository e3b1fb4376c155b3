/**
 * Constraint phrases shared by the validators (error messages) and the docs (descriptions), so what
 * the docs promise is exactly what the validator enforces.
 */
import { FORMATS } from "../rules/formats";
import type { AttributeSpec } from "./types";

const quote = (v: string) => `\`${v}\``;

export function rangePhrase(attr: AttributeSpec): string | undefined {
  const { min, max } = attr;
  if (min !== undefined && max !== undefined) return `must be between ${min} and ${max}`;
  if (min !== undefined) return `must be at least ${min}`;
  if (max !== undefined) return `must be at most ${max}`;
  return undefined;
}

export function lengthPhrase(attr: AttributeSpec): string | undefined {
  const { minLength, maxLength } = attr;
  if (minLength !== undefined && maxLength !== undefined) {
    return minLength === maxLength
      ? `must be exactly ${minLength} characters long`
      : `must be between ${minLength} and ${maxLength} characters long`;
  }
  if (minLength !== undefined) return `must be at least ${minLength} characters long`;
  if (maxLength !== undefined) return `must be at most ${maxLength} characters long`;
  return undefined;
}

export function itemsPhrase(attr: AttributeSpec): string | undefined {
  const { minItems, maxItems } = attr;
  if (minItems !== undefined && maxItems !== undefined)
    return `must have between ${minItems} and ${maxItems} items`;
  if (minItems !== undefined) return `must have at least ${minItems} items`;
  if (maxItems !== undefined) return `must have at most ${maxItems} items`;
  return undefined;
}

export function enumPhrase(attr: AttributeSpec): string | undefined {
  if (!attr.enum) return undefined;
  return `must be one of ${attr.enum.map(quote).join(", ")}`;
}

/** Every constraint of an attribute as docs sentences, in a stable order. */
export function describeConstraints(attr: AttributeSpec): string[] {
  const sentences: string[] = [];
  const add = (phrase: string | undefined, subject = "Value") => {
    if (phrase) sentences.push(`${subject} ${phrase}.`);
  };
  if (attr.integer) add("must be a whole number");
  add(rangePhrase(attr));
  add(lengthPhrase(attr));
  if (attr.enum) {
    add(enumPhrase(attr));
    if (attr.openEnum)
      sentences.push("Other values are accepted with a warning, as the service may add new ones.");
    if (attr.deprecatedValues?.length) {
      sentences.push(`Deprecated: ${attr.deprecatedValues.map(quote).join(", ")}.`);
    }
  }
  if (attr.pattern) add(attr.pattern.message);
  if (attr.format) add(FORMATS[attr.format].phrase);
  add(itemsPhrase(attr), "The collection");
  if (attr.key) {
    for (const s of describeConstraints(attr.key)) sentences.push(s.replace(/^Value /, "Each key "));
  }
  if (attr.element) {
    for (const s of describeConstraints(attr.element)) sentences.push(s.replace(/^Value /, "Each item "));
  }
  if (attr.conflictsWith?.length) {
    sentences.push(`Conflicts with ${attr.conflictsWith.map(quote).join(", ")}.`);
  }
  return sentences;
}

/** Stands in for the value of a sensitive attribute in messages. */
export const SENSITIVE_VALUE: unique symbol = Symbol("sensitive value");

/** Renders a config value for an error message; long strings are cut so SQL never floods a diagnostic. */
export function showValue(value: unknown): string {
  if (value === SENSITIVE_VALUE) return "(sensitive value)";
  if (typeof value === "string") {
    const cut = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    // Characters a terminal would not show as stored (bidi controls reorder the text around them) are
    // written as escapes, so the message shows what was really received.
    return JSON.stringify(cut).replace(
      /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }
  if (value === null || value === undefined) return "null";
  if (typeof value === "object")
    return Array.isArray(value) ? `a list of ${value.length} items` : "an object";
  return String(value);
}
