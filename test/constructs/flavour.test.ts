import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { App, TerraformStack } from "cdktn";
import { FlinkProvider, FlinkService } from "../../constructs";
import { frameworkVersion } from "./helpers";

// The cdktf jest project sets this global and maps "cdktn" to "cdktf" (jest.config.js).
const flavour = (globalThis as { FLINKFORM_CDK_FLAVOUR?: string }).FLINKFORM_CDK_FLAVOUR ?? "cdktn";

describe(`framework flavour (${flavour})`, () => {
  it("loads the framework the project asks for", () => {
    expect(frameworkVersion()).toBe(flavour === "cdktf" ? "0.21.0" : "0.24.0");
  });

  it("synthesizes the constructs and generated bindings with that framework", () => {
    const outdir = mkdtempSync(path.join(os.tmpdir(), "flinkform-flavour-"));
    try {
      const app = new App({ outdir, stackTraces: false });
      const stack = new TerraformStack(app, "test");
      new FlinkProvider(stack, "flink", {});
      new FlinkService(stack, "S", { project: "local", serviceName: "s", plan: "business-4" });
      app.synth();
      const manifest = JSON.parse(readFileSync(path.join(outdir, "manifest.json"), "utf8")) as {
        version: string;
      };
      expect(manifest.version).toBe(frameworkVersion());
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
