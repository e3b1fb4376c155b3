import type { RestEndpoint } from "../cluster-driver";
import type { JobManagerClient } from "./jobmanager-client";
import type { SqlGatewayClient } from "./sql-gateway-client";

/**
 * A Flink session cluster a service's jobs run on: one the control plane started for the service
 * (LocalSessionCluster) or one that already runs elsewhere (ExistingCluster). The driver talks to
 * both the same way: Flink's REST API for jobs, the SQL Gateway for SQL.
 */
export interface FlinkCluster {
  readonly jobManager: JobManagerClient;
  readonly gateway: SqlGatewayClient;
  readonly rest: RestEndpoint;
  /** Where savepoints go (a URI Flink's file systems understand). */
  readonly savepointDir: string;
  /** Local directory of retained checkpoints (`<jobId>/chk-N`), when this machine can read it. */
  readonly checkpointDir: string | undefined;
  /** Settings each job must carry itself: those the cluster was not started with (an existing cluster). */
  readonly jobSettings: Readonly<Record<string, string>>;
  /** Whether the control plane started (and so stops) the processes. */
  readonly owned: boolean;
  /** Settles when one of the cluster's processes stopped without being asked to. */
  readonly lost: Promise<string>;
  stop(): Promise<void>;
}
