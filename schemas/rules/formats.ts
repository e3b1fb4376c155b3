/**
 * Named checks for values whose shape a regular expression states badly (address ranges). A spec
 * names one (`format: "cidr"`); the validators run it and the docs print its phrase.
 */
import {
  durationPhrase,
  isDurationWithin,
  REQUEST_TIMEOUT_RANGE,
  SAVEPOINT_INTERVAL_RANGE,
  TIMEOUT_RANGE,
} from "../dsl/duration";
import { isCidr } from "./cidr";

export interface Format {
  /** Completes "<attribute> ...", as the other constraint phrases do. */
  readonly phrase: string;
  readonly test: (value: string) => boolean;
}

export const FORMATS = {
  cidr: { phrase: "must be a CIDR range such as `10.0.0.0/8` or `2001:db8::/32`", test: isCidr },
  /** A resource's `timeouts`: 1 s … 24 h. */
  timeout: { phrase: durationPhrase(TIMEOUT_RANGE), test: (v) => isDurationWithin(v, TIMEOUT_RANGE) },
  /** The provider's `request_timeout`: 1 s … 1 h. */
  request_timeout: {
    phrase: durationPhrase(REQUEST_TIMEOUT_RANGE),
    test: (v) => isDurationWithin(v, REQUEST_TIMEOUT_RANGE),
  },
  /** A deployment's `savepoint_interval`: 1 min … 168 h. */
  savepoint_interval: {
    phrase: durationPhrase(SAVEPOINT_INTERVAL_RANGE),
    test: (v) => isDurationWithin(v, SAVEPOINT_INTERVAL_RANGE),
  },
} as const satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;
