/**
 * What the constructs report: each problem as data (construct path, prop, message, fix), so the synth
 * entry point (`flinkform synth`) can list them, and as one readable message for a plain `app.synth()`.
 */

/** One problem in what a user wrote, found at construction or at synth. */
export interface ConstructIssue {
  readonly severity: "error" | "warning";
  /** Construct path, such as `clickstream/App/Version1/Deployment`. */
  readonly path: string;
  /** The prop to blame as the user wrote it (`parallelism`, `sources[0]`, `statement:2:7`), when there is one. */
  readonly prop?: string;
  /** What is wrong, starting with the prop when there is one: `taskSlots must be between 1 and 1024, got 0`. */
  readonly message: string;
  /** What to change, when one change fixes it. */
  readonly fix?: string;
}

/** `<path>: <message>`, and the fix on the next line. */
export function issueText(issue: ConstructIssue): string {
  return `${issue.path}: ${issue.message}${issue.fix ? `\n  fix: ${issue.fix}` : ""}`;
}

/**
 * Raised for invalid props, at construction or at synth (all of a stack's synth-time problems at once).
 * `code` is stable and `issues` carries each problem; the message lists them for people.
 */
export class FlinkConstructError extends Error {
  readonly code = "FLINKFORM_INVALID_PROPS";
  readonly issues: readonly ConstructIssue[];

  constructor(issues: readonly ConstructIssue[]) {
    super(issues.map(issueText).join("\n"));
    this.name = "FlinkConstructError";
    this.issues = issues;
  }
}
