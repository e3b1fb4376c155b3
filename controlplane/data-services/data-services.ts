import path from "node:path";
import { findFlinkInstallation } from "../cluster/flink/flink-installation";
import { LocalKafkaBroker } from "./kafka-broker";
import { findKafkaBrokerInstallation } from "./kafka-installation";
import type { LocalDataAddresses } from "./local-data-addresses";
import { findPostgresInstallation, LocalPostgres } from "./postgres-server";

/** `true` runs it here; an address uses one that already runs; absent or `false`: none. */
export interface DataServiceOptions {
  readonly kafka?: boolean | { readonly bootstrapServers: string };
  readonly postgres?: boolean | NonNullable<LocalDataAddresses["postgres"]>;
}

/** The data services a control plane runs or uses, and how to stop the ones it started. */
export interface DataServices {
  readonly addresses: LocalDataAddresses;
  close(): Promise<void>;
}

/**
 * Starts the real Kafka broker (KRaft, from the Maven artifacts) and PostgreSQL server (the machine's
 * binaries) the options ask for, side by side, with their files under `<dataDir>/kafka` and
 * `<dataDir>/postgres`; both die with the control plane (a watchdog each). A service that cannot
 * start fails the whole start with its cause, after stopping the other.
 */
export async function startDataServices(
  options: DataServiceOptions,
  dataDir: string,
  log: (line: string) => void,
): Promise<DataServices> {
  const note = (msg: string, fields: Record<string, unknown>) =>
    log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg, ...fields }));
  const [kafka, postgres] = await Promise.allSettled([
    startKafka(options.kafka, dataDir),
    startPostgres(options.postgres, dataDir, log),
  ]);
  const started = [kafka, postgres].flatMap((r) =>
    r.status === "fulfilled" && r.value && "stop" in r.value ? [r.value] : [],
  );
  const failed = [kafka, postgres].find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(started.map((s) => s.stop()));
    throw failed.reason;
  }
  const k = (kafka as PromiseFulfilledResult<Awaited<ReturnType<typeof startKafka>>>).value;
  const p = (postgres as PromiseFulfilledResult<Awaited<ReturnType<typeof startPostgres>>>).value;
  const addresses: LocalDataAddresses = {
    ...(k ? { kafka: { bootstrapServers: k.bootstrapServers } } : {}),
    ...(p
      ? { postgres: { host: p.host, port: p.port, user: p.user, password: p.password, database: p.database } }
      : {}),
  };
  if (k instanceof LocalKafkaBroker) note("Kafka broker started", { bootstrap_servers: k.bootstrapServers });
  if (p instanceof LocalPostgres)
    note("PostgreSQL server started", { host: p.host, port: p.port, user: p.user });
  return {
    addresses,
    close: async () => {
      await Promise.all(started.map((s) => s.stop()));
    },
  };
}

async function startKafka(
  option: DataServiceOptions["kafka"],
  dataDir: string,
): Promise<LocalKafkaBroker | { bootstrapServers: string } | undefined> {
  if (!option) return undefined;
  if (option !== true) return option;
  const broker = findKafkaBrokerInstallation();
  if (!broker.ok) throw new Error(`the local Kafka broker cannot run here: ${broker.reason}`);
  const flink = findFlinkInstallation();
  if (!flink.ok) throw new Error(`the local Kafka broker cannot run here: ${flink.reason}`);
  return LocalKafkaBroker.start({
    dataDir,
    java: flink.installation.java,
    javaMajor: flink.installation.javaMajor,
    classpath: broker.classpath,
    cdsDir: broker.cdsDir,
  });
}

async function startPostgres(
  option: DataServiceOptions["postgres"],
  dataDir: string,
  log: (line: string) => void,
): Promise<LocalPostgres | NonNullable<LocalDataAddresses["postgres"]> | undefined> {
  if (!option) return undefined;
  if (option !== true) return option;
  const found = findPostgresInstallation();
  if (!found.ok) throw new Error(`the local PostgreSQL server cannot run here: ${found.reason}`);
  return LocalPostgres.start({ dataDir: path.resolve(dataDir), log });
}

/** Whether each data service can run on this machine, and why not. */
export function dataServicesAvailable(): { kafka: true | string; postgres: true | string } {
  const broker = findKafkaBrokerInstallation();
  const pg = findPostgresInstallation();
  return { kafka: broker.ok ? true : broker.reason, postgres: pg.ok ? true : pg.reason };
}
