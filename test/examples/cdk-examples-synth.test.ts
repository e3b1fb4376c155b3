/**
 * The CDK examples are synthesized the way their README says: `npx flinkform synth` in the example's
 * folder, which runs the `app` of its cdktf.json. They pass without a warning, and each stack's state
 * would live in its own folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { flinkform } from "../cli/user-project";

const root = path.resolve(__dirname, "..", "..");

let out: string;
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), "flinkform-examples-"));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

test.each(["clickstream", "basic-service"])(
  "examples/cdktf/%s: flinkform synth in its folder succeeds without warnings",
  async (name) => {
    const outdir = path.join(out, name);
    const result = await flinkform(["synth", "--output", outdir], path.join(root, "examples", "cdktf", name));
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: "" });
    const stackDir = path.join(outdir, "stacks", name);
    const rel = (p: string) => path.relative(path.join(root, "examples", "cdktf", name), p);
    expect(result.stdout).toContain(
      `  ${name}: ${rel(stackDir)}  (state: ${rel(path.join(stackDir, "terraform.tfstate"))})`,
    );
  },
  60_000,
);
