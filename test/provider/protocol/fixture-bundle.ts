/** Bundles the echo fixture provider once per test file, as the real provider is bundled. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";

export async function bundleEchoProvider(): Promise<{ dir: string; bundlePath: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "flinkform-echo-"));
  const bundlePath = path.join(dir, "echo-provider.cjs");
  await build({
    entryPoints: [path.join(__dirname, "fixtures", "echo-provider.ts")],
    outfile: bundlePath,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
  return { dir, bundlePath };
}
