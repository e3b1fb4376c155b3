import type { DeploymentRecord, ServiceRecord } from "../model";

export type EngineKind = "simulated" | "flink";

/** A table of a version as the API takes it. */
export interface TableInput {
  readonly create_table: string;
  readonly integration_id: string | null;
}

/** What the validate endpoint checks: the statement (optional there) and the version's tables. */
export interface VersionInput {
  readonly statement?: string;
  readonly sources: readonly TableInput[];
  readonly sinks: readonly TableInput[];
}

/** One error found by Flink's planner, placed on the statement or on one table. */
export interface PlannerFinding {
  readonly part: "statement" | "source" | "sink";
  /** Index of the table within its part (0 for the statement). */
  readonly index: number;
  readonly message: string;
  readonly position?: { line: number; column: number; endLine: number; endColumn: number };
}

/** An interactive query: a SELECT over a version's tables, its first rows only. */
export interface QueryInput {
  readonly statement: string;
  /** The tables the statement may read (a version's sources and sinks); none without a version. */
  readonly tables: readonly TableInput[];
  readonly limit: number;
  readonly timeoutMs: number;
}

export interface QueryResult {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** Each row with its changelog kind: `INSERT`, or `UPDATE_BEFORE`/`UPDATE_AFTER`/`DELETE` for updating queries. */
  readonly rows: readonly { readonly kind: string; readonly fields: readonly unknown[] }[];
  /** The query had more rows than `limit`, or ran until the time limit. */
  readonly complete: boolean;
  readonly elapsedMs: number;
}

/** Where a service's Flink REST API and web UI answer. */
export interface RestEndpoint {
  readonly host: string;
  readonly port: number;
  /** `http://host:port` (no credentials: the local cluster has none). */
  readonly url: string;
  /** The Apache Flink release the cluster runs, e.g. `1.20.3`. */
  readonly flinkVersion: string;
}

/** One job as `GET .../flink/job` lists it. */
export interface JobSummary {
  readonly id: string;
  readonly status: string;
}

/**
 * The one interface the routes call to run a service's cluster and its jobs. Two implementations:
 * `simulated` (states, slots and savepoints modelled in SQLite) and `flink` (a real Apache Flink
 * session cluster and SQL Gateway per service, or an existing cluster). Nothing else in the control
 * plane knows which one runs.
 *
 * The service and deployment methods are called inside the route's transaction, after the route
 * changed the record: they record the transition they start (e.g. REBUILDING, CANCELLING) and do the
 * slow part later, writing the outcome back to the store.
 */
export interface ClusterDriver {
  readonly kind: EngineKind;
  /** Starts timers and resumes what an earlier run left in flight. */
  start(): Promise<void>;
  /** Stops timers and every process this driver started. */
  close(): Promise<void>;

  /**
   * The service was created or powered on: its cluster is built (REBUILDING until it runs), then the
   * jobs waiting for it start (INITIALIZING, RESTARTING: after power on, from their savepoints).
   */
  buildService(project: string, svc: ServiceRecord): void;
  /** A setting that restarts the cluster changed; running jobs come back from a savepoint or checkpoint. */
  restartService(project: string, svc: ServiceRecord): void;
  /**
   * Powered off (the route set POWEROFF): each running job stops with a savepoint (SAVING_AND_STOP,
   * then SUSPENDED with `last_savepoint`), a job waiting to start is SUSPENDED as it is, and the
   * cluster stops. Power on (buildService) starts the SUSPENDED ones again.
   */
  powerOffService(project: string, svc: ServiceRecord): void;
  /** Deleted: the cluster stops and its files are removed. */
  deleteService(project: string, serviceName: string): void;

  /** A new deployment (stored, INITIALIZING) starts its job. */
  submitDeployment(project: string, d: DeploymentRecord): void;
  cancelDeployment(project: string, d: DeploymentRecord): void;
  /** Stop with a savepoint; `last_savepoint` holds its path once the job has FINISHED. */
  stopDeployment(project: string, d: DeploymentRecord): void;
  /**
   * A savepoint of a RUNNING job that keeps running (same job id): SAVING while Flink takes it, then
   * RUNNING again with `last_savepoint` set, or with `error_msg` saying why there is none.
   * `periodic`: the savepoint schedule took it; it joins the application's history, whose oldest
   * savepoints beyond `history_max` are then pruned (records and files).
   */
  triggerSavepoint(project: string, d: DeploymentRecord, periodic?: boolean): void;
  /**
   * JAR versions were deleted (their records and kept files are gone): their jars leave the
   * service's JobManager too, so Flink's `GET /jars` lists none of them.
   */
  removeJars(project: string, serviceName: string, versionIds: readonly string[]): void;
  /** Deletes savepoints from the service's checkpoint storage (their records are already gone). */
  disposeSavepoints(project: string, serviceName: string, paths: readonly string[]): void;
  /**
   * The newest completed checkpoint retained for the deployment's job (it outlives a cancel), as a
   * path a new deployment can start from; undefined when the job has none yet.
   */
  latestCheckpoint(project: string, d: DeploymentRecord): Promise<string | undefined>;
  /** Test hook (`POST /admin/deployments/{id}/fail`): the running job fails with `cause`. */
  failJob(project: string, d: DeploymentRecord, cause: string): void;

  /** Where the service's Flink REST API answers; undefined when there is none (simulated, or not running). */
  restEndpoint(project: string, svc: ServiceRecord): RestEndpoint | undefined;
  /** Checks a version with Flink's own planner; undefined when this driver has none (callers use the parser). */
  validateVersion(
    project: string,
    svc: ServiceRecord,
    input: VersionInput,
  ): Promise<PlannerFinding[] | undefined>;
  /** Runs a SELECT and returns its first rows (the API's interactive query); the flink engine only. */
  query(project: string, svc: ServiceRecord, input: QueryInput): Promise<QueryResult>;
  /** `GET .../flink/job`. */
  listJobs(project: string, svc: ServiceRecord): Promise<JobSummary[]>;
  /** `GET .../flink/job/{job_id}`: Flink's job details; undefined when there is no such job. */
  jobDetails(project: string, svc: ServiceRecord, jobId: string): Promise<unknown>;
  /** `GET .../flink/overview`: Flink's cluster overview. */
  overview(project: string, svc: ServiceRecord): Promise<unknown>;
}
