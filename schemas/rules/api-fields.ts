/**
 * The service API's rules for free-form fields — names, e-mail addresses, tags — stated once. The
 * specs turn them into plan-time diagnostics (and CDK synth errors); the local control plane refuses
 * the same values with a 400. The public OpenAPI gives lengths only; where it is silent (characters,
 * tag counts) these are the rules this control plane enforces, kept no stricter than needed to stop
 * values that break logs, terminals and other tools.
 */
import type { PatternConstraint } from "../dsl/types";

// C0 and C1 controls (NUL, tab, line breaks, ESC...), line/paragraph separators, the bidirectional
// formatting characters that can make text display in another order than it is stored (the
// "Trojan Source" ones), and the byte-order mark.
const INVISIBLE =
  "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff";

/** Names people give (applications, endpoints): any text a terminal shows as it is stored. */
export const DISPLAY_NAME_PATTERN: PatternConstraint = {
  regex: `^[^${INVISIBLE}]*$`,
  message: "must not contain control characters (such as NUL or a line break) or bidirectional text controls",
};

/** E-mail addresses: an ASCII local part, `@`, and a domain with at least one dot (<= 254 characters). */
export const EMAIL_PATTERN: PatternConstraint = {
  regex:
    "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$",
  message: "must be an e-mail address such as `ops@example.com`",
};
export const EMAIL_MAX_LENGTH = 254;

export const TAG_KEY_PATTERN: PatternConstraint = {
  regex: "^[A-Za-z0-9_.:/=+@-]*$",
  message: "must contain only letters, digits and `_ . : / = + @ -`",
};
export const TAG_KEY_MAX_LENGTH = 64;
export const TAG_VALUE_PATTERN: PatternConstraint = {
  regex: DISPLAY_NAME_PATTERN.regex,
  message: DISPLAY_NAME_PATTERN.message,
};
export const TAG_VALUE_MAX_LENGTH = 256;
export const MAX_TAGS = 25;

export const APPLICATION_NAME_MAX_LENGTH = 128;
export const ENDPOINT_NAME_MAX_LENGTH = 40;
