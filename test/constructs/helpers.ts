import "cdktn/lib/testing/adapters/jest";
import { TerraformStack, Testing } from "cdktn";
import type { IConstruct } from "constructs";
import { FlinkProvider } from "../../constructs";

Testing.setupJest();

/** A stack in a throw-away app, with the flink provider so the built-in provider check passes. */
export function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new FlinkProvider(stack, "flink", {});
  return stack;
}

/** Synth with every validation run; throws the collected validation errors. */
export function synthValidated(stack: TerraformStack): string {
  return Testing.synth(stack, true);
}

/** Warning annotations in the tree under `scope` (after synth, validations' warnings included). */
export function warnings(scope: IConstruct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => /warn/i.test(m.type))
    .map((m) => String(m.data));
}

/** The framework actually loaded: cdktn, or cdktf 0.21 through the cdktf project's moduleNameMapper. */
export function frameworkVersion(): string {
  return (require("cdktn/package.json") as { name: string; version: string }).version;
}
