/**
 * When a step fails, the demo names the step, shows terraform's own error, exits non-zero and
 * still stops its control plane (the test process would not exit otherwise).
 */
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hclClickstream } from "../../cli/demo/clickstream-source";
import { runDemo } from "../../cli/demo/run-demo";

const root = path.resolve(__dirname, "..", "..");

test("a deployment that does not fit the service's task slots fails the demo at apply, clearly", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "flinkform-demo-fail-"));
  let out = "";
  let err = "";
  try {
    const code = await runDemo({
      root,
      dir: path.join(dir, "demo"),
      timeScale: 0.02,
      engine: "simulated",
      source: {
        description: "clickstream with parallelism 9 on 4 task slots",
        async write(r, workDir) {
          const wd = await hclClickstream.write(r, workDir);
          appendFileSync(path.join(wd, "demo.auto.tfvars"), "parallelism = 9\n");
          return wd;
        },
      },
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
    });
    expect(code).toBe(1);
    expect(out).toContain("[5/6] terraform init + apply");
    expect(out).not.toContain("Summary");
    expect(err).toContain("flinkform demo failed at terraform apply:");
    expect(err).toMatch(/Not Enough Task Slots[\s\S]*parallelism 9, but the service has only 4\s+task slots/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
