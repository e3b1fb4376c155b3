/**
 * Every hand-written Terraform example passes `terraform init` + `terraform validate` with the real
 * provider (installed from this checkout into a temp filesystem mirror). The registry examples
 * under examples/resources and examples/data-sources are fragments that reference each other, so
 * they are validated together, as one configuration, the way the docs present them.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runTerraform } from "../../cli/demo/terraform";
import { installProvider } from "../../provider/install/install-provider";

const root = path.resolve(__dirname, "..", "..");
const examples = path.join(root, "examples");

let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "flinkform-examples-"));
  const installed = await installProvider({ baseDir: path.join(dir, "provider") });
  env = { ...process.env, TF_CLI_CONFIG_FILE: installed.cliConfigPath, CHECKPOINT_DISABLE: "1" };
  delete env.TF_LOG;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function initAndValidate(workdir: string): Promise<{ valid: boolean; diagnostics: string[] }> {
  const init = await runTerraform(["init", "-input=false", "-backend=false", "-no-color"], {
    cwd: workdir,
    env,
  });
  if (init.code !== 0)
    throw new Error(`terraform init failed in ${workdir}:\n${init.stdout}\n${init.stderr}`);
  const validate = await runTerraform(["validate", "-json", "-no-color"], { cwd: workdir, env });
  const report = JSON.parse(validate.stdout) as {
    valid: boolean;
    diagnostics: { severity: string; summary: string; detail?: string; range?: { filename: string } }[];
  };
  return {
    valid: report.valid,
    diagnostics: report.diagnostics.map((d) =>
      `${d.severity}: ${d.summary} (${d.range?.filename ?? "?"}) ${d.detail ?? ""}`.trim(),
    ),
  };
}

function fragments(kind: "resources" | "data-sources", file: string): string[] {
  return readdirSync(path.join(examples, kind))
    .sort()
    .map((type) => path.join(examples, kind, type, file));
}

describe("terraform validate on the examples", () => {
  test.each(["clickstream", "basic-service"])(
    "examples/hcl/%s",
    async (name) => {
      const workdir = path.join(dir, "hcl", name);
      cpSync(path.join(examples, "hcl", name), workdir, { recursive: true });
      expect(await initAndValidate(workdir)).toEqual({ valid: true, diagnostics: [] });
    },
    60_000,
  );

  test("examples/resources/*/resource.tf and examples/data-sources/*/data-source.tf, together", async () => {
    const workdir = path.join(dir, "registry");
    mkdirSync(workdir, { recursive: true });
    const files = [
      path.join(examples, "provider", "provider.tf"),
      ...fragments("resources", "resource.tf"),
      ...fragments("data-sources", "data-source.tf"),
    ];
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      // One file each, named after its source, so a diagnostic points at the example to fix.
      const name = path.relative(examples, file).replaceAll(path.sep, "__");
      writeFileSync(path.join(workdir, name), readFileSync(file));
    }
    expect(await initAndValidate(workdir)).toEqual({ valid: true, diagnostics: [] });
  }, 60_000);

  test("a broken example is reported with the file it is in", async () => {
    const workdir = path.join(dir, "broken");
    cpSync(path.join(examples, "hcl", "basic-service"), workdir, { recursive: true });
    const main = path.join(workdir, "main.tf");
    writeFileSync(main, readFileSync(main, "utf8").replace('plan         = "business-4"', ""));
    const result = await initAndValidate(workdir);
    expect(result.valid).toBe(false);
    expect(result.diagnostics.join("\n")).toMatch(/error: Missing required argument \(main\.tf\).*"plan"/);
  }, 60_000);
});
