/**
 * Drives the real terraform CLI against the echo fixture provider, installed with our own install
 * code into a filesystem mirror: init, validate, plan, apply, update, replace, import, data source,
 * destroy, schema round-trip, Ctrl-C and a missing magic cookie.
 */
import { type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { installProvider } from "../../../provider/install/install-provider";
import { bundleEchoProvider, bundleFixture } from "./fixture-bundle";
import schemaJson from "./fixtures/echo-schema.json";

const SECRET = "super-secret-token-123";
let root: string;
let env: NodeJS.ProcessEnv;
let executable: string;
let socketDir: string;

const header = `terraform {
  required_providers {
    flink = { source = "flinkform/flink" }
  }
}
provider "flink" {
  api_token = "${SECRET}"
}
`;

function workdir(name: string, body: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "main.tf"), header + body);
  return dir;
}

function setBody(dir: string, body: string): void {
  writeFileSync(path.join(dir, "main.tf"), header + body);
}

function tf(dir: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync("terraform", [...args, "-no-color"], {
    cwd: dir,
    env: { ...env, ...extraEnv },
    encoding: "utf8",
    timeout: 60_000,
  });
}

const out = (r: SpawnSyncReturns<string>) => `${r.stdout}\n${r.stderr}`;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "flinkform-tf-"));
  socketDir = path.join(root, "sockets");
  mkdirSync(socketDir);
  const { bundlePath } = await bundleEchoProvider();
  const installed = await installProvider({ baseDir: path.join(root, "base"), bundlePath });
  executable = installed.executablePath;
  env = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    TF_CLI_CONFIG_FILE: installed.cliConfigPath,
    TF_IN_AUTOMATION: "1",
    // terraform passes its environment to the plugin; this proves the socket dir is honoured and cleaned.
    PLUGIN_UNIX_SOCKET_DIR: socketDir,
  };
  for (const k of ["TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PATH", "TF_PLUGIN_MAGIC_COOKIE"]) delete env[k];
}, 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("the echo provider under terraform", () => {
  let dir: string;
  const base = `resource "flink_echo" "a" {
  name     = "alpha"
  number   = NUMBER
  label    = "LABEL"
  settings = { slots = 2 }
  item {
    key = "k1"
  }
}
data "flink_echo_info" "i" {
  input = flink_echo.a.id
}
output "info" {
  value = data.flink_echo_info.i.output
}
`;
  const config = (number: string, label = "blue") => base.replace("NUMBER", number).replace("LABEL", label);

  test("init installs offline from the mirror and writes a lock file", () => {
    dir = workdir("main", config("3"));
    const r = tf(dir, ["init", "-input=false"]);
    expect(out(r)).toContain("Installing flinkform/flink v0.1.0");
    expect(r.status).toBe(0);
    const lock = readFileSync(path.join(dir, ".terraform.lock.hcl"), "utf8");
    expect(lock).toContain('provider "registry.terraform.io/flinkform/flink"');
    expect(lock).toMatch(/"h1:[A-Za-z0-9+/=]+"/);
  }, 60_000);

  test("validate passes a good configuration", () => {
    const r = tf(dir, ["validate"]);
    expect(out(r)).toContain("The configuration is valid.");
    expect(r.status).toBe(0);
  }, 60_000);

  test("a validation error points at the attribute's line", () => {
    setBody(dir, config("-2"));
    const r = tf(dir, ["validate"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Error: Invalid Number");
    expect(r.stderr).toContain('on main.tf line 11, in resource "flink_echo" "a":');
    expect(r.stderr).toContain("number   = -2");
    expect(r.stderr).toContain("number must not be negative, got -2.");
    setBody(dir, config("3"));
  }, 60_000);

  test("plan and apply create the resource; the data source reads its id", () => {
    const plan = tf(dir, ["plan", "-input=false"]);
    expect(plan.stdout).toContain("Plan: 1 to add, 0 to change, 0 to destroy.");
    const r = tf(dir, ["apply", "-auto-approve", "-input=false"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("flink_echo.a: Creation complete after");
    expect(r.stdout).toContain("[id=echo-alpha]");
    expect(r.stdout).toContain('info = "echo:echo-alpha"');
  }, 60_000);

  test("a re-plan after apply is empty", () => {
    const r = tf(dir, ["plan", "-detailed-exitcode", "-input=false"]);
    expect(r.stdout).toContain("No changes.");
    expect(r.status).toBe(0);
  }, 60_000);

  test("changing an ordinary attribute updates in place", () => {
    setBody(dir, config("4"));
    const r = tf(dir, ["apply", "-auto-approve", "-input=false"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/~ number\s+= 3 -> 4/);
    expect(r.stdout).toContain("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.");
  }, 60_000);

  test("changing a requires_replace attribute forces replacement", () => {
    setBody(dir, config("4", "green"));
    const r = tf(dir, ["apply", "-auto-approve", "-input=false"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("# forces replacement");
    expect(r.stdout).toContain("Apply complete! Resources: 1 added, 0 changed, 1 destroyed.");
  }, 60_000);

  test("terraform import adopts an existing object and the next plan is empty", () => {
    setBody(dir, `${config("4", "green")}resource "flink_echo" "imp" {\n  name = "imported"\n}\n`);
    const r = tf(dir, ["import", "-input=false", "flink_echo.imp", "imported"]);
    expect(out(r)).toContain("Import successful!");
    expect(r.status).toBe(0);
    const show = tf(dir, ["state", "show", "flink_echo.imp"]);
    expect(show.stdout).toMatch(/id\s+= "echo-imported"/);
    const plan = tf(dir, ["plan", "-detailed-exitcode", "-input=false"]);
    expect(plan.stdout).toContain("No changes.");
    expect(plan.status).toBe(0);
  }, 60_000);

  test("an exception in a handler becomes a diagnostic, not a crashed plugin", () => {
    const other = workdir("explode", `resource "flink_echo" "x" {\n  name = "explode"\n}\n`);
    expect(tf(other, ["init", "-input=false"]).status).toBe(0);
    const r = tf(other, ["validate"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Error: Unexpected provider error");
    expect(r.stderr).toMatch(/this is a bug in the provider: the echo exploded/i);
    expect(r.stderr).not.toContain("plugin crashed");
  }, 60_000);

  test("provider logs reach terraform's log with the token masked", () => {
    const r = tf(dir, ["plan", "-input=false"], { TF_LOG_PROVIDER: "info" });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("configured with token ***");
    expect(r.stderr).not.toContain(SECRET);
  }, 60_000);

  test("a plan asks for the schema once, though terraform starts the provider three times", () => {
    // The provider's own trace line per RPC, as terraform relays it to stderr.
    const r = tf(dir, ["plan", "-input=false"], { TF_LOG_PROVIDER: "trace" });
    expect(r.status).toBe(0);
    const started = (rpc: string) =>
      r.stderr.split("\n").filter((l) => l.includes("rpc started") && l.includes(`rpc=${rpc}`)).length;
    expect(started("ConfigureProvider")).toBe(1);
    expect(started("ValidateResourceConfig")).toBeGreaterThan(0);
    expect(started("GetProviderSchema")).toBe(1);
  }, 60_000);

  test("destroy removes everything", () => {
    const r = tf(dir, ["destroy", "-auto-approve", "-input=false"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Destroy complete! Resources: 2 destroyed.");
  }, 60_000);

  test("providers schema -json prints back exactly the provider's schema JSON", () => {
    const r = tf(dir, ["providers", "schema", "-json"]);
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout) as { provider_schemas: Record<string, unknown> };
    expect(printed.provider_schemas["registry.terraform.io/flinkform/flink"]).toEqual(schemaJson);
  }, 60_000);

  test("every provider process removed its socket directory", () => {
    expect(readdirSync(socketDir)).toEqual([]);
  });
});

test("Ctrl-C during a slow apply stops the provider cleanly (StopProvider)", async () => {
  const dir = workdir("slow", `resource "flink_echo" "s" {\n  name     = "slow"\n  delay_ms = 60000\n}\n`);
  expect(tf(dir, ["init", "-input=false"]).status).toBe(0);
  const child = spawn("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], {
    cwd: dir,
    env,
  });
  let output = "";
  const started = Date.now();
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("flink_echo.s: Creating...")) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => reject(new Error(`terraform exited before creating:\n${output}`)));
  });
  // "Creating..." is printed just before the RPC goes out; let the apply reach the provider first.
  await new Promise((r) => setTimeout(r, 500));
  child.kill("SIGINT");
  const code = await exit;
  // Far below the 60 s delay: the in-flight apply saw its abort signal.
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(output).toContain("Interrupt received");
  expect(output).toContain("Error: Apply Interrupted");
  expect(output).not.toContain("plugin crashed");
  expect(code).toBe(1);
}, 60_000);

test("started without terraform, the provider explains itself and exits 1", () => {
  const r = spawnSync(executable, [], { env: { PATH: process.env.PATH }, encoding: "utf8", timeout: 20_000 });
  expect(r.status).toBe(1);
  expect(r.stdout).toBe("");
  expect(r.stderr).toContain("This binary is a plugin");
  expect(r.stderr).toContain("run terraform instead");
  expect(existsSync(executable)).toBe(true);
}, 30_000);

test("terraform prints flinkform's generated provider schema back unchanged", async () => {
  const { bundlePath } = await bundleFixture("real-schema-provider");
  const installed = await installProvider({ baseDir: path.join(root, "real-base"), bundlePath });
  const dir = path.join(root, "real");
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, "main.tf"),
    'terraform {\n  required_providers {\n    flink = { source = "flinkform/flink" }\n  }\n}\n',
  );
  const realEnv = { TF_CLI_CONFIG_FILE: installed.cliConfigPath };
  expect(tf(dir, ["init", "-input=false"], realEnv).status).toBe(0);
  const r = tf(dir, ["providers", "schema", "-json"], realEnv);
  expect(r.status).toBe(0);
  const expected = JSON.parse(
    readFileSync(path.join(__dirname, "../../../schemas/generated/provider-schema.json"), "utf8"),
  );
  expect(JSON.parse(r.stdout)).toEqual(expected);
}, 60_000);
