/**
 * Checks that need the whole tree (SQL against its tables, deployments against task slots) run at
 * synth as ONE validation per stack: every problem then arrives together in one FlinkConstructError
 * whose `issues` keep the construct path, prop and fix, instead of as cdktn's joined strings.
 */
import { Annotations, TerraformStack } from "cdktn";
import type { IConstruct } from "constructs";
import { type ConstructIssue, FlinkConstructError } from "../construct-error";

/** A problem found at synth, on the construct it is about (warnings become annotations there). */
export interface SynthIssue extends Omit<ConstructIssue, "path"> {
  readonly on: IConstruct;
}

/** A construct with synth-time checks. */
export interface SynthChecked extends IConstruct {
  /** The problems found now; no side effects (this may run more than once). @internal */
  _synthIssues(): SynthIssue[];
}

const isChecked = (c: IConstruct): c is SynthChecked =>
  typeof (c as Partial<SynthChecked>)._synthIssues === "function";

const registered = new WeakSet<IConstruct>();
/** Warnings already annotated, so a second validation (Testing.synth after app.synth) adds none twice. */
const annotated = new WeakMap<IConstruct, Set<string>>();

function stackOf(c: IConstruct): IConstruct | undefined {
  try {
    return TerraformStack.of(c);
  } catch {
    return undefined; // not in a stack: it is never synthesized, but node.validate() still works
  }
}

function run(constructs: readonly SynthChecked[]): string[] {
  const errors: ConstructIssue[] = [];
  for (const c of constructs) {
    for (const { on, ...issue } of c._synthIssues()) {
      const found: ConstructIssue = { ...issue, path: on.node.path };
      if (issue.severity === "error") {
        errors.push(found);
        continue;
      }
      const seen = annotated.get(on) ?? new Set<string>();
      annotated.set(on, seen);
      // As `flinkform synth` lists it: the message, then the fix.
      const text = `${found.message}${found.fix ? `\nfix: ${found.fix}` : ""}`;
      if (!seen.has(text)) Annotations.of(on).addWarning(text);
      seen.add(text);
    }
  }
  // Thrown rather than returned: cdktn would flatten the issues into one string.
  if (errors.length) throw new FlinkConstructError(errors);
  return [];
}

/** Runs `construct._synthIssues()` at synth, with every other flinkform check of its stack. */
export function checkAtSynth(construct: SynthChecked): void {
  const stack = stackOf(construct);
  if (!stack) {
    construct.node.addValidation({ validate: () => run([construct]) });
    return;
  }
  if (registered.has(stack)) return;
  registered.add(stack);
  stack.node.addValidation({ validate: () => run(stack.node.findAll().filter(isChecked)) });
}
