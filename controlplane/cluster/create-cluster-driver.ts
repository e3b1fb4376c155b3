import type { LocalDataAddresses } from "../data-services/local-data-addresses";
import type { Store } from "../store";
import type { ClusterDriver } from "./cluster-driver";
import type { ExistingClusterOptions } from "./flink/existing-cluster";
import { FlinkClusterDriver, type FlinkDriverOptions } from "./flink/flink-cluster-driver";
import { findFlinkInstallation } from "./flink/flink-installation";
import { SimulatedClusterDriver } from "./simulated/simulated-driver";

/** Options of the `flink` engine; everything but `kind` has a default. */
export interface FlinkEngineOptions extends Omit<FlinkDriverOptions, "installation" | "existingCluster"> {
  readonly kind: "flink";
  /** Use this existing session cluster for every service instead of starting one per service. */
  readonly existingCluster?: ExistingClusterOptions;
}

export type EngineOption = "simulated" | "flink" | FlinkEngineOptions;

export interface DriverContext {
  readonly store: Store;
  /** Where the control plane's own Kafka broker and PostgreSQL server listen, when they run. */
  readonly dataServices?: LocalDataAddresses;
  readonly project: string;
  readonly dataDir: string;
  readonly timeScale: number;
  readonly log: (line: string) => void;
}

export class EngineUnavailableError extends Error {
  override readonly name = "EngineUnavailableError";
}

/** Builds the driver the options ask for; the flink engine fails at once when it cannot run here. */
export function createClusterDriver(engine: EngineOption, c: DriverContext): ClusterDriver {
  if (engine === "simulated") return new SimulatedClusterDriver(c.store, c.timeScale, c.log);
  const o: FlinkEngineOptions = engine === "flink" ? { kind: "flink" } : engine;
  const withData = { ...o, ...(c.dataServices ? { dataServices: c.dataServices } : {}) };
  if (o.existingCluster) return new FlinkClusterDriver(c.store, c.project, c.dataDir, withData, c.log);
  const found = findFlinkInstallation();
  if (!found.ok) throw new EngineUnavailableError(`the flink engine cannot run here: ${found.reason}`);
  return new FlinkClusterDriver(
    c.store,
    c.project,
    c.dataDir,
    { ...o, installation: found.installation },
    c.log,
  );
}
