import { parseId, pathParams, renderId } from "../../../provider/engine/path-params";
import { ResourceEngine } from "../../../provider/engine/resource-engine";
import { resourceSpecs } from "../../../schemas/index";
import { flinkApplicationDeploymentSpec } from "../../../schemas/resources/flink-application-deployment";
import { flinkServiceSpec } from "../../../schemas/resources/flink-service";

describe("import ids", () => {
  test.each([
    ["flink_service", "local/flink-1", { project: "local", service_name: "flink-1" }],
    ["flink_integration_endpoint", "local/e-1", { project: "local", endpoint_id: "e-1" }],
    ["flink_service_integration", "local/i-1", { project: "local", integration_id: "i-1" }],
    [
      "flink_application",
      "local/flink-1/a-1",
      { project: "local", service_name: "flink-1", application_id: "a-1" },
    ],
    [
      "flink_application_version",
      "local/flink-1/a-1/v-1",
      { project: "local", service_name: "flink-1", application_id: "a-1", application_version_id: "v-1" },
    ],
    [
      "flink_application_deployment",
      "local/flink-1/a-1/d-1",
      { project: "local", service_name: "flink-1", application_id: "a-1", deployment_id: "d-1" },
    ],
  ])("%s accepts %s", (typeName, id, expected) => {
    const spec = resourceSpecs.find((s) => s.typeName === typeName)!;
    expect(parseId(spec.id, id)).toEqual(expected);
    // The imported state carries the id as given and nulls for everything the read fills in.
    const state = new ResourceEngine(spec).importState(id)!;
    expect(state).toMatchObject({ ...expected, id });
    expect(Object.keys(state).sort()).toEqual(Object.keys(spec.attributes).sort());
    // Rendering the parsed parts gives the same id back.
    expect(renderId(spec.id, state)).toBe(id);
  });

  test.each([
    ["too few parts", "local"],
    ["too many parts", "local/flink-1/extra"],
    ["an empty part", "local/"],
    ["a leading slash", "/flink-1"],
    ["an empty id", ""],
  ])("a service id with %s is refused", (_, id) => {
    expect(parseId(flinkServiceSpec.id, id)).toBeUndefined();
    expect(new ResourceEngine(flinkServiceSpec).importState(id)).toBeUndefined();
  });

  test("a deployment id of three parts (an application id) is refused", () => {
    expect(parseId(flinkApplicationDeploymentSpec.id, "local/flink-1/a-1")).toBeUndefined();
  });
});

describe("path parameters", () => {
  test("takes each template name from the values, numbers as text", () => {
    expect(
      pathParams("/project/{project}/service/{service_name}/x/{n}", {
        project: "p",
        service_name: "s",
        n: 3,
        other: 1,
      }),
    ).toEqual({ project: "p", service_name: "s", n: "3" });
  });

  test("a missing or unknown value is an error naming the parameter and the path", () => {
    expect(() => pathParams("/project/{project}/service/{service_name}", { project: "p" })).toThrow(
      "no value for service_name, needed by /project/{project}/service/{service_name}",
    );
    expect(() => pathParams("/project/{project}", { project: null })).toThrow("no value for project");
  });
});
