import { Duration, FlinkConstructError } from "../../constructs";
import { ApplicationDeployment } from "../../constructs/generated/application-deployment";
import { CLICKS_STATEMENT, clickstreamParts } from "./fixtures";
import { newStack, synthValidated } from "./helpers";

type DeployOptions = Parameters<ReturnType<typeof versionOf>["deploy"]>[0];

function versionOf(stack: ReturnType<typeof newStack>) {
  const parts = clickstreamParts(stack, { taskSlots: 4 });
  return parts.app.addVersion({
    statement: CLICKS_STATEMENT,
    sources: [parts.clicks],
    sinks: [parts.perMinute],
  });
}

function deployment(options: DeployOptions = {}) {
  const stack = newStack();
  return { stack, deployment: versionOf(stack).deploy(options) };
}

describe("FlinkDeployment periodic savepoints", () => {
  it("passes savepointInterval as a Terraform duration and savepointHistoryMax", () => {
    const { stack } = deployment({ savepointInterval: Duration.minutes(90), savepointHistoryMax: 5 });
    expect(synthValidated(stack)).toHaveResourceWithProperties(ApplicationDeployment, {
      savepoint_interval: "90m",
      savepoint_history_max: 5,
    });
    const daily = deployment({ savepointInterval: Duration.days(1) });
    expect(synthValidated(daily.stack)).toHaveResourceWithProperties(ApplicationDeployment, {
      savepoint_interval: "24h",
    });
  });

  it("leaves both unset by default: no periodic savepoints", () => {
    const json = JSON.parse(synthValidated(deployment().stack));
    const [d] = Object.values(json.resource.flink_application_deployment) as Record<string, unknown>[];
    expect(d).not.toHaveProperty("savepoint_interval");
    expect(d).not.toHaveProperty("savepoint_history_max");
  });

  it.each([
    [
      "30 seconds",
      { savepointInterval: Duration.seconds(30) },
      /savepointInterval must be a duration .* between `1m` and `168h`, got "30s"/,
    ],
    [
      "8 days",
      { savepointInterval: Duration.days(8) },
      /savepointInterval .* between `1m` and `168h`, got "192h"/,
    ],
    ["history 0", { savepointHistoryMax: 0 }, /savepointHistoryMax .*between 1 and 100.*got 0/],
    ["history 101", { savepointHistoryMax: 101 }, /savepointHistoryMax .*between 1 and 100.*got 101/],
    ["history 2.5", { savepointHistoryMax: 2.5 }, /savepointHistoryMax .*whole number/],
  ])("rejects %s at synth, naming the prop", (_, options, message) => {
    expect(() => deployment(options as DeployOptions)).toThrow(FlinkConstructError);
    expect(() => deployment(options as DeployOptions)).toThrow(message);
  });
});
