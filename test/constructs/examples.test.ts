import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { synthBasicService } from "../../examples/cdktf/basic-service/main";
import { synthClickstream } from "../../examples/cdktf/clickstream/main";

type Block = Record<string, unknown>;
interface TfJson {
  resource: Record<string, Record<string, Block>>;
  terraform: { backend: { local: { path: string } } };
  variable: Record<string, Block>;
}

function readStack(dir: string): TfJson {
  return JSON.parse(readFileSync(path.join(dir, "cdk.tf.json"), "utf8")) as TfJson;
}

const first = (tf: TfJson, type: string): Block => Object.values(tf.resource[type] ?? {})[0] ?? {};

describe("examples/cdktf", () => {
  let outdir: string;
  beforeEach(() => {
    outdir = mkdtempSync(path.join(os.tmpdir(), "flinkform-examples-"));
  });
  afterEach(() => rmSync(outdir, { recursive: true, force: true }));

  it("synthesizes clickstream in-process and returns its stack directory", () => {
    const dir = synthClickstream(outdir);
    expect(dir).toBe(path.join(outdir, "stacks", "clickstream"));
    const tf = readStack(dir);
    expect(Object.keys(tf.resource).sort()).toEqual([
      "flink_application",
      "flink_application_deployment",
      "flink_application_version",
      "flink_integration_endpoint",
      "flink_service",
      "flink_service_integration",
    ]);
    const service = first(tf, "flink_service");
    expect(service).toMatchObject({ plan: "business-4", flink_user_config: { number_of_task_slots: 4 } });
    const deployment = first(tf, "flink_application_deployment");
    expect(deployment.parallelism).toBe(2);
    expect(tf.terraform.backend.local.path).toBe("terraform.tfstate");
    // Secrets are sensitive variables, never literals.
    expect(tf.variable.kafka_password).toMatchObject({ sensitive: true });
    expect(JSON.stringify(tf)).not.toMatch(/password"\s*:\s*"[^$]/);
  });

  it("stops clickstream's synth when a deployment cannot fit the service's task slots", () => {
    expect(() => synthClickstream(outdir, { parallelism: 5 })).toThrow(
      /clickstream\/Application\/Version1\/Deployment: parallelism is 5, but service clickstream\/Service has only 4 task slots/,
    );
  });

  it("synthesizes basic-service", () => {
    const dir = synthBasicService(outdir);
    const tf = readStack(dir);
    const version = first(tf, "flink_application_version") as { source: Block[]; sink: Block[] };
    expect(version.source[0]?.create_table).toContain("'connector' = 'datagen'");
    expect(version.sink[0]?.create_table).toContain("'connector' = 'print'");
  });
});
