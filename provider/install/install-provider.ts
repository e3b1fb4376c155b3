/**
 * Installs the provider bundle into an unpacked filesystem mirror and writes a terraform CLI config
 * pointing at it, so `terraform init` works offline and records a lock file as for any provider.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderCliConfig } from "./cli-config";
import { PROVIDER_SOURCE, packageRoot, packageVersion, terraformPlatform } from "./paths";

export interface InstallProviderOptions {
  /** Where `mirror/` and `terraformrc` go (the CLI defaults to `.flinkform` under cwd). */
  baseDir: string;
  /** A prebuilt provider bundle; when absent, `npm run build`'s script builds dist/ first. */
  bundlePath?: string;
  /** The vendored SQL parser the bundle loads from `./vendor/`; defaults to dist/vendor/flinksql.cjs. */
  vendorPath?: string;
}

export interface InstalledProvider {
  cliConfigPath: string;
  mirrorDir: string;
  version: string;
  /** The executable terraform will run. */
  executablePath: string;
}

export class InstallError extends Error {
  readonly code = "PROVIDER_INSTALL_FAILED";
  constructor(message: string) {
    super(message);
    this.name = "InstallError";
  }
}

function buildBundle(root: string): string {
  const script = path.join(root, "scripts", "build.mjs");
  const bundle = path.join(root, "dist", "terraform-provider-flink.cjs");
  if (existsSync(script)) {
    const result = spawnSync(process.execPath, [script], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (result.status !== 0)
      throw new InstallError(`building the provider failed (node ${script} exited ${result.status})`);
  }
  if (!existsSync(bundle)) {
    throw new InstallError(
      `${bundle} is missing; run \`npm run build\` (provider/main.ts must exist) and retry`,
    );
  }
  return bundle;
}

export async function installProvider(options: InstallProviderOptions): Promise<InstalledProvider> {
  const root = packageRoot();
  const version = packageVersion(root);
  const baseDir = path.resolve(options.baseDir);
  const bundlePath = options.bundlePath ? path.resolve(options.bundlePath) : buildBundle(root);
  if (!existsSync(bundlePath)) throw new InstallError(`provider bundle ${bundlePath} does not exist`);
  const vendorPath = options.vendorPath ?? path.join(root, "dist", "vendor", "flinksql.cjs");
  if (!existsSync(vendorPath)) {
    throw new InstallError(
      `${vendorPath} is missing; run \`npm run build\` to build the vendored SQL parser`,
    );
  }

  const mirrorDir = path.join(baseDir, "mirror");
  const { hostname, namespace, type } = PROVIDER_SOURCE;
  const targetDir = path.join(mirrorDir, hostname, namespace, type, version, terraformPlatform());
  // A fresh directory: a stale file next to the executable would change the lock-file hash.
  rmSync(targetDir, { recursive: true, force: true });
  mkdirSync(path.join(targetDir, "vendor"), { recursive: true });

  const executablePath = path.join(targetDir, `terraform-provider-${type}_v${version}`);
  const bundle = readFileSync(bundlePath, "utf8");
  writeFileSync(executablePath, bundle.startsWith("#!") ? bundle : `#!/usr/bin/env node\n${bundle}`);
  chmodSync(executablePath, 0o755);
  copyFileSync(vendorPath, path.join(targetDir, "vendor", "flinksql.cjs"));
  // The handlers bundle, loaded after the handshake, sits next to the start-up bundle.
  const handlersPath = path.join(path.dirname(bundlePath), "handlers.js");
  if (existsSync(handlersPath)) copyFileSync(handlersPath, path.join(targetDir, "handlers.js"));
  // Its V8 code cache (provider/code-cache.ts): the engine loads faster in each provider process.
  if (existsSync(`${handlersPath}.ccache`))
    copyFileSync(`${handlersPath}.ccache`, path.join(targetDir, "handlers.js.ccache"));

  const cliConfigPath = path.join(baseDir, "terraformrc");
  writeFileSync(cliConfigPath, renderCliConfig(mirrorDir));
  return { cliConfigPath, mirrorDir, version, executablePath };
}
