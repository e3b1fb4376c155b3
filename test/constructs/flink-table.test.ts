import {
  Column,
  Connector,
  Duration,
  FlinkIntegration,
  FlinkTable,
  type FlinkTableProps,
  FlinkType,
  IntegrationKind,
  KafkaStartupMode,
  Watermark,
} from "../../constructs";
import { parseCreateTable } from "../../schemas/sql";
import { newStack } from "./helpers";

function table(props: Partial<FlinkTableProps> & Pick<FlinkTableProps, "connector">, id = "events") {
  return new FlinkTable(newStack(), id, {
    columns: [Column.physical("id", FlinkType.BIGINT), Column.physical("ts", FlinkType.timestamp(3))],
    ...props,
  });
}

/** What Flink would read from the rendered DDL, through the shared parser. */
function parsed(t: FlinkTable) {
  const result = parseCreateTable(t.createTable);
  if ("error" in result) throw new Error(`${result.error.message}\n${t.createTable}`);
  // What validation uses instead of parsing the text must be exactly the parse.
  expect(t.definition).toEqual(result);
  return result;
}

describe("FlinkTable rendering", () => {
  it("renders a kafka source with integration placeholders (snapshot)", () => {
    const t = table({
      columns: [
        Column.physical("user_id", FlinkType.STRING),
        Column.physical("ts", FlinkType.timestamp(3)),
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
    });
    expect(t.createTable).toMatchSnapshot();
    const def = parsed(t);
    expect(def.name).toBe("events");
    expect(def.options).toMatchObject({
      connector: "kafka",
      "properties.bootstrap.servers": "",
      topic: "clicks",
      "value.format": "json",
      "scan.startup.mode": "earliest-offset",
      "properties.group.id": "g1",
      "properties.auto.offset.reset": "earliest",
    });
    expect(def.columns.map((c) => [c.name, c.kind])).toEqual([
      ["user_id", "physical"],
      ["ts", "physical"],
      ["proc_time", "computed"],
      ["kafka_ts", "metadata"],
    ]);
    expect(def.watermark).toMatchObject({ column: "ts", expression: "ts - INTERVAL '0.5' SECOND" });
  });

  it.each<[string, Connector, Record<string, string>]>([
    [
      "upsert-kafka",
      Connector.upsertKafka({ topic: "out" }),
      {
        connector: "upsert-kafka",
        "properties.bootstrap.servers": "",
        "key.format": "json",
        "value.format": "json",
      },
    ],
    [
      "jdbc",
      Connector.jdbc({
        tableName: "public.t",
        bufferFlushInterval: Duration.seconds(2),
        bufferFlushMaxRows: 500,
      }),
      {
        connector: "jdbc",
        url: "jdbc:postgresql://",
        "table-name": "public.t",
        "sink.buffer-flush.interval": "2 s",
        "sink.buffer-flush.max-rows": "500",
      },
    ],
    [
      "datagen",
      Connector.datagen({ rowsPerSecond: 5, fields: { id: { kind: "sequence", start: "1", end: "100" } } }),
      { connector: "datagen", "rows-per-second": "5", "fields.id.kind": "sequence", "fields.id.end": "100" },
    ],
    ["print", Connector.print({ printIdentifier: "dbg" }), { connector: "print", "print-identifier": "dbg" }],
    ["blackhole", Connector.blackhole(), { connector: "blackhole" }],
    [
      "custom",
      Connector.of("filesystem", { path: "s3://b/p", format: "csv" }),
      { connector: "filesystem", path: "s3://b/p" },
    ],
  ])("renders the %s connector's options", (_name, connector, expected) => {
    expect(parsed(table({ connector, primaryKey: ["id"] })).options).toMatchObject(expected);
  });

  it("renders the primary key NOT ENFORCED and quotes reserved or unusual names", () => {
    const t = table(
      {
        columns: [Column.physical("user", FlinkType.STRING), Column.physical("page-id", FlinkType.BIGINT)],
        primaryKey: ["user"],
        connector: Connector.jdbc({ tableName: "public.o'neil", options: { "sink.max-retries": "5" } }),
      },
      "order",
    );
    expect(t.createTable).toContain("CREATE TABLE `order` (");
    expect(t.createTable).toContain("PRIMARY KEY (`user`) NOT ENFORCED");
    const def = parsed(t);
    expect(def.primaryKey?.columns).toEqual(["user"]);
    expect(def.columns.map((c) => c.name)).toEqual(["user", "page-id"]);
    expect(def.options["table-name"]).toBe("public.o'neil");
  });

  it("uses tableName over the construct id", () => {
    expect(table({ tableName: "raw_events", connector: Connector.blackhole() }).tableName).toBe("raw_events");
  });
});

describe("FlinkTable validation", () => {
  it("rejects an integration of the wrong kind for the connector", () => {
    const stack = newStack();
    const pg = FlinkIntegration.fromIntegrationAttributes(stack, "Pg", {
      integrationId: "0f8fad5b-d9cb-469f-a165-70867728950e",
      kind: IntegrationKind.POSTGRESQL,
    });
    const columns = [Column.physical("id", FlinkType.BIGINT)];
    expect(
      () =>
        new FlinkTable(stack, "t", { columns, connector: Connector.kafka({ topic: "x" }), integration: pg }),
    ).toThrow(
      "test/t: integration must be a kafka integration for connector 'kafka', got a postgresql integration",
    );
    expect(
      () => new FlinkTable(stack, "p", { columns, connector: Connector.print(), integration: pg }),
    ).toThrow(/integration must be unset: connector 'print' takes no integration/);
    expect(
      () =>
        new FlinkTable(stack, "ok", {
          columns,
          connector: Connector.jdbc({ tableName: "t" }),
          integration: pg,
        }),
    ).not.toThrow();
  });

  it("rejects a table without columns or with an empty name", () => {
    expect(() => table({ columns: [], connector: Connector.blackhole() })).toThrow(
      "test/events: columns must list at least one column, got []",
    );
    expect(() => table({ tableName: " ", connector: Connector.blackhole() })).toThrow(
      /tableName must not be empty/,
    );
  });
});
