// What the benches that drive the real terraform share: the run count argument, the provider bundle,
// terraform's environment and runs, a one-line-SQL pipeline in HCL, medians and the RESULTS.md append.
// Plain JavaScript with no project imports, so it loads the same under node and under tsx.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * What a real-engine bench starts from: `runs` (its first all-digit argument, else `defaultRuns`),
 * `write` (--write), the built provider bundle and the Flink installation `findFlinkInstallation`
 * finds. Exits with what is missing when either is.
 */
export function realEngineBench(bench, defaultRuns, findFlinkInstallation) {
  const bundlePath = path.join(root, "dist", "terraform-provider-flink.cjs");
  if (!existsSync(bundlePath)) {
    process.stderr.write(`${bundlePath} is missing; run \`npm run build\` first\n`);
    process.exit(1);
  }
  const found = findFlinkInstallation();
  if (!found.ok) {
    process.stderr.write(`${bench} bench: ${found.reason}\n`);
    process.exit(1);
  }
  return {
    runs: Number(process.argv.find((a) => /^\d+$/.test(a)) ?? defaultRuns),
    write: process.argv.includes("--write"),
    bundlePath,
    found,
  };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** terraform's environment: the installed provider, the control plane `cp`, no telemetry, no TF_LOG. */
export function terraformEnv(installed, cp) {
  const env = {
    ...process.env,
    TF_CLI_CONFIG_FILE: installed.cliConfigPath,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    FLINK_API_URL: cp.url,
    FLINK_API_TOKEN: cp.token,
  };
  delete env.TF_LOG;
  return env;
}

/** Runs terraform without colours or prompts; resolves to its output, rejects with it on failure. */
export function terraform(cwd, env, args) {
  return new Promise((resolve, reject) => {
    // `show` takes no -input.
    const extra = args[0] === "show" ? ["-no-color"] : ["-no-color", "-input=false"];
    const child = spawn("terraform", [...args, ...extra], { cwd, env });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`terraform ${args[0]}: ${out}`)),
    );
  });
}

export const PROVIDER_HCL = `terraform {
  required_providers {
    flink = { source = "flinkform/flink" }
  }
}
provider "flink" {}
`;

/**
 * A service, an application "bench", a version of one-line SQL strings and its deployment, in HCL.
 * `userConfig` is the body of flink_user_config, `deployment` more lines of the deployment block.
 */
export function pipelineHcl({ service, userConfig, source, sink, statement, deployment = "" }) {
  return `${PROVIDER_HCL}resource "flink_service" "s" {
  project      = "local"
  service_name = "${service}"
  plan         = "business-4"
  flink_user_config = { ${userConfig} }
}
resource "flink_application" "app" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "bench"
}
resource "flink_application_version" "v" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  source { create_table = "${source}" }
  sink { create_table = "${sink}" }
  statement = "${statement}"
}
resource "flink_application_deployment" "d" {
  project        = flink_application.app.project
  service_name   = flink_application.app.service_name
  application_id = flink_application.app.application_id
  version_id     = flink_application_version.v.application_version_id
${deployment}
}
`;
}

/** Appends a results section to bench/RESULTS.md, on a line of its own after a blank one. */
export function appendResults(lines) {
  const file = path.join(root, "bench", "RESULTS.md");
  if (!existsSync(file) || !readFileSync(file, "utf8").endsWith("\n")) appendFileSync(file, "\n");
  appendFileSync(file, `\n${lines.join("\n")}`);
}
