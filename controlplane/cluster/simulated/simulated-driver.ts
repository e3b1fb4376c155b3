import { ApiError } from "../../api-error";
import type { DeploymentRecord, ServiceRecord } from "../../model";
import type { Store } from "../../store";
import type { ClusterDriver, JobSummary, PlannerFinding, QueryResult } from "../cluster-driver";
import { flinkRelease } from "../flink-release";
import { simulatedLatestCheckpoint } from "./checkpoints";
import { DURATIONS_MS } from "./durations";
import { simulatedJobDetails, simulatedJobs, simulatedOverview } from "./job-views";
import { Lifecycle } from "./lifecycle";

/**
 * The `simulated` engine: service builds, jobs, restarts and savepoints are modelled in SQLite with
 * the hosted service's durations (times `timeScale`). Fast, needs no Java; no SQL ever runs.
 */
export class SimulatedClusterDriver implements ClusterDriver {
  readonly kind = "simulated" as const;
  private readonly lifecycle: Lifecycle;

  constructor(
    private readonly store: Store,
    timeScale: number,
    log: (line: string) => void,
  ) {
    this.lifecycle = new Lifecycle(store, timeScale, log);
  }

  async start(): Promise<void> {
    this.lifecycle.start();
  }

  async close(): Promise<void> {
    this.lifecycle.stop();
  }

  buildService(project: string, svc: ServiceRecord): void {
    this.lifecycle.rebuildService(project, svc, DURATIONS_MS.serviceBuild);
  }

  restartService(project: string, svc: ServiceRecord): void {
    this.lifecycle.rebuildService(project, svc, DURATIONS_MS.clusterRestart);
  }

  powerOffService(project: string, svc: ServiceRecord): void {
    this.lifecycle.powerOff(project, svc);
  }

  deleteService(project: string, serviceName: string): void {
    this.store.unscheduleTarget(project, serviceName);
  }

  submitDeployment(project: string, d: DeploymentRecord): void {
    this.lifecycle.submitDeployment(project, d);
  }

  cancelDeployment(project: string, d: DeploymentRecord): void {
    this.lifecycle.cancelDeployment(project, d);
  }

  stopDeployment(project: string, d: DeploymentRecord): void {
    this.lifecycle.stopDeployment(project, d);
  }

  triggerSavepoint(project: string, d: DeploymentRecord, periodic = false): void {
    this.lifecycle.triggerSavepoint(project, d, periodic);
  }

  /** The simulated engine uploads no jars anywhere. */
  removeJars(): void {}

  /** Simulated savepoints are records only. */
  disposeSavepoints(): void {}

  async latestCheckpoint(project: string, d: DeploymentRecord): Promise<string | undefined> {
    const svc = this.store.get<ServiceRecord>("service", project, d.service_name);
    return simulatedLatestCheckpoint(project, svc, d);
  }

  failJob(project: string, d: DeploymentRecord, cause: string): void {
    this.lifecycle.failJob(project, d, cause);
  }

  restEndpoint(): undefined {
    return undefined;
  }

  async validateVersion(): Promise<PlannerFinding[] | undefined> {
    return undefined;
  }

  async query(): Promise<QueryResult> {
    throw new ApiError(
      409,
      "conflict",
      "Interactive queries need the flink engine (real Apache Flink); this control plane runs the simulated one",
    );
  }

  async listJobs(project: string, svc: ServiceRecord): Promise<JobSummary[]> {
    return simulatedJobs(this.store, project, svc);
  }

  async jobDetails(project: string, svc: ServiceRecord, jobId: string): Promise<unknown> {
    return simulatedJobDetails(this.store, project, svc, jobId);
  }

  async overview(project: string, svc: ServiceRecord): Promise<unknown> {
    return simulatedOverview(this.store, project, svc, flinkRelease(svc));
  }
}
