/** Small readers over the raw JSON of an official provider state, and the mapping result types. */
import type { Values } from "./values";

export interface MoveIssue {
  severity: "error" | "warning";
  summary: string;
  detail: string;
}

/** What each per-type mapping returns: our attributes it knows, and issues. */
export interface Mapped {
  values: Values;
  issues: MoveIssue[];
}

export const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const record = (v: unknown): Values =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Values) : {};
/** A list-of-one block's object, or null. */
export const first = (v: unknown): Values | null => {
  const item = list(v)[0];
  return item && typeof item === "object" ? (item as Values) : null;
};
