/**
 * Property tests of the DynamicValue decoder, the first code to touch what terraform sends: any
 * bytes give a value or a DynamicValueError (which the provider turns into a diagnostic), never
 * another exception, a stack overflow or a polluted prototype; every value of every type survives
 * encode → decode unchanged. Fixed seeds, so a failure replays exactly.
 */
import { Encoder } from "@msgpack/msgpack";
import fc from "fast-check";
import {
  type CtyType,
  DynamicValueError,
  decodeDynamicValue,
  encodeDynamicValue,
  UNKNOWN,
} from "../../../provider/protocol/dynamic-value";

const SEED = 13_2025;
const RUNS = 500;
const msgpack = new Encoder();

/**
 * Attribute and map key names, with the ones that are traps for plain JS objects. `__proto__` has
 * its own test below: the msgpack library refuses it on decoding, so it cannot round-trip.
 */
const key = fc.oneof(
  fc.string({ unit: "grapheme-ascii", maxLength: 8 }).filter((k) => k !== "__proto__"),
  fc.constantFrom("constructor", "toString", "hasOwnProperty", "valueOf", "prototype"),
);

const { type: ctyType } = fc.letrec<{ type: CtyType }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<CtyType>("string", "number", "bool", "dynamic"),
    tie("type").map((t): CtyType => ["list", t]),
    tie("type").map((t): CtyType => ["set", t]),
    tie("type").map((t): CtyType => ["map", t]),
    fc.array(tie("type"), { maxLength: 3 }).map((ts): CtyType => ["tuple", ts]),
    fc
      .uniqueArray(fc.tuple(key, tie("type")), { maxLength: 4, selector: ([k]) => k })
      .map((entries): CtyType => ["object", Object.fromEntries(entries)]),
  ),
}));

/** A plain number msgpack carries exactly (no -0: msgpack writes it as the integer 0). */
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
);
const text = fc.string({ unit: "grapheme", maxLength: 12 });

/** JSON-like values for a "dynamic" attribute: their type is inferred when encoding. */
const { dyn } = fc.letrec<{ dyn: unknown }>((tie) => ({
  dyn: fc.oneof(
    { depthSize: "small" },
    text,
    number,
    fc.boolean(),
    fc.array(tie("dyn"), { maxLength: 3 }),
    fc.uniqueArray(fc.tuple(key, tie("dyn")), { maxLength: 3, selector: ([k]) => k }).map(Object.fromEntries),
  ),
}));

/** A value of the given type, as the engine holds it: null and unknown anywhere. */
function valueArb(type: CtyType): fc.Arbitrary<unknown> {
  const absent = fc.constantFrom(null, UNKNOWN);
  const known = (): fc.Arbitrary<unknown> => {
    if (type === "string") return text;
    if (type === "number") return number;
    if (type === "bool") return fc.boolean();
    if (type === "dynamic") return dyn;
    const [kind, inner] = type;
    if (kind === "list" || kind === "set") return fc.array(valueArb(inner as CtyType), { maxLength: 3 });
    if (kind === "map")
      return fc
        .uniqueArray(fc.tuple(key, valueArb(inner as CtyType)), { maxLength: 3, selector: ([k]) => k })
        .map(Object.fromEntries);
    if (kind === "tuple") return fc.tuple(...(inner as CtyType[]).map(valueArb));
    const attrs = Object.entries(inner as Record<string, CtyType>);
    return fc
      .tuple(...attrs.map(([, t]) => valueArb(t)))
      .map((values) => Object.fromEntries(attrs.map(([k], i) => [k, values[i]])));
  };
  return fc.oneof({ weight: 1, arbitrary: absent }, { weight: 6, arbitrary: known() });
}

const typeAndValue = ctyType.chain((type) => valueArb(type).map((value) => ({ type, value })));

/** Decodes, and says how it ended: a value or a clean error, or rethrows anything else. */
function decodeOrCleanError(input: { msgpack?: Uint8Array; json?: Uint8Array }, type: CtyType): string {
  try {
    decodeDynamicValue(input, type);
    return "value";
  } catch (err) {
    if (err instanceof DynamicValueError) return "error";
    throw err;
  }
}

afterAll(() => {
  // Keys such as __proto__ on the wire stay data: nothing leaked onto every object.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test(`${RUNS} random values of ${RUNS} random types survive encode → decode unchanged`, () => {
  fc.assert(
    fc.property(typeAndValue, ({ type, value }) => {
      const encoded = encodeDynamicValue(value, type);
      const decoded = decodeDynamicValue(encoded, type);
      expect(decoded).toEqual(value);
      // Keys named like Object's own properties come back as own data, not inherited members.
      if (decoded && typeof decoded === "object" && !Array.isArray(decoded))
        expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test(`${RUNS} random byte strings decode to a value or a DynamicValueError, as msgpack and as JSON`, () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), ctyType, (bytes, type) => {
      expect(["value", "error"]).toContain(decodeOrCleanError({ msgpack: bytes }, type));
      expect(["value", "error"]).toContain(decodeOrCleanError({ json: bytes }, type));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test(`${RUNS} damaged encodings (bytes changed, cut short) decode to a value or a DynamicValueError`, () => {
  const damaged = typeAndValue.chain(({ type, value }) => {
    const bytes = encodeDynamicValue(value, type).msgpack;
    return fc
      .tuple(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.nat({ max: bytes.length }),
      )
      .map(([edits, cut]) => {
        const copy = Uint8Array.from(bytes);
        for (const [at, byte] of edits) if (copy.length) copy[at % copy.length] = byte;
        return { type, bytes: copy.subarray(0, Math.max(1, cut)) };
      });
  });
  fc.assert(
    fc.property(damaged, ({ type, bytes }) => {
      expect(["value", "error"]).toContain(decodeOrCleanError({ msgpack: bytes }, type));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test(`${RUNS} dynamic values whose type on the wire is any JSON at all decode or fail cleanly`, () => {
  fc.assert(
    fc.property(fc.json({ depthSize: "medium" }), dyn, (typeJson, value) => {
      const bytes = msgpack.encode([Buffer.from(typeJson), value]);
      expect(["value", "error"]).toContain(decodeOrCleanError({ msgpack: bytes }, "dynamic"));
      const json = Buffer.from(JSON.stringify({ type: JSON.parse(typeJson), value }));
      expect(["value", "error"]).toContain(decodeOrCleanError({ json }, "dynamic"));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

/** Types that look almost right: a known kind with anything beside it, nested. */
const { nearType } = fc.letrec<{ nearType: unknown }>((tie) => ({
  nearType: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("string", "number", "bool", "dynamic", "object", "list"),
    fc.jsonValue({ maxDepth: 2 }),
    fc.tuple(fc.constantFrom("list", "set", "map", "tuple", "object"), tie("nearType")),
    fc.tuple(
      fc.constant("object"),
      fc.dictionary(key, tie("nearType"), { maxKeys: 3 }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    fc.tuple(fc.constant("tuple"), fc.array(tie("nearType"), { maxLength: 3 })),
  ),
}));

test(`${RUNS} dynamic values with almost-right types on the wire decode or fail cleanly`, () => {
  fc.assert(
    fc.property(nearType, fc.oneof(dyn, fc.dictionary(key, dyn, { maxKeys: 3 })), (type, value) => {
      const bytes = msgpack.encode([Buffer.from(JSON.stringify(type)), value]);
      expect(["value", "error"]).toContain(decodeOrCleanError({ msgpack: bytes }, "dynamic"));
      const json = Buffer.from(JSON.stringify({ type, value }));
      expect(["value", "error"]).toContain(decodeOrCleanError({ json }, "dynamic"));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test("attributes named like Object's members that a value leaves out are sent as null, not as Object's members", () => {
  const attributes = new Map<string, CtyType>([
    ["constructor", "string"],
    ["toString", "number"],
    ["valueOf", ["list", "bool"]],
  ]);
  const type: CtyType = ["object", Object.fromEntries(attributes)];
  const decoded = decodeDynamicValue(encodeDynamicValue({}, type), type);
  expect(decoded).toEqual({ constructor: null, toString: null, valueOf: null });
});

test("a map key __proto__ is refused cleanly from msgpack, and stays a plain key from JSON state", () => {
  const type: CtyType = ["map", "string"];
  const bytes = msgpack.encode(JSON.parse('{"__proto__": "x", "a": "b"}'));
  expect(() => decodeDynamicValue({ msgpack: bytes }, type)).toThrow(DynamicValueError);
  const decoded = decodeDynamicValue(
    { json: Buffer.from('{"__proto__": {"polluted": "yes"}, "a": {"k": "v"}}') },
    ["map", ["map", "string"]],
  ) as Record<string, unknown>;
  expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
  expect(Object.keys(decoded).sort()).toEqual(["__proto__", "a"]);
  expect(Object.getOwnPropertyDescriptor(decoded, "__proto__")?.value).toEqual({ polluted: "yes" });
  // Encoding keeps it a key too: a map of two entries (msgpack fixmap 0x82), not one plus a prototype.
  expect(encodeDynamicValue(decoded, ["map", ["map", "string"]]).msgpack[0]).toBe(0x82);
});

test("a dynamic value whose type is nested 10,000 deep is a DynamicValueError, not a stack overflow", () => {
  let type = '"string"';
  for (let i = 0; i < 10_000; i++) type = `["list",${type}]`;
  const bytes = msgpack.encode([Buffer.from(type), []]);
  expect(() => decodeDynamicValue({ msgpack: bytes }, "dynamic")).toThrow(DynamicValueError);
  expect(() => decodeDynamicValue({ msgpack: bytes }, "dynamic")).toThrow(/nested too deeply/);
});

test("numbers beyond a double (1e400 arrives as its digits) are a DynamicValueError naming the attribute", () => {
  const type: CtyType = ["object", { number_of_task_slots: "number" }];
  for (const digits of [`1${"0".repeat(400)}`, `-1${"0".repeat(400)}`, "1e400"]) {
    const bytes = msgpack.encode({ number_of_task_slots: digits });
    const err = (() => {
      try {
        decodeDynamicValue({ msgpack: bytes }, type);
      } catch (e) {
        return e;
      }
    })() as DynamicValueError;
    expect(err).toBeInstanceOf(DynamicValueError);
    expect(err.path).toEqual(["number_of_task_slots"]);
    expect(err.message).toMatch(/the number -?1(\.00)?e\+?400 is out of range/);
  }
});
