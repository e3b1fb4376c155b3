/**
 * `flinkform synth` as a new user meets it: their own main.ts (plain cdktn or cdktf, ending in
 * `app.synth()`), flinkform installed from this checkout, the command run in their folder. What they
 * see is asserted: exit code, the printed list of problems (construct path, prop, fix), no stack
 * trace, and where each stack's state will live.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildPackage, flinkform, STACK_FRAME, userProject } from "./user-project";

let pkg: ReturnType<typeof buildPackage>;
beforeAll(() => {
  pkg = buildPackage();
});
afterAll(() => pkg?.dispose());

/** A small pipeline; `framework` is "cdktn" (import from "flinkform") or "cdktf" ("flinkform/cdktf"). */
function program(
  opts: { taskSlots?: string; parallelism?: string; statement?: string; plan?: string; extra?: string } = {},
  framework: "cdktn" | "cdktf" = "cdktn",
): string {
  return `import { App, TerraformStack } from "${framework}";
import { Column, Connector, FlinkApplication, FlinkProvider, FlinkService, FlinkTable, FlinkType } from "${framework === "cdktn" ? "flinkform" : "flinkform/cdktf"}";

const app = new App();
const stack = new TerraformStack(app, "shop");
new FlinkProvider(stack, "flink", {});
const service = new FlinkService(stack, "Service", {
  project: "local",
  serviceName: "shop",
  plan: ${JSON.stringify(opts.plan ?? "business-4")},
  taskSlots: ${opts.taskSlots ?? "8"},
});
const columns = [Column.physical("id", FlinkType.BIGINT)];
const orders = new FlinkTable(stack, "orders", { columns, connector: Connector.datagen() });
const shipped = new FlinkTable(stack, "shipped", { columns, connector: Connector.blackhole() });
new FlinkApplication(stack, "Orders", { service })
  .addVersion({ statement: ${JSON.stringify(opts.statement ?? "INSERT INTO shipped SELECT id FROM orders")}, sources: [orders], sinks: [shipped] })
  .deploy({ parallelism: ${opts.parallelism ?? "4"} });
${opts.extra ?? ""}
app.synth();
`;
}

test("a valid program: exit 0, each stack's folder and its state file inside that folder", async () => {
  const dir = userProject(pkg.dir, { "main.ts": program() });
  const result = await flinkform(["synth"], dir);
  expect(result).toEqual({
    code: 0,
    stderr: "",
    stdout:
      "synthesized 1 stack into cdktf.out\n" +
      "  shop: cdktf.out/stacks/shop  (state: cdktf.out/stacks/shop/terraform.tfstate)\n" +
      "next: terraform -chdir=cdktf.out/stacks/shop init, then plan and apply there\n",
  });
  const tf = JSON.parse(readFileSync(path.join(dir, "cdktf.out", "stacks", "shop", "cdk.tf.json"), "utf8"));
  expect(tf.terraform.backend).toEqual({ local: { path: "terraform.tfstate" } });
}, 60_000);

test("a bad prop: the list names construct path and prop, exit 1, no stack trace", async () => {
  const dir = userProject(pkg.dir, { "main.ts": program({ taskSlots: "0" }) });
  const result = await flinkform(["synth"], dir);
  expect(result).toEqual({
    code: 1,
    stdout: "",
    stderr:
      "error: shop/Service\n" +
      "  taskSlots must be between 1 and 1024, got 0\n" +
      "\n" +
      "flinkform synth: 1 error; nothing to apply\n",
  });
  expect(existsSync(path.join(dir, "cdktf.out", "manifest.json"))).toBe(false);
}, 60_000);

test("synth-time problems of several constructs come in one list, each with its fix", async () => {
  const dir = userProject(pkg.dir, {
    "main.ts": program({ parallelism: "64", statement: "INSERT INTO shiped SELECT id FROM orders" }),
  });
  const result = await flinkform(["synth"], dir);
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).toBe(
    "error: shop/Orders/Version1/Deployment\n" +
      "  parallelism is 64, but service shop/Service has only 8 task slots (1 node × taskSlots 8); the job could never start\n" +
      "  fix: lower parallelism to at most 8, or raise taskSlots of shop/Service\n" +
      "\n" +
      "error: shop/Orders/Version1\n" +
      "  statement:1:13: INSERT INTO 'shiped' does not write to a declared sink: declared sinks: shipped; did you mean 'shipped'?\n" +
      "\n" +
      "flinkform synth: 2 errors; nothing to apply\n",
  );
}, 60_000);

test("warnings are listed the same way, and the synth goes on", async () => {
  const returns = `new FlinkApplication(stack, "Returns", { service })
  .addVersion({ statement: "INSERT INTO shipped SELECT id FROM orders", sources: [orders], sinks: [shipped] })
  .deploy({ parallelism: 5 });`;
  const dir = userProject(pkg.dir, { "main.ts": program({ parallelism: "5", extra: returns }) });
  const result = await flinkform(["synth"], dir);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe(
    "warning: shop/Service\n" +
      "  taskSlots: the deployments need 10 task slots together (shop/Orders/Version1/Deployment: 5, shop/Returns/Version1/Deployment: 5), but the service has only 8 task slots (1 node × taskSlots 8); jobs beyond capacity wait for free slots\n" +
      "  fix: raise taskSlots to at least 10, or run fewer deployments at once\n",
  );
  expect(result.stdout).toMatch(/^synthesized 1 stack into cdktf\.out\n/);
}, 60_000);

test("error annotations of other constructs are listed too, and fail the synth", async () => {
  const extra = `import { Annotations } from "cdktn";
Annotations.of(stack).addError("a policy check of this team failed");`;
  const dir = userProject(pkg.dir, { "main.ts": program({ extra }) });
  const result = await flinkform(["synth"], dir);
  expect(result).toEqual({
    code: 1,
    stdout: "",
    stderr:
      "error: shop\n  a policy check of this team failed\n\nflinkform synth: 1 error; nothing to apply\n",
  });
}, 60_000);

test("the cdktf flavour reports the same way", async () => {
  const dir = userProject(pkg.dir, { "main.ts": program({ parallelism: "9" }, "cdktf") });
  const result = await flinkform(["synth"], dir);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    /^error: shop\/Orders\/Version1\/Deployment\n {2}parallelism is 9, but service/,
  );
  expect(result.stderr).not.toMatch(STACK_FRAME);
}, 60_000);

test("a program that throws for another reason keeps its stack trace, which points into main.ts", async () => {
  const dir = userProject(pkg.dir, {
    "main.ts": program({ extra: "(undefined as unknown as { synth(): void }).synth();" }),
  });
  const result = await flinkform(["synth"], dir);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    "flinkform synth: npx tsx main.ts failed (not a construct check: the program itself threw)\nTypeError:",
  );
  expect(result.stderr).toMatch(/at .*main\.ts:\d+/);
}, 60_000);

test("--app and --output choose the command and the folder; cdktf.json is read when present", async () => {
  const dir = userProject(pkg.dir, {
    "src/pipeline.ts": program(),
    "cdktf.json": JSON.stringify({ language: "typescript", app: "npx tsx src/pipeline.ts", output: "build" }),
  });
  const fromConfig = await flinkform(["synth"], dir);
  expect(fromConfig.code).toBe(0);
  expect(fromConfig.stdout).toContain(
    "  shop: build/stacks/shop  (state: build/stacks/shop/terraform.tfstate)",
  );
  const fromFlags = await flinkform(["synth", "--app", "npx tsx src/pipeline.ts", "--output", "out"], dir);
  expect(fromFlags.stdout).toContain("  shop: out/stacks/shop  (state: out/stacks/shop/terraform.tfstate)");
}, 60_000);

test("with nothing to run it says what it looked for, exit 2", async () => {
  const dir = userProject(pkg.dir, {});
  const result = await flinkform(["synth"], dir);
  expect(result).toEqual({
    code: 2,
    stdout: "",
    stderr:
      'flinkform synth: no program to run: pass --app "npx tsx main.ts", or run it where cdktf.json or main.ts is\n',
  });
});

test("a program that never calls app.synth() is told so", async () => {
  const dir = userProject(pkg.dir, { "main.ts": program().replace("app.synth();", "") });
  const result = await flinkform(["synth"], dir);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    "flinkform synth: npx tsx main.ts wrote no cdktf.out/manifest.json: it must call app.synth()",
  );
}, 60_000);
