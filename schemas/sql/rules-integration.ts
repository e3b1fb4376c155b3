import { type DeclaredTable, type Diagnostics, describeTable, optionPosition } from "./context";

const JDBC_PLACEHOLDER = "jdbc:postgresql://";
/** Connection settings an integration injects into Kafka tables (flink-rules.md §2d). */
const KAFKA_INJECTED = /^properties\.(security\.protocol|ssl\.|sasl\.)/;

/** Option keys whose values are credentials. `basic-auth.credentials-source` only names a mechanism. */
const SECRET_KEY =
  /(^|[.-])(password|passwd|secret|secret-key|access-key|api-key|apikey)$|user-info$|sasl\.jaas\.config$|(^|\.)token$/i;
const PLACEHOLDER = /^(\s*|\$\{[^}]*\}|<[^>]*>)$/;

export function isSecretOption(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Integration-injected options (§2d) and literal secrets in WITH (...) (§2b). */
export function checkIntegration(t: DeclaredTable, d: Diagnostics): void {
  const o = t.table.options;
  const connector = o.connector;
  const kafka = connector === "kafka" || connector === "upsert-kafka";
  if (t.integrationId) {
    const servers = o["properties.bootstrap.servers"];
    if (kafka && servers) {
      d.warning(
        "integration-option-literal",
        `${describeTable(t)}: 'properties.bootstrap.servers' is '${servers}', but the integration supplies the servers; set it to ''`,
        t.location,
        optionPosition(t, "properties.bootstrap.servers"),
      );
    }
    if (kafka) {
      for (const key of Object.keys(o).filter((k) => KAFKA_INJECTED.test(k))) {
        d.warning(
          "integration-option-literal",
          `${describeTable(t)}: option '${key}' is injected by the integration; remove it`,
          t.location,
          optionPosition(t, key),
        );
      }
    }
    if (connector === "jdbc") {
      // The url is not echoed: a JDBC url can carry a password parameter.
      if (o.url && o.url !== JDBC_PLACEHOLDER) {
        d.warning(
          "integration-option-literal",
          `${describeTable(t)}: 'url' holds a literal address, but the integration supplies the connection; set it to '${JDBC_PLACEHOLDER}'`,
          t.location,
          optionPosition(t, "url"),
        );
      }
      for (const key of ["username", "password"].filter((k) => o[k] !== undefined)) {
        d.warning(
          "integration-option-literal",
          `${describeTable(t)}: option '${key}' is injected by the integration; remove it`,
          t.location,
          optionPosition(t, key),
        );
      }
    }
  } else if (kafka || connector === "jdbc") {
    d.warning(
      "integration-missing",
      `${describeTable(t)} uses connector '${connector}' without an integration_id, so the service gets no connection settings or credentials for it; set integration_id to the service integration's id`,
      t.location,
      t.table.position,
    );
  }
  for (const [key, value] of Object.entries(o)) {
    const secret = isSecretOption(key) || (key === "url" && /password=/i.test(value));
    if (!secret || PLACEHOLDER.test(value)) continue;
    d.warning(
      "secret-literal",
      `${describeTable(t)}: option '${key}' holds a literal secret (value not shown), which is stored in plain text in the version and in state; supply credentials through an integration instead`,
      t.location,
      optionPosition(t, key),
    );
  }
}
