/**
 * Option tables of the formats flinkform checks, for the connectors that take a format
 * (`formatKeys` in connector-options.ts: kafka, upsert-kafka). Keys are written without their prefix:
 * a table writes `json.ignore-parse-errors` with `'format' = 'json'`, `value.json.ignore-parse-errors`
 * with `'value.format' = 'json'` and `key.json.ignore-parse-errors` with `'key.format' = 'json'`.
 *
 * Source: the format factories' requiredOptions()/optionalOptions() in the Flink 1.20.3 jars
 * (flink-json, flink-csv, flink-avro, flink-table-runtime for raw), read through ServiceLoader, and
 * checked against the planner (bench/sql-corpus/formats.json). These are the DeserializationFormatFactory
 * and SerializationFormatFactory ones Kafka uses; the filesystem connector's file formats differ (avro files
 * take 'avro.codec', which Kafka's 'avro' does not).
 *
 * Value checks are only those the planner makes when it plans the table (EXPLAIN): a value read as a
 * boolean or an enum, and the formats' own validation. Some it makes only when the format reads (a source)
 * or only when it writes (a sink): `on`.
 *
 * The Confluent Schema Registry formats are not on the local engine's classpath (its planner rejects a
 * table using them: no factory); their keys come from Flink's AvroConfluentFormatOptions, taken as a
 * superset so that no valid key is refused. protobuf (not on the classpath either) is not checked.
 */
import type { OptionType } from "./connector-options";

export interface FormatOption {
  readonly type: OptionType;
  /** The planner checks the value only when the format reads (`source`) or writes (`sink`). */
  readonly on?: "source" | "sink";
}

/**
 * A rule between options of one format: the option to report at, the code and why, or nothing. `get`
 * reads an option by its name in the format, `key` gives the key the table writes for it.
 */
export type FormatRule = (
  get: (option: string) => string | undefined,
  role: "source" | "sink",
  key: (option: string) => string,
) => { option: string; code: string; message: string } | undefined;

export interface FormatSpec {
  readonly name: string;
  readonly options: Readonly<Record<string, FormatOption>>;
  /** Map options (`properties` → any `properties.<x>`). */
  readonly prefixes?: readonly string[];
  readonly rules?: readonly FormatRule[];
  /** Options of the same-named file format (filesystem connector) that this format does not take. */
  readonly fileOnly?: Readonly<Record<string, string>>;
  /** Keys read from Flink's source only: the local planner has no factory for this format. */
  readonly unverified?: boolean;
}

const str: FormatOption = { type: { kind: "string" } };
const bool: FormatOption = { type: { kind: "bool" } };
const char: FormatOption = { type: { kind: "char" } };
const isTrue = (v: string | undefined) => v !== undefined && v.toLowerCase() === "true";

// JsonFormatOptionsUtil: timestamp-format.standard is compared as written; map-null-key.mode is
// upper-cased first and only checked when the format writes.
const TIMESTAMP_STANDARD: FormatOption = { type: { kind: "enum", values: ["SQL", "ISO-8601"] } };
const MAP_NULL_KEY_MODE: FormatOption = {
  type: { kind: "enum", values: ["FAIL", "DROP", "LITERAL"], ignoreCase: true },
  on: "sink",
};

/** What json and the JSON-based CDC formats share. */
const JSON_COMMON: Record<string, FormatOption> = {
  "ignore-parse-errors": bool,
  "timestamp-format.standard": TIMESTAMP_STANDARD,
  "map-null-key.mode": MAP_NULL_KEY_MODE,
  "map-null-key.literal": str,
  "encode.decimal-as-plain-number": bool,
  "encode.ignore-null-fields": bool,
};

/** AvroConfluentFormatOptions (flink-avro-confluent-registry), with the keys they fall back to. */
const CONFLUENT_REGISTRY: Record<string, FormatOption> = {
  url: str,
  subject: str,
  schema: str,
  "schema-registry.url": str,
  "schema-registry.subject": str,
  "schema-registry.schema": str,
  "ssl.keystore.location": str,
  "ssl.keystore.password": str,
  "ssl.truststore.location": str,
  "ssl.truststore.password": str,
  "basic-auth.credentials-source": str,
  "basic-auth.user-info": str,
  "bearer-auth.credentials-source": str,
  "bearer-auth.token": str,
  // Flink 2.1 (FLINK-33045); accepted so that the superset holds.
  "auto.register.schemas": bool,
  properties: str,
};

const spec = (
  name: string,
  options: Record<string, FormatOption>,
  extra: Omit<FormatSpec, "name" | "options"> = {},
): FormatSpec => ({ name, options, ...extra });

export const FORMATS: Readonly<Record<string, FormatSpec>> = {
  json: spec(
    "json",
    { "fail-on-missing-field": bool, ...JSON_COMMON },
    {
      rules: [
        (get, role, key) =>
          role === "source" && isTrue(get("fail-on-missing-field")) && isTrue(get("ignore-parse-errors"))
            ? {
                option: "fail-on-missing-field",
                code: "option-conflict",
                message: `and '${key("ignore-parse-errors")}' cannot both be true when the format reads`,
              }
            : undefined,
      ],
    },
  ),
  csv: spec(
    "csv",
    {
      "field-delimiter": { type: { kind: "char", unescapes: true } },
      "disable-quote-character": bool,
      "quote-character": char,
      "allow-comments": bool,
      "ignore-parse-errors": bool,
      "array-element-delimiter": char,
      "escape-character": char,
      "null-literal": str,
      "write-bigdecimal-in-scientific-notation": bool,
    },
    {
      rules: [
        (get, _role, key) =>
          isTrue(get("disable-quote-character")) && get("quote-character") !== undefined
            ? {
                option: "quote-character",
                code: "option-conflict",
                message: `cannot be set together with '${key("disable-quote-character")}' = 'true'`,
              }
            : undefined,
      ],
    },
  ),
  avro: spec(
    "avro",
    {
      encoding: { type: { kind: "enum", values: ["binary", "json"], ignoreCase: true } },
      "timestamp_mapping.legacy": bool,
    },
    { fileOnly: { codec: "an option of avro files written by the filesystem connector" } },
  ),
  raw: spec("raw", {
    charset: str,
    endianness: { type: { kind: "enum", values: ["big-endian", "little-endian"], ignoreCase: true } },
  }),
  "debezium-json": spec(
    "debezium-json",
    { "schema-include": bool, ...JSON_COMMON },
    {
      rules: [
        (get, role) =>
          role === "sink" && isTrue(get("schema-include"))
            ? {
                option: "schema-include",
                code: "option-value",
                message: "can only be true when the format reads: Flink does not write the Debezium schema",
              }
            : undefined,
      ],
    },
  ),
  "canal-json": spec("canal-json", { "database.include": str, "table.include": str, ...JSON_COMMON }),
  "maxwell-json": spec("maxwell-json", JSON_COMMON),
  "ogg-json": spec("ogg-json", JSON_COMMON),
  "avro-confluent": spec("avro-confluent", CONFLUENT_REGISTRY, {
    prefixes: ["properties."],
    unverified: true,
  }),
  "debezium-avro-confluent": spec("debezium-avro-confluent", CONFLUENT_REGISTRY, {
    prefixes: ["properties."],
    unverified: true,
  }),
};
