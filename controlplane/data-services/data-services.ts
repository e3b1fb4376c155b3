import path from "node:path";
import { findFlinkInstallation } from "../cluster/flink/flink-installation";
import { LocalKafkaBroker } from "./kafka-broker";
import { findKafkaBrokerInstallation } from "./kafka-installation";
import type { LocalDataAddresses } from "./local-data-addresses";
import { findPostgresInstallation, LocalPostgres } from "./postgres-server";
import { type Supervisable, Supervised } from "./supervised";

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
    startKafka(options.kafka, dataDir, log),
    startPostgres(options.postgres, dataDir, log),
  ]);
  const started = [kafka, postgres].flatMap((r) =>
    r.status === "fulfilled" && r.value?.supervised ? [r.value.supervised] : [],
  );
  const failed = [kafka, postgres].find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(started.map((s) => s.stop()));
    throw failed.reason;
  }
  const k = (kafka as PromiseFulfilledResult<Awaited<ReturnType<typeof startKafka>>>).value;
  const p = (postgres as PromiseFulfilledResult<Awaited<ReturnType<typeof startPostgres>>>).value;
  const addresses: LocalDataAddresses = {
    ...(k ? { kafka: k.address } : {}),
    ...(p ? { postgres: p.address } : {}),
  };
  if (k?.supervised) note("Kafka broker started", { bootstrap_servers: k.address.bootstrapServers });
  if (p?.supervised)
    note("PostgreSQL server started", { host: p.address.host, port: p.address.port, user: p.address.user });
  return {
    addresses,
    close: async () => {
      await Promise.all(started.map((s) => s.stop()));
    },
  };
}

/** A data service in use: where it is, and the supervisor of the process when it runs here. */
interface InUse<A> {
  readonly address: A;
  readonly supervised?: Supervised<Supervisable>;
}

async function startKafka(
  option: DataServiceOptions["kafka"],
  dataDir: string,
  log: (line: string) => void,
): Promise<InUse<{ bootstrapServers: string }> | undefined> {
  if (!option) return undefined;
  if (option !== true) return { address: option };
  const broker = findKafkaBrokerInstallation();
  if (!broker.ok) throw new Error(`the local Kafka broker cannot run here: ${broker.reason}`);
  const flink = findFlinkInstallation();
  if (!flink.ok) throw new Error(`the local Kafka broker cannot run here: ${flink.reason}`);
  const supervised = await Supervised.start(
    () =>
      LocalKafkaBroker.start({
        dataDir,
        java: flink.installation.java,
        javaMajor: flink.installation.javaMajor,
        classpath: broker.classpath,
        cdsDir: broker.cdsDir,
      }),
    "the Kafka broker",
    log,
  );
  // The broker keeps its port across restarts, so this address holds for every instance.
  return { address: { bootstrapServers: supervised.server.bootstrapServers }, supervised };
}

async function startPostgres(
  option: DataServiceOptions["postgres"],
  dataDir: string,
  log: (line: string) => void,
): Promise<InUse<NonNullable<LocalDataAddresses["postgres"]>> | undefined> {
  if (!option) return undefined;
  if (option !== true) return { address: option };
  const found = findPostgresInstallation();
  if (!found.ok) throw new Error(`the local PostgreSQL server cannot run here: ${found.reason}`);
  const supervised = await Supervised.start(
    () => LocalPostgres.start({ dataDir: path.resolve(dataDir), log }),
    "the PostgreSQL server",
    log,
  );
  const p = supervised.server;
  return {
    address: { host: p.host, port: p.port, user: p.user, password: p.password, database: p.database },
    supervised,
  };
}

/** Whether each data service can run on this machine, and why not. */
export function dataServicesAvailable(): { kafka: true | string; postgres: true | string } {
  const broker = findKafkaBrokerInstallation();
  const pg = findPostgresInstallation();
  return { kafka: broker.ok ? true : broker.reason, postgres: pg.ok ? true : pg.reason };
}
