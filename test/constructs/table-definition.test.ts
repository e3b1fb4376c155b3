import {
  Column,
  Connector,
  Duration,
  FlinkTable,
  type FlinkTableProps,
  FlinkType,
  KafkaStartupMode,
  Watermark,
} from "../../constructs";
import { parseCreateTable, validateApplicationVersion } from "../../schemas/sql";
import { CLICKS_STATEMENT, clickstreamParts } from "./fixtures";
import { newStack, synthValidated } from "./helpers";

const ts = Column.physical("ts", FlinkType.timestamp(3));
const id = Column.physical("id", FlinkType.BIGINT);

/** Every table shape the construct tests build (fixtures, rendering, application tests) plus edge cases. */
const SHAPES: Array<[string, FlinkTableProps]> = [
  [
    "kafka source: computed and metadata columns, sub-second watermark",
    {
      columns: [
        Column.physical("user_id", FlinkType.STRING),
        ts,
        Column.computed("proc_time", "PROCTIME()"),
        Column.metadata("kafka_ts", FlinkType.timestampLtz(3), { key: "timestamp", virtual: true }),
      ],
      watermark: Watermark.boundedOutOfOrderness("ts", Duration.millis(500)),
      connector: Connector.kafka({
        topic: "clicks",
        startupMode: KafkaStartupMode.EARLIEST,
        groupId: "g1",
        properties: { "auto.offset.reset": "earliest" },
      }),
    },
  ],
  [
    "kafka with every builder option",
    {
      columns: [id, ts, Column.metadata("partition", FlinkType.INT)],
      connector: Connector.kafka({
        topicPattern: "clicks-.*",
        format: "avro",
        keyFormat: "raw",
        keyFields: ["id"],
        startupMode: KafkaStartupMode.TIMESTAMP,
        startupTimestamp: new Date(1_700_000_000_000),
        bootstrapServers: "kafka:9092",
        options: { "value.fields-include": "EXCEPT_KEY" },
      }),
    },
  ],
  [
    "upsert-kafka with a primary key",
    { columns: [id, ts], primaryKey: ["id"], connector: Connector.upsertKafka({ topic: "out" }) },
  ],
  [
    "upsert-kafka without the key it needs",
    { columns: [id], connector: Connector.upsertKafka({ topic: "out" }) },
  ],
  [
    "jdbc sink with buffer settings and a composite key",
    {
      columns: [
        Column.physical("url", FlinkType.STRING),
        Column.physical("window_start", FlinkType.timestamp(3)),
        id,
      ],
      primaryKey: ["url", "window_start"],
      connector: Connector.jdbc({
        tableName: "public.clicks_per_minute",
        bufferFlushMaxRows: 500,
        bufferFlushInterval: Duration.seconds(2),
        maxRetries: 5,
      }),
    },
  ],
  [
    "datagen with per-field settings, ascending watermark",
    {
      columns: [id, ts],
      watermark: Watermark.ascending("ts"),
      connector: Connector.datagen({
        rowsPerSecond: 5,
        numberOfRows: 100,
        fields: { id: { kind: "sequence" } },
      }),
    },
  ],
  [
    "print with a source watermark and a custom watermark column type",
    {
      columns: [
        Column.physical("t", FlinkType.timestampLtz(3)),
        Column.physical("price", FlinkType.decimal(10, 2)),
      ],
      watermark: Watermark.sourceWatermark("t"),
      connector: Connector.print({ printIdentifier: "dbg", standardError: true }),
    },
  ],
  [
    "blackhole with composite types",
    {
      columns: [
        Column.physical("tags", FlinkType.array(FlinkType.STRING)),
        Column.physical("attrs", FlinkType.map(FlinkType.STRING, FlinkType.INT)),
        Column.physical("name", FlinkType.varchar(20)),
        Column.physical("required", FlinkType.notNull(FlinkType.STRING)),
        Column.physical("row", "ROW<a INT, b STRING>"),
      ],
      connector: Connector.blackhole(),
    },
  ],
  [
    "reserved and spaced names are quoted; option values with quotes and non-ASCII",
    {
      tableName: "my table",
      columns: [Column.physical("select", FlinkType.STRING), Column.physical("order`s", FlinkType.INT), ts],
      watermark: Watermark.of("ts", "`ts` - INTERVAL '1' SECOND"),
      primaryKey: ["select"],
      connector: Connector.of("filesystem", {
        path: "/tmp/it's here",
        format: "csv",
        "csv.field-delimiter": "§",
      }),
    },
  ],
  [
    "computed columns with casts, a watermark on one",
    {
      columns: [
        Column.physical("raw_ts", FlinkType.BIGINT),
        Column.computed("ts", "TO_TIMESTAMP_LTZ(raw_ts, 3)"),
        Column.computed("price", "CAST(raw_ts AS DECIMAL(12, 2))"),
      ],
      watermark: Watermark.boundedOutOfOrderness("ts", Duration.seconds(1)),
      connector: Connector.blackhole(),
    },
  ],
  [
    "a watermark on a missing column (a rule, not a parse, rejects it)",
    { columns: [id], watermark: Watermark.ascending("ts"), connector: Connector.blackhole() },
  ],
];

function expectDefinitionIsTheParse(t: FlinkTable): void {
  const parsed = parseCreateTable(t.createTable);
  if ("error" in parsed) throw new Error(`${parsed.error.message}\n${t.createTable}`);
  expect(t.definition).toEqual(parsed);
  expect(Object.keys(t.definition!.options)).toEqual(Object.keys(parsed.options));
}

describe("FlinkTable.definition is exactly what parsing its createTable gives", () => {
  it.each(SHAPES)("%s", (_name, props) => {
    expectDefinitionIsTheParse(new FlinkTable(newStack(), "events", props));
  });

  it("holds for the clickstream fixture tables", () => {
    const { clicks, perMinute } = clickstreamParts(newStack());
    expectDefinitionIsTheParse(clicks);
    expectDefinitionIsTheParse(perMinute);
  });

  it("holds for tables that share a shape, each with its own name, values and positions", () => {
    const stack = newStack();
    const tables = ["a", "longer_name_here", "x1"].map(
      (name, i) =>
        new FlinkTable(stack, name, {
          columns: [id, ts],
          connector: Connector.kafka({ topic: "t".repeat(i * 7 + 1), startupMode: KafkaStartupMode.LATEST }),
        }),
    );
    for (const t of tables) expectDefinitionIsTheParse(t);
  });
});

describe("FlinkTable.definition never hides what only the parser sees", () => {
  it("is absent for a column type the parser rejects, and synth reports the syntax error", () => {
    const stack = newStack();
    const { app, perMinute } = clickstreamParts(stack);
    const bad = new FlinkTable(stack, "bad", {
      tableName: "clicks",
      columns: [Column.physical("url", "STRNG<"), ts],
      connector: Connector.kafka({ topic: "clicks", startupMode: KafkaStartupMode.EARLIEST }),
    });
    expect(bad.definition).toBeUndefined();
    app.addVersion({ statement: CLICKS_STATEMENT, sources: [bad], sinks: [perMinute] });
    expect(() => synthValidated(stack)).toThrow(/sources\[0\] \(test\/bad\):2:\d+: SQL syntax error/);
  });

  it("quotes a name the lexer reads as a keyword, so the DDL parses and the definition holds", () => {
    // `abs` is a function keyword of the parser, missing from the renderer's reserved words.
    const t = new FlinkTable(newStack(), "abs", { columns: [id], connector: Connector.blackhole() });
    expect(t.createTable).toContain("CREATE TABLE `abs`");
    expect(parseCreateTable(t.createTable)).not.toHaveProperty("error");
    expect(t.definition).toEqual(parseCreateTable(t.createTable));
  });

  it("keeps a backslash in an option value as Flink reads it: one character, not an escape", () => {
    // Flink's lexer has no backslash escapes: 'clicks\' in the DDL is the string clicks\ (dt-sql-parser's has them).
    const stack = newStack();
    const { app, perMinute, kafka } = clickstreamParts(stack);
    const bad = new FlinkTable(stack, "bad", {
      tableName: "clicks",
      columns: [Column.physical("url", FlinkType.STRING), ts],
      connector: Connector.kafka({ topic: "clicks\\", startupMode: KafkaStartupMode.EARLIEST }),
      integration: kafka,
    });
    expect(bad.definition?.options.topic).toBe("clicks\\");
    app.addVersion({ statement: CLICKS_STATEMENT, sources: [bad], sinks: [perMinute] });
    expect(() => synthValidated(stack)).not.toThrow();
  });

  it("gives the same diagnostics as validating the text", () => {
    const stack = newStack();
    const { kafka } = clickstreamParts(stack);
    // Warnings from connector and integration rules: no startup mode, a literal bootstrap server.
    const source = new FlinkTable(stack, "clicks_src", {
      tableName: "clicks",
      columns: [Column.physical("url", FlinkType.STRING), ts],
      connector: Connector.kafka({ topic: "clicks", bootstrapServers: "kafka:9092" }),
      integration: kafka,
    });
    const sink = new FlinkTable(stack, "out", {
      columns: [Column.physical("url", FlinkType.STRING), id],
      connector: Connector.upsertKafka({ topic: "out" }),
      integration: kafka,
    });
    const version = (withDefinitions: boolean) => ({
      statement: "INSERT INTO `out` SELECT url, COUNT(*) FROM clicks GROUP BY url",
      sources: [source].map((t) => ({
        create_table: t.createTable,
        integration_id: "i-1",
        ...(withDefinitions ? { definition: t.definition } : {}),
      })),
      sinks: [sink].map((t) => ({
        create_table: t.createTable,
        integration_id: "i-1",
        ...(withDefinitions ? { definition: t.definition } : {}),
      })),
    });
    const fromText = validateApplicationVersion(version(false));
    expect(fromText.map((d) => d.code)).toEqual(
      expect.arrayContaining([
        "kafka-startup-mode",
        "integration-option-literal",
        "upsert-kafka-primary-key",
      ]),
    );
    expect(validateApplicationVersion(version(true))).toEqual(fromText);
  });

  it("is absent while the DDL holds a token", () => {
    const stack = newStack();
    const { kafka } = clickstreamParts(stack);
    const t = new FlinkTable(stack, "tokenized", {
      columns: [id],
      connector: Connector.kafka({ topic: kafka.integrationId, startupMode: KafkaStartupMode.EARLIEST }),
      integration: kafka,
    });
    expect(t.definition).toBeUndefined();
  });
});
