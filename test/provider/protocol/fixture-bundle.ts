/** Bundles the echo fixture provider once per test file, as the real provider is bundled. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";

export function bundleEchoProvider(): Promise<{ dir: string; bundlePath: string }> {
  return bundleFixture("echo-provider");
}

/** Bundles test/provider/protocol/fixtures/<name>.ts into a fresh temp dir. */
export async function bundleFixture(name: string): Promise<{ dir: string; bundlePath: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), `flinkform-${name}-`));
  const bundlePath = path.join(dir, `${name}.cjs`);
  await build({
    entryPoints: [path.join(__dirname, "fixtures", `${name}.ts`)],
    outfile: bundlePath,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
  return { dir, bundlePath };
}
