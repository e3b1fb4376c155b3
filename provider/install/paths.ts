/** Where the project lives and what terraform calls this machine's platform. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const PROVIDER_SOURCE = {
  hostname: "registry.terraform.io",
  namespace: "flinkform",
  type: "flink",
} as const;

/** The flinkform package root, found from this file both in the sources and in dist bundles. */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "flinkform"
    ) {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find the flinkform package.json above ${from}`);
  }
}

export function packageVersion(root: string = packageRoot()): string {
  return (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}

/** terraform's os_arch for this machine, e.g. linux_amd64, darwin_arm64. */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === "win32" ? "windows" : platform;
  const cpu: Record<string, string> = { x64: "amd64", ia32: "386", arm64: "arm64", arm: "arm" };
  return `${os}_${cpu[arch] ?? arch}`;
}
