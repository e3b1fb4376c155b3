import type { ClusterDriver } from "./cluster/cluster-driver";
import type { LocalDataAddresses } from "./data-services/local-data-addresses";
import type { Faults } from "./faults";
import type { SqlValidationPool } from "./sql-validation-pool";
import type { Store } from "./store";

/** What route handlers share. */
export interface ControlPlaneContext {
  readonly store: Store;
  readonly project: string;
  readonly faults: Faults;
  /** Runs the services' clusters and jobs: simulated or real Flink. */
  readonly cluster: ClusterDriver;
  /** The real Kafka broker and PostgreSQL server the API's Kafka and PostgreSQL services are, when running. */
  readonly dataServices: LocalDataAddresses;
  /** The SQL validator, on a worker thread: validations never block other requests. */
  readonly sql: SqlValidationPool;
}
