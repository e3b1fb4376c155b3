import { defaultWaitTiming } from "../../../provider/engine/waits";

describe("defaultWaitTiming", () => {
  test.each([
    ["https://api.aiven.io/v1", { minIntervalMs: 2000, maxIntervalMs: 10_000 }],
    ["http://10.0.0.5:8080/v1", { minIntervalMs: 2000, maxIntervalMs: 10_000 }],
    ["http://127.0.0.1:41234/v1", { minIntervalMs: 250, maxIntervalMs: 1000 }],
    ["http://localhost:8080/v1", { minIntervalMs: 250, maxIntervalMs: 1000 }],
    ["http://[::1]:8080/v1", { minIntervalMs: 250, maxIntervalMs: 1000 }],
    ["not a url", { minIntervalMs: 2000, maxIntervalMs: 10_000 }],
  ])("polls %s at %j", (url, timing) => {
    expect(defaultWaitTiming({}, url)).toEqual(timing);
  });

  test("FLINKFORM_POLL_INTERVAL_MS sets the shortest gap, remote or local", () => {
    expect(defaultWaitTiming({ FLINKFORM_POLL_INTERVAL_MS: "40" }, "http://127.0.0.1:1/v1")).toEqual({
      minIntervalMs: 40,
      maxIntervalMs: 1000,
    });
    expect(defaultWaitTiming({ FLINKFORM_POLL_INTERVAL_MS: "40" }, "https://api.aiven.io/v1")).toEqual({
      minIntervalMs: 40,
      maxIntervalMs: 10_000,
    });
  });
});
