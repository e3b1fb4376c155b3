/**
 * What `flinkform synth` builds on, in both flavours: construct problems as data (path, prop, message,
 * fix), all of a stack's synth-time problems in one error, warnings annotated once, and each stack's
 * Terraform state beside its own cdk.tf.json.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { App, LocalBackend, TerraformOutput, TerraformStack } from "cdktn";
import {
  Column,
  Connector,
  FlinkApplication,
  FlinkConstructError,
  FlinkProvider,
  FlinkService,
  FlinkTable,
  FlinkType,
} from "../../constructs";
import { newStack, synthValidated, warnings } from "./helpers";

function thrown(fn: () => unknown): FlinkConstructError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FlinkConstructError) return err;
    throw err;
  }
  throw new Error("nothing was thrown");
}

function pipeline(
  stack: TerraformStack,
  parallelism: number[],
  statement = "INSERT INTO dst SELECT id FROM src",
) {
  const service = new FlinkService(stack, "Service", {
    project: "p",
    serviceName: "s",
    plan: "business-4",
    taskSlots: 4,
  });
  const columns = [Column.physical("id", FlinkType.BIGINT)];
  const src = new FlinkTable(stack, "src", { columns, connector: Connector.datagen() });
  const dst = new FlinkTable(stack, "dst", { columns, connector: Connector.blackhole() });
  for (const [i, p] of parallelism.entries()) {
    new FlinkApplication(stack, `App${i}`, { service })
      .addVersion({ statement, sources: [src], sinks: [dst] })
      .deploy({ parallelism: p });
  }
  return service;
}

test("a bad prop throws its issue as data: construct path, prop, message", () => {
  const stack = newStack();
  const err = thrown(
    () =>
      new FlinkService(stack, "Service", {
        project: "p",
        serviceName: "s",
        plan: "business-4",
        taskSlots: 0,
      }),
  );
  expect(err.code).toBe("FLINKFORM_INVALID_PROPS");
  expect(err.issues).toEqual([
    {
      severity: "error",
      path: "test/Service",
      prop: "taskSlots",
      message: "taskSlots must be between 1 and 1024, got 0",
    },
  ]);
  expect(err.message).toBe("test/Service: taskSlots must be between 1 and 1024, got 0");
});

test("every synth-time problem of a stack comes in one error, each on the construct to change", () => {
  const stack = newStack();
  pipeline(stack, [9], "INSERT INTO dts SELECT id FROM src");
  const err = thrown(() => synthValidated(stack));
  expect(err.issues).toEqual([
    {
      severity: "error",
      path: "test/App0/Version1/Deployment",
      prop: "parallelism",
      message:
        "parallelism is 9, but service test/Service has only 4 task slots (1 node × taskSlots 4); the job could never start",
      fix: "lower parallelism to at most 4, or raise taskSlots of test/Service",
    },
    {
      severity: "error",
      path: "test/App0/Version1",
      prop: "statement:1:13",
      message: expect.stringMatching(/^statement:1:13: INSERT INTO 'dts' does not write to a declared sink/),
    },
  ]);
  expect(err.message).toContain(
    "\n  fix: lower parallelism to at most 4, or raise taskSlots of test/Service\n",
  );
});

test("a warning is annotated once, however often the stack is validated", () => {
  const stack = newStack();
  const service = pipeline(stack, [3, 3]);
  synthValidated(stack);
  synthValidated(stack);
  expect(warnings(service)).toEqual([
    "taskSlots: the deployments need 6 task slots together (test/App0/Version1/Deployment: 3, test/App1/Version1/Deployment: 3), but the service has only 4 task slots (1 node × taskSlots 4); jobs beyond capacity wait for free slots\nfix: raise taskSlots to at least 6, or run fewer deployments at once",
  ]);
});

describe("state", () => {
  let outdir: string;
  beforeEach(() => {
    outdir = mkdtempSync(path.join(tmpdir(), "flinkform-state-"));
  });
  afterEach(() => rmSync(outdir, { recursive: true, force: true }));
  const stackJson = (name: string) =>
    JSON.parse(readFileSync(path.join(outdir, "stacks", name, "cdk.tf.json"), "utf8"));

  test("a stack without a backend keeps terraform.tfstate beside its cdk.tf.json; one it declares wins", () => {
    const app = new App({ outdir, stackTraces: false });
    for (const name of ["plain", "declared"]) {
      const stack = new TerraformStack(app, name);
      new FlinkProvider(stack, "flink", {});
      if (name === "declared") new LocalBackend(stack, { path: "/srv/state/declared.tfstate" });
      pipeline(stack, [1]);
    }
    app.synth();
    expect(stackJson("plain").terraform.backend).toEqual({ local: { path: "terraform.tfstate" } });
    expect(stackJson("declared").terraform.backend).toEqual({
      local: { path: "/srv/state/declared.tfstate" },
    });
  });

  test("another stack referencing it reads its state from beside it", () => {
    const app = new App({ outdir, stackTraces: false });
    const first = new TerraformStack(app, "first");
    new FlinkProvider(first, "flink", {});
    const service = pipeline(first, [1]);
    const second = new TerraformStack(app, "second");
    new TerraformOutput(second, "service_name", { value: service.serviceName });
    app.synth();
    const remote = Object.values(stackJson("second").data.terraform_remote_state as Record<string, unknown>);
    expect(remote).toEqual([
      expect.objectContaining({
        backend: "local",
        config: expect.objectContaining({ path: "../first/terraform.tfstate" }),
      }),
    ]);
  });
});
