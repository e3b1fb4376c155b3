import { own } from "../own";
import { CONNECTORS, type ConnectorSpec, STARTUP_MODES } from "./connector-options";
import { closest, type DeclaredTable, type Diagnostics, describeTable, optionPosition } from "./context";
import { typeProblem } from "./option-values";
import {
  checkFormatOption,
  checkFormatRules,
  checkStrayFormatOption,
  formatSlots,
  uncheckedFormatPrefixes,
} from "./rules-formats";

const CDC_FORMATS = /^(debezium|canal|maxwell|ogg)-/;

function checkOptionKeys(t: DeclaredTable, spec: ConnectorSpec, d: Diagnostics): void {
  const { options } = t.table;
  const slots = formatSlots(spec, options);
  const prefixes = [...(spec.prefixes ?? []), ...uncheckedFormatPrefixes(spec, options)];
  for (const [key, value] of Object.entries(options)) {
    const type = own(spec.options, key);
    if (type) {
      const expected = typeProblem(type, value);
      if (expected) {
        d.error(
          "option-value",
          `${describeTable(t)}: option '${key}' is '${value}'; it must be ${expected}`,
          t.location,
          optionPosition(t, key),
        );
      }
      continue;
    }
    if (prefixes.some((p) => key.startsWith(p)) || spec.patterns?.some((p) => p.test(key))) continue;
    const slot = slots.find((s) => s.spec && key.startsWith(s.prefix));
    if (slot?.spec) {
      checkFormatOption(t, { ...slot, spec: slot.spec }, key, value, d);
      continue;
    }
    if (spec.formatKeys && checkStrayFormatOption(t, spec, slots, key, d)) continue;
    const hint = closest(key, Object.keys(spec.options));
    const extra = spec.formatKeys ? ", properties.* and the options of the declared formats" : "";
    d.error(
      "option-unknown",
      `${describeTable(t)}: connector '${spec.name}' has no option '${key}'` +
        (hint ? `; did you mean '${hint}'?` : `; allowed: ${Object.keys(spec.options).join(", ")}${extra}`),
      t.location,
      optionPosition(t, key),
    );
  }
  checkFormatRules(t, slots, d);
}

/** `a` needs `b`: reports a missing `b` at `a`. */
function requires(t: DeclaredTable, d: Diagnostics, a: string, b: string, why = ""): void {
  if (t.table.options[a] !== undefined && t.table.options[b] === undefined) {
    d.error(
      "option-required",
      `${describeTable(t)}: option '${a}' needs '${b}'${why}`,
      t.location,
      optionPosition(t, a),
    );
  }
}

function required(t: DeclaredTable, d: Diagnostics, key: string, what = `option '${key}'`): void {
  if (t.table.options[key] === undefined) {
    d.error("option-required", `${describeTable(t)} needs ${what}`, t.location, t.table.position);
  }
}

function notAllowed(t: DeclaredTable, d: Diagnostics, key: string, why: string): void {
  d.error(
    "option-not-allowed",
    `${describeTable(t)}: option '${key}' is not allowed ${why}`,
    t.location,
    optionPosition(t, key),
  );
}

function columnNames(t: DeclaredTable): Set<string> {
  return new Set(t.table.columns.map((c) => c.name));
}

function kafkaRules(t: DeclaredTable, d: Diagnostics, upsert: boolean): void {
  const o = t.table.options;
  if (!t.integrationId && !o["properties.bootstrap.servers"]) {
    d.error(
      "option-required",
      `${describeTable(t)} needs 'properties.bootstrap.servers', or an integration_id whose integration supplies it`,
      t.location,
      optionPosition(t, "properties.bootstrap.servers"),
    );
  }
  if (upsert) {
    if (o.format !== undefined) {
      notAllowed(t, d, "format", "for 'upsert-kafka', which takes 'key.format' and 'value.format'");
    }
    required(t, d, "value.format");
  } else if (o.format !== undefined && o["value.format"] !== undefined) {
    // Flink accepts both and reads the values with 'format', ignoring 'value.format'.
    d.warning(
      "option-conflict",
      `${describeTable(t)}: set only one of 'format' and 'value.format' (synonyms); with both, Flink uses 'format' ('${o.format}') and ignores 'value.format' ('${o["value.format"]}')`,
      t.location,
      optionPosition(t, "value.format"),
    );
  } else if (o.format === undefined && o["value.format"] === undefined) {
    required(t, d, "value.format", "option 'value.format' (or 'format')");
  }
  if (o.topic !== undefined && o["topic-pattern"] !== undefined) {
    d.error(
      "option-conflict",
      `${describeTable(t)}: set only one of 'topic' and 'topic-pattern'`,
      t.location,
      optionPosition(t, "topic-pattern"),
    );
  } else if (t.role === "sink" && o["topic-pattern"] !== undefined) {
    notAllowed(t, d, "topic-pattern", "on a sink (a sink writes one 'topic')");
  } else if (o.topic === undefined && o["topic-pattern"] === undefined) {
    // A sink needs it too, even with a writable 'topic' metadata column (Kafka connector 3.x:
    // "Either 'topic' or 'topic-pattern' must be set").
    required(t, d, "topic", "option 'topic' (or 'topic-pattern' on a source)");
  }
  for (const mode of ["scan.bounded.mode", ...(upsert ? [] : ["scan.startup.mode"])]) {
    const base = mode.replace(/mode$/, "");
    if (o[mode] === "timestamp") requires(t, d, mode, `${base}timestamp-millis`, " when it is 'timestamp'");
    if (o[mode] === "specific-offsets")
      requires(t, d, mode, `${base}specific-offsets`, " when it is 'specific-offsets'");
    const offsets = o[`${base}specific-offsets`];
    if (
      offsets !== undefined &&
      !/^partition:\d+,offset:\d+(;partition:\d+,offset:\d+)*;?$/.test(offsets.replace(/\s/g, ""))
    ) {
      d.error(
        "option-value",
        `${describeTable(t)}: option '${base}specific-offsets' is '${offsets}'; it must look like 'partition:0,offset:42;partition:1,offset:300'`,
        t.location,
        optionPosition(t, `${base}specific-offsets`),
      );
    }
  }
  if (
    o["key.fields-prefix"] !== undefined &&
    (o["value.fields-include"] ?? "ALL").toUpperCase() !== "EXCEPT_KEY"
  ) {
    d.error(
      "option-conflict",
      `${describeTable(t)}: 'key.fields-prefix' needs 'value.fields-include' = 'EXCEPT_KEY'`,
      t.location,
      optionPosition(t, "key.fields-prefix"),
    );
  }
  if (o["sink.delivery-guarantee"] === "exactly-once") {
    requires(
      t,
      d,
      "sink.delivery-guarantee",
      "sink.transactional-id-prefix",
      " for 'exactly-once' (and checkpointing must be on)",
    );
  }
  const pk = t.table.primaryKey;
  if (upsert) {
    required(t, d, "key.format");
    if (!pk) {
      d.error(
        "upsert-kafka-primary-key",
        `${describeTable(t)}: connector 'upsert-kafka' needs PRIMARY KEY (...) NOT ENFORCED; its columns form the Kafka message key`,
        t.location,
        t.table.position,
      );
    }
    for (const key of Object.keys(o).filter((k) => k.startsWith("scan.startup."))) {
      notAllowed(t, d, key, "for 'upsert-kafka' (it always reads the topic from the beginning)");
    }
    if (o["key.fields"] !== undefined)
      notAllowed(t, d, "key.fields", "for 'upsert-kafka' (the key columns are the PRIMARY KEY)");
    const rows = o["sink.buffer-flush.max-rows"];
    const interval = o["sink.buffer-flush.interval"];
    if (rows !== undefined || interval !== undefined) {
      const bothPositive =
        rows !== undefined &&
        interval !== undefined &&
        Number(rows) > 0 &&
        !/^0+\s*[a-zµ]*$/i.test(interval.trim());
      if (!bothPositive) {
        const at = rows !== undefined ? "sink.buffer-flush.max-rows" : "sink.buffer-flush.interval";
        d.error(
          "option-conflict",
          `${describeTable(t)}: 'sink.buffer-flush.max-rows' and 'sink.buffer-flush.interval' must be set together, both greater than 0`,
          t.location,
          optionPosition(t, at),
        );
      }
    }
    return;
  }
  requires(t, d, "key.format", "key.fields", " (a key format requires one or more key fields)");
  requires(t, d, "key.fields", "key.format");
  const keyFields = o["key.fields"];
  if (keyFields !== undefined && t.table.like === undefined) {
    const names = columnNames(t);
    for (const field of keyFields
      .split(";")
      .map((f) => f.trim())
      .filter(Boolean)) {
      if (!names.has(field)) {
        d.error(
          "key-fields-column-missing",
          `${describeTable(t)}: 'key.fields' names '${field}', which is not a column of the table`,
          t.location,
          optionPosition(t, "key.fields"),
        );
      }
    }
  }
  const partitioner = o["sink.partitioner"];
  if (
    partitioner !== undefined &&
    !["default", "fixed", "round-robin"].includes(partitioner) &&
    !partitioner.includes(".")
  ) {
    d.error(
      "option-value",
      `${describeTable(t)}: option 'sink.partitioner' is '${partitioner}'; it must be default, fixed, round-robin or a partitioner class name`,
      t.location,
      optionPosition(t, "sink.partitioner"),
    );
  }
  const valueFormat = o.format ?? o["value.format"] ?? "";
  if (pk && !CDC_FORMATS.test(valueFormat)) {
    d.error(
      "kafka-primary-key",
      `${describeTable(t)}: connector 'kafka' with format '${valueFormat}' cannot declare a PRIMARY KEY; use 'upsert-kafka' for keyed, updating data`,
      t.location,
      pk.position,
    );
  }
  if (t.role === "source" && o["scan.startup.mode"] === undefined) {
    d.warning(
      "kafka-startup-mode",
      `${describeTable(t)} sets no 'scan.startup.mode': the default 'group-offsets' fails at run time when the consumer group has no committed offsets; set it to one of ${STARTUP_MODES.join(", ")}`,
      t.location,
      t.table.position,
    );
  }
}

function jdbcRules(t: DeclaredTable, d: Diagnostics): void {
  const o = t.table.options;
  if (!t.integrationId) {
    if (!o.url || o.url === "jdbc:postgresql://") {
      d.error(
        "option-required",
        `${describeTable(t)} needs 'url' (jdbc:postgresql://host:port/db), or an integration_id whose integration supplies it`,
        t.location,
        optionPosition(t, "url"),
      );
    } else if (!o.url.startsWith("jdbc:")) {
      d.error(
        "option-value",
        `${describeTable(t)}: option 'url' must start with 'jdbc:' (for example jdbc:postgresql://host:5432/db)`,
        t.location,
        optionPosition(t, "url"),
      );
    }
  }
  required(t, d, "table-name", "option 'table-name' (the PostgreSQL table, schema.table)");
  const partition = [
    "scan.partition.column",
    "scan.partition.num",
    "scan.partition.lower-bound",
    "scan.partition.upper-bound",
  ];
  const set = partition.filter((k) => o[k] !== undefined);
  if (set.length > 0 && set.length < partition.length) {
    const missing = partition.filter((k) => o[k] === undefined);
    d.error(
      "option-conflict",
      `${describeTable(t)}: the scan.partition.* options come all together or not at all; missing ${missing.map((k) => `'${k}'`).join(", ")}`,
      t.location,
      optionPosition(t, set[0]!),
    );
  }
  const column = o["scan.partition.column"];
  if (column !== undefined && t.table.like === undefined && !columnNames(t).has(column)) {
    d.error(
      "option-value",
      `${describeTable(t)}: 'scan.partition.column' names '${column}', which is not a column of the table`,
      t.location,
      optionPosition(t, "scan.partition.column"),
    );
  }
  const lo = Number(o["scan.partition.lower-bound"]);
  const hi = Number(o["scan.partition.upper-bound"]);
  if (set.length === partition.length && Number.isFinite(lo) && Number.isFinite(hi) && lo > hi) {
    d.error(
      "option-value",
      `${describeTable(t)}: 'scan.partition.lower-bound' (${lo}) is greater than 'scan.partition.upper-bound' (${hi})`,
      t.location,
      optionPosition(t, "scan.partition.lower-bound"),
    );
  }
  if (t.role === "sink" && !t.table.primaryKey) {
    d.warning(
      "jdbc-append-only",
      `${describeTable(t)} has no PRIMARY KEY, so the jdbc sink is append-only: it cannot take updates or deletes (such as an aggregation's results); declare PRIMARY KEY (...) NOT ENFORCED to write in upsert mode`,
      t.location,
      t.table.position,
    );
  }
}

function datagenRules(t: DeclaredTable, d: Diagnostics): void {
  const names = columnNames(t);
  for (const [key, value] of Object.entries(t.table.options)) {
    const m = /^fields\.([^.]+)\.(\w[\w-]*)$/.exec(key);
    if (!m) continue;
    if (t.table.like === undefined && !names.has(m[1]!)) {
      d.error(
        "datagen-field-unknown",
        `${describeTable(t)}: option '${key}' names column '${m[1]}', which the table does not declare`,
        t.location,
        optionPosition(t, key),
      );
    }
    if (m[2] === "kind" && value !== "random" && value !== "sequence") {
      d.error(
        "option-value",
        `${describeTable(t)}: option '${key}' is '${value}'; it must be random or sequence`,
        t.location,
        optionPosition(t, key),
      );
    }
    if (m[2] === "kind" && value === "sequence") {
      requires(t, d, key, `fields.${m[1]}.start`, " for a sequence");
      requires(t, d, key, `fields.${m[1]}.end`, " for a sequence");
    }
  }
}

/** Connector option rules (flink-rules.md §2a): required options, enums, types, cross-option rules, unknown keys. */
export function checkConnector(t: DeclaredTable, d: Diagnostics): void {
  const connector = t.table.options.connector;
  if (connector === undefined) {
    if (t.table.like === undefined) {
      d.error(
        "connector-missing",
        `${describeTable(t)} has no 'connector' option; allowed: ${Object.keys(CONNECTORS).join(", ")}`,
        t.location,
        t.table.position,
      );
    }
    return;
  }
  const spec = own(CONNECTORS, connector);
  if (!spec) {
    d.warning(
      "connector-unchecked",
      `${describeTable(t)}: connector '${connector}' is not one flinkform checks (${Object.keys(CONNECTORS).join(", ")}); its options are not validated`,
      t.location,
      optionPosition(t, "connector"),
    );
    return;
  }
  if (!spec.roles.includes(t.role)) {
    d.error(
      "connector-role",
      `${describeTable(t)}: connector '${connector}' can only be used as a ${spec.roles.join(" or ")}`,
      t.location,
      optionPosition(t, "connector"),
    );
  }
  checkOptionKeys(t, spec, d);
  // A LIKE table inherits options from another table, so "required" checks would be guesses.
  if (t.table.like !== undefined) return;
  if (connector === "kafka" || connector === "upsert-kafka") kafkaRules(t, d, connector === "upsert-kafka");
  else if (connector === "jdbc") jdbcRules(t, d);
  else if (connector === "datagen") datagenRules(t, d);
}
