/**
 * The README's CDK section cannot go stale: its program is taken from README.md as a new user would
 * copy it into main.ts, synthesized with `flinkform synth` (the output must be the one the README
 * shows), planned by the real terraform against the local control plane, and broken the way the
 * README breaks it (the error list must be the one it shows).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { buildPackage, flinkform, runCommand, userProject } from "../cli/user-project";

const readme = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

/** The fenced blocks of the `## CDK` section, in order. */
function cdkSectionBlocks(): { lang: string; text: string }[] {
  const section = /\n## CDK\n([\s\S]*?)(?=\n## )/.exec(readme)?.[1];
  if (!section) throw new Error("README.md has no ## CDK section");
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));
}

/** A shown terminal session: the output after its `$ npx flinkform synth` line. */
function shownOutput(blocks: { lang: string; text: string }[], marker: string): string {
  const block = blocks.find((b) => b.text.startsWith("$ npx flinkform synth\n") && b.text.includes(marker));
  if (!block) throw new Error(`README's CDK section shows no synth session with ${marker}`);
  return block.text.slice("$ npx flinkform synth\n".length);
}

let acc: AcceptanceEnv;
let pkg: ReturnType<typeof buildPackage>;
beforeAll(async () => {
  pkg = buildPackage();
  acc = await startAcceptanceEnv();
}, 90_000);
afterAll(async () => {
  await acc?.close();
  pkg?.dispose();
});

test("the README's CDK program synthesizes as shown and plans against the local control plane", async () => {
  const blocks = cdkSectionBlocks();
  const program = blocks.find((b) => b.lang === "ts")?.text;
  expect(program).toContain("app.synth();");
  const dir = userProject(pkg.dir, { "main.ts": program! });

  const synth = await flinkform(["synth"], dir);
  expect({ code: synth.code, stderr: synth.stderr }).toEqual({ code: 0, stderr: "" });
  expect(synth.stdout).toBe(shownOutput(blocks, "synthesized"));

  const stackDir = path.join(dir, /^ {2}\w+: (\S+)/m.exec(synth.stdout)![1]!);
  const terraform = (args: string[]) =>
    runCommand("terraform", [...args, "-no-color", "-input=false"], { cwd: stackDir, env: acc.env });
  expect((await terraform(["init"])).code).toBe(0);
  const plan = await terraform(["plan"]);
  expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 0, stderr: "" });
  expect(plan.stdout).toContain("Plan: 4 to add, 0 to change, 0 to destroy.");
  for (const type of [
    "flink_service",
    "flink_application",
    "flink_application_version",
    "flink_application_deployment",
  ])
    expect(plan.stdout).toMatch(new RegExp(`# ${type}\\.\\S+ will be created`));
}, 120_000);

test("the README's broken program fails the synth with the list it shows", async () => {
  const blocks = cdkSectionBlocks();
  const program = blocks.find((b) => b.lang === "ts")!.text;
  const shown = shownOutput(blocks, "error:");
  const parallelism = /parallelism is (\d+),/.exec(shown)![1]!;
  const dir = userProject(pkg.dir, {
    "main.ts": program.replace(
      /\.deploy\(\{ parallelism: \d+ \}\)/,
      `.deploy({ parallelism: ${parallelism} })`,
    ),
  });
  const synth = await flinkform(["synth"], dir);
  expect(synth).toEqual({ code: 1, stdout: "", stderr: shown });
}, 60_000);
