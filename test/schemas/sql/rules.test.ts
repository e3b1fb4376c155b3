import {
  type ApplicationVersionInput,
  type SqlLocation,
  validateApplicationVersion,
} from "../../../schemas/sql";
import { CLICKS, clickstream, KAFKA_INTEGRATION, PAGE_VIEWS, PG_INTEGRATION, STATEMENT } from "./clickstream";

const KAFKA = `'connector' = 'kafka', 'properties.bootstrap.servers' = '', 'topic' = 't', 'value.format' = 'json', 'scan.startup.mode' = 'earliest-offset'`;
const JDBC = `'connector' = 'jdbc', 'url' = 'jdbc:postgresql://', 'table-name' = 'public.t'`;
const UPSERT = `'connector' = 'upsert-kafka', 'properties.bootstrap.servers' = '', 'topic' = 't', 'key.format' = 'json', 'value.format' = 'json'`;

/** Version whose only source is `clicks` created with these columns and options. */
const withSource = (columns: string, options: string, integration: string | null = KAFKA_INTEGRATION) =>
  clickstream({
    sources: [
      { create_table: `CREATE TABLE clicks (${columns}) WITH (${options})`, integration_id: integration },
    ],
  });
/** Version whose only sink is `page_views_per_minute` created with these columns and options. */
const withSink = (columns: string, options: string, integration: string | null = PG_INTEGRATION) =>
  clickstream({
    sinks: [
      {
        create_table: `CREATE TABLE page_views_per_minute (${columns}) WITH (${options})`,
        integration_id: integration,
      },
    ],
  });
const withStatement = (statement: string) => clickstream({ statement });

const COLS = "url STRING, event_time TIMESTAMP(3)";
const SINK_COLS =
  "window_start TIMESTAMP(3), url STRING, view_count BIGINT, PRIMARY KEY (window_start, url) NOT ENFORCED";

interface RuleCase {
  code: string;
  severity: "error" | "warning";
  fail: ApplicationVersionInput;
  pass: ApplicationVersionInput;
  location?: SqlLocation;
}

const cases: Record<string, RuleCase> = {
  "syntax error with line and column": {
    code: "sql-syntax",
    severity: "error",
    fail: withStatement("INSERT INTO page_views_per_minute\nSELEC url FROM clicks"),
    pass: clickstream(),
    location: { part: "statement" },
  },
  "exactly one CREATE TABLE per create_table": {
    code: "create-table-multiple",
    severity: "error",
    fail: clickstream({
      sources: [
        {
          create_table: `${CLICKS};\n${CLICKS.replace("clicks", "clicks2")}`,
          integration_id: KAFKA_INTEGRATION,
        },
      ],
    }),
    pass: clickstream(),
    location: { part: "source", index: 0 },
  },
  "create_table must not be empty": {
    code: "create-table-missing",
    severity: "error",
    fail: clickstream({ sinks: [{ create_table: "  -- nothing\n" }] }),
    pass: clickstream(),
    location: { part: "sink", index: 0 },
  },
  "create_table holds a CREATE TABLE, not another statement": {
    code: "create-table-not-a-table",
    severity: "error",
    fail: clickstream({ sinks: [{ create_table: "INSERT INTO x SELECT 1" }] }),
    pass: clickstream(),
  },
  "INSERT target is a declared sink": {
    code: "insert-target-not-sink",
    severity: "error",
    fail: withStatement(STATEMENT.replace("INSERT INTO page_views_per_minute", "INSERT INTO clicks")),
    pass: clickstream(),
    location: { part: "statement" },
  },
  "reads come from declared sources (window TVF table included)": {
    code: "read-not-source",
    severity: "error",
    fail: withStatement(STATEMENT.replace("TABLE clicks", "TABLE orders")),
    pass: clickstream(),
  },
  "views and CTEs are readable": {
    code: "read-not-source",
    severity: "error",
    fail: withStatement(
      "CREATE TEMPORARY VIEW v AS SELECT * FROM clicks;\nINSERT INTO page_views_per_minute WITH c AS (SELECT * FROM w) SELECT * FROM c",
    ),
    pass: withStatement(
      "CREATE TEMPORARY VIEW v AS SELECT * FROM clicks;\nINSERT INTO page_views_per_minute WITH c AS (SELECT * FROM v) SELECT * FROM c",
    ),
  },
  "at least one INSERT": {
    code: "insert-missing",
    severity: "error",
    fail: withStatement("SELECT * FROM clicks"),
    pass: clickstream(),
  },
  "no duplicate table names": {
    code: "duplicate-table",
    severity: "error",
    fail: clickstream({
      sources: [
        { create_table: CLICKS, integration_id: KAFKA_INTEGRATION },
        { create_table: CLICKS, integration_id: KAFKA_INTEGRATION },
      ],
    }),
    pass: clickstream(),
    location: { part: "source", index: 1 },
  },
  "a connector is set": {
    code: "connector-missing",
    severity: "error",
    fail: withSource(COLS, "'topic' = 't'"),
    pass: clickstream(),
  },
  "unknown option keys (format-prefixed and properties.* allowed)": {
    code: "option-unknown",
    severity: "error",
    fail: withSource(COLS, `${KAFKA}, 'scan.startup.mod' = 'x'`),
    pass: withSource(
      COLS,
      `${KAFKA}, 'value.json.fail-on-missing-field' = 'false', 'properties.group.id' = 'g'`,
    ),
  },
  "enum values": {
    code: "option-value",
    severity: "error",
    fail: withSource(COLS, KAFKA.replace("earliest-offset", "earliest")),
    pass: clickstream(),
  },
  "kafka startup mode 'timestamp' needs its timestamp": {
    code: "option-required",
    severity: "error",
    fail: withSource(COLS, KAFKA.replace("earliest-offset", "timestamp")),
    pass: withSource(
      COLS,
      `${KAFKA.replace("earliest-offset", "timestamp")}, 'scan.startup.timestamp-millis' = '1700000000000'`,
    ),
  },
  "topic and topic-pattern are exclusive": {
    code: "option-conflict",
    severity: "error",
    fail: withSource(COLS, `${KAFKA}, 'topic-pattern' = 't.*'`),
    pass: clickstream(),
  },
  "key.format needs key.fields": {
    code: "option-required",
    severity: "error",
    fail: withSource(COLS, `${KAFKA}, 'key.format' = 'json'`),
    pass: withSource(COLS, `${KAFKA}, 'key.format' = 'json', 'key.fields' = 'url'`),
  },
  "key.fields name columns": {
    code: "key-fields-column-missing",
    severity: "error",
    fail: withSource(COLS, `${KAFKA}, 'key.format' = 'json', 'key.fields' = 'user_id'`),
    pass: withSource(COLS, `${KAFKA}, 'key.format' = 'json', 'key.fields' = 'url'`),
  },
  "jdbc scan.partition.* all or nothing": {
    code: "option-conflict",
    severity: "error",
    fail: withSource("id BIGINT", `${JDBC}, 'scan.partition.column' = 'id'`, PG_INTEGRATION),
    pass: withSource(
      "id BIGINT",
      `${JDBC}, 'scan.partition.column' = 'id', 'scan.partition.num' = '4', 'scan.partition.lower-bound' = '0', 'scan.partition.upper-bound' = '100'`,
      PG_INTEGRATION,
    ),
  },
  "print and blackhole are sink-only": {
    code: "connector-role",
    severity: "error",
    fail: withSource(COLS, "'connector' = 'print'"),
    pass: withSink("url STRING", "'connector' = 'print'"),
  },
  "datagen fields name columns": {
    code: "datagen-field-unknown",
    severity: "error",
    fail: withSource(COLS, "'connector' = 'datagen', 'fields.user.length' = '5'"),
    pass: withSource(COLS, "'connector' = 'datagen', 'fields.url.length' = '5'"),
  },
  "upsert-kafka needs a primary key": {
    code: "upsert-kafka-primary-key",
    severity: "error",
    fail: withSink("url STRING, view_count BIGINT", UPSERT, KAFKA_INTEGRATION),
    pass: withSink(
      "url STRING, view_count BIGINT, PRIMARY KEY (url) NOT ENFORCED",
      UPSERT,
      KAFKA_INTEGRATION,
    ),
  },
  "upsert-kafka needs key and value formats": {
    code: "option-required",
    severity: "error",
    fail: withSink(
      "url STRING, PRIMARY KEY (url) NOT ENFORCED",
      UPSERT.replace(", 'key.format' = 'json'", ""),
      KAFKA_INTEGRATION,
    ),
    pass: withSink("url STRING, PRIMARY KEY (url) NOT ENFORCED", UPSERT, KAFKA_INTEGRATION),
  },
  "upsert-kafka rejects scan.startup.*": {
    code: "option-not-allowed",
    severity: "error",
    fail: withSink(
      "url STRING, PRIMARY KEY (url) NOT ENFORCED",
      `${UPSERT}, 'scan.startup.mode' = 'earliest-offset'`,
      KAFKA_INTEGRATION,
    ),
    pass: withSink("url STRING, PRIMARY KEY (url) NOT ENFORCED", UPSERT, KAFKA_INTEGRATION),
  },
  "plain kafka cannot declare a primary key": {
    code: "kafka-primary-key",
    severity: "error",
    fail: withSource(`${COLS}, PRIMARY KEY (url) NOT ENFORCED`, KAFKA),
    pass: withSource(`${COLS}, PRIMARY KEY (url) NOT ENFORCED`, KAFKA.replace("'json'", "'debezium-json'")),
  },
  "kafka needs servers without an integration": {
    code: "option-required",
    severity: "error",
    fail: withSource(COLS, KAFKA, null),
    pass: withSource(COLS, KAFKA.replace("servers' = ''", "servers' = 'kafka-1:9092'"), null),
  },
  "integration-injected servers left empty": {
    code: "integration-option-literal",
    severity: "warning",
    fail: withSource(COLS, KAFKA.replace("servers' = ''", "servers' = 'kafka-1:9092'")),
    pass: clickstream(),
  },
  "integration-injected jdbc url left as placeholder": {
    code: "integration-option-literal",
    severity: "warning",
    fail: withSink(
      SINK_COLS,
      JDBC.replace("jdbc:postgresql://'", "jdbc:postgresql://pg.example.com:5432/db'"),
    ),
    pass: clickstream(),
  },
  "kafka source sets scan.startup.mode": {
    code: "kafka-startup-mode",
    severity: "warning",
    fail: withSource(COLS, KAFKA.replace(", 'scan.startup.mode' = 'earliest-offset'", "")),
    pass: clickstream(),
  },
  "literal secrets": {
    code: "secret-literal",
    severity: "warning",
    fail: withSource(
      COLS,
      `${KAFKA}, 'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="hunter2";'`,
    ),
    pass: withSource(COLS, `${KAFKA}, 'properties.sasl.mechanism' = 'PLAIN'`),
  },
  "watermark column exists": {
    code: "watermark-column-missing",
    severity: "error",
    fail: withSource("url STRING, ts TIMESTAMP(3), WATERMARK FOR event_time AS event_time", KAFKA),
    pass: clickstream(),
  },
  "watermark column is TIMESTAMP(p <= 3)": {
    code: "watermark-column-type",
    severity: "error",
    fail: withSource("url STRING, event_time BIGINT, WATERMARK FOR event_time AS event_time", KAFKA),
    pass: withSource(
      "ms BIGINT, event_time AS TO_TIMESTAMP_LTZ(ms, 3), WATERMARK FOR event_time AS event_time",
      KAFKA,
    ),
  },
  "primary key columns exist": {
    code: "primary-key-column-missing",
    severity: "error",
    fail: withSink(SINK_COLS.replace("(window_start, url)", "(window_start, path)"), JDBC),
    pass: clickstream(),
  },
  "jdbc sink without a primary key is append-only": {
    code: "jdbc-append-only",
    severity: "warning",
    fail: withSink("window_start TIMESTAMP(3), url STRING, view_count BIGINT", JDBC),
    pass: clickstream(),
  },
  "parser false positives are warnings": {
    code: "parser-false-positive",
    severity: "warning",
    fail: withStatement(
      STATEMENT.replace(
        "COUNT(*) AS view_count",
        "COUNT(*) FILTER (WHERE CHAR_LENGTH(url) > 3) AS view_count",
      ),
    ),
    pass: clickstream(),
  },
};

const matching = (input: ApplicationVersionInput, code: string) =>
  validateApplicationVersion(input).filter((d) => d.code === code);

describe("validateApplicationVersion rules", () => {
  test.each(Object.entries(cases))("%s: flags the failing case", (_rule, c) => {
    const found = matching(c.fail, c.code);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.severity).toBe(c.severity);
    if (c.location) expect(found[0]!.location).toEqual(c.location);
    expect(found[0]!.message.length).toBeGreaterThan(20);
  });

  test.each(Object.entries(cases))("%s: accepts the passing case", (_rule, c) => {
    expect(matching(c.pass, c.code)).toEqual([]);
  });
});

describe("clickstream example", () => {
  test("validates clean: no errors, no warnings", () => {
    expect(validateApplicationVersion(clickstream())).toEqual([]);
  });

  test("a syntax error points at the attribute-relative line and column", () => {
    const [d] = validateApplicationVersion(withStatement(STATEMENT.replace("GROUP BY", "GRUOP BY")));
    expect(d).toMatchObject({
      code: "sql-syntax",
      severity: "error",
      location: { part: "statement" },
      position: { line: 5 },
    });
    expect(d!.message).toMatch(/line 5, column \d+/);
  });

  test("messages name the table, option and allowed values", () => {
    const [d] = matching(withSource(COLS, KAFKA.replace("earliest-offset", "earliest")), "option-value");
    expect(d!.message).toContain("source table 'clicks'");
    expect(d!.message).toContain("'scan.startup.mode' is 'earliest'");
    expect(d!.message).toContain("earliest-offset, latest-offset");
    expect(d!.position).toEqual({
      line: 1,
      column: expect.any(Number),
      endLine: 1,
      endColumn: expect.any(Number),
    });
  });

  test("an unknown read suggests the closest declared name", () => {
    const [d] = matching(withStatement(STATEMENT.replace("TABLE clicks", "TABLE clickz")), "read-not-source");
    expect(d!.message).toContain("did you mean 'clicks'?");
    expect(d!.position?.line).toBe(4);
  });

  test("allowParserFalsePositives: false keeps the parser's error", () => {
    const input = withStatement(
      STATEMENT.replace("url, COUNT(*)", "EXTRACT(HOUR FROM window_start), url, COUNT(*)"),
    );
    expect(validateApplicationVersion(input).map((d) => d.severity)).toEqual(["warning"]);
    const strict = validateApplicationVersion(input, { allowParserFalsePositives: false });
    expect(strict.map((d) => [d.severity, d.code])).toEqual([["error", "sql-syntax"]]);
  });

  test("skipSql skips everything", () => {
    expect(validateApplicationVersion(withStatement("SELEC"), { skipSql: true })).toEqual([]);
  });

  test("a table whose DDL does not parse does not cascade into reference errors", () => {
    const input = clickstream({
      sources: [
        { create_table: CLICKS.replace("url STRING,", "url STRING,,"), integration_id: KAFKA_INTEGRATION },
      ],
    });
    expect(validateApplicationVersion(input).map((d) => d.code)).toEqual(["sql-syntax"]);
  });

  test("the statement is optional (tables-only validation, as the validate endpoint allows)", () => {
    expect(
      validateApplicationVersion({
        sources: [{ create_table: CLICKS, integration_id: KAFKA_INTEGRATION }],
        sinks: [{ create_table: PAGE_VIEWS, integration_id: PG_INTEGRATION }],
      }),
    ).toEqual([]);
  });
});

describe("secrets never reach messages", () => {
  const SECRET = "s3cr3t-Hunter2";
  const inputs: Record<string, ApplicationVersionInput> = {
    "quoted jdbc password": withSink(SINK_COLS, `${JDBC}, 'username' = 'app', 'password' = '${SECRET}'`),
    "unquoted password (syntax error)": withSink(SINK_COLS, `${JDBC}, 'password' = ${SECRET}`),
    "password in the jdbc url": withSink(
      SINK_COLS,
      `${JDBC.replace("jdbc:postgresql://'", `jdbc:postgresql://pg:5432/db?password=${SECRET}'`)}`,
    ),
    "schema registry user-info": withSource(
      COLS,
      `${KAFKA.replace("'json'", "'avro-confluent'")}, 'avro-confluent.basic-auth.user-info' = 'u:${SECRET}'`,
    ),
  };
  test.each(Object.entries(inputs))("%s", (_name, input) => {
    const diags = validateApplicationVersion(input);
    expect(diags.length).toBeGreaterThan(0);
    for (const d of diags) expect(d.message).not.toContain(SECRET);
  });
});
