import {
  blockToCtyType,
  type CtyType,
  DynamicValueError,
  decodeDynamicValue,
  encodeDynamicValue,
  isUnknown,
  UNKNOWN,
} from "../../../provider/protocol/dynamic-value";
import schema from "./fixtures/echo-schema.json";

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ""), "hex");
const str = (s: string) => Buffer.from(s).toString("hex");

const objType: CtyType = ["object", { name: "string", slots: "number", on: "bool" }];

describe("decodeDynamicValue", () => {
  it("reads plain unknowns (ext 0) and refined unknowns (ext 12) as the same sentinel", () => {
    // name = "child-${x.id}" and slots = length(x.id), as terraform 1.11 sends them.
    const refinedPrefix = `c7 0b 0c 82 01 c2 02 a6 ${str("child-")}`;
    const refinedBound = "c7 07 0c 82 01 c2 03 92 00 c3";
    const bytes = hex(
      `83 a4 ${str("name")} ${refinedPrefix} a5 ${str("slots")} ${refinedBound} a2 ${str("on")} d4 00 00`,
    );
    const value = decodeDynamicValue({ msgpack: bytes }, objType) as Record<string, unknown>;
    expect(isUnknown(value.name)).toBe(true);
    expect(value.slots).toBe(UNKNOWN);
    expect(value.on).toBe(UNKNOWN);
  });

  it("accepts numbers as msgpack int, float or string", () => {
    const type: CtyType = ["list", "number"];
    const bytes = hex(
      `93 05 cb ${Buffer.from(new Float64Array([2.5]).buffer)
        .reverse()
        .toString("hex")} a4 ${str("1e21")}`,
    );
    expect(decodeDynamicValue({ msgpack: bytes }, type)).toEqual([5, 2.5, 1e21]);
  });

  it("fills attributes the wire leaves out with null and drops ones the type does not have", () => {
    const bytes = encodeRaw({ name: "a", extra: 1 });
    expect(decodeDynamicValue({ msgpack: bytes }, objType)).toEqual({ name: "a", slots: null, on: null });
  });

  it("reads JSON state (UpgradeResourceState raw_state)", () => {
    const json = Buffer.from(JSON.stringify({ name: "a", slots: 2, on: true }));
    expect(decodeDynamicValue({ json }, objType)).toEqual({ name: "a", slots: 2, on: true });
  });

  it("treats an empty DynamicValue as null", () => {
    expect(decodeDynamicValue({}, objType)).toBeNull();
    expect(decodeDynamicValue({ msgpack: hex("c0") }, objType)).toBeNull();
  });

  it("reports garbage bytes and type mismatches as DynamicValueError with a path", () => {
    expect(() => decodeDynamicValue({ msgpack: hex("c1 ff") }, objType)).toThrow(DynamicValueError);
    expect(() => decodeDynamicValue({ json: Buffer.from("{nope") }, objType)).toThrow(/malformed JSON/);
    const wrong = encodeRaw({ name: 5 });
    expect(() => decodeDynamicValue({ msgpack: wrong }, objType)).toThrow(/expected a string.*at name/);
  });
});

describe("encodeDynamicValue", () => {
  it("writes unknown as fixext1 type 0 (d4 00 00)", () => {
    expect(encodeDynamicValue(UNKNOWN, "string").msgpack.toString("hex")).toBe("d40000");
  });

  it("writes objects with exactly the type's attributes: missing become nil, extras are dropped", () => {
    const { msgpack } = encodeDynamicValue({ name: "a", extra: "x" }, objType);
    expect(msgpack.toString("hex")).toBe(
      `83a4${str("name")}a1${str("a")}a5${str("slots")}c0a2${str("on")}c0`,
    );
  });

  it("round-trips nested collections, maps, sets and unknowns", () => {
    const type: CtyType = [
      "object",
      {
        tags: ["map", "string"],
        items: ["list", ["object", { key: "string" }]],
        ids: ["set", "number"],
        id: "string",
      },
    ];
    const value = { tags: { a: "1" }, items: [{ key: "k" }], ids: [1, 2], id: UNKNOWN };
    expect(decodeDynamicValue(encodeDynamicValue(value, type), type)).toEqual(value);
  });

  it("wraps dynamic values with their type, as cty does", () => {
    const value = { a: "x", b: [1, true] };
    const decoded = decodeDynamicValue(encodeDynamicValue(value, "dynamic"), "dynamic");
    expect(decoded).toEqual(value);
  });

  it("refuses values that do not fit the type, naming the attribute", () => {
    expect(() => encodeDynamicValue({ name: "a", slots: "many" }, objType)).toThrow(
      /expected a number.*at slots/,
    );
    expect(() => encodeDynamicValue({ name: "a", slots: Number.NaN }, objType)).toThrow(DynamicValueError);
  });
});

describe("blockToCtyType", () => {
  it("gives the implied object type of a block, with nested attributes and blocks", () => {
    expect(blockToCtyType(schema.resource_schemas.flink_echo.block as never)).toEqual([
      "object",
      {
        delay_ms: "number",
        id: "string",
        label: "string",
        legacy: "string",
        name: "string",
        number: "number",
        settings: ["object", { mode: "string", slots: "number" }],
        tags: ["map", "string"],
        token: "string",
        item: ["list", ["object", { key: "string", weight: "number" }]],
        owner: ["object", { email: "string" }],
      },
    ]);
  });

  it("maps every nesting mode", () => {
    const inner = { attributes: { x: { type: "string" as const } } };
    const block = {
      attributes: {
        l: { nested_type: { attributes: inner.attributes, nesting_mode: "list" as const } },
        s: { nested_type: { attributes: inner.attributes, nesting_mode: "set" as const } },
        m: { nested_type: { attributes: inner.attributes, nesting_mode: "map" as const } },
      },
      block_types: {
        g: { nesting_mode: "group" as const, block: inner },
        bs: { nesting_mode: "set" as const, block: inner },
        bm: { nesting_mode: "map" as const, block: inner },
      },
    };
    const x = ["object", { x: "string" }];
    expect(blockToCtyType(block)).toEqual([
      "object",
      { l: ["list", x], s: ["set", x], m: ["map", x], g: x, bs: ["set", x], bm: ["map", x] },
    ]);
  });
});

function encodeRaw(value: unknown): Buffer {
  const { encode } = require("@msgpack/msgpack") as typeof import("@msgpack/msgpack");
  return Buffer.from(encode(value));
}
