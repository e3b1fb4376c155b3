import { FlinkConstructError, UpgradeMode } from "../../constructs";
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

function synth(options: DeployOptions = {}) {
  const stack = newStack();
  versionOf(stack).deploy({ parallelism: 2, ...options });
  return synthValidated(stack);
}

describe("FlinkDeployment upgradeMode LAST_STATE and allowNonRestoredState", () => {
  it("passes both to the deployment as the provider spells them", () => {
    expect(
      synth({ upgradeMode: UpgradeMode.LAST_STATE, allowNonRestoredState: true }),
    ).toHaveResourceWithProperties(ApplicationDeployment, {
      upgrade_mode: "last-state",
      allow_non_restored_state: true,
    });
  });

  it("leaves allowNonRestoredState unset by default (false: a restore that drops state fails)", () => {
    const json = JSON.parse(synth({ upgradeMode: UpgradeMode.LAST_STATE }));
    const [d] = Object.values(json.resource.flink_application_deployment) as Record<string, unknown>[];
    expect(d).not.toHaveProperty("allow_non_restored_state");
  });

  it("rejects an upgrade mode the provider does not know at synth, listing the allowed ones", () => {
    const bad = () => synth({ upgradeMode: "last_state" as UpgradeMode });
    expect(bad).toThrow(FlinkConstructError);
    expect(bad).toThrow(/upgradeMode .*savepoint.*last-state.*stateless/);
  });

  it("rejects a non-boolean allowNonRestoredState at synth, naming the prop", () => {
    const bad = () => synth({ allowNonRestoredState: "yes" as unknown as boolean });
    expect(bad).toThrow(FlinkConstructError);
    expect(bad).toThrow(/allowNonRestoredState/);
  });
});
