import { renderSummary, stateResources } from "../../cli/demo/summary";

describe("demo summary", () => {
  test("shows service state, slot usage, each application's deployment and its last savepoint", () => {
    const text = renderSummary([
      {
        name: "clickstream",
        plan: "business-4",
        cloud: "google-europe-west1",
        state: "RUNNING",
        slotsTotal: 4,
        slotsUsed: 3,
        applications: [
          {
            name: "clicks-per-minute",
            versions: 2,
            deployment: { status: "RUNNING", parallelism: 2, jobId: "j1", lastSavepoint: "s3://sp/1" },
          },
          { name: "sessions", versions: 1, deployment: { status: "FAILED", parallelism: 1, error: "boom" } },
          { name: "draft", versions: 1 },
        ],
      },
    ]);
    expect(text.split("\n")).toEqual([
      "  service           clickstream (business-4, google-europe-west1): RUNNING",
      "  task slots        3 used / 4 total",
      "  application       clicks-per-minute (2 versions)",
      "    deployment      RUNNING (parallelism 2, job j1)",
      "    last savepoint  s3://sp/1",
      "  application       sessions (1 version)",
      "    deployment      FAILED (parallelism 1)",
      "    error           boom",
      "    last savepoint  none yet",
      "  application       draft (1 version)",
      "    deployment      none",
      "",
    ]);
  });

  test("says so when the state holds no Flink service", () => {
    expect(renderSummary([])).toBe("  no Flink service in the terraform state\n");
  });

  test("finds resources in child modules of `terraform show -json`", () => {
    const show = JSON.stringify({
      values: {
        root_module: {
          resources: [{ type: "flink_service", values: { service_name: "a" } }],
          child_modules: [{ resources: [{ type: "flink_application", values: { name: "b" } }] }],
        },
      },
    });
    expect(stateResources(show).map((r) => r.type)).toEqual(["flink_service", "flink_application"]);
    expect(stateResources("{}")).toEqual([]);
  });
});
