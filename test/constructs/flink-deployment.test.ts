import { DesiredState, FlinkConstructError } from "../../constructs";
import { ApplicationDeployment } from "../../constructs/generated/application-deployment";
import { CLICKS_STATEMENT, clickstreamParts } from "./fixtures";
import { newStack, synthValidated } from "./helpers";

function deployment(options: Parameters<ReturnType<typeof versionOf>["deploy"]>[0] = {}) {
  const stack = newStack();
  return { stack, deployment: versionOf(stack).deploy({ parallelism: 2, ...options }) };
}

function versionOf(stack: ReturnType<typeof newStack>) {
  const parts = clickstreamParts(stack, { taskSlots: 4 });
  return parts.app.addVersion({
    statement: CLICKS_STATEMENT,
    sources: [parts.clicks],
    sinks: [parts.perMinute],
  });
}

describe("FlinkDeployment job control", () => {
  it("passes desiredState and savepointTrigger to the deployment", () => {
    const { stack } = deployment({ desiredState: DesiredState.SUSPENDED, savepointTrigger: "2026-01-01" });
    expect(synthValidated(stack)).toHaveResourceWithProperties(ApplicationDeployment, {
      desired_state: "suspended",
      savepoint_trigger: "2026-01-01",
    });
  });

  it("leaves both unset by default: the job runs and no savepoint is taken on demand", () => {
    const json = JSON.parse(synthValidated(deployment().stack));
    const [d] = Object.values(json.resource.flink_application_deployment) as Record<string, unknown>[];
    expect(d).not.toHaveProperty("desired_state");
    expect(d).not.toHaveProperty("savepoint_trigger");
  });

  it("suspend(), resume() and triggerSavepoint() change what the next apply does", () => {
    const suspended = deployment();
    suspended.deployment.suspend().triggerSavepoint("release-42");
    expect(synthValidated(suspended.stack)).toHaveResourceWithProperties(ApplicationDeployment, {
      desired_state: "suspended",
      savepoint_trigger: "release-42",
    });
    const resumed = deployment({ desiredState: DesiredState.SUSPENDED });
    resumed.deployment.resume();
    expect(synthValidated(resumed.stack)).toHaveResourceWithProperties(ApplicationDeployment, {
      desired_state: "running",
    });
  });

  it("rejects a desiredState outside running/suspended, naming the prop", () => {
    expect(() => deployment({ desiredState: "paused" as DesiredState })).toThrow(FlinkConstructError);
    expect(() => deployment({ desiredState: "paused" as DesiredState })).toThrow(
      /desiredState .*running.*suspended/,
    );
  });

  it("rejects an empty savepoint trigger, from the props and from triggerSavepoint()", () => {
    expect(() => deployment({ savepointTrigger: "" })).toThrow(/savepointTrigger/);
    const { deployment: d } = deployment();
    expect(() => d.triggerSavepoint("")).toThrow(/savepointTrigger/);
    // The rejected value is not applied.
    expect(d.resource.savepointTriggerInput).toBeUndefined();
  });
});
