import {
  type ApplicationVersionInput,
  parseCreateTable,
  validateApplicationVersion,
} from "../../../schemas/sql";
import { FORMATS } from "../../../schemas/sql/format-options";

/**
 * Format options (schemas/sql/format-options.ts): which keys a kafka or upsert-kafka table may write for
 * its formats, and which values the planner refuses. The cases mirror bench/sql-corpus/formats.json,
 * whose verdicts come from Flink 1.20.3's planner.
 */

type Options = Record<string, string>;
const q = (v: string) => v.replace(/'/g, "''");
const withClause = (o: Options) =>
  Object.entries(o)
    .map(([k, v]) => `  '${k}' = '${q(v)}'`)
    .join(",\n");

const KAFKA_SOURCE: Options = {
  connector: "kafka",
  topic: "k",
  "properties.bootstrap.servers": "localhost:9092",
  "scan.startup.mode": "earliest-offset",
};
const KAFKA_SINK: Options = {
  connector: "kafka",
  topic: "o",
  "properties.bootstrap.servers": "localhost:9092",
};
const UPSERT_SINK: Options = {
  connector: "upsert-kafka",
  topic: "o",
  "properties.bootstrap.servers": "localhost:9092",
};

/** One CREATE TABLE per line of option, so positions are easy to check. */
const table = (name: string, options: Options, cols = "id BIGINT, name STRING") =>
  `CREATE TABLE ${name} (${cols}) WITH (\n${withClause(options)}\n)`;

const asSource = (options: Options, cols?: string): ApplicationVersionInput => ({
  statement: "INSERT INTO snk SELECT * FROM k",
  sources: [{ create_table: table("k", { ...KAFKA_SOURCE, ...options }, cols) }],
  sinks: [{ create_table: table("snk", { connector: "blackhole" }, cols) }],
});
const asSink = (options: Options, base = KAFKA_SINK, cols?: string): ApplicationVersionInput => ({
  statement: "INSERT INTO snk SELECT * FROM g",
  sources: [{ create_table: table("g", { connector: "datagen" }, cols) }],
  sinks: [
    {
      create_table: table(
        "snk",
        { ...base, ...options },
        base === UPSERT_SINK ? "id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED" : cols,
      ),
    },
  ],
});

const errors = (input: ApplicationVersionInput) =>
  validateApplicationVersion(input).filter((d) => d.severity === "error");
const codes = (input: ApplicationVersionInput) => errors(input).map((d) => d.code);

/** A valid value of each option: booleans false (no rule between options fires), enums their first value. */
function validValue(format: string, option: string): string {
  const { type } = FORMATS[format]!.options[option]!;
  switch (type.kind) {
    case "bool":
      return "false";
    case "enum":
      return type.values[0]!;
    case "char":
      return ";";
    default:
      return option.includes("include") ? "db_.*" : "x";
  }
}
const everyOption = (format: string, prefix: string): Options =>
  Object.fromEntries(Object.keys(FORMATS[format]!.options).map((o) => [prefix + o, validValue(format, o)]));

const SLOTS: [string, (format: string) => Options, (format: string) => string][] = [
  ["'format'", (f) => ({ format: f }), (f) => `${f}.`],
  ["'value.format'", (f) => ({ "value.format": f }), (f) => `value.${f}.`],
  ["'key.format'", (f) => ({ format: "json", "key.format": f, "key.fields": "name" }), (f) => `key.${f}.`],
];
const CDC = ["debezium-json", "canal-json", "maxwell-json", "ogg-json", "debezium-avro-confluent"];

describe("every option of every format is accepted", () => {
  const rows = Object.keys(FORMATS).flatMap((format) =>
    SLOTS.filter(([slot]) => !(slot === "'key.format'" && CDC.includes(format))).map(
      ([slot, declare, prefix]) => [format, slot, declare, prefix] as const,
    ),
  );
  test.each(rows)("%s set by %s, on a source and a sink", (format, _slot, declare, prefix) => {
    const options = { ...declare(format), ...everyOption(format, prefix(format)) };
    const cols = format === "raw" ? "name STRING" : undefined;
    expect(errors(asSource(options, cols))).toEqual([]);
    expect(errors(asSink(options, KAFKA_SINK, cols))).toEqual([]);
  });

  test("upsert-kafka: key.<format>.* and value.<format>.*", () => {
    const options = {
      "key.format": "json",
      "value.format": "csv",
      ...everyOption("json", "key.json."),
      ...everyOption("csv", "value.csv."),
    };
    expect(errors(asSink(options, UPSERT_SINK))).toEqual([]);
  });

  test("the Confluent registry formats take properties.* and the legacy schema-registry.* keys", () => {
    const options = {
      "value.format": "avro-confluent",
      "value.avro-confluent.url": "http://registry:8081",
      "value.avro-confluent.schema-registry.subject": "k-value",
      "value.avro-confluent.properties.max.schemas.per.subject": "10",
    };
    expect(errors(asSource(options))).toEqual([]);
  });
});

describe("an unknown option of a known format", () => {
  const cases: [string, Options, string, string, RegExp][] = [
    [
      "json typo",
      { format: "json" },
      "json.ignore-parse-error",
      "json",
      /did you mean 'json\.ignore-parse-errors'\?/,
    ],
    [
      "csv under value.",
      { "value.format": "csv" },
      "value.csv.delimiter",
      "csv",
      /value\.csv\.field-delimiter/,
    ],
    [
      "a json option on debezium-json",
      { format: "debezium-json" },
      "debezium-json.fail-on-missing-field",
      "debezium-json",
      /debezium-json\.schema-include/,
    ],
    [
      "avro.codec on kafka (an avro file option)",
      { format: "avro" },
      "avro.codec",
      "avro",
      /avro files written by the filesystem connector/,
    ],
    ["keys are case-sensitive", { format: "json" }, "json.IGNORE-PARSE-ERRORS", "json", /did you mean/],
    [
      "an unknown key option",
      { format: "json", "key.format": "raw", "key.fields": "name" },
      "key.raw.nope",
      "raw",
      /key\.raw\.endianness/,
    ],
  ];
  test.each(cases)("%s", (_name, declare, key, format, detail) => {
    const input = asSource({ ...declare, [key]: "x" });
    const found = errors(input);
    expect(found.map((d) => d.code)).toEqual(["option-unknown"]);
    const [d] = found;
    expect(d!.message).toContain(`format '${format}'`);
    expect(d!.message).toContain(`no option '${key}'`);
    expect(d!.message).toMatch(/allowed: /i);
    expect(d!.message).toMatch(detail);
    expect(d!.location).toEqual({ part: "source", index: 0 });
    // At the option's `'key' = 'value'`, as the unknown connector options.
    const sql = input.sources[0]!.create_table!;
    const lines = sql.split("\n");
    const line = lines.findIndex((l) => l.includes(`'${key}'`));
    expect(d!.position).toMatchObject({ line: line + 1, column: lines[line]!.indexOf(`'${key}'`) + 1 });
    const parsed = parseCreateTable(sql);
    if ("error" in parsed) throw new Error(parsed.error.message);
    expect(d!.position).toEqual(parsed.optionPositions[key]);
  });

  test("the allowed keys are listed with the table's prefix", () => {
    const [d] = errors(asSource({ "value.format": "raw", "value.raw.nope": "x" }, "name STRING"));
    expect(d!.message).toMatch(/allowed: value\.raw\.charset, value\.raw\.endianness$/);
  });
});

describe("an option prefixed with a format the table does not use there", () => {
  const cases: [string, ApplicationVersionInput, string, RegExp][] = [
    [
      "another format's option",
      asSource({ format: "json", "avro.codec": "snappy" }),
      "avro.codec",
      /'avro\.codec' belongs to format 'avro', which this table does not use$/,
    ],
    [
      "json.* with 'value.format'",
      asSource({ "value.format": "json", "json.ignore-parse-errors": "true" }),
      "json.ignore-parse-errors",
      /format 'json' is set by 'value\.format', so its options are written 'value\.json\.<option>'/,
    ],
    [
      "value.json.* with 'format'",
      asSource({ format: "json", "value.json.ignore-parse-errors": "true" }),
      "value.json.ignore-parse-errors",
      /set by 'format', so its options are written 'json\.<option>'/,
    ],
    [
      "key.json.* without 'key.format'",
      asSource({ format: "csv", "key.json.ignore-parse-errors": "true" }),
      "key.json.ignore-parse-errors",
      /belongs to format 'json', which this table does not use/,
    ],
    [
      "value.<format>.* when 'format' overrides 'value.format'",
      asSource({ format: "json", "value.format": "csv", "value.csv.field-delimiter": ";" }),
      "value.csv.field-delimiter",
      /'value\.format' is ignored when 'format' is set/,
    ],
    [
      "upsert-kafka writes value.<format>.*",
      asSink(
        { "key.format": "json", "value.format": "json", "json.ignore-parse-errors": "true" },
        UPSERT_SINK,
      ),
      "json.ignore-parse-errors",
      /'value\.json\.<option>'/,
    ],
    [
      "a format name in another case",
      asSource({ format: "JSON", "json.ignore-parse-errors": "true" }),
      "json.ignore-parse-errors",
      /format names are case-sensitive: 'JSON' is not 'json'/,
    ],
  ];
  test.each(cases)("%s", (_name, input, key, message) => {
    const found = errors(input).filter((d) => d.code === "option-unknown");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`option '${key}'`);
    expect(found[0]!.message).toMatch(message);
  });

  test("a LIKE table may inherit the format: its format-prefixed keys are not reported", () => {
    const input: ApplicationVersionInput = {
      statement: "INSERT INTO snk SELECT * FROM k2",
      sources: [
        { create_table: table("k", { ...KAFKA_SOURCE, format: "json" }) },
        { create_table: "CREATE TABLE k2 WITH ('json.ignore-parse-errors' = 'true') LIKE k" },
      ],
      sinks: [{ create_table: table("snk", { connector: "blackhole" }) }],
    };
    expect(codes(input)).toEqual([]);
  });

  test("upsert-kafka takes no 'format'", () => {
    expect(codes(asSink({ "key.format": "json", format: "json" }, UPSERT_SINK))).toEqual([
      "option-not-allowed",
      "option-required",
    ]);
  });
});

describe("values the planner refuses", () => {
  // [format, option, value, role, refused]: refused false = the planner takes it (on that side).
  const cases: [string, string, string, "source" | "sink", boolean][] = [
    ["json", "timestamp-format.standard", "ISO-8601", "source", false],
    ["json", "timestamp-format.standard", "iso-8601", "source", true],
    ["json", "timestamp-format.standard", "SQL ", "sink", true],
    ["canal-json", "timestamp-format.standard", "RFC-3339", "sink", true],
    ["json", "map-null-key.mode", "drop", "sink", false],
    ["json", "map-null-key.mode", "IGNORE", "sink", true],
    ["json", "map-null-key.mode", "IGNORE", "source", false],
    ["ogg-json", "map-null-key.mode", "nope", "sink", true],
    ["json", "ignore-parse-errors", "TRUE", "source", false],
    ["json", "ignore-parse-errors", "yes", "source", true],
    ["maxwell-json", "encode.ignore-null-fields", "1", "sink", true],
    ["avro", "encoding", "JSON", "source", false],
    ["avro", "encoding", "xml", "sink", true],
    ["avro", "timestamp_mapping.legacy", "maybe", "source", true],
    ["raw", "endianness", "LITTLE-ENDIAN", "sink", false],
    ["raw", "endianness", "middle", "source", true],
    ["raw", "charset", "UTF-9", "source", false], // refused by the planner, not checked here
    ["csv", "field-delimiter", "\\t", "source", false],
    ["csv", "field-delimiter", "\\u0001", "sink", false],
    ["csv", "field-delimiter", " ", "sink", false],
    ["csv", "field-delimiter", ";;", "source", true],
    ["csv", "field-delimiter", "", "sink", true],
    ["csv", "quote-character", "", "sink", true],
    ["csv", "escape-character", "\\", "source", false],
    ["csv", "escape-character", "\\t", "source", true],
    ["csv", "array-element-delimiter", "||", "sink", true],
    ["csv", "disable-quote-character", "nope", "source", true],
  ];
  test.each(cases)("%s.%s = '%s' on a %s: refused %s", (format, option, value, role, refused) => {
    const options = { format, [`${format}.${option}`]: value };
    const cols = format === "raw" ? "name STRING" : undefined;
    const input = role === "source" ? asSource(options, cols) : asSink(options, KAFKA_SINK, cols);
    const found = errors(input);
    if (!refused) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map((d) => d.code)).toEqual(["option-value"]);
    expect(found[0]!.message).toContain(`option '${format}.${option}' is '${value}'; it must be`);
  });

  const rules: [string, ApplicationVersionInput, string | undefined][] = [
    [
      "json fail-on-missing-field and ignore-parse-errors, reading",
      asSource({ format: "json", "json.fail-on-missing-field": "true", "json.ignore-parse-errors": "TRUE" }),
      "option-conflict",
    ],
    [
      "json fail-on-missing-field and ignore-parse-errors, writing",
      asSink({ format: "json", "json.fail-on-missing-field": "true", "json.ignore-parse-errors": "true" }),
      undefined,
    ],
    [
      "csv disable-quote-character with a quote character",
      asSink({ format: "csv", "csv.disable-quote-character": "true", "csv.quote-character": "'" }),
      "option-conflict",
    ],
    [
      "csv quote character with disable-quote-character false",
      asSink({ format: "csv", "csv.disable-quote-character": "false", "csv.quote-character": "'" }),
      undefined,
    ],
    [
      "debezium-json schema-include, writing",
      asSink({ "value.format": "debezium-json", "value.debezium-json.schema-include": "true" }),
      "option-value",
    ],
    [
      "debezium-json schema-include, reading",
      asSource({ "value.format": "debezium-json", "value.debezium-json.schema-include": "true" }),
      undefined,
    ],
  ];
  test.each(rules)("%s", (_name, input, code) => {
    expect(codes(input)).toEqual(code ? [code] : []);
  });
});

describe("formats flinkform does not check", () => {
  test.each([
    [
      "a user-supplied format",
      { format: "my-format", "my-format.anything": "x", "value.my-format.other": "y" },
    ],
    [
      "protobuf (not on the engine's classpath)",
      { "value.format": "protobuf", "protobuf.message-class-name": "a.B" },
    ],
  ])("%s: its options are not checked", (_name, options) => {
    expect(errors(asSource(options))).toEqual([]);
  });

  test("connectors without formats keep their own unknown-option error", () => {
    const input = asSink({}, { connector: "print", "json.ignore-parse-errors": "true" });
    expect(errors(input).map((d) => d.message)).toEqual([
      expect.stringContaining("connector 'print' has no option 'json.ignore-parse-errors'"),
    ]);
  });
});

test("a backslash in a quoted value is one character, as in Flink (not an escape of the quote)", () => {
  const sql = table("k", { ...KAFKA_SOURCE, format: "csv", "csv.escape-character": "\\" });
  expect(sql).toContain("'csv.escape-character' = '\\'");
  const parsed = parseCreateTable(sql);
  if ("error" in parsed) throw new Error(parsed.error.message);
  expect(parsed.options["csv.escape-character"]).toBe("\\");
  expect(errors(asSource({ format: "csv", "csv.escape-character": "\\" }))).toEqual([]);
});
