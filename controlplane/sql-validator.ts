/**
 * The one place the control plane gets SQL diagnostics from: the project's validator (`schemas/sql`),
 * the same one the provider's plan and the constructs' synth use.
 */
export { type SqlDiagnostic, validateApplicationVersion } from "../schemas/sql";

/**
 * SQL over one of the validator's limits (nesting, tokens, statements, parser work): refused with a 400
 * by both create and validate, before Flink's planner sees it.
 */
export const LIMIT_CODES: ReadonlySet<string> = new Set([
  "sql-too-deep",
  "sql-too-many-tokens",
  "sql-too-many-statements",
  "sql-too-complex",
]);

/**
 * Diagnostic codes that mean "the text is not a parseable version"; the hosted API refuses such
 * versions on create. Everything else (references, connector options) surfaces when the job is
 * deployed: the deployment goes FAILED with the message.
 */
export const SYNTAX_CODES: ReadonlySet<string> = new Set([
  ...LIMIT_CODES,
  "sql-syntax",
  "sql-too-long",
  "too-many-tables",
  "create-table-missing",
  "create-table-multiple",
  "create-table-not-a-table",
]);
