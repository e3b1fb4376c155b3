/**
 * The API's rules for names, e-mail addresses, tags and `ip_filter` ranges, as 400s. They are the
 * rules the specs check at plan time (schemas/rules/), so what a plan accepts the control plane takes
 * and what it refuses here a plan has already refused.
 */
import { showValue } from "../schemas/dsl/constraints";
import { IP_FILTER_DESCRIPTION_MAX_LENGTH } from "../schemas/flink/user-config";
import {
  DISPLAY_NAME_PATTERN,
  EMAIL_PATTERN,
  MAX_TAGS,
  TAG_KEY_MAX_LENGTH,
  TAG_KEY_PATTERN,
  TAG_VALUE_MAX_LENGTH,
  TAG_VALUE_PATTERN,
} from "../schemas/rules/api-fields";
import { isCidr } from "../schemas/rules/cidr";
import { FORMATS } from "../schemas/rules/formats";
import { badRequest } from "./api-error";
import { describe } from "./body-fields";

const DISPLAY_NAME = new RegExp(DISPLAY_NAME_PATTERN.regex);
const EMAIL = new RegExp(EMAIL_PATTERN.regex);
const TAG_KEY = new RegExp(TAG_KEY_PATTERN.regex);
const TAG_VALUE = new RegExp(TAG_VALUE_PATTERN.regex);

/** Application and endpoint names: no control characters, no bidirectional text controls. */
export function checkDisplayName(value: string, label: string): string {
  if (!DISPLAY_NAME.test(value))
    throw badRequest(`${label}: ${DISPLAY_NAME_PATTERN.message}, got ${showValue(value)}`);
  return value;
}

export function checkEmail(value: string, label: string): string {
  if (!EMAIL.test(value)) throw badRequest(`${label}: ${EMAIL_PATTERN.message}, got ${showValue(value)}`);
  return value;
}

/** A `tags` object: at most MAX_TAGS entries, each key and string value within the API's rules. */
export function checkTags(tags: Record<string, unknown>, label = "tags"): Record<string, string> {
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS)
    throw badRequest(`${label}: at most ${MAX_TAGS} tags allowed, got ${entries.length}`);
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > TAG_KEY_MAX_LENGTH)
      throw badRequest(`${label}: key ${showValue(key)} must be 1..${TAG_KEY_MAX_LENGTH} characters long`);
    if (!TAG_KEY.test(key)) throw badRequest(`${label}: key ${showValue(key)} ${TAG_KEY_PATTERN.message}`);
    if (typeof value !== "string" || value.length > TAG_VALUE_MAX_LENGTH)
      throw badRequest(
        `${label}.${key}: expected a string of at most ${TAG_VALUE_MAX_LENGTH} characters, got ${describe(value)}`,
      );
    if (!TAG_VALUE.test(value))
      throw badRequest(`${label}.${key}: ${TAG_VALUE_PATTERN.message}, got ${showValue(value)}`);
  }
  return tags as Record<string, string>;
}

/** One `ip_filter` entry: a CIDR string or `{network, description}` (description optional, <= 1024). */
export function checkIpFilterEntry(item: unknown, label: string): void {
  const entry = typeof item === "object" && item !== null && !Array.isArray(item) ? item : undefined;
  const network = entry ? (entry as { network?: unknown }).network : item;
  if (typeof network !== "string")
    throw badRequest(`${label}: items must be strings or {network, description} objects`);
  if (!isCidr(network)) throw badRequest(`${label}: ${FORMATS.cidr.phrase}, got ${showValue(network)}`);
  if (!entry) return;
  for (const key of Object.keys(entry)) {
    if (key !== "network" && key !== "description")
      throw badRequest(`${label}: unknown key '${key}'; an entry takes network and description`);
  }
  const description = (entry as { description?: unknown }).description;
  if (description === undefined || description === null) return;
  if (typeof description !== "string" || description.length > IP_FILTER_DESCRIPTION_MAX_LENGTH)
    throw badRequest(
      `${label}.description: expected a string of at most ${IP_FILTER_DESCRIPTION_MAX_LENGTH} characters, got ${describe(description)}`,
    );
}
