import type { AttributeSpec, DataSourceSpec, ResourceSpec } from "../../schemas/dsl/types";
import { FLINK_CLOUDS, FLINK_PLANS } from "../../schemas/flink/plans";
import { allSpecs } from "../../schemas/index";
import { validateConfig } from "../../schemas/validate/validate-config";

const UNKNOWN = Symbol("unknown");
const isUnresolved = (v: unknown) => v === UNKNOWN;

type Spec = { typeName: string; attributes: Readonly<Record<string, AttributeSpec>> };
const specs: { owner: string; spec: ResourceSpec | DataSourceSpec | Spec }[] = [
  { owner: "provider", spec: { typeName: "provider", attributes: allSpecs.provider.attributes } },
  ...allSpecs.resources.map((spec) => ({ owner: spec.typeName, spec })),
  ...allSpecs.dataSources.map((spec) => ({ owner: `data.${spec.typeName}`, spec })),
];

interface Row {
  /** `*` applies to every spec with an attribute at this path. */
  owner: string;
  path: string;
  valid: unknown[];
  /** Value, expected detail, and "warning" where the value is accepted with a warning. */
  invalid: ([unknown, string] | [unknown, string, "warning"])[];
}

const UUID = "0b7e3f3c-59a5-4a4b-9b55-1f0c5a8b2e10";
const long = (n: number) => "x".repeat(n);
/** How a message shows a long string: cut at 80 characters. */
const shown = (v: string) => (v.length > 80 ? `${v.slice(0, 77)}...` : v);
const rangeInt = (path: string, min: number, max: number): Row => ({
  owner: "*",
  path,
  valid: [min, max],
  invalid: [
    [min - 1, `${path} must be between ${min} and ${max}, got ${min - 1}.`],
    [max + 1, `${path} must be between ${min} and ${max}, got ${max + 1}.`],
    [min + 0.5, `${path} must be a whole number, got ${min + 0.5}.`],
    ["3", `${path} must be a number, got "3".`],
  ],
});
/** Durations with a range: resource timeouts 1s … 24h, the provider's request_timeout 1s … 1h. */
const duration = (path: string, max = "24h", tooLong = "597h"): Row => {
  const examples = max === "24h" ? '`"30s"`, `"20m"` or `"1h30m"`' : '`"30s"` or `"2m"`';
  const phrase = `${path} must be a duration such as ${examples}, between \`1s\` and \`${max}\``;
  return {
    owner: "*",
    path,
    valid: ["1s", "30s", "20m", max],
    invalid: [
      ["20 minutes", `${phrase}, got "20 minutes".`],
      ["0s", `${phrase}, got "0s".`],
      ["999ms", `${phrase}, got "999ms".`],
      [tooLong, `${phrase}, got "${tooLong}".`],
    ],
  };
};
const maxLen = (owner: string, path: string, max: number, valid = "ok"): Row => ({
  owner,
  path,
  valid: [valid],
  invalid: [
    [long(max + 1), `${path} must be at most ${max} characters long, got "${shown(long(max + 1))}".`],
  ],
});
/** A secret is never shown in a message, even when it is invalid. */
const maxLenSecret = (owner: string, path: string, max: number): Row => ({
  owner,
  path,
  valid: ["s3cret"],
  invalid: [[long(max + 1), `${path} must be at most ${max} characters long, got (sensitive value).`]],
});
const uuid = (path: string): Row => ({
  owner: "*",
  path,
  valid: [UUID],
  invalid: [
    ["not-a-uuid", `${path} must be exactly 36 characters long, got "not-a-uuid".`],
    [long(36), `${path} must be a UUID, got "${long(36)}".`],
  ],
});
const oneOf = (owner: string, path: string, values: string[], bad = "bogus"): Row => ({
  owner,
  path,
  valid: values,
  invalid: [[bad, `${path} must be one of ${values.map((v) => `\`${v}\``).join(", ")}, got "${bad}".`]],
});

const rows: Row[] = [
  {
    owner: "provider",
    path: "api_url",
    valid: ["http://127.0.0.1:8080/v1"],
    invalid: [["ftp://x", 'api_url must be an http:// or https:// URL, got "ftp://x".']],
  },
  { ...duration("request_timeout", "1h", "61m"), owner: "provider" },
  rangeInt("max_retries", 0, 20),
  {
    owner: "*",
    path: "project",
    valid: ["my-project_1"],
    invalid: [
      ["my project", 'project must contain only letters, digits, `_` and `-`, got "my project".'],
      [long(64), `project must be at most 63 characters long, got "${long(64)}".`],
    ],
  },
  {
    owner: "*",
    path: "service_name",
    valid: ["flink-1"],
    invalid: [
      [
        "Flink",
        'service_name must start with a lowercase letter and contain only lowercase letters, digits and `-`, got "Flink".',
      ],
      ["", 'service_name must be between 1 and 64 characters long, got "".'],
    ],
  },
  // The shapes of plan and cloud names; which ones exist is the API's catalogue (the local one refuses
  // the rest at apply: test/controlplane/shared-rules.test.ts).
  {
    owner: "flink_service",
    path: "plan",
    valid: [...FLINK_PLANS.map((p) => p.name), "business-64", "startup-16"],
    invalid: [
      [
        "buisness-4",
        'plan must be a Flink plan: `hobbyist`, `startup-N`, `business-N` or `premium-N`, such as `business-4`, got "buisness-4".',
      ],
      [
        "business",
        'plan must be a Flink plan: `hobbyist`, `startup-N`, `business-N` or `premium-N`, such as `business-4`, got "business".',
      ],
    ],
  },
  {
    owner: "flink_service",
    path: "cloud_name",
    valid: [...FLINK_CLOUDS, "aws-ap-southeast-1", "google-asia-northeast1"],
    invalid: [
      [
        "azure-westeurope",
        'cloud_name must be an AWS or Google Cloud region such as `google-europe-west1` (Flink is offered on AWS and Google Cloud only), got "azure-westeurope".',
      ],
      [
        "google europe",
        'cloud_name must be an AWS or Google Cloud region such as `google-europe-west1` (Flink is offered on AWS and Google Cloud only), got "google europe".',
      ],
    ],
  },
  oneOf(
    "flink_service",
    "maintenance_window_dow",
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "never"],
    "mon",
  ),
  {
    owner: "flink_service",
    path: "maintenance_window_time",
    valid: ["23:59:59", "00:00:00"],
    invalid: [
      ["24:00:00", 'maintenance_window_time must be a time of day `HH:MM:SS` (UTC), got "24:00:00".'],
    ],
  },
  {
    owner: "flink_service",
    path: "tech_emails",
    valid: [["ops@example.com", "first.last+flink@mail.example.co.uk"]],
    invalid: [
      [Array(11).fill("a@b.c"), "tech_emails must have at most 10 items, got a list of 11 items."],
      ...[
        "ops",
        "ops@localhost",
        "ops@exa mple.com",
        "@example.com",
        "ops@@example.com",
        "ops@example.com\n",
      ].map((bad): [unknown, string] => [
        [bad],
        `tech_emails[0] must be an e-mail address such as \`ops@example.com\`, got ${JSON.stringify(bad)}.`,
      ]),
      [
        [`${long(250)}@example.com`],
        `tech_emails[0] must be at most 254 characters long, got "${shown(`${long(250)}@example.com`)}".`,
      ],
    ],
  },
  // The official provider's common service attributes: test/schemas/service-parity.test.ts has more.
  {
    owner: "flink_service",
    path: "additional_disk_space",
    valid: ["30GiB", "30G", "1200GiB"],
    invalid: [
      ["30GB", 'additional_disk_space must be a whole number of GiB such as `30GiB` (or `30G`), got "30GB".'],
      ["0GiB", 'additional_disk_space must be a whole number of GiB such as `30GiB` (or `30G`), got "0GiB".'],
    ],
  },
  {
    owner: "flink_service",
    path: "project_vpc_id",
    valid: ["local/0b7e3f3c-59a5-4a4b-9b55-1f0c5a8b2e10"],
    invalid: [
      ["vpc-1", 'project_vpc_id must be `PROJECT/VPC_ID`, the project and the VPC\'s UUID, got "vpc-1".'],
    ],
  },
  {
    owner: "flink_service",
    path: "static_ips",
    valid: [[], ["ip359373e5e56"]],
    invalid: [
      [
        Array.from({ length: 129 }, (_, i) => `ip${i}`),
        "static_ips must have at most 128 items, got a list of 129 items.",
      ],
      [[""], 'static_ips[0] must be between 1 and 64 characters long, got "".'],
    ],
  },
  {
    owner: "flink_service",
    path: "service_integrations",
    valid: [[]],
    invalid: [
      [
        Array.from({ length: 65 }, (_, i) => ({ integration_type: "flink", source_service_name: `s${i}` })),
        "service_integrations must have at most 64 items, got a list of 65 items.",
      ],
      [
        [{ integration_type: long(65), source_service_name: "kafka-1" }],
        `service_integrations[0].integration_type must be at most 64 characters long, got "${shown(long(65))}".`,
      ],
    ],
  },
  {
    owner: "flink_service",
    path: "tags",
    valid: [{ team: "data", "cost-center:eu/1": "a value with spaces", empty: "" }],
    invalid: [
      [{ "my team": "x" }, 'tags key "my team" must contain only letters, digits and `_ . : / = + @ -`.'],
      [{ "": "x" }, 'tags key "" must be between 1 and 64 characters long.'],
      [{ [long(65)]: "x" }, `tags key "${long(65)}" must be between 1 and 64 characters long.`],
      [
        { team: "a\nb" },
        'tags.team must not contain control characters (such as NUL or a line break) or bidirectional text controls, got "a\\nb".',
      ],
      [{ team: long(257) }, `tags.team must be at most 256 characters long, got "${shown(long(257))}".`],
      [
        Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`k${i}`, "v"])),
        "tags must have at most 25 items, got a map of 26 items.",
      ],
    ],
  },
  rangeInt("flink_user_config.number_of_task_slots", 1, 1024),
  rangeInt("flink_user_config.parallelism_default", 1, 128),
  rangeInt("flink_user_config.execution_checkpointing_interval_ms", 100, 3600000),
  oneOf(
    "flink_service",
    "flink_user_config.restart_strategy.type",
    ["failure-rate", "fixed-delay", "exponential-delay", "none"],
    "default",
  ),
  rangeInt("flink_user_config.restart_strategy.delay_sec", 1, 3600),
  rangeInt("flink_user_config.restart_strategy.max_failures", 1, 128),
  rangeInt("flink_user_config.restart_strategy.failure_rate_interval_min", 1, 2880),
  rangeInt("flink_user_config.restart_strategy.max_backoff_sec", 1, 3600),
  {
    owner: "flink_service",
    path: "flink_user_config.restart_strategy.backoff_multiplier",
    valid: [1.5, 10],
    invalid: [
      [11, "flink_user_config.restart_strategy.backoff_multiplier must be between 1 and 10, got 11."],
    ],
  },
  {
    owner: "flink_service",
    path: "flink_user_config.restart_strategy.jitter_factor",
    valid: [0, 0.1, 1],
    invalid: [[1.5, "flink_user_config.restart_strategy.jitter_factor must be between 0 and 1, got 1.5."]],
  },
  {
    owner: "flink_service",
    path: "flink_user_config.ip_filter",
    valid: [["10.0.0.0/8", "0.0.0.0/0", "192.168.1.7/32", "::/0", "2001:db8::/32", "fe80::1/128"]],
    invalid: [
      ...[
        "10.0.0.1",
        "10.0.0.0/33",
        "999.1.1.1/8",
        "10.0.0/8",
        "2001:db8::/129",
        "2001:db8:::/32",
        "10.0.0.0/8/8",
      ].map((bad): [unknown, string] => [
        [bad],
        `flink_user_config.ip_filter[0] must be a CIDR range such as \`10.0.0.0/8\` or \`2001:db8::/32\`, got "${bad}".`,
      ]),
    ],
  },
  // The official provider's other forms of the same list, and the settings it has that we lacked.
  {
    owner: "flink_service",
    path: "flink_user_config.ip_filter_string",
    valid: [["10.20.0.0/16", "::/0"]],
    invalid: [
      [
        ["10.0.0.1"],
        'flink_user_config.ip_filter_string[0] must be a CIDR range such as `10.0.0.0/8` or `2001:db8::/32`, got "10.0.0.1".',
      ],
      [
        Array.from({ length: 8001 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`),
        "flink_user_config.ip_filter_string must have at most 8000 items, got a list of 8001 items.",
      ],
    ],
  },
  {
    owner: "flink_service",
    path: "flink_user_config.ip_filter_object",
    valid: [
      [
        { network: "10.20.0.0/16", description: "office" },
        { network: "::/0", description: null },
      ],
    ],
    invalid: [
      [
        [{ network: "10.0.0.0/33", description: null }],
        'flink_user_config.ip_filter_object[0].network must be a CIDR range such as `10.0.0.0/8` or `2001:db8::/32`, got "10.0.0.0/33".',
      ],
      [
        [{ network: "10.0.0.0/8", description: long(1025) }],
        `flink_user_config.ip_filter_object[0].description must be at most 1024 characters long, got "${shown(long(1025))}".`,
      ],
      [[{ network: null, description: "x" }], "flink_user_config.ip_filter_object[0].network is required."],
    ],
  },
  rangeInt("flink_user_config.execution_checkpointing_timeout_ms", 100, 86400000),
  rangeInt("flink_user_config.pekko_ask_timeout_s", 5, 60),
  rangeInt("flink_user_config.pekko_framesize_b", 1048576, 52428800),
  {
    owner: "flink_service",
    path: "flink_user_config.additional_backup_regions",
    valid: [["aws-eu-central-1"]],
    invalid: [
      [
        ["aws-eu-central-1", "google-europe-west1"],
        "flink_user_config.additional_backup_regions must have at most 1 items, got a list of 2 items.",
      ],
      [
        [""],
        'flink_user_config.additional_backup_regions[0] must be between 1 and 256 characters long, got "".',
      ],
    ],
  },
  duration("timeouts.create"),
  duration("timeouts.read"),
  duration("timeouts.update"),
  duration("timeouts.delete"),
  {
    owner: "flink_integration_endpoint",
    path: "endpoint_name",
    valid: ["kafka-ext", "Kafka (EU) — primary"],
    invalid: [
      ["", 'endpoint_name must be between 1 and 40 characters long, got "".'],
      [
        "kafka\u0000ext",
        'endpoint_name must not contain control characters (such as NUL or a line break) or bidirectional text controls, got "kafka\\u0000ext".',
      ],
    ],
  },
  oneOf(
    "flink_integration_endpoint",
    "endpoint_type",
    ["external_kafka", "external_postgresql", "external_schema_registry"],
    "external_mysql",
  ),
  {
    owner: "flink_integration_endpoint",
    path: "external_schema_registry.url",
    valid: ["https://registry.example.com:8081", "http://karapace:8081/"],
    invalid: [
      [
        "registry:8081",
        'external_schema_registry.url must be an `http://` or `https://` URL, got "registry:8081".',
      ],
      [
        `https://${long(2041)}`,
        `external_schema_registry.url must be at most 2048 characters long, got "${shown(`https://${long(2041)}`)}".`,
      ],
    ],
  },
  oneOf("flink_integration_endpoint", "external_schema_registry.authentication", ["none", "basic"], "oauth"),
  maxLen("flink_integration_endpoint", "external_schema_registry.basic_auth_username", 256),
  maxLenSecret("flink_integration_endpoint", "external_schema_registry.basic_auth_password", 256),
  oneOf(
    "flink_service_integration",
    "flink_external_postgresql_user_config.stringtype",
    ["unspecified"],
    "varchar",
  ),
  {
    owner: "flink_integration_endpoint",
    path: "external_kafka.bootstrap_servers",
    valid: ["kafka:9092"],
    invalid: [["k", 'external_kafka.bootstrap_servers must be between 3 and 256 characters long, got "k".']],
  },
  oneOf(
    "flink_integration_endpoint",
    "external_kafka.security_protocol",
    ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"],
    "TLS",
  ),
  oneOf(
    "flink_integration_endpoint",
    "external_kafka.sasl_mechanism",
    ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"],
    "GSSAPI",
  ),
  maxLen("flink_integration_endpoint", "external_kafka.sasl_plain_username", 256),
  maxLenSecret("flink_integration_endpoint", "external_kafka.sasl_plain_password", 256),
  maxLen("flink_integration_endpoint", "external_kafka.ssl_ca_cert", 16384),
  maxLen("flink_integration_endpoint", "external_kafka.ssl_client_cert", 16384),
  maxLenSecret("flink_integration_endpoint", "external_kafka.ssl_client_key", 16384),
  oneOf(
    "flink_integration_endpoint",
    "external_kafka.ssl_endpoint_identification_algorithm",
    ["https", ""],
    "http",
  ),
  maxLen("flink_integration_endpoint", "external_postgresql.host", 255),
  rangeInt("external_postgresql.port", 0, 65535),
  maxLen("flink_integration_endpoint", "external_postgresql.username", 256),
  maxLenSecret("flink_integration_endpoint", "external_postgresql.password", 256),
  maxLen("flink_integration_endpoint", "external_postgresql.default_database", 63),
  maxLen("flink_integration_endpoint", "external_postgresql.ssl_client_certificate", 16384),
  maxLenSecret("flink_integration_endpoint", "external_postgresql.ssl_client_key", 16384),
  oneOf(
    "flink_integration_endpoint",
    "external_postgresql.ssl_mode",
    ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"],
    "on",
  ),
  maxLen("flink_integration_endpoint", "external_postgresql.ssl_root_cert", 16384),
  oneOf(
    "flink_service_integration",
    "integration_type",
    ["flink", "flink_external_kafka", "flink_external_postgresql", "logs", "metrics"],
    "kafka_connect",
  ),
  {
    owner: "flink_service_integration",
    path: "source_service_name",
    valid: ["kafka-1"],
    invalid: [
      [
        "Kafka",
        'source_service_name must start with a lowercase letter and contain only lowercase letters, digits and `-`, got "Kafka".',
      ],
    ],
  },
  {
    owner: "flink_service_integration",
    path: "destination_service_name",
    valid: ["flink-1"],
    invalid: [
      [
        "-x",
        'destination_service_name must start with a lowercase letter and contain only lowercase letters, digits and `-`, got "-x".',
      ],
    ],
  },
  maxLen("flink_service_integration", "source_endpoint_id", 36),
  maxLen("flink_service_integration", "destination_endpoint_id", 36),
  {
    owner: "flink_application",
    path: "name",
    valid: ["clicks", "Clicks per minute (EU) — v2", "点击"],
    invalid: [
      ["", 'name must be between 1 and 128 characters long, got "".'],
      // NUL, a line break, and a right-to-left override that would show "clicks" reversed.
      ...[
        ["a\u0000b", "a\\u0000b"],
        ["a\nb", "a\\nb"],
        ["a\tb", "a\\tb"],
        ["\u202eskcilc", "\\u202eskcilc"],
        ["a\u2066b\u2069", "a\\u2066b\\u2069"],
      ].map(([bad, escaped]): [unknown, string] => [
        bad,
        `name must not contain control characters (such as NUL or a line break) or bidirectional text controls, got "${escaped}".`,
      ]),
    ],
  },
  {
    owner: "data.flink_application",
    path: "name",
    valid: ["clicks"],
    invalid: [
      [long(129), `name must be at most 128 characters long, got "${shown(long(129))}".`],
      [
        "a\nb",
        'name must not contain control characters (such as NUL or a line break) or bidirectional text controls, got "a\\nb".',
      ],
    ],
  },
  uuid("application_id"),
  {
    owner: "flink_application_version",
    path: "statement",
    valid: ["INSERT INTO b SELECT * FROM a"],
    invalid: [["", 'statement must be between 1 and 50000 characters long, got "".']],
  },
  {
    owner: "flink_application_version",
    path: "source",
    valid: [[{ create_table: "CREATE TABLE a (x INT)" }]],
    invalid: [
      [Array(65).fill({ create_table: "x" }), "source must have at most 64 items, got a list of 65 items."],
    ],
  },
  {
    owner: "flink_application_version",
    path: "sink",
    valid: [[{ create_table: "CREATE TABLE b (x INT)" }]],
    invalid: [
      [Array(65).fill({ create_table: "x" }), "sink must have at most 64 items, got a list of 65 items."],
    ],
  },
  {
    owner: "flink_application_version",
    path: "source.create_table",
    valid: ["CREATE TABLE a (x INT)"],
    invalid: [["", 'source[0].create_table must be between 1 and 4096 characters long, got "".']],
  },
  {
    owner: "flink_application_version",
    path: "sink.create_table",
    valid: ["CREATE TABLE b (x INT)"],
    invalid: [["", 'sink[0].create_table must be between 1 and 4096 characters long, got "".']],
  },
  {
    owner: "flink_application_version",
    path: "source.integration_id",
    valid: [UUID],
    invalid: [["nope", 'source[0].integration_id must be exactly 36 characters long, got "nope".']],
  },
  {
    owner: "flink_application_version",
    path: "sink.integration_id",
    valid: [UUID],
    invalid: [["nope", 'sink[0].integration_id must be exactly 36 characters long, got "nope".']],
  },
  uuid("version_id"),
  oneOf("flink_application_deployment", "upgrade_mode", ["savepoint", "last-state", "stateless"], "rolling"),
  oneOf("flink_application_deployment", "desired_state", ["running", "suspended"], "stopped"),
  {
    owner: "flink_application_deployment",
    path: "savepoint_trigger",
    valid: ["2026-11-30", "1", long(256)],
    invalid: [
      ["", 'savepoint_trigger must be between 1 and 256 characters long, got "".'],
      [long(257), `savepoint_trigger must be between 1 and 256 characters long, got "${shown(long(257))}".`],
    ],
  },
  {
    owner: "flink_service",
    path: "flink_user_config.flink_version",
    valid: ["1.19", "1.20"],
    invalid: [
      ["2.1", 'flink_user_config.flink_version must be one of `1.16`, `1.19`, `1.20`, got "2.1".'],
      [
        "1.16",
        'flink_user_config.flink_version is deprecated and will stop working when the service drops it, got "1.16".',
        "warning",
      ],
    ],
  },
  rangeInt("parallelism", 1, 128),
  { ...rangeInt("savepoint_history_max", 1, 100), owner: "flink_application_deployment" },
  {
    owner: "flink_application_deployment",
    path: "savepoint_interval",
    valid: ["1m", "90s", "1h30m", "168h"],
    invalid: ["59s", "169h", "hourly", "0s"].map((v) => [
      v,
      `savepoint_interval must be a duration such as \`"15m"\`, \`"1h"\` or \`"24h"\`, between \`1m\` and \`168h\`, got "${v}".`,
    ]),
  },
  {
    owner: "flink_application_deployment",
    path: "starting_savepoint",
    valid: ["s3://bucket/savepoints/sp-1"],
    invalid: [["", 'starting_savepoint must be between 1 and 2048 characters long, got "".']],
  },
  {
    owner: "flink_jar_application",
    path: "name",
    valid: ["counter", "Zähler — v2"],
    invalid: [
      ["", 'name must be between 1 and 128 characters long, got "".'],
      [
        "a\nb",
        'name must not contain control characters (such as NUL or a line break) or bidirectional text controls, got "a\\nb".',
      ],
    ],
  },
  {
    owner: "flink_jar_application_version",
    path: "source",
    valid: ["job.jar", "/abs/path/to/job.jar"],
    invalid: [["", 'source must be at least 1 characters long, got "".']],
  },
  {
    owner: "flink_jar_application_deployment",
    path: "entry_class",
    valid: ["dev.flinkform.example.CountingJob", "Main", "a.b$C"],
    invalid: [
      [
        "com.example.",
        'entry_class must be a fully qualified Java class name such as `com.example.MyJob`, got "com.example.".',
      ],
      [
        "not a class",
        'entry_class must be a fully qualified Java class name such as `com.example.MyJob`, got "not a class".',
      ],
      [long(129), `entry_class must be between 1 and 128 characters long, got "${shown(long(129))}".`],
    ],
  },
  {
    owner: "flink_jar_application_deployment",
    path: "program_args",
    valid: [["--keys", "8"], []],
    invalid: [[Array(33).fill("x"), "program_args must have at most 32 items, got a list of 33 items."]],
  },
  {
    owner: "flink_jar_application_deployment",
    path: "starting_savepoint",
    valid: ["s3://bucket/savepoints/sp-1"],
    invalid: [["", 'starting_savepoint must be between 1 and 2048 characters long, got "".']],
  },
  oneOf("flink_jar_application_deployment", "upgrade_mode", ["savepoint", "stateless"], "last-state"),
];

/** Builds a config holding `value` at a dotted path; blocks become a one-item list. */
function configWith(
  attributes: Readonly<Record<string, AttributeSpec>>,
  path: string[],
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path;
  const attr = attributes[head];
  if (rest.length === 0) return { [head]: value };
  const inner = configWith(attr.attributes!, rest, value);
  return { [head]: attr.kind === "blocks" ? [inner] : inner };
}

function attributeAt(
  attributes: Readonly<Record<string, AttributeSpec>>,
  path: string[],
): AttributeSpec | undefined {
  const attr = attributes[path[0]];
  if (!attr || path.length === 1) return attr;
  return attr.attributes ? attributeAt(attr.attributes, path.slice(1)) : undefined;
}

function cases() {
  const out: { owner: string; spec: Spec; row: Row }[] = [];
  for (const row of rows) {
    const settable = (s: (typeof specs)[number]) => {
      const attr = attributeAt(s.spec.attributes, row.path.split("."));
      return attr !== undefined && (attr.required || attr.optional);
    };
    const targets = specs.filter((s) => (row.owner === "*" || row.owner === s.owner) && settable(s));
    if (targets.length === 0) throw new Error(`row ${row.owner} ${row.path} matches no attribute`);
    for (const t of targets) out.push({ owner: t.owner, spec: t.spec, row });
  }
  return out;
}

/** Issues about the attribute under test (other required attributes are left unset on purpose). */
const issuesAt = (spec: Spec, path: string, value: unknown) =>
  validateConfig(spec, configWith(spec.attributes, path.split("."), value), { isUnresolved }).filter((i) =>
    i.path
      .filter((p) => typeof p === "string")
      .join(".")
      .startsWith(path),
  );

describe.each(cases())("$owner $row.path", ({ spec, row }) => {
  test.each(row.valid.map((v) => [v]))("accepts %p", (value) => {
    expect(issuesAt(spec, row.path, value)).toEqual([]);
  });

  test("an unknown value or token passes", () => {
    expect(issuesAt(spec, row.path, UNKNOWN)).toEqual([]);
  });

  // A rest parameter: jest would take a third named parameter for its `done` callback.
  test.each(row.invalid)("flags %p", (...[value, detail, expected]: [unknown, string, "warning"?]) => {
    const severity = expected ?? "error";
    const issues = issuesAt(spec, row.path, value);
    expect(issues.map((i) => [i.severity, i.detail])).toContainEqual([severity, detail]);
    if (severity === "warning") expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});

test("every constrained attribute a user can set has rows above", () => {
  const keys = [
    "min",
    "max",
    "integer",
    "enum",
    "pattern",
    "format",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
  ] as const;
  const covered = new Set(cases().map((c) => `${c.owner} ${c.row.path}`));
  const missing: string[] = [];
  const walk = (owner: string, attrs: Readonly<Record<string, AttributeSpec>>, prefix: string) => {
    for (const [name, attr] of Object.entries(attrs)) {
      const path = prefix + name;
      const constrained = keys.some(
        (k) =>
          attr[k] !== undefined ||
          (attr.element && attr.element[k] !== undefined) ||
          (attr.key && attr.key[k] !== undefined),
      );
      if (constrained && (attr.required || attr.optional) && !covered.has(`${owner} ${path}`))
        missing.push(`${owner} ${path}`);
      if (attr.attributes) walk(owner, attr.attributes, `${path}.`);
    }
  };
  for (const s of specs) walk(s.owner, s.spec.attributes, "");
  expect(missing).toEqual([]);
});
