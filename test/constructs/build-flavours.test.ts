import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");
// The build is framework-independent: run it once, in the main project only.
const flavour = (globalThis as { FLINKFORM_CDK_FLAVOUR?: string }).FLINKFORM_CDK_FLAVOUR ?? "cdktn";
const describeOnce = flavour === "cdktn" ? describe : describe.skip;

/** A plain-node app using a built flavour: a service, a table pair and a version with the given statement. */
const APP = `
const { App, TerraformStack } = require(process.env.FRAMEWORK);
const f = require(process.env.BUNDLE);
const app = new App({ outdir: process.env.OUTDIR, stackTraces: false });
const stack = new TerraformStack(app, "s");
new f.FlinkProvider(stack, "flink", {});
const service = new f.FlinkService(stack, "Service", { project: "local", serviceName: "svc", plan: "business-4", taskSlots: 2 });
const cols = [f.Column.physical("id", f.FlinkType.BIGINT)];
const src = new f.FlinkTable(stack, "src", { columns: cols, connector: f.Connector.datagen() });
const out = new f.FlinkTable(stack, "dst", { columns: cols, connector: f.Connector.blackhole() });
new f.FlinkApplication(stack, "App", { service })
  .addVersion({ statement: process.env.STATEMENT, sources: [src], sinks: [out] })
  .deploy({ parallelism: 2 });
app.synth();
`;

describeOnce("constructs/build-flavours.mjs", () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), "flinkform-flavours-"));
    execFileSync(process.execPath, [
      path.join(root, "constructs", "build-flavours.mjs"),
      "--out",
      out,
      "--no-types",
    ]);
    mkdirSync(path.join(out, "vendor"));
    copyFileSync(path.join(root, "dist", "vendor", "flinksql.cjs"), path.join(out, "vendor", "flinksql.cjs"));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  function run(framework: "cdktn" | "cdktf", bundle: string, statement: string): string {
    const outdir = path.join(out, `synth-${framework}`);
    return execFileSync(process.execPath, ["-e", APP], {
      env: {
        ...process.env,
        NODE_PATH: path.join(root, "node_modules"),
        FRAMEWORK: framework,
        BUNDLE: path.join(out, bundle),
        OUTDIR: outdir,
        STATEMENT: statement,
      },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).concat(readFileSync(path.join(outdir, "manifest.json"), "utf8"));
  }

  it.each([
    ["cdktn", "constructs.cjs", "0.24.0"],
    ["cdktf", "constructs-cdktf.cjs", "0.21.0"],
  ] as const)("the %s flavour synthesizes on plain node with its framework", (framework, bundle, version) => {
    const manifest = JSON.parse(run(framework, bundle, "INSERT INTO dst SELECT id FROM src"));
    expect(manifest.version).toBe(version);
  });

  it("the cdktf flavour validates SQL too (parser loaded next to the bundle)", () => {
    expect(() => run("cdktf", "constructs-cdktf.cjs", "INSERT INTO nowhere SELECT id FROM src")).toThrow(
      /nowhere/,
    );
  });
});

describeOnce("package exports", () => {
  it.each([
    ["flinkform", "dist/constructs.cjs", "dist/types/constructs/index.d.ts"],
    ["flinkform/cdktf", "dist/constructs-cdktf.cjs", "dist/types-cdktf/constructs/index.d.ts"],
  ])("%s resolves to the built flavour and its declarations", (specifier, bundle, types) => {
    // Self-reference by package name, as an app depending on flinkform resolves it.
    const resolved = execFileSync(process.execPath, ["-p", `require.resolve(${JSON.stringify(specifier)})`], {
      cwd: root,
      encoding: "utf8",
    }).trim();
    expect(resolved).toBe(path.join(root, bundle));
    const exports = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).exports;
    const key = specifier === "flinkform" ? "." : "./cdktf";
    expect(exports[key].types).toBe(`./${types}`);
    expect(readFileSync(path.join(root, types), "utf8")).toContain("FlinkService");
  });
});
