import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../../../cli/commands/provider-install";
import { renderCliConfig } from "../../../provider/install/cli-config";
import { installProvider } from "../../../provider/install/install-provider";
import { packageVersion, terraformPlatform } from "../../../provider/install/paths";

function fakeBundle(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "flinkform-bundle-"));
  const file = path.join(dir, "provider.cjs");
  writeFileSync(file, '"use strict";\nrequire("./vendor/flinksql.cjs");\n');
  return file;
}

describe("installProvider", () => {
  const baseDir = mkdtempSync(path.join(tmpdir(), "flinkform-install-"));
  const version = packageVersion();

  it("lays the provider out as an unpacked filesystem mirror for this platform", async () => {
    const result = await installProvider({ baseDir, bundlePath: fakeBundle() });
    const target = path.join(
      baseDir,
      "mirror/registry.terraform.io/flinkform/flink",
      version,
      terraformPlatform(),
    );
    expect(result).toEqual({
      cliConfigPath: path.join(baseDir, "terraformrc"),
      mirrorDir: path.join(baseDir, "mirror"),
      version,
      executablePath: path.join(target, `terraform-provider-flink_v${version}`),
    });
    expect(readdirSync(target).sort()).toEqual([`terraform-provider-flink_v${version}`, "vendor"]);
    expect(readdirSync(path.join(target, "vendor"))).toEqual(["flinksql.cjs"]);
    const exe = readFileSync(result.executablePath, "utf8");
    expect(exe.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(() => accessSync(result.executablePath, constants.X_OK)).not.toThrow();
  });

  it("writes a CLI config that takes flinkform from the mirror and everything else from the registry", async () => {
    const { cliConfigPath } = await installProvider({ baseDir, bundlePath: fakeBundle() });
    const text = readFileSync(cliConfigPath, "utf8");
    expect(text).toBe(renderCliConfig(path.join(baseDir, "mirror")));
    expect(text).toContain(`path    = "${path.join(baseDir, "mirror")}"`);
    expect(text).toContain('include = ["registry.terraform.io/flinkform/*"]');
    expect(text).toContain('exclude = ["registry.terraform.io/flinkform/*"]');
  });

  it("fails clearly when the bundle does not exist", async () => {
    await expect(installProvider({ baseDir, bundlePath: "/nonexistent/provider.cjs" })).rejects.toThrow(
      /provider bundle \/nonexistent\/provider.cjs does not exist/,
    );
  });

  it("names terraform platforms the way terraform does", () => {
    expect(terraformPlatform("linux", "x64")).toBe("linux_amd64");
    expect(terraformPlatform("darwin", "arm64")).toBe("darwin_arm64");
    expect(terraformPlatform("win32", "ia32")).toBe("windows_386");
  });
});

describe("flinkform provider install", () => {
  let stdout: string;
  let stderr: string;
  beforeEach(() => {
    stdout = "";
    stderr = "";
    jest.spyOn(process.stdout, "write").mockImplementation((c) => {
      stdout += String(c);
      return true;
    });
    jest.spyOn(process.stderr, "write").mockImplementation((c) => {
      stderr += String(c);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it("rejects unknown options with usage and exit code 2", async () => {
    expect(await run(["--frobnicate"])).toBe(2);
    expect(stderr).toContain("unknown option: --frobnicate");
    expect(stderr).toContain("usage: flinkform provider install");
    expect(await run(["--dir"])).toBe(2);
    expect(stderr).toContain("--dir needs a directory");
  });

  it("prints usage for --help", async () => {
    expect(await run(["--help"])).toBe(0);
    expect(stdout).toContain("usage: flinkform provider install");
  });
});
