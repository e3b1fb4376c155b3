import { integer, listOf, mapOf, string } from "../../schemas/dsl/builders";
import { assertSpecsValid, checkResourceSpec, SpecError } from "../../schemas/dsl/check-spec";
import { defineResource } from "../../schemas/dsl/define";
import type { ResourceSpec } from "../../schemas/dsl/types";
import { allSpecs } from "../../schemas/index";

const base: ResourceSpec = defineResource({
  typeName: "flink_widget",
  description: "A test resource.",
  schemaVersion: 0,
  id: "{project}/{widget_id}",
  importFormat: "PROJECT/WIDGET_ID",
  attributes: {
    id: string("Id.", { computed: true, api: false }),
    project: string("Project.", { required: true, replaceOnChange: true }),
    size: integer("Size.", { optional: true, min: 1, max: 10 }),
    widget_id: string("Widget id.", { computed: true }),
  },
  operations: {
    create: { method: "POST", path: "/project/{project}/widget" },
    read: { method: "GET", path: "/project/{project}/widget/{widget_id}" },
    update: { method: "PUT", path: "/project/{project}/widget/{widget_id}" },
    delete: { method: "DELETE", path: "/project/{project}/widget/{widget_id}" },
  },
  onReadNotFound: "remove",
  timeouts: { create: "1m", read: "1m", update: "1m", delete: "1m" },
});

const withAttribute = (name: string, attr: object): ResourceSpec => ({
  ...base,
  attributes: { ...base.attributes, [name]: attr as ResourceSpec["attributes"][string] },
});

test("the real specs pass every check", () => {
  expect(() => assertSpecsValid(allSpecs)).not.toThrow();
});

test("a well-formed spec has no problems", () => {
  expect(checkResourceSpec(base)).toEqual([]);
});

test.each([
  [
    "an unknown key",
    withAttribute("size", { ...base.attributes.size, maxx: 3 }),
    'flink_widget: attribute "size": unknown key "maxx"',
  ],
  [
    "required and computed together",
    withAttribute("name", string("Name.", { required: true, computed: true })),
    'flink_widget: attribute "name": cannot be both required and computed',
  ],
  [
    "a default on a required attribute",
    withAttribute("name", string("Name.", { required: true, default: "x" })),
    'flink_widget: attribute "name": a required attribute cannot have a default',
  ],
  [
    "a path template naming a missing attribute",
    {
      ...base,
      operations: {
        ...base.operations,
        read: { method: "GET", path: "/project/{project}/widget/{widgt_id}" },
      },
    },
    'flink_widget: operation read: path /project/{project}/widget/{widgt_id} names a missing attribute "widgt_id"',
  ],
  [
    "an id template naming a missing attribute",
    { ...base, id: "{project}/{name}" },
    'flink_widget: id template {project}/{name} names a missing attribute "name"',
  ],
  [
    "a default outside the range",
    withAttribute("size", integer("Size.", { optional: true, min: 1, max: 10, default: 11 })),
    'flink_widget: attribute "size": default 11 is outside its range',
  ],
  [
    "a nested unknown key",
    withAttribute("config", {
      kind: "object",
      description: "C.",
      optional: true,
      attributes: { slots: { kind: "number", description: "S.", optional: true, minimum: 1 } },
    }),
    'flink_widget: attribute "config.slots": unknown key "minimum"',
  ],
  [
    "a format on a number",
    withAttribute("size", integer("Size.", { optional: true, format: "cidr" })),
    'flink_widget: attribute "size": enum/pattern/format/length apply to strings only',
  ],
  [
    "an unknown format",
    withAttribute("net", string("Net.", { optional: true, format: "cdir" as "cidr" })),
    'flink_widget: attribute "net": unknown format "cdir"',
  ],
  [
    "a key spec on a list",
    withAttribute("names", listOf(string(""), "Names.", { optional: true, key: string("") })),
    'flink_widget: attribute "names": only a map takes a key spec',
  ],
  [
    "a key spec that is not a string",
    withAttribute("labels", mapOf(string(""), "Labels.", { optional: true, key: integer("") })),
    'flink_widget: attribute "labels": a map key spec must be a string',
  ],
  [
    "an in-place attribute without an update operation",
    { ...base, operations: { ...base.operations, update: undefined } },
    'flink_widget: attribute "size" can change in place but the resource has no update operation',
  ],
  [
    "a list read that is not a GET",
    {
      ...base,
      listRead: {
        operation: { method: "POST", path: "/project/{project}/widget" },
        key: "widgets",
        match: { widget_id: "id" },
      },
    },
    "flink_widget: listRead must be a GET, not POST",
  ],
  [
    "a list read matching a missing attribute",
    {
      ...base,
      listRead: {
        operation: { method: "GET", path: "/project/{project}/widget" },
        key: "widgets",
        match: { widgt_id: "id" },
      },
    },
    'flink_widget: listRead matches a missing attribute "widgt_id"',
  ],
])("%s is reported naming the spec and the attribute", (_label, spec, problem) => {
  expect(checkResourceSpec(spec as ResourceSpec)).toContain(problem);
});

test("generation stops with every problem listed", () => {
  const bad = withAttribute("name", string("Name.", { required: true, computed: true }));
  const run = () => assertSpecsValid({ ...allSpecs, resources: [...allSpecs.resources, bad, bad] });
  expect(run).toThrow(SpecError);
  expect(run).toThrow(/flink_widget: attribute "name": cannot be both required and computed/);
  expect(run).toThrow(/flink_widget: defined twice/);
});
