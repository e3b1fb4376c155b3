/**
 * State written by an older flinkform lacks the attributes added since. Terraform decodes a missing
 * attribute as null, and an attribute with a default then plans `null -> default` on every resource
 * after an upgrade of the provider: a change nobody asked for. The attribute's default is what that
 * older version behaved as, so it is what the upgraded state holds.
 */
import type { ResourceSpec } from "../../schemas/dsl/types";
import type { Values } from "./values";

/** The top-level attribute names present in the raw state JSON (none when it is not an object). */
function presentKeys(rawJson: Uint8Array | undefined): Set<string> {
  if (!rawJson || rawJson.length === 0) return new Set();
  try {
    const parsed: unknown = JSON.parse(Buffer.from(rawJson).toString("utf8"));
    return parsed && typeof parsed === "object" ? new Set(Object.keys(parsed)) : new Set();
  } catch {
    return new Set();
  }
}

/** `state` with each defaulted attribute that the raw state does not mention at all set to its default. */
export function fillAddedDefaults(
  spec: ResourceSpec,
  state: Values | null,
  rawJson: Uint8Array | undefined,
): Values | null {
  if (!state) return state;
  const present = presentKeys(rawJson);
  if (present.size === 0) return state;
  const filled: Values = { ...state };
  for (const [name, attribute] of Object.entries(spec.attributes)) {
    if (attribute.default !== undefined && !present.has(name)) filled[name] = attribute.default;
  }
  return filled;
}
