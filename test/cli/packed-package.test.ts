/**
 * flinkform used from outside its checkout, as the README tells a user to: `npm pack`'s tarball
 * installed with npm into a fresh project beside cdktn, cdktf, constructs and tsx, both construct
 * flavours synthesized from it, and the provider it installs driven by the real terraform against
 * the local control plane. Catches a package that works in the checkout only: a file `files` leaves
 * out, an import of a devDependency, a bundle that reaches back into the repository.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { type CommandResult, runCommand, STACK_FRAME } from "./user-project";

const root = path.resolve(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let acc: AcceptanceEnv;
let work: string;
let project: string;
let tarball: string;

/** The same pipeline in both flavours: only the imports differ. */
const program = (cdk: string, flinkform: string) => `import { App, TerraformStack } from "${cdk}";
import { Column, Connector, FlinkApplication, FlinkProvider, FlinkService, FlinkTable, FlinkType } from "${flinkform}";

const app = new App();
const stack = new TerraformStack(app, "shop");
new FlinkProvider(stack, "flink", {});
const service = new FlinkService(stack, "Service", { project: "local", serviceName: "packed", plan: "business-4", taskSlots: 2 });
const columns = [Column.physical("id", FlinkType.BIGINT)];
const orders = new FlinkTable(stack, "orders", { columns, connector: Connector.datagen() });
const shipped = new FlinkTable(stack, "shipped", { columns, connector: Connector.blackhole() });
new FlinkApplication(stack, "Orders", { service, applicationName: "orders" })
  .addVersion({ statement: "INSERT INTO shipped SELECT id FROM orders", sources: [orders], sinks: [shipped] })
  .deploy({ parallelism: 1 });
app.synth();
`;

async function run(command: string, args: string[], cwd: string, env = acc.env): Promise<CommandResult> {
  const r = await runCommand(command, args, { cwd, env });
  if (r.code !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The installed package's own `flinkform` command, as `npx flinkform` runs it in the user's project. */
const installedFlinkform = (args: string[], cwd: string) =>
  run(process.execPath, [path.join(project, "node_modules", ".bin", "flinkform"), ...args], cwd);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "flinkform-packed-"));
  project = path.join(work, "my-pipeline");
  // dist/ is what `npm ci` built; --ignore-scripts so packing does not rebuild it or resolve Flink.
  execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", work, "--loglevel=error"], {
    cwd: root,
    stdio: "pipe",
  });
  tarball = path.join(work, `flinkform-${pkg.version}.tgz`);
  execFileSync("mkdir", [project]);
  writeFileSync(path.join(project, "package.json"), '{ "name": "my-pipeline", "private": true }\n');
  // Offline where npm's cache has it (npm ci filled it); install scripts skipped: the native SQLite
  // binding is for the control plane, which this project does not run.
  const peers = ["cdktn", "constructs"].map((n) => `${n}@${pkg.dependencies[n]}`);
  const tools = ["cdktf", "tsx"].map((n) => `${n}@${pkg.devDependencies[n]}`);
  execFileSync(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--ignore-scripts",
      "--no-audit",
      "--no-fund",
      "--save-exact",
      "--loglevel=error",
      tarball,
      ...peers,
      ...tools,
    ],
    { cwd: project, stdio: "pipe" },
  );
  acc = await startAcceptanceEnv();
}, 240_000);

afterAll(async () => {
  await acc?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the tarball holds what a user's project runs, and nothing of the repository's own", () => {
  const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
  for (const file of [
    "package/bin/flinkform.js",
    "package/bin/terraform-provider-flink.js",
    "package/dist/constructs.cjs",
    "package/dist/constructs-cdktf.cjs",
    "package/dist/types/constructs/index.d.ts",
    "package/dist/terraform-provider-flink.cjs",
    "package/dist/vendor/flinksql.cjs",
    "package/scripts/flink-install.mjs",
    "package/flink/pom.xml",
    "package/README.md",
  ])
    expect(listing).toContain(file);
  expect(listing.filter((f) => /^package\/(test|node_modules|\.ci|schemas|controlplane)\//.test(f))).toEqual(
    [],
  );
});

test.each([
  ["cdktn", "cdktn", "flinkform"],
  ["cdktf", "cdktf", "flinkform/cdktf"],
])(
  "the %s flavour synthesizes from the installed package",
  async (flavour, cdk, flinkform) => {
    const dir = path.join(project, flavour);
    execFileSync("mkdir", ["-p", dir]);
    writeFileSync(path.join(dir, "main.ts"), program(cdk, flinkform));
    const synth = await installedFlinkform(["synth"], dir);
    expect(synth.stdout).toContain("synthesized 1 stack into cdktf.out");
    expect(synth.stderr).not.toMatch(STACK_FRAME);
    const stack = JSON.parse(
      readFileSync(path.join(dir, "cdktf.out", "stacks", "shop", "cdk.tf.json"), "utf8"),
    );
    expect(Object.keys(stack.resource).sort()).toEqual([
      "flink_application",
      "flink_application_deployment",
      "flink_application_version",
      "flink_service",
    ]);
  },
  120_000,
);

test("the provider installed from the package plans the synthesized stack with the real terraform", async () => {
  const dir = path.join(project, "provider");
  execFileSync("mkdir", ["-p", dir]);
  writeFileSync(path.join(dir, "main.ts"), program("cdktn", "flinkform"));
  await installedFlinkform(["synth"], dir);
  const install = await installedFlinkform(["provider", "install"], dir);
  const cliConfig = /export TF_CLI_CONFIG_FILE=(.+)/.exec(install.stdout)?.[1];
  expect(cliConfig).toBe(path.join(dir, ".flinkform", "terraformrc"));
  // Terraform finds the provider in this project's mirror, not the one the test harness built.
  const env = { ...acc.env, TF_CLI_CONFIG_FILE: cliConfig };
  const stackDir = path.join(dir, "cdktf.out", "stacks", "shop");
  const init = await run("terraform", ["init", "-input=false", "-no-color"], stackDir, env);
  expect(init.stdout).toContain("Installing flinkform/flink v");
  const plan = await run("terraform", ["plan", "-input=false", "-no-color"], stackDir, env);
  expect(plan.stdout).toContain("Plan: 4 to add, 0 to change, 0 to destroy.");
}, 180_000);

test("the README's install line pins the versions this package is built and tested with", () => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const line = /^npm install --save-exact \S+flinkform-[\d.]+\.tgz (.+)$/m.exec(readme)?.[1];
  expect(line).toBeDefined();
  const pinned = Object.fromEntries(line!.split(/\s+/).map((spec) => spec.split("@") as [string, string]));
  const ours = { ...pkg.devDependencies, ...pkg.dependencies };
  expect(Object.keys(pinned).sort()).toEqual(["cdktn", "constructs", "tsx"]);
  for (const [name, version] of Object.entries(pinned))
    expect(`${name}@${version}`).toBe(`${name}@${ours[name]}`);
  expect(readme).toContain(`flinkform-${pkg.version}.tgz`);
});
