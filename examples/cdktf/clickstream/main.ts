/**
 * Synthesizes the clickstream stack:
 *   cd examples/cdktf/clickstream && npx flinkform synth   (writes ./cdktf.out; lists any problem)
 *   terraform -chdir=cdktf.out/stacks/clickstream init && ... plan
 * or in-process: `synth(outdir)` returns the stack directory terraform runs in.
 */
import path from "node:path";
import { App } from "cdktn";
import { ClickstreamStack, type ClickstreamStackProps } from "./stack";

export const STACK_NAME = "clickstream";

/** Synthesizes into `outdir` (validations included; errors throw) and returns the stack directory. */
export function synthClickstream(outdir: string, props: ClickstreamStackProps = {}): string {
  const app = new App({ outdir, stackTraces: false });
  new ClickstreamStack(app, STACK_NAME, props);
  app.synth();
  return path.join(outdir, "stacks", STACK_NAME);
}

/** The name cli/demo/clickstream-source.ts looks for. */
export const synth = synthClickstream;

if (require.main === module) {
  const dir = synthClickstream(process.env.CDKTF_OUTDIR ?? path.resolve("cdktf.out"));
  process.stdout.write(`synthesized ${path.relative(process.cwd(), dir) || "."}\n`);
}
