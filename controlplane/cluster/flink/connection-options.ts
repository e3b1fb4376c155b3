import { createTableInfo } from "../../create-table-info";
import type { LocalDataAddresses } from "../../data-services/local-data-addresses";
import type { EndpointRecord, IntegrationRecord, ServiceRecord } from "../../model";
import type { Store } from "../../store";

/** A version's table as the job gets it: the user's DDL plus the connector options its integration supplies. */
export interface ResolvedTable {
  readonly createTable: string;
  readonly tableName: string;
  /** Options set with `ALTER TABLE ... SET` after the CREATE, so the user's text (and its positions) stay as written. */
  readonly connectionOptions: Readonly<Record<string, string>>;
}

export interface ResolvedTables {
  readonly tables: readonly ResolvedTable[];
  /** Values that must never appear in a log, an error message or a response. */
  readonly secrets: readonly string[];
}

const SECRET_KEY = /password|secret|jaas|user-info|\.key$|keystore\.key|token/i;

/**
 * Connector options that connect a table to its integration's endpoint, as the hosted service fills
 * them in: Kafka tables get the brokers and security settings, JDBC tables the URL and credentials.
 * An integration with one of the control plane's own Kafka or PostgreSQL services connects to the
 * local broker or database (`local`) when it runs; without one it supplies nothing.
 */
export function resolveTables(
  store: Store,
  project: string,
  tables: readonly { create_table: string; integration_id: string | null }[],
  local: LocalDataAddresses = {},
): ResolvedTables {
  const secrets = new Set<string>();
  const resolved = tables.map((t) => {
    const info = createTableInfo(t.create_table);
    for (const [k, v] of Object.entries(info.options)) if (SECRET_KEY.test(k)) addSecret(secrets, v);
    const connector = (info.options["connector"] ?? "").toLowerCase();
    const endpoint = t.integration_id ? endpointOf(store, project, t.integration_id, local) : undefined;
    const options = endpoint ? endpointOptions(endpoint, connector) : {};
    for (const [k, v] of Object.entries(options)) if (SECRET_KEY.test(k)) addSecret(secrets, v);
    // The endpoint's own secrets too: a password is only part of the JAAS config carrying it.
    if (endpoint && Object.keys(options).length > 0)
      for (const [k, v] of Object.entries(endpoint.user_config))
        if (SECRET_KEY.test(k) && typeof v === "string") addSecret(secrets, v);
    return { createTable: t.create_table, tableName: info.table_name, connectionOptions: options };
  });
  return { tables: resolved, secrets: [...secrets] };
}

/**
 * A secret as it may appear in text: as is, SQL-quoted ('' for ') as in an ALTER TABLE, and the
 * passwords inside a JAAS config on their own.
 */
function addSecret(secrets: Set<string>, value: string): void {
  if (value.length < 3) return;
  secrets.add(value);
  if (value.includes("'")) secrets.add(value.replace(/'/g, "''"));
  for (const m of value.matchAll(/password\s*=\s*"((?:[^"\\]|\\.)*)"/gi)) {
    const inner = m[1]!.replace(/\\(.)/g, "$1");
    if (inner.length >= 3 && inner !== value) addSecret(secrets, inner);
  }
}

/** An endpoint's settings, with the integration's own (`flink_external_postgresql`'s `stringtype`). */
type ConnectionSource = Pick<EndpointRecord, "endpoint_type" | "user_config"> & {
  readonly stringtype?: string;
};

/** The endpoint an integration reads from: an external endpoint, or a local service seen as one. */
function endpointOf(
  store: Store,
  project: string,
  integrationId: string,
  local: LocalDataAddresses,
): ConnectionSource | undefined {
  const i = store.get<IntegrationRecord>("integration", project, integrationId);
  if (i?.source_endpoint_id) {
    const e = store.get<EndpointRecord>("endpoint", project, i.source_endpoint_id);
    const stringtype = i.user_config?.["stringtype"];
    return e && typeof stringtype === "string" ? { ...e, stringtype } : e;
  }
  const service = i?.source_service
    ? store.get<ServiceRecord>("service", project, i.source_service)
    : undefined;
  if (service?.service_type === "kafka" && local.kafka)
    return {
      endpoint_type: "external_kafka",
      user_config: { bootstrap_servers: local.kafka.bootstrapServers },
    };
  if (service?.service_type === "pg" && local.postgres) {
    const pg = local.postgres;
    return {
      endpoint_type: "external_postgresql",
      user_config: {
        host: pg.host,
        port: pg.port,
        username: pg.user,
        password: pg.password,
        default_database: pg.database,
      },
    };
  }
  return undefined;
}

function endpointOptions(e: ConnectionSource, connector: string): Record<string, string> {
  const c = e.user_config;
  const str = (k: string) => (typeof c[k] === "string" && c[k] !== "" ? (c[k] as string) : undefined);
  if (e.endpoint_type === "external_kafka" && (connector === "kafka" || connector === "upsert-kafka")) {
    const o: Record<string, string> = {};
    const put = (k: string, v: string | undefined) => {
      if (v !== undefined) o[`properties.${k}`] = v;
    };
    put("bootstrap.servers", str("bootstrap_servers"));
    put("security.protocol", str("security_protocol"));
    put("sasl.mechanism", str("sasl_mechanism"));
    const user = str("sasl_plain_username");
    const password = str("sasl_plain_password");
    if (user !== undefined && password !== undefined) {
      const module = /SCRAM/i.test(str("sasl_mechanism") ?? "")
        ? "org.apache.kafka.common.security.scram.ScramLoginModule"
        : "org.apache.kafka.common.security.plain.PlainLoginModule";
      put(
        "sasl.jaas.config",
        `${module} required username=${jaasQuote(user)} password=${jaasQuote(password)};`,
      );
    }
    if (str("ssl_ca_cert")) {
      put("ssl.truststore.type", "PEM");
      put("ssl.truststore.certificates", str("ssl_ca_cert"));
    }
    if (str("ssl_client_cert") && str("ssl_client_key")) {
      put("ssl.keystore.type", "PEM");
      put("ssl.keystore.certificate.chain", str("ssl_client_cert"));
      put("ssl.keystore.key", str("ssl_client_key"));
    }
    put("ssl.endpoint.identification.algorithm", str("ssl_endpoint_identification_algorithm"));
    return o;
  }
  if (e.endpoint_type === "external_postgresql" && connector === "jdbc") {
    const db = str("default_database") ?? "postgres";
    // stringtype=unspecified sends string parameters untyped, so PostgreSQL casts them (uuid, json...).
    const params = [
      ...(str("ssl_mode") ? [`sslmode=${str("ssl_mode")}`] : []),
      ...(e.stringtype ? [`stringtype=${e.stringtype}`] : []),
    ];
    const o: Record<string, string> = {
      url: `jdbc:postgresql://${str("host")}:${c["port"]}/${db}${params.length ? `?${params.join("&")}` : ""}`,
    };
    if (str("username")) o["username"] = str("username")!;
    if (str("password")) o["password"] = str("password")!;
    return o;
  }
  return {};
}

const jaasQuote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** Replaces every secret in `text` with `****`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join("****");
  return out;
}

/** `ALTER TABLE t SET ('k' = 'v', ...)` for the options an integration supplies. */
export function alterTableSet(table: ResolvedTable): string | undefined {
  const entries = Object.entries(table.connectionOptions);
  if (entries.length === 0) return undefined;
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return `ALTER TABLE \`${table.tableName.replace(/`/g, "``")}\` SET (${entries.map(([k, v]) => `${quote(k)} = ${quote(v)}`).join(", ")})`;
}
