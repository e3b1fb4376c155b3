import type { ProviderSchemaJson } from "../../../provider/protocol/cty-type";
import { lookupType } from "../../../provider/protocol/grpc-definitions";
import { providerSchemaToProto } from "../../../provider/protocol/schema-to-proto";
import echoSchema from "./fixtures/echo-schema.json";

const schema = echoSchema as unknown as ProviderSchemaJson;

/** What terraform receives: the response through the real protobuf encoding. */
// biome-ignore lint/suspicious/noExplicitAny: decoded protobuf objects are walked freely in assertions.
function overTheWire(value: object): Record<string, any> {
  const type = lookupType("tfplugin6.GetProviderSchema.Response");
  const bytes = type.encode(type.fromObject(value)).finish();
  return type.toObject(type.decode(bytes), { longs: Number, enums: String, defaults: false });
}

describe("providerSchemaToProto", () => {
  const wire = overTheWire(providerSchemaToProto(schema));
  const echo = wire.resource_schemas.flink_echo.block;
  const attr = (name: string) => echo.attributes.find((a: { name: string }) => a.name === name);

  it("sends attribute types as cty JSON bytes", () => {
    expect(Buffer.from(attr("name").type).toString()).toBe('"string"');
    expect(Buffer.from(attr("tags").type).toString()).toBe('["map","string"]');
    expect(attr("name")).toMatchObject({
      required: true,
      description: "The echoed name.",
      description_kind: "PLAIN",
    });
  });

  it("keeps sensitive, deprecated and markdown descriptions", () => {
    expect(attr("token").sensitive).toBe(true);
    expect(attr("legacy").deprecated).toBe(true);
    const greeting = wire.provider.block.attributes.find((a: { name: string }) => a.name === "greeting");
    expect(greeting.description_kind).toBe("MARKDOWN");
  });

  it("turns nested_type into a Schema.Object with its nesting", () => {
    const settings = attr("settings");
    expect(settings.type).toBeUndefined();
    expect(settings.nested_type.nesting).toBe("SINGLE");
    expect(settings.nested_type.attributes.map((a: { name: string }) => a.name)).toEqual(["mode", "slots"]);
  });

  it("turns block_types into nested blocks with nesting and item limits", () => {
    expect(echo.block_types).toEqual([
      expect.objectContaining({ type_name: "item", nesting: "LIST", max_items: 5 }),
      expect.objectContaining({ type_name: "owner", nesting: "SINGLE" }),
    ]);
  });

  it("advertises plan_destroy and that terraform may reuse the schema across processes", () => {
    expect(wire.server_capabilities).toMatchObject({
      plan_destroy: true,
      get_provider_schema_optional: true,
    });
    expect(Object.keys(wire.data_source_schemas)).toEqual(["flink_echo_info"]);
  });

  it("returns the same response object for the same schema, so its encoding is cached", () => {
    expect(providerSchemaToProto(schema)).toBe(providerSchemaToProto(schema));
  });

  it("rejects attributes with neither type nor nested_type", () => {
    const bad = {
      provider: { version: 0, block: { attributes: { x: { optional: true } } } },
    } as ProviderSchemaJson;
    expect(() => providerSchemaToProto(bad)).toThrow(/"x" has neither type nor nested_type/);
  });
});
