import { readFileSync } from "node:fs";
import path from "node:path";
import { renderDocs } from "../../schemas/generate/docs";
import { renderProviderSchema } from "../../schemas/generate/provider-schema";
import { allSpecs } from "../../schemas/index";

const root = path.resolve(__dirname, "..", "..");
const committed = JSON.parse(readFileSync(path.join(root, "schemas/generated/provider-schema.json"), "utf8"));
const flink = committed.provider_schemas["registry.terraform.io/flinkform/flink"];
const resource = (name: string) => flink.resource_schemas[name].block;

test("the committed provider-schema.json is what the specs generate (run `npm run generate`)", () => {
  expect(renderProviderSchema(allSpecs)).toEqual(committed);
});

test("the committed docs are what the specs and examples generate (run `npm run generate`)", () => {
  for (const doc of renderDocs(root, allSpecs)) {
    expect({ path: doc.path, content: readFileSync(path.join(root, doc.path), "utf8") }).toEqual(doc);
  }
});

test("it has terraform's JSON shape and every type of the surface", () => {
  expect(committed.format_version).toBe("1.0");
  expect(Object.keys(flink.resource_schemas).sort()).toEqual([
    "flink_application",
    "flink_application_deployment",
    "flink_application_version",
    "flink_integration_endpoint",
    "flink_jar_application",
    "flink_jar_application_deployment",
    "flink_jar_application_version",
    "flink_service",
    "flink_service_integration",
  ]);
  expect(Object.keys(flink.data_source_schemas).sort()).toEqual([
    "flink_application",
    "flink_application_version",
    "flink_service",
  ]);
});

test("flink_user_config is a single nested attribute, not a list-of-one block", () => {
  const userConfig = resource("flink_service").attributes.flink_user_config;
  expect(userConfig.nested_type.nesting_mode).toBe("single");
  expect(userConfig.nested_type.attributes.restart_strategy.nested_type.attributes.type.required).toBe(true);
  expect(resource("flink_service").block_types).toBeUndefined();
});

test("version tables are repeated blocks as in the official provider", () => {
  const block = resource("flink_application_version");
  expect(block.block_types.source).toMatchObject({ nesting_mode: "set", max_items: 64 });
  expect(block.block_types.sink.block.attributes.create_table).toMatchObject({
    type: "string",
    required: true,
  });
});

test("secrets are sensitive", () => {
  expect(flink.provider.block.attributes.api_token.sensitive).toBe(true);
  const endpoint = resource("flink_integration_endpoint").attributes;
  expect(endpoint.external_kafka.nested_type.attributes.sasl_plain_password.sensitive).toBe(true);
  expect(endpoint.external_postgresql.nested_type.attributes.password.sensitive).toBe(true);
  expect(resource("flink_service").attributes.service_uri.sensitive).toBe(true);
});

test("defaults make an attribute optional and computed; descriptions carry the validator's constraints", () => {
  const parallelism = resource("flink_application_deployment").attributes.parallelism;
  expect(parallelism).toMatchObject({ type: "number", optional: true, computed: true });
  expect(parallelism.description).toContain("Value must be between 1 and 128.");
  expect(parallelism.description).toContain("Defaults to `1`.");
});
