import { TerraformVariable, Testing } from "cdktn";
import {
  Duration,
  FlinkService,
  type FlinkServiceProps,
  FlinkVersion,
  RestartStrategy,
} from "../../constructs";
import { Service } from "../../constructs/generated/service";
import { newStack, synthValidated, warnings } from "./helpers";

const base: FlinkServiceProps = { project: "local", serviceName: "clicks", plan: "business-4" };

function service(props: Partial<FlinkServiceProps> = {}) {
  const stack = newStack();
  const svc = new FlinkService(stack, "Service", { ...base, ...props });
  return { stack, svc };
}

describe("FlinkService", () => {
  it("synthesizes the service with its user config (snapshot)", () => {
    const { stack } = service({
      cloud: "google-europe-west1",
      taskSlots: 4,
      flinkVersion: FlinkVersion.V1_20,
      checkpointInterval: Duration.minutes(1),
      restartStrategy: RestartStrategy.failureRate({
        maxFailures: 3,
        interval: Duration.minutes(5),
        delay: Duration.seconds(10),
      }),
      tags: { team: "data" },
    });
    expect(JSON.parse(Testing.synth(stack))).toMatchSnapshot();
  });

  it("maps props to snake_case attributes and leaves unset props out", () => {
    const { stack } = service({ taskSlots: 2 });
    const json = synthValidated(stack);
    expect(json).toHaveResourceWithProperties(Service, {
      project: "local",
      service_name: "clicks",
      plan: "business-4",
      flink_user_config: { number_of_task_slots: 2 },
    });
    const resource = Object.values(JSON.parse(json).resource.flink_service)[0] as Record<string, unknown>;
    expect(resource).not.toHaveProperty("cloud_name");
    expect(resource).not.toHaveProperty("termination_protection");
  });

  it.each([
    [
      "exponentialDelay",
      RestartStrategy.exponentialDelay({
        initialBackoff: Duration.seconds(2),
        maxBackoff: Duration.minutes(2),
        multiplier: 2,
        jitter: 0.2,
      }),
      {
        type: "exponential-delay",
        delay_sec: 2,
        max_backoff_sec: 120,
        backoff_multiplier: 2,
        jitter_factor: 0.2,
      },
    ],
    [
      "fixedDelay",
      RestartStrategy.fixedDelay({ attempts: 5, delay: Duration.seconds(30) }),
      { type: "fixed-delay", max_failures: 5, delay_sec: 30 },
    ],
    ["none", RestartStrategy.none(), { type: "none" }],
  ])("renders RestartStrategy.%s with converted durations", (_name, strategy, expected) => {
    const { stack } = service({ restartStrategy: strategy });
    expect(synthValidated(stack)).toHaveResourceWithProperties(Service, {
      flink_user_config: { restart_strategy: expected },
    });
  });

  describe("eager prop validation", () => {
    it.each<[string, Partial<FlinkServiceProps>, RegExp]>([
      [
        "taskSlots out of range",
        { taskSlots: 0 },
        /^test\/Service: taskSlots must be between 1 and 1024, got 0$/,
      ],
      [
        "serviceName pattern",
        { serviceName: "Clicks_1" },
        /test\/Service: serviceName must start with a lowercase letter.*got "Clicks_1"/,
      ],
      [
        "checkpointInterval too short",
        { checkpointInterval: Duration.millis(50) },
        /checkpointInterval \(milliseconds\) must be between 100 and 3600000, got 50/,
      ],
      [
        "restart delay out of range",
        { restartStrategy: RestartStrategy.fixedDelay({ delay: Duration.hours(2) }) },
        /restartStrategy\.delay \(seconds\) must be between 1 and 3600, got 7200/,
      ],
      [
        "restart delay not whole seconds",
        { restartStrategy: RestartStrategy.failureRate({ delay: Duration.millis(1500) }) },
        /restartStrategy\.delay \(seconds\) must be a whole number, got 1\.5/,
      ],
      [
        "exponential multiplier <= 1",
        { restartStrategy: RestartStrategy.exponentialDelay({ multiplier: 1 }) },
        /restartStrategy\.multiplier: backoff_multiplier must be greater than 1/,
      ],
      [
        "initial backoff above max",
        {
          restartStrategy: RestartStrategy.exponentialDelay({
            initialBackoff: Duration.minutes(10),
            maxBackoff: Duration.minutes(1),
          }),
        },
        /restartStrategy\.initialBackoff \(seconds\): .*must not exceed max_backoff_sec/,
      ],
      [
        "jitter above 1",
        { restartStrategy: RestartStrategy.exponentialDelay({ jitter: 1.5 }) },
        /restartStrategy\.jitter must be between 0 and 1, got 1\.5/,
      ],
      [
        "maintenance time",
        { maintenanceWindow: { dayOfWeek: "monday", time: "25:00:00" } },
        /maintenanceWindow\.time must be a time of day/,
      ],
      // The service's own rules, known at synth as at plan (schemas/rules/, flink/plans.ts).
      [
        "a Flink version the service does not run",
        { flinkVersion: FlinkVersion.of("2.1") },
        /flinkVersion must be one of `1\.16`, `1\.19`, `1\.20`, got "2\.1"/,
      ],
      [
        "a name that is not a Flink plan",
        { plan: "custom-64" },
        /plan must be a Flink plan: `hobbyist`, `startup-N`, `business-N` or `premium-N`.*got "custom-64"/,
      ],
      [
        "a cloud Flink is not offered on",
        { cloud: "azure-westeurope" },
        /cloud must be an AWS or Google Cloud region .*got "azure-westeurope"/,
      ],
      [
        "a tag key with a space",
        { tags: { "cost center": "eu" } },
        /tags key "cost center" must contain only letters, digits/,
      ],
      [
        "a tech e-mail that is not one",
        { techEmails: ["ops"] },
        /techEmails must be an e-mail address .*got "ops"/,
      ],
      ["an ip filter that is no CIDR", { ipFilter: ["10.0.0.0/33"] }, /ipFilter\[0\] must be a CIDR range/],
    ])("rejects %s", (_name, props, message) => {
      expect(() => service(props)).toThrow(message);
    });

    it("accepts the edges of each range", () => {
      expect(() =>
        service({
          taskSlots: 1024,
          checkpointInterval: Duration.millis(100),
          restartStrategy: RestartStrategy.exponentialDelay({ multiplier: 1.01, jitter: 1 }),
        }),
      ).not.toThrow();
    });

    it("reports every invalid prop in one error", () => {
      expect(() => service({ taskSlots: 2000, parallelismDefault: 0 })).toThrow(
        /taskSlots must be between 1 and 1024, got 2000\n.*parallelismDefault must be between 1 and 128, got 0/,
      );
    });

    it("skips tokens, which are known only at apply", () => {
      const stack = newStack();
      const slots = new TerraformVariable(stack, "slots", { type: "number" });
      const name = new TerraformVariable(stack, "name", { type: "string" });
      expect(
        () =>
          new FlinkService(stack, "Service", {
            ...base,
            serviceName: name.stringValue,
            taskSlots: slots.numberValue,
          }),
      ).not.toThrow();
      expect(synthValidated(stack)).toHaveResourceWithProperties(Service, {
        service_name: "$" + "{var.name}",
      });
    });
  });

  describe("warnings", () => {
    it("warns on a deprecated Flink version", () => {
      expect(warnings(service({ flinkVersion: FlinkVersion.V1_16 }).svc).join("\n")).toMatch(
        /flinkVersion is deprecated/,
      );
      expect(warnings(service({ flinkVersion: FlinkVersion.V1_19 }).svc)).toEqual([]);
    });
  });

  it("imports an existing service by attributes", () => {
    const stack = newStack();
    const imported = FlinkService.fromServiceAttributes(stack, "Existing", {
      project: "local",
      serviceName: "existing",
      plan: "premium-4",
    });
    expect(imported.serviceName).toBe("existing");
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });
});
