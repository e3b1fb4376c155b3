import { checkDeploymentSlots } from "../../../schemas/rules/slots";

describe("checkDeploymentSlots", () => {
  const service = { nodeCount: 3, taskSlotsPerNode: 2 }; // 6 slots

  test("deployments that fit give no diagnostics", () => {
    expect(
      checkDeploymentSlots({
        ...service,
        deployments: [
          { name: "a", parallelism: 4 },
          { name: "b", parallelism: 2 },
        ],
      }),
    ).toEqual([]);
  });

  test("one deployment above the total is an error naming the numbers", () => {
    const [d, ...rest] = checkDeploymentSlots({
      ...service,
      deployments: [{ name: "clicks", parallelism: 8 }],
    });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: "error", code: "slots-parallelism-exceeds", deployment: "clicks" });
    expect(d!.message).toContain("parallelism 8");
    expect(d!.message).toContain("6 task slots (3 nodes × 2 number_of_task_slots)");
  });

  test("the sum above the total is only a warning (session mode)", () => {
    const diags = checkDeploymentSlots({
      ...service,
      deployments: [
        { name: "a", parallelism: 4 },
        { name: "b", parallelism: 4 },
      ],
    });
    expect(diags).toEqual([expect.objectContaining({ severity: "warning", code: "slots-total-exceeds" })]);
    expect(diags[0]!.message).toContain("need 8 task slots");
  });

  test.each([
    [{ nodeCount: 0, taskSlotsPerNode: 2, deployments: [] }],
    [{ nodeCount: 1, taskSlotsPerNode: 1.5, deployments: [] }],
    [{ nodeCount: 1, taskSlotsPerNode: 1, deployments: [{ name: "a", parallelism: 0 }] }],
  ])("bad numbers are errors, not crashes: %j", (input) => {
    expect(checkDeploymentSlots(input)).toEqual([
      expect.objectContaining({ severity: "error", code: "slots-invalid" }),
    ]);
  });
});
