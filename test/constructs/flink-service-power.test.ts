import { FlinkService, type FlinkServiceProps } from "../../constructs";
import { Service } from "../../constructs/generated/service";
import { CLICKS_STATEMENT, clickstreamParts } from "./fixtures";
import { newStack, synthValidated, warnings } from "./helpers";

const base: FlinkServiceProps = { project: "local", serviceName: "clicks", plan: "business-4" };

describe("FlinkService powered", () => {
  it("passes powered = false to the service; unset, it is left out (the service runs)", () => {
    const off = newStack();
    new FlinkService(off, "Service", { ...base, powered: false });
    expect(synthValidated(off)).toHaveResourceWithProperties(Service, { powered: false });

    const on = newStack();
    new FlinkService(on, "Service", base);
    const resource = Object.values(JSON.parse(synthValidated(on)).resource.flink_service)[0] as Record<
      string,
      unknown
    >;
    expect(resource).not.toHaveProperty("powered");
  });

  it("rejects a powered that is not a boolean (from untyped code), naming the prop", () => {
    expect(
      () => new FlinkService(newStack(), "Service", { ...base, powered: "no" as unknown as boolean }),
    ).toThrow(/powered/);
  });

  it("warns that a powered-off service's deployments are suspended, naming them", () => {
    const stack = newStack();
    const parts = clickstreamParts(stack, { powered: false });
    parts.app
      .addVersion({ statement: CLICKS_STATEMENT, sources: [parts.clicks], sinks: [parts.perMinute] })
      .deploy({ parallelism: 1 });
    synthValidated(stack);
    const found = warnings(parts.service).join("\n");
    expect(found).toMatch(
      /powered is false: the jobs of 1 deployment\(s\) \(test\/.+\) stop with savepoints/,
    );
    expect(found).toContain("fix: deploy with powered true");
  });

  it("says nothing when the service is powered, or off with no deployment", () => {
    const stack = newStack();
    const parts = clickstreamParts(stack);
    parts.app
      .addVersion({ statement: CLICKS_STATEMENT, sources: [parts.clicks], sinks: [parts.perMinute] })
      .deploy({ parallelism: 1 });
    synthValidated(stack);
    expect(warnings(parts.service).join("\n")).not.toMatch(/powered/);

    const alone = newStack();
    const svc = new FlinkService(alone, "Service", { ...base, powered: false });
    synthValidated(alone);
    expect(warnings(svc)).toEqual([]);
  });
});
