/**
 * Whole-version validation results kept beyond one process. The parser's first parse in a process
 * costs ~200 ms of CPU (ANTLR builds its prediction DFA), and terraform starts the provider twice per
 * plan that validate: a plan whose SQL did not change, the usual GitOps case, pays it twice to learn
 * what the last plan already knew. With a memo installed (the provider installs its disk cache,
 * provider/sql-validation-cache.ts), a version validated before is answered without loading the
 * parser. Validation is a pure function of the version's text and options, so a remembered answer is
 * the answer; the memo's keys also name the code that gave it.
 */
import type { SqlDiagnostic } from "./types";

export interface ValidationMemo {
  /** The diagnostics remembered for this input, or undefined. */
  get(input: string): readonly SqlDiagnostic[] | undefined;
  remember(input: string, diagnostics: readonly SqlDiagnostic[]): void;
}

let installed: ValidationMemo | undefined;

/** Installs (or, with undefined, removes) the memo every validation of this process consults. */
export function useValidationMemo(memo: ValidationMemo | undefined): void {
  installed = memo;
}

/**
 * The validation's result through the memo. `input` must hold everything the result depends on.
 * An answer cut short by the parse budget is not remembered: a warmer parser may finish it.
 */
export function throughMemo(input: string, validate: () => SqlDiagnostic[]): SqlDiagnostic[] {
  const memo = installed;
  if (!memo) return validate();
  const known = memo.get(input);
  if (known) return known.map((d) => ({ ...d }));
  const diagnostics = validate();
  if (!diagnostics.some((d) => d.code === "sql-too-complex")) memo.remember(input, diagnostics);
  return diagnostics;
}
