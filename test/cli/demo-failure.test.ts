/**
 * When a step fails, the demo names the step, shows terraform's own error, exits non-zero and
 * still stops its control plane (the test process would not exit otherwise).
 */
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cdkClickstream, hclClickstream } from "../../cli/demo/clickstream-source";
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
      speed: 50,
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

test("a construct problem in the CDK clickstream stops the demo at synth with flinkform synth's list", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "flinkform-demo-fail-"));
  let err = "";
  try {
    const code = await runDemo({
      root,
      dir: path.join(dir, "demo"),
      speed: 50,
      engine: "simulated",
      source: {
        description: "CDK clickstream with parallelism 9 on 4 task slots",
        write: (r, workDir, _real, report) =>
          cdkClickstream.write(
            r,
            workDir,
            {
              kafka: { bootstrapServers: "127.0.0.1:9092", securityProtocol: "PLAINTEXT" },
              postgres: { host: "127.0.0.1", port: 5432, username: "flink", database: "analytics" },
              parallelism: 9,
            },
            report,
          ),
      },
      out: () => {},
      err: (t) => {
        err += t;
      },
    });
    expect(code).toBe(1);
    expect(err).toBe(
      "\nflinkform demo failed at synth: error: clickstream/Application/Version1/Deployment\n" +
        "  parallelism is 9, but service clickstream/Service has only 4 task slots (1 node × taskSlots 4); the job could never start\n" +
        "  fix: lower parallelism to at most 4, or raise taskSlots of clickstream/Service\n" +
        "1 error; nothing to apply\n",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
