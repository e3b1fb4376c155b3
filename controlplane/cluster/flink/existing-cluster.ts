import type { ServiceRecord } from "../../model";
import type { RestEndpoint } from "../cluster-driver";
import type { FlinkCluster } from "./flink-cluster";
import { DEFAULT_CHECKPOINT_INTERVAL_MS, restartStrategy } from "./flink-config";
import { JobManagerClient } from "./jobmanager-client";
import { SqlGatewayClient } from "./sql-gateway-client";

export interface ExistingClusterOptions {
  /** The JobManager's REST API, e.g. `http://flink.internal:8081`. */
  readonly restUrl: string;
  /** The SQL Gateway's REST endpoint, e.g. `http://flink.internal:8083`. */
  readonly gatewayUrl: string;
  /** Where savepoints go; empty means the cluster's own `state.savepoints.dir`. */
  readonly savepointDir?: string;
}

/**
 * A session cluster the control plane did not start (a standalone or Kubernetes session cluster a
 * team already runs). It is never started or stopped from here; the service's restart strategy and
 * checkpointing travel with each job, since the cluster was not configured from the service.
 */
export class ExistingCluster implements FlinkCluster {
  readonly owned = false;
  readonly checkpointDir = undefined;
  /** An existing cluster is never lost from here: its jobs are read through its REST API. */
  readonly lost = new Promise<string>(() => {});
  readonly jobManager: JobManagerClient;
  readonly gateway: SqlGatewayClient;
  readonly jobSettings: Readonly<Record<string, string>>;
  /** What the cluster's REST API reports, once `connect` has asked. */
  private flinkVersion = "unknown";

  constructor(
    private readonly o: ExistingClusterOptions,
    svc: ServiceRecord,
  ) {
    this.jobManager = new JobManagerClient(o.restUrl.replace(/\/+$/, ""));
    this.gateway = new SqlGatewayClient(o.gatewayUrl.replace(/\/+$/, ""));
    const uc = svc.user_config;
    const interval =
      typeof uc["execution_checkpointing_interval_ms"] === "number"
        ? uc["execution_checkpointing_interval_ms"]
        : DEFAULT_CHECKPOINT_INTERVAL_MS;
    this.jobSettings = {
      ...restartStrategy(uc),
      "execution.checkpointing.interval": `${interval} ms`,
      ...(typeof uc["execution_checkpointing_timeout_ms"] === "number"
        ? { "execution.checkpointing.timeout": `${uc["execution_checkpointing_timeout_ms"]} ms` }
        : {}),
      "execution.checkpointing.externalized-checkpoint-retention": "RETAIN_ON_CANCELLATION",
    };
  }

  get rest(): RestEndpoint {
    const u = new URL(this.o.restUrl);
    const port = Number(u.port) || (u.protocol === "https:" ? 443 : 80);
    return { host: u.hostname, port, url: `${u.protocol}//${u.host}`, flinkVersion: this.flinkVersion };
  }

  get savepointDir(): string {
    return this.o.savepointDir ?? "";
  }

  /** Checks both endpoints answer; the error says which one does not. */
  async connect(): Promise<void> {
    const overview = await this.jobManager.overview().catch((e: unknown) => {
      throw new Error(`the Flink REST API at ${this.o.restUrl} does not answer: ${(e as Error).message}`);
    });
    this.flinkVersion = overview["flink-version"];
    await this.gateway.info().catch((e: unknown) => {
      throw new Error(`the SQL Gateway at ${this.o.gatewayUrl} does not answer: ${(e as Error).message}`);
    });
  }

  async stop(): Promise<void> {
    await Promise.all([this.jobManager.close(), this.gateway.close()]);
  }
}
