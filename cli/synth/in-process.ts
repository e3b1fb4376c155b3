/**
 * `flinkform synth`'s report for a CDK program run inside this process (the demo synthesizes the
 * clickstream example in-process): the same list of construct problems, the same warnings.
 */
import { readSynthOutput } from "./output";
import { classifyError, countProblems, formatProblems, type ThrownError } from "./problems";

/** Construct problems found while synthesizing; the message is the list, without a stack trace. */
export class SynthProblemsError extends Error {
  readonly code = "FLINKFORM_SYNTH_PROBLEMS";
}

/**
 * Runs `synthesize` (which writes into `outdir`); its construct problems become one SynthProblemsError
 * and any other failure is rethrown as it is. Resolves to its result and the warnings text ("" if none).
 */
export async function synthInProcess<T>(
  synthesize: () => T | Promise<T>,
  outdir: string,
): Promise<{ value: T; warnings: string }> {
  let value: T;
  try {
    value = await synthesize();
  } catch (err) {
    const failure = classifyError((err ?? {}) as ThrownError);
    if (failure.kind === "crash") throw err;
    throw new SynthProblemsError(
      `${formatProblems(failure.problems)}${countProblems(failure.problems)}; nothing to apply`,
    );
  }
  const annotations = readSynthOutput(outdir)?.annotations ?? [];
  return { value, warnings: annotations.length ? formatProblems(annotations) : "" };
}
