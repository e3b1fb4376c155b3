/**
 * What `flinkform synth` tells the user: construct errors and warnings as a list (construct path,
 * the prop and message, the fix), never a stack trace. A failure that is not a construct check (a bug
 * in the program) keeps its stack: that is where the user needs to look.
 */
import type { ConstructIssue } from "../../constructs/construct-error";

/** A construct problem; `path` is absent only when cdktn did not say where. */
export interface SynthProblem extends Omit<ConstructIssue, "path" | "severity"> {
  readonly severity: "error" | "warning" | "info";
  readonly path?: string;
}

/** An error as the program threw it, possibly after a trip through JSON (see report-hook.ts). */
export interface ThrownError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly stack?: unknown;
  readonly code?: unknown;
  readonly issues?: unknown;
}

export type Failure =
  | { readonly kind: "problems"; readonly problems: SynthProblem[] }
  | { readonly kind: "crash"; readonly text: string };

const CONSTRUCT_ERROR_CODE = "FLINKFORM_INVALID_PROPS";
/** cdktn's own joined lists: validations of other constructs, and error annotations. */
const CDKTN_LIST =
  /^(Validation failed with the following errors:|Encountered Annotations with level "ERROR":)\n/;

function isIssue(x: unknown): x is ConstructIssue {
  const i = x as Partial<ConstructIssue> | null;
  return typeof i?.path === "string" && typeof i.message === "string";
}

/** `[path] message` lines of a cdktn list; a line without a path continues the previous message. */
function cdktnList(message: string): SynthProblem[] {
  const problems: { path?: string; message: string }[] = [];
  for (const line of message.replace(CDKTN_LIST, "").split("\n")) {
    if (!line.trim()) {
      if (problems.length) break; // the advice after the list ("pass skipValidation...") is not a problem
      continue;
    }
    const m = /^\s*\[([^\]]*)\] (.*)$/.exec(line);
    if (m) problems.push({ path: m[1], message: m[2]! });
    else if (problems.length) problems[problems.length - 1]!.message += `\n${line.trim()}`;
    else problems.push({ message: line.trim() });
  }
  return problems.map((p) => ({ severity: "error", ...p }));
}

/** Sorts a thrown error into construct problems or a crash of the program. */
export function classifyError(err: ThrownError): Failure {
  const message = typeof err.message === "string" ? err.message : String(err.message ?? err);
  if (err.code === CONSTRUCT_ERROR_CODE && Array.isArray(err.issues) && err.issues.every(isIssue)) {
    return { kind: "problems", problems: err.issues.map((i: ConstructIssue) => ({ ...i })) };
  }
  if (CDKTN_LIST.test(message)) return { kind: "problems", problems: cdktnList(message) };
  const stack = typeof err.stack === "string" ? err.stack : `${String(err.name ?? "Error")}: ${message}`;
  return { kind: "crash", text: stack };
}

/** One block per problem: `error: <path>`, then the message, then `fix: ...`. */
export function formatProblems(problems: readonly SynthProblem[]): string {
  return problems
    .map((p) => {
      const lines = [`${p.severity}: ${p.path || "(no construct path)"}`];
      for (const line of p.message.split("\n")) lines.push(`  ${line}`);
      if (p.fix) lines.push(`  fix: ${p.fix}`);
      return lines.join("\n");
    })
    .join("\n\n")
    .concat(problems.length ? "\n" : "");
}

/** `2 errors, 1 warning`. */
export function countProblems(problems: readonly SynthProblem[]): string {
  const count = (severity: SynthProblem["severity"], word: string) => {
    const n = problems.filter((p) => p.severity === severity).length;
    return n ? `${n} ${word}${n === 1 ? "" : "s"}` : "";
  };
  return [count("error", "error"), count("warning", "warning")].filter(Boolean).join(", ");
}
