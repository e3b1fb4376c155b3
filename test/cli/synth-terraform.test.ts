/**
 * A user's CDK program through `flinkform synth` and the real terraform, against the local control
 * plane: two output folders synthesized from one folder never share state, and a deployment the
 * service cannot hold is named in the plan's error without blocking `terraform destroy`.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { buildPackage, flinkform, runCommand, userProject } from "./user-project";

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

/** Service, application, version and deployment; PARALLELISM and SKIP_VALIDATION come from the environment. */
const MAIN = `import { App, TerraformStack } from "cdktn";
import { Column, Connector, FlinkApplication, FlinkProvider, FlinkService, FlinkTable, FlinkType } from "flinkform";

const app = new App({ skipValidation: process.env.SKIP_VALIDATION === "1" });
const stack = new TerraformStack(app, "shop");
new FlinkProvider(stack, "flink", {});
const service = new FlinkService(stack, "Service", {
  project: "local",
  serviceName: process.env.SERVICE_NAME ?? "shop",
  plan: "business-4",
  taskSlots: 2,
});
const columns = [Column.physical("id", FlinkType.BIGINT)];
const orders = new FlinkTable(stack, "orders", { columns, connector: Connector.datagen() });
const shipped = new FlinkTable(stack, "shipped", { columns, connector: Connector.blackhole() });
new FlinkApplication(stack, "Orders", { service, applicationName: "orders" })
  .addVersion({ statement: "INSERT INTO shipped SELECT id FROM orders", sources: [orders], sinks: [shipped] })
  .deploy({ parallelism: Number(process.env.PARALLELISM ?? "1") });
app.synth();
`;

const terraform = (dir: string, args: string[]) =>
  runCommand("terraform", [...args, "-no-color", ...(args[0] === "state" ? [] : ["-input=false"])], {
    cwd: dir,
    env: acc.env,
  });

async function tf(dir: string, args: string[]): Promise<string> {
  const r = await terraform(dir, args);
  if (r.code !== 0) throw new Error(`terraform ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

test("two output folders synthesized from one folder never share state", async () => {
  const dir = userProject(pkg.dir, { "main.ts": MAIN });
  const env = { ...process.env, SERVICE_NAME: "shop-a" };
  for (const out of ["out-a", "out-b"]) {
    const synth = await flinkform(["synth", "--output", out], dir, env);
    expect(synth.stdout).toContain(
      `  shop: ${out}/stacks/shop  (state: ${out}/stacks/shop/terraform.tfstate)`,
    );
  }
  const a = path.join(dir, "out-a", "stacks", "shop");
  const b = path.join(dir, "out-b", "stacks", "shop");
  await tf(a, ["init"]);
  await tf(a, ["apply", "-auto-approve"]);
  expect(existsSync(path.join(a, "terraform.tfstate"))).toBe(true);
  // Nothing in the folder synthesized from (cdktn's own default would have put terraform.shop.tfstate there).
  expect(readdirSync(dir).filter((f) => f.endsWith(".tfstate"))).toEqual([]);
  // The other folder starts from nothing: its plan creates everything anew.
  await tf(b, ["init"]);
  expect((await terraform(b, ["state", "list"])).stderr).toContain("No state file was found!");
  expect(await tf(b, ["plan"])).toContain("Plan: 4 to add, 0 to change, 0 to destroy.");
  expect(await tf(a, ["plan"])).toContain("No changes.");
  await tf(a, ["destroy", "-auto-approve"]);
}, 180_000);

test("a deployment the service cannot hold is named in the plan's error, and destroy still works", async () => {
  const dir = userProject(pkg.dir, { "main.ts": MAIN });
  const stackDir = path.join(dir, "cdktf.out", "stacks", "shop");
  expect((await flinkform(["synth"], dir, { ...process.env, PARALLELISM: "2" })).code).toBe(0);
  await tf(stackDir, ["init"]);
  await tf(stackDir, ["apply", "-auto-approve"]);

  // Synth checks skipped, so the plan is the first to see it.
  const env = { ...process.env, PARALLELISM: "64", SKIP_VALIDATION: "1" };
  expect((await flinkform(["synth"], dir, env)).code).toBe(0);
  const plan = await terraform(stackDir, ["plan"]);
  expect(plan.code).toBe(1);
  const text = plan.stderr.replace(/\s+/g, " ");
  expect(text).toContain("Error: Not Enough Task Slots");
  expect(text).toMatch(/with flink_application_deployment\.Orders_Version1_Deployment_[A-Z0-9]+,/);
  expect(text).toContain("Deployment 'orders' has parallelism 64, but the service has only 2 task slots");
  expect(text).not.toMatch(/this deployment/i);

  const destroy = await terraform(stackDir, ["destroy", "-auto-approve"]);
  expect({ code: destroy.code, stderr: destroy.stderr }).toEqual({ code: 0, stderr: "" });
  expect(destroy.stdout).toContain("Destroy complete! Resources: 4 destroyed.");
  const services = await acc.api<{ services: { service_name: string }[] }>("GET", "/project/local/service");
  expect(services.body.services.map((s) => s.service_name)).not.toContain("shop");
}, 180_000);
