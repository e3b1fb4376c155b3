import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  alterTableSet,
  type ResolvedTable,
  redact,
  resolveTables,
} from "../../../controlplane/cluster/flink/connection-options";
import type { EndpointRecord, IntegrationRecord } from "../../../controlplane/model";
import { Store } from "../../../controlplane/store";

const P = "local";
let dir: string;
let store: Store;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "flinkform-conn-"));
  store = new Store(dir);
});
afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** An endpoint and a flink_external_* integration with it; returns the integration's id. */
function integrate(
  endpoint_type: EndpointRecord["endpoint_type"],
  user_config: Record<string, unknown>,
  integrationConfig: Record<string, unknown> = {},
): string {
  n += 1;
  const endpoint: EndpointRecord = {
    endpoint_id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    endpoint_name: `ext-${n}`,
    endpoint_type,
    user_config,
  };
  store.insert("endpoint", P, endpoint.endpoint_id, endpoint);
  const integration: IntegrationRecord = {
    service_integration_id: `10000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    integration_type:
      endpoint_type === "external_kafka" ? "flink_external_kafka" : "flink_external_postgresql",
    source_project: P,
    dest_project: P,
    source_service: null,
    dest_service: "fl",
    source_endpoint_id: endpoint.endpoint_id,
    dest_endpoint_id: null,
    user_config: integrationConfig,
    created_ms: 0,
  };
  store.insert("integration", P, integration.service_integration_id, integration, "fl");
  return integration.service_integration_id;
}

const KAFKA_PASSWORD = "hunter2-secret";
const kafkaConfig = {
  bootstrap_servers: "broker-1.example.com:9093,broker-2.example.com:9093",
  security_protocol: "SASL_SSL",
  sasl_mechanism: "SCRAM-SHA-256",
  sasl_plain_username: "avnadmin",
  sasl_plain_password: KAFKA_PASSWORD,
};

const PG_PASSWORD = "pg-s3cret-pw";
const pgConfig = {
  host: "pg.example.com",
  port: 5432,
  username: "avnadmin",
  password: PG_PASSWORD,
  default_database: "shop",
};

const kafkaTable = (name = "orders", connector = "kafka") => `CREATE TABLE ${name} (
  id BIGINT,
  amount DOUBLE
) WITH (
  'connector' = '${connector}',
  'topic' = 'orders',
  ${connector === "upsert-kafka" ? "'key.format' = 'json',\n  'value.format' = 'json'" : "'format' = 'json'"}
)`;

const jdbcTable = `CREATE TABLE customers (
  id BIGINT,
  name STRING,
  PRIMARY KEY (id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'table-name' = 'public.customers'
)`;

const one = (create_table: string, integration_id: string | null) =>
  resolveTables(store, P, [{ create_table, integration_id }]);

describe("resolveTables", () => {
  test.each([
    { mechanism: "SCRAM-SHA-256", module: "org.apache.kafka.common.security.scram.ScramLoginModule" },
    { mechanism: "SCRAM-SHA-512", module: "org.apache.kafka.common.security.scram.ScramLoginModule" },
    { mechanism: "PLAIN", module: "org.apache.kafka.common.security.plain.PlainLoginModule" },
  ])(
    "a kafka table on an external Kafka ($mechanism) gets the brokers, security settings and JAAS login",
    (c) => {
      const id = integrate("external_kafka", { ...kafkaConfig, sasl_mechanism: c.mechanism });
      const { tables } = one(kafkaTable(), id);
      expect(tables).toEqual([
        {
          createTable: kafkaTable(),
          tableName: "orders",
          connectionOptions: {
            "properties.bootstrap.servers": "broker-1.example.com:9093,broker-2.example.com:9093",
            "properties.security.protocol": "SASL_SSL",
            "properties.sasl.mechanism": c.mechanism,
            "properties.sasl.jaas.config": `${c.module} required username="avnadmin" password="${KAFKA_PASSWORD}";`,
          },
        },
      ]);
    },
  );

  test("an upsert-kafka table gets the same connection options", () => {
    const id = integrate("external_kafka", kafkaConfig);
    const [t] = one(kafkaTable("totals", "upsert-kafka"), id).tables;
    expect(t!.tableName).toBe("totals");
    expect(t!.connectionOptions).toMatchObject({
      "properties.bootstrap.servers": kafkaConfig.bootstrap_servers,
      "properties.sasl.jaas.config": expect.stringMatching(
        /^org\.apache\.kafka\.common\.security\.scram\.ScramLoginModule required username="avnadmin" password="hunter2-secret";$/,
      ),
    });
  });

  test("the connector name is matched case-insensitively", () => {
    const id = integrate("external_kafka", kafkaConfig);
    const [t] = one(kafkaTable().replace("'kafka'", "'Kafka'"), id).tables;
    expect(t!.connectionOptions["properties.bootstrap.servers"]).toBe(kafkaConfig.bootstrap_servers);
  });

  test("a plaintext Kafka gets the brokers only: no login without credentials", () => {
    const id = integrate("external_kafka", {
      bootstrap_servers: "localhost:9092",
      security_protocol: "PLAINTEXT",
    });
    expect(one(kafkaTable(), id).tables[0]!.connectionOptions).toEqual({
      "properties.bootstrap.servers": "localhost:9092",
      "properties.security.protocol": "PLAINTEXT",
    });
  });

  test("quotes and backslashes in Kafka credentials are escaped inside the JAAS config", () => {
    const id = integrate("external_kafka", {
      ...kafkaConfig,
      sasl_plain_username: 'us"er',
      sasl_plain_password: 'p\\a"ss',
    });
    expect(one(kafkaTable(), id).tables[0]!.connectionOptions["properties.sasl.jaas.config"]).toBe(
      'org.apache.kafka.common.security.scram.ScramLoginModule required username="us\\"er" password="p\\\\a\\"ss";',
    );
  });

  test("TLS settings of a Kafka endpoint: PEM truststore and keystore, endpoint identification", () => {
    const id = integrate("external_kafka", {
      bootstrap_servers: "b:9093",
      security_protocol: "SSL",
      ssl_ca_cert: "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
      ssl_client_cert: "-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----",
      ssl_client_key: "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----",
      ssl_endpoint_identification_algorithm: "https",
    });
    const r = one(kafkaTable(), id);
    expect(r.tables[0]!.connectionOptions).toEqual({
      "properties.bootstrap.servers": "b:9093",
      "properties.security.protocol": "SSL",
      "properties.ssl.truststore.type": "PEM",
      "properties.ssl.truststore.certificates": "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----",
      "properties.ssl.keystore.type": "PEM",
      "properties.ssl.keystore.certificate.chain":
        "-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----",
      "properties.ssl.keystore.key": "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----",
      "properties.ssl.endpoint.identification.algorithm": "https",
    });
    expect(r.secrets).toContain("-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----");
    expect(r.secrets).not.toContain("-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----");
  });

  test("a jdbc table on an external PostgreSQL gets its URL and credentials", () => {
    const id = integrate("external_postgresql", pgConfig);
    expect(one(jdbcTable, id).tables[0]).toEqual({
      createTable: jdbcTable,
      tableName: "customers",
      connectionOptions: {
        url: "jdbc:postgresql://pg.example.com:5432/shop",
        username: "avnadmin",
        password: PG_PASSWORD,
      },
    });
  });

  test("a jdbc table: sslmode in the URL when the endpoint sets one; database postgres when it sets none", () => {
    const id = integrate("external_postgresql", {
      ...pgConfig,
      default_database: undefined,
      ssl_mode: "require",
    });
    expect(one(jdbcTable, id).tables[0]!.connectionOptions["url"]).toBe(
      "jdbc:postgresql://pg.example.com:5432/postgres?sslmode=require",
    );
  });

  test("a jdbc table: the integration's stringtype goes into the URL, after sslmode", () => {
    const withSsl = integrate(
      "external_postgresql",
      { ...pgConfig, ssl_mode: "require" },
      { stringtype: "unspecified" },
    );
    expect(one(jdbcTable, withSsl).tables[0]!.connectionOptions["url"]).toBe(
      "jdbc:postgresql://pg.example.com:5432/shop?sslmode=require&stringtype=unspecified",
    );
    const plain = integrate("external_postgresql", pgConfig, { stringtype: "unspecified" });
    expect(one(jdbcTable, plain).tables[0]!.connectionOptions["url"]).toBe(
      "jdbc:postgresql://pg.example.com:5432/shop?stringtype=unspecified",
    );
  });

  test.each([
    { case: "a jdbc table on a Kafka endpoint", table: jdbcTable, endpoint: "kafka" as const },
    {
      case: "a filesystem table on a Kafka endpoint",
      table: kafkaTable().replace("'kafka'", "'filesystem'"),
      endpoint: "kafka" as const,
    },
    { case: "a kafka table on a PostgreSQL endpoint", table: kafkaTable(), endpoint: "pg" as const },
    { case: "a table without a connector", table: "CREATE TABLE t (id INT)", endpoint: "kafka" as const },
  ])("$case gets no connection options, and no secrets of the endpoint", (c) => {
    const id =
      c.endpoint === "kafka"
        ? integrate("external_kafka", kafkaConfig)
        : integrate("external_postgresql", pgConfig);
    const r = one(c.table, id);
    expect(r.tables[0]!.connectionOptions).toEqual({});
    expect(alterTableSet(r.tables[0]!)).toBeUndefined();
    expect(r.secrets).toEqual([]);
  });

  test.each([
    { case: "no integration", id: null },
    { case: "an unknown integration", id: "20000000-0000-4000-8000-000000000000" },
  ])("a table with $case gets no connection options", ({ id }) => {
    expect(one(kafkaTable(), id).tables[0]!.connectionOptions).toEqual({});
  });

  test("an integration of another project is not found", () => {
    const id = integrate("external_kafka", kafkaConfig);
    expect(
      resolveTables(store, "other", [{ create_table: kafkaTable(), integration_id: id }]).tables[0]!
        .connectionOptions,
    ).toEqual({});
  });

  test("an integration with a service rather than an endpoint supplies nothing (yet)", () => {
    const id = "30000000-0000-4000-8000-000000000001";
    store.insert("integration", P, id, {
      service_integration_id: id,
      integration_type: "flink",
      source_project: P,
      dest_project: P,
      source_service: "kf",
      dest_service: "fl",
      source_endpoint_id: null,
      dest_endpoint_id: null,
      user_config: {},
      created_ms: 0,
    } satisfies IntegrationRecord);
    expect(one(kafkaTable(), id).tables[0]!.connectionOptions).toEqual({});
  });

  test("every table is resolved with its own integration, in order", () => {
    const kafka = integrate("external_kafka", kafkaConfig);
    const pg = integrate("external_postgresql", pgConfig);
    const r = resolveTables(store, P, [
      { create_table: kafkaTable("a"), integration_id: kafka },
      { create_table: jdbcTable, integration_id: pg },
      { create_table: kafkaTable("c").replace("'kafka'", "'datagen'"), integration_id: null },
    ]);
    expect(r.tables.map((t) => [t.tableName, Object.keys(t.connectionOptions).length > 0])).toEqual([
      ["a", true],
      ["customers", true],
      ["c", false],
    ]);
  });

  test("secrets: the endpoint's passwords, the JAAS config that carries one, never the user name or brokers", () => {
    const kafka = integrate("external_kafka", kafkaConfig);
    const pg = integrate("external_postgresql", pgConfig);
    const r = resolveTables(store, P, [
      { create_table: kafkaTable(), integration_id: kafka },
      { create_table: jdbcTable, integration_id: pg },
    ]);
    expect(r.secrets).toEqual(
      expect.arrayContaining([
        KAFKA_PASSWORD,
        PG_PASSWORD,
        r.tables[0]!.connectionOptions["properties.sasl.jaas.config"],
      ]),
    );
    for (const s of r.secrets) {
      expect(s).not.toBe("avnadmin");
      expect(s).not.toBe(kafkaConfig.bootstrap_servers);
      expect(s).not.toBe("jdbc:postgresql://pg.example.com:5432/shop");
    }
  });

  test("secrets: secret-looking options the user wrote in WITH", () => {
    const table = `CREATE TABLE s (id INT) WITH (
  'connector' = 'kafka',
  'topic' = 't',
  'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="typed-in";',
  'password' = 'jdbc-typed',
  'properties.ssl.truststore.password' = 'trust-pw',
  'properties.ssl.keystore.key' = 'KEYDATA',
  'properties.basic.auth.user-info' = 'user:pass123',
  'secret-token' = 'tok-1234',
  'format' = 'json'
)`;
    const r = one(table, null);
    expect([...r.secrets].sort()).toEqual(
      [
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="typed-in";',
        // The password inside a JAAS config counts on its own too.
        "typed-in",
        "jdbc-typed",
        "trust-pw",
        "KEYDATA",
        "user:pass123",
        "tok-1234",
      ].sort(),
    );
  });

  test("a password with a quote is also redacted as an ALTER TABLE writes it ('' for ')", () => {
    const id = integrate("external_postgresql", { ...pgConfig, password: "it's-secret" });
    const r = one(jdbcTable, id);
    expect(redact(`'password' = 'it''s-secret'`, r.secrets)).toBe(`'password' = '****'`);
  });

  test("secrets shorter than 3 characters are not redacted (they would mangle every message)", () => {
    const id = integrate("external_postgresql", { ...pgConfig, password: "pw" });
    const r = one(jdbcTable, id);
    expect(r.tables[0]!.connectionOptions["password"]).toBe("pw");
    expect(r.secrets).toEqual([]);
  });
});

describe("redact", () => {
  test("removes every occurrence of every secret", () => {
    const text = `login failed for password hunter2-secret (hunter2-secret); jdbc pw pg-s3cret-pw; again hunter2-secret`;
    const out = redact(text, [KAFKA_PASSWORD, PG_PASSWORD]);
    expect(out).toBe("login failed for password **** (****); jdbc pw ****; again ****");
    expect(out).not.toContain(KAFKA_PASSWORD);
    expect(out).not.toContain(PG_PASSWORD);
  });

  test("secrets with regular-expression characters are replaced literally", () => {
    expect(redact("a.b*c a.b*c axbbc", ["a.b*c"])).toBe("**** **** axbbc");
    expect(redact("p$1(x) and $&", ["p$1(x)", "$&"])).toBe("**** and ****");
  });

  test("a Flink error echoing the table's options leaks none of the integration's secrets", () => {
    const id = integrate("external_kafka", kafkaConfig);
    const r = one(kafkaTable(), id);
    const options = Object.entries(r.tables[0]!.connectionOptions)
      .map(([k, v]) => `'${k}'='${v}'`)
      .join("\n");
    const message = `Unable to create a source for reading table 'default_catalog.default_database.orders'.\n\nTable options are:\n\n${options}`;
    const out = redact(message, r.secrets);
    expect(out).not.toContain(KAFKA_PASSWORD);
    expect(out).toContain(
      "'properties.bootstrap.servers'='broker-1.example.com:9093,broker-2.example.com:9093'",
    );
    expect(out).toContain("'properties.sasl.jaas.config'='****'");
  });

  test("the Kafka password is redacted also where it appears without its JAAS config", () => {
    const r = one(kafkaTable(), integrate("external_kafka", kafkaConfig));
    expect(redact(`SASL authentication with password ${KAFKA_PASSWORD} failed`, r.secrets)).toBe(
      "SASL authentication with password **** failed",
    );
  });

  test("no secrets: the text as it is", () => {
    expect(redact("nothing to hide", [])).toBe("nothing to hide");
  });
});

describe("alterTableSet", () => {
  const table = (tableName: string, connectionOptions: Record<string, string>): ResolvedTable => ({
    createTable: "",
    tableName,
    connectionOptions,
  });

  test("sets every option on the table, in order", () => {
    expect(
      alterTableSet(
        table("orders", { "properties.bootstrap.servers": "b:9092", "properties.security.protocol": "SSL" }),
      ),
    ).toBe(
      "ALTER TABLE `orders` SET ('properties.bootstrap.servers' = 'b:9092', 'properties.security.protocol' = 'SSL')",
    );
  });

  test("single quotes in values are doubled; double quotes and backslashes left as they are", () => {
    expect(alterTableSet(table("t", { password: `it's "q" \\n` }))).toBe(
      "ALTER TABLE `t` SET ('password' = 'it''s \"q\" \\n')",
    );
  });

  test("backticks in the table name are doubled", () => {
    expect(alterTableSet(table("we`ird", { url: "x" }))).toBe("ALTER TABLE `we``ird` SET ('url' = 'x')");
  });

  test("the integration's options for a real table: the JAAS config survives the SQL quoting", () => {
    const id = integrate("external_kafka", { ...kafkaConfig, sasl_plain_password: "o'brien" });
    const [t] = one(kafkaTable(), id).tables;
    expect(alterTableSet(t!)).toContain(
      `'properties.sasl.jaas.config' = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="avnadmin" password="o''brien";'`,
    );
  });

  test("no options: no statement", () => {
    expect(alterTableSet(table("t", {}))).toBeUndefined();
  });
});
