import fs from "node:fs";
import path from "node:path";
import { conflict } from "../../api-error";
import type { LocalDataAddresses } from "../../data-services/local-data-addresses";
import { nowIso } from "../../ids";
import { type DeploymentRecord, type ServiceRecord, TERMINAL_STATUSES } from "../../model";
import { prunePeriodicSavepoints } from "../../savepoint-schedules/savepoint-history";
import { findPlan } from "../../service-plans";
import type { Store } from "../../store";
import type {
  ClusterDriver,
  JobSummary,
  PlannerFinding,
  QueryInput,
  QueryResult,
  RestEndpoint,
  VersionInput,
} from "../cluster-driver";
import { HELD_AT_POWER_OFF, SAVED_AT_POWER_OFF } from "../power-cycle";
import { redact, resolveTables } from "./connection-options";
import { finish, recordSavepoint, transition, updateDeployment } from "./deployment-records";
import { ExistingCluster, type ExistingClusterOptions } from "./existing-cluster";
import type { FlinkCluster } from "./flink-cluster";
import type { FlinkInstallation } from "./flink-installation";
import * as views from "./flink-rest-views";
import { runInteractiveQuery } from "./interactive-query";
import { JobStatusPoller } from "./job-status-poller";
import { LocalSessionCluster } from "./local-session-cluster";
import { findOrphans, stopProcesses } from "./orphan-processes";
import { validateWithPlanner } from "./planner-validation";
import { FlinkRestError } from "./rest-json";
import { latestRetainedCheckpoint, newestCheckpoint } from "./retained-checkpoints";
import { startDeploymentJob } from "./start-deployment-job";
import { removeVersionJars } from "./submit-jar-job";

export interface FlinkDriverOptions {
  /** Java and the Flink classpath; required unless every service runs on an existing cluster. */
  readonly installation?: FlinkInstallation;
  /** Put every service on this existing session cluster instead of starting one per service. */
  readonly existingCluster?: ExistingClusterOptions;
  /** How long a service's cluster may take to come up. @default 180000 */
  readonly startTimeoutMs?: number;
  /** How long a job must run without failing before it counts as RUNNING. @default 2000 */
  readonly settleMs?: number;
  /** How often job states are read from Flink. @default 500 */
  readonly pollMs?: number;
  /** Memory of the JobManager and TaskManager processes. @default "768m" / "1280m" */
  readonly jobManagerMemory?: string;
  readonly taskManagerMemory?: string;
  /** Where the control plane's own Kafka broker and PostgreSQL server listen, when they run. */
  readonly dataServices?: LocalDataAddresses;
  /** How long a savepoint may take (stop, restart, shutdown). @default 120000 */
  readonly savepointTimeoutMs?: number;
}

/** One service's cluster and the operations on it, run one after the other. */
interface ServiceRuntime {
  cluster?: FlinkCluster;
  queue: Promise<void>;
}

/**
 * The `flink` engine: every running Flink service has a real Apache Flink session cluster (or uses
 * an existing one), deployments are SQL jobs submitted through its SQL Gateway, and deployment
 * statuses, errors and savepoints are what Flink's REST API reports. The control plane keeps only
 * what the API needs to answer; Flink does the work.
 */
export class FlinkClusterDriver implements ClusterDriver {
  readonly kind = "flink" as const;
  private readonly runtimes = new Map<string, ServiceRuntime>();
  private readonly clustersDir: string;
  private readonly poller: JobStatusPoller;
  /** The local Kafka broker and PostgreSQL server, for integrations with the API's own data services. */
  private readonly local: LocalDataAddresses;
  private closed = false;
  private readonly settleMs: number;
  private readonly savepointTimeoutMs: number;

  constructor(
    private readonly store: Store,
    /** The one project this control plane serves. */
    private readonly project: string,
    dataDir: string,
    private readonly options: FlinkDriverOptions,
    private readonly log: (line: string) => void,
  ) {
    this.clustersDir = path.join(dataDir, "flink");
    this.settleMs = options.settleMs ?? 2000;
    this.savepointTimeoutMs = options.savepointTimeoutMs ?? 120_000;
    this.local = options.dataServices ?? {};
    this.poller = new JobStatusPoller(store, project, this.settleMs, () => this.liveClusters(), this.local);
  }

  async start(): Promise<void> {
    if (!this.options.installation && !this.options.existingCluster)
      throw new Error("the flink engine needs a Flink installation or an existing cluster");
    const orphans = findOrphans(this.clustersDir);
    if (orphans.length > 0) {
      this.note("info", `stopping ${orphans.length} Flink process(es) left by an earlier run`, {});
      await stopProcesses(orphans);
    }
    // Clusters do not outlive the control plane: bring back what was running, jobs from their savepoints.
    const project = this.project;
    for (const svc of this.store.list<ServiceRecord>("service", project)) {
      if (svc.service_type !== "flink") continue;
      if (svc.state === "POWEROFF") {
        // A power off the earlier run (killed) did not finish: power on restarts those jobs anyway.
        this.store.tx(() => {
          for (const d of this.deployments(project, svc.service_name))
            if (d.status === "SAVING_AND_STOP")
              updateDeployment(this.store, project, d.id, (y) => {
                y.error_msg =
                  "No savepoint at power off (the control plane stopped); power on restarts the job from its last savepoint, if any";
                y.status = "SUSPENDED";
                y.seq += 1;
              });
        });
        continue;
      }
      this.store.tx(() => {
        this.settleInterrupted(project, svc.service_name);
        this.markRebuilding(project, svc);
      });
      this.enqueue(svc.service_name, () => this.bringUp(project, svc.service_name, svc.build));
    }
    this.poller.start(this.options.pollMs ?? 500);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.poller.stop();
    await Promise.all(
      [...this.runtimes.entries()].map(async ([name, rt]) => {
        await rt.queue;
        if (!rt.cluster) return;
        await this.savepointForShutdown(name, rt.cluster).catch(() => {});
        await rt.cluster.stop();
        rt.cluster = undefined;
      }),
    );
  }

  // ---- services -------------------------------------------------------------------------------

  buildService(project: string, svc: ServiceRecord): void {
    if (svc.service_type !== "flink") {
      // Kafka and PostgreSQL services are records only on this engine (for integrations).
      svc.state = "RUNNING";
      svc.update_time = nowIso();
      this.store.update("service", project, svc.service_name, svc);
      return;
    }
    this.markRebuilding(project, svc);
    this.enqueue(svc.service_name, () => this.bringUp(project, svc.service_name, svc.build));
  }

  restartService(project: string, svc: ServiceRecord): void {
    if (svc.service_type !== "flink") return;
    this.markRebuilding(project, svc);
    this.enqueue(svc.service_name, async () => {
      await this.suspendForRestart(project, svc.service_name);
      await this.bringUp(project, svc.service_name, svc.build);
    });
  }

  powerOffService(project: string, svc: ServiceRecord): void {
    // Recorded in the route's transaction; the savepoints are taken in the service's queue, after
    // what was asked of the cluster before.
    const saving: string[] = [];
    for (const d of this.deployments(project, svc.service_name)) {
      const submitted = HELD_AT_POWER_OFF.includes(d.status) && d.submitted_ms !== undefined;
      if (SAVED_AT_POWER_OFF.includes(d.status) || submitted) {
        transition(this.store, project, d, "SAVING_AND_STOP");
        saving.push(d.id);
      } else if (HELD_AT_POWER_OFF.includes(d.status)) {
        transition(this.store, project, d, "SUSPENDED");
      }
    }
    this.enqueue(svc.service_name, async () => {
      await this.suspendForPowerOff(project, svc.service_name, saving);
      await this.stopCluster(svc.service_name);
    });
  }

  deleteService(_project: string, serviceName: string): void {
    this.enqueue(serviceName, async () => {
      await this.stopCluster(serviceName);
      fs.rmSync(this.serviceDir(serviceName), { recursive: true, force: true });
      this.runtimes.delete(serviceName);
    });
  }

  /**
   * Operations an earlier run left half done (it was killed): a cancel is done (its cluster went
   * with it), a stop that never took its savepoint resumes the job instead, from its last checkpoint.
   */
  private settleInterrupted(project: string, service: string): void {
    for (const d of this.deployments(project, service)) {
      if (d.status === "CANCELLING")
        updateDeployment(this.store, project, d.id, (y) => finish(y, "CANCELED"));
      if (d.status === "SAVING")
        updateDeployment(this.store, project, d.id, (y) => {
          y.status = "RUNNING";
          y.seq += 1;
        });
      if (d.status === "SAVING_AND_STOP") {
        updateDeployment(this.store, project, d.id, (y) => {
          y.error_msg =
            "Stop with savepoint was interrupted (the control plane stopped); the job resumes from its latest checkpoint";
          y.status = "RUNNING";
          y.seq += 1;
        });
      }
    }
  }

  /**
   * Power off: each job in `ids` stops with a savepoint and its deployment waits SUSPENDED, the
   * savepoint in `last_savepoint`. Without one (the job was not running, or the savepoint failed) it
   * restarts from its latest retained checkpoint, and error_msg says so.
   */
  private async suspendForPowerOff(project: string, name: string, ids: readonly string[]): Promise<void> {
    const cluster = this.runtime(name).cluster;
    const running = new Set(
      cluster
        ? (await cluster.jobManager.jobs().catch(() => []))
            .filter((j) => j.state === "RUNNING")
            .map((j) => j.jid)
        : [],
    );
    for (const id of ids) {
      const d = this.store.get<DeploymentRecord>("deployment", project, id);
      if (d?.status !== "SAVING_AND_STOP") continue;
      let location: string | undefined;
      let problem = "its job was not running";
      if (cluster && running.has(d.job_id)) {
        try {
          location = await this.stopWithSavepoint(cluster, d.job_id);
        } catch (err) {
          problem = (err as Error).message;
        }
      }
      this.store.tx(() =>
        updateDeployment(this.store, project, id, (y) => {
          if (y.status !== "SAVING_AND_STOP") return;
          if (location) {
            y.last_savepoint = location;
            y.error_msg = undefined;
            recordSavepoint(this.store, project, y, location);
          } else {
            y.restore_from = latestRetainedCheckpoint(cluster?.checkpointDir, y.job_id);
            y.error_msg = `No savepoint at power off (${problem}); power on restarts the job from ${y.restore_from ? "its latest checkpoint" : "its last savepoint, if any"}`;
          }
          y.ended_ms = Date.now();
          y.status = "SUSPENDED";
          y.seq += 1;
        }),
      );
    }
  }

  /** REBUILDING, with a new build number; its running jobs wait as RESTARTING. */
  private markRebuilding(project: string, svc: ServiceRecord): void {
    svc.state = "REBUILDING";
    svc.build += 1;
    svc.update_time = nowIso();
    this.store.update("service", project, svc.service_name, svc);
    for (const d of this.deployments(project, svc.service_name)) {
      if (d.status === "RUNNING" || d.status === "SAVING") transition(this.store, project, d, "RESTARTING");
    }
  }

  /** Starts the service's cluster (build `build`), then the jobs waiting for it. */
  private async bringUp(project: string, name: string, build: number): Promise<void> {
    const current = () => {
      const svc = this.store.get<ServiceRecord>("service", project, name);
      return svc && svc.build === build && svc.state === "REBUILDING" ? svc : undefined;
    };
    const svc = current();
    if (!svc || this.closed) return;
    await this.stopCluster(name);
    const started = Date.now();
    let cluster: FlinkCluster;
    try {
      cluster = await this.startCluster(svc);
    } catch (err) {
      const reason = `the Flink cluster of service ${name} did not start: ${(err as Error).message}`;
      this.note("error", reason, { service: name });
      this.store.tx(() => {
        const s = current();
        if (!s) return;
        s.cluster_error = reason;
        this.store.update("service", project, name, s);
      });
      return;
    }
    if (!current() || this.closed) {
      await cluster.stop();
      return;
    }
    this.runtime(name).cluster = cluster;
    this.note("info", "Flink cluster started", {
      service: name,
      ms: Date.now() - started,
      rest: cluster.rest.url,
    });
    // The gateway loads Flink's planner on first use (seconds): now, not in the user's first plan.
    void validateWithPlanner(cluster.gateway, { statement: "SELECT 1", sources: [], sinks: [] }).catch(
      () => {},
    );
    void cluster.lost.then((why) => this.onClusterLost(project, name, cluster, why));
    // The jobs come back before the service reports RUNNING, so whoever waits for the service (a
    // terraform update) finds them in Flink again.
    for (const d of this.deployments(project, name)) {
      if (d.status === "INITIALIZING" || d.status === "RESTARTING") await this.submit(project, d.id, true);
    }
    this.store.tx(() => {
      const s = current();
      if (!s || this.closed) return;
      s.state = "RUNNING";
      s.cluster_error = undefined;
      s.update_time = nowIso();
      this.store.update("service", project, name, s);
    });
  }

  private async startCluster(svc: ServiceRecord): Promise<FlinkCluster> {
    if (this.options.existingCluster) {
      const cluster = new ExistingCluster(this.options.existingCluster, svc);
      await cluster.connect();
      return cluster;
    }
    const nodes = findPlan(svc.service_type, svc.plan)?.nodeCount ?? 1;
    const slotsPerNode =
      typeof svc.user_config["number_of_task_slots"] === "number"
        ? svc.user_config["number_of_task_slots"]
        : 1;
    return LocalSessionCluster.start(svc, this.serviceDir(svc.service_name), {
      installation: this.options.installation!,
      sizing: {
        slots: nodes * slotsPerNode,
        jobManagerMemory: this.options.jobManagerMemory ?? "768m",
        taskManagerMemory: this.options.taskManagerMemory ?? "1280m",
      },
      startTimeoutMs: this.options.startTimeoutMs ?? 180_000,
      gatewayHeap: "384m",
    });
  }

  /** Before a restart: running jobs stop with a savepoint, which their resubmission restores. */
  private async suspendForRestart(project: string, name: string): Promise<void> {
    const cluster = this.runtime(name).cluster;
    if (!cluster) return;
    const running = new Set(
      (await cluster.jobManager.jobs().catch(() => []))
        .filter((j) => j.state === "RUNNING")
        .map((j) => j.jid),
    );
    for (const d of this.deployments(project, name)) {
      if (d.status !== "RESTARTING" || !running.has(d.job_id)) continue;
      try {
        const location = await this.stopWithSavepoint(cluster, d.job_id);
        this.store.tx(() =>
          updateDeployment(this.store, project, d.id, (x) => {
            x.restore_from = location;
            recordSavepoint(this.store, project, x, location);
          }),
        );
      } catch (err) {
        this.note("warn", "savepoint before restart failed; the job resumes from its latest checkpoint", {
          deployment: d.id,
          error: (err as Error).message,
        });
      }
    }
    await this.stopCluster(name);
  }

  private async onClusterLost(
    project: string,
    name: string,
    cluster: FlinkCluster,
    why: string,
  ): Promise<void> {
    const rt = this.runtimes.get(name);
    if (this.closed || !rt || rt.cluster !== cluster) return;
    this.note("error", `Flink cluster lost: ${why}; restarting it`, { service: name });
    rt.cluster = undefined;
    await cluster.stop().catch(() => {});
    const svc = this.store.get<ServiceRecord>("service", project, name);
    if (svc?.state !== "RUNNING") return;
    this.store.tx(() => this.markRebuilding(project, svc));
    this.enqueue(name, () => this.bringUp(project, name, svc.build));
  }

  private async stopCluster(name: string): Promise<void> {
    const rt = this.runtimes.get(name);
    if (!rt?.cluster) return;
    const cluster = rt.cluster;
    rt.cluster = undefined;
    const started = Date.now();
    await cluster.stop();
    this.note("info", "Flink cluster stopped", { service: name, ms: Date.now() - started });
  }

  /** On shutdown: a savepoint of every running job, so the next start resumes exactly there. */
  private async savepointForShutdown(name: string, cluster: FlinkCluster): Promise<void> {
    if (!cluster.owned) return;
    const running = (await cluster.jobManager.jobs()).filter((j) => j.state === "RUNNING");
    await Promise.all(
      running.map(async (job) => {
        const project = this.project;
        const d = this.deployments(project, name).find(
          (x) => x.job_id === job.jid && !TERMINAL_STATUSES.includes(x.status),
        );
        if (!d) return;
        const location = await this.stopWithSavepoint(cluster, job.jid, 30_000);
        this.store.tx(() =>
          updateDeployment(this.store, project, d.id, (x) => {
            x.restore_from = location;
            recordSavepoint(this.store, project, x, location);
          }),
        );
      }),
    );
  }

  // ---- deployments ----------------------------------------------------------------------------

  submitDeployment(project: string, d: DeploymentRecord): void {
    this.enqueue(d.service_name, () => this.submit(project, d.id));
  }

  cancelDeployment(project: string, d: DeploymentRecord): void {
    transition(this.store, project, d, "CANCELLING");
    this.enqueue(d.service_name, async () => {
      const x = this.store.get<DeploymentRecord>("deployment", project, d.id);
      if (x?.status !== "CANCELLING") return;
      const cluster = this.runtimes.get(d.service_name)?.cluster;
      if (cluster && x.submitted_ms !== undefined) {
        try {
          await cluster.jobManager.cancel(x.job_id);
          return; // The poller sees CANCELED.
        } catch (err) {
          if (!(err instanceof FlinkRestError && err.status === 404)) {
            this.note("warn", "cancel failed", {
              deployment: d.id,
              error: err instanceof Error ? err.message : String(err),
            });
            return;
          }
        }
      }
      // No job in Flink (never submitted, or the cluster is gone): nothing left to cancel.
      this.store.tx(() => updateDeployment(this.store, project, d.id, (y) => finish(y, "CANCELED")));
    });
  }

  stopDeployment(project: string, d: DeploymentRecord): void {
    transition(this.store, project, d, "SAVING_AND_STOP");
    this.enqueue(d.service_name, async () => {
      const cluster = this.runtimes.get(d.service_name)?.cluster;
      if (!cluster) {
        this.store.tx(() =>
          updateDeployment(this.store, project, d.id, (y) => {
            y.error_msg = "Stop with savepoint failed: the service's cluster is not running";
            finish(y, "FAILED");
          }),
        );
        return;
      }
      try {
        const location = await this.stopWithSavepoint(cluster, d.job_id);
        this.store.tx(() =>
          updateDeployment(this.store, project, d.id, (y) => {
            y.last_savepoint = location;
            recordSavepoint(this.store, project, y, location);
            finish(y, "FINISHED");
          }),
        );
      } catch (err) {
        // The job keeps running: the poller reports its state again, with the reason here.
        this.store.tx(() =>
          updateDeployment(this.store, project, d.id, (y) => {
            y.error_msg = `Stop with savepoint failed: ${(err as Error).message}`;
            y.status = "RUNNING";
            y.seq += 1;
          }),
        );
      }
    });
  }

  triggerSavepoint(project: string, d: DeploymentRecord, periodic = false): void {
    transition(this.store, project, d, "SAVING");
    this.enqueue(d.service_name, async () => {
      // Back to RUNNING either way (the job never stopped); the poller takes over from there.
      const settle = (change: (y: DeploymentRecord) => void) =>
        this.store.tx(() =>
          updateDeployment(this.store, project, d.id, (y) => {
            if (y.status !== "SAVING") return;
            change(y);
            y.status = "RUNNING";
            y.seq += 1;
          }),
        );
      const cluster = this.runtimes.get(d.service_name)?.cluster;
      if (!cluster) {
        settle((y) => {
          y.error_msg = "Savepoint failed: the service's cluster is not running";
        });
        return;
      }
      try {
        const trigger = await cluster.jobManager.triggerSavepoint(
          d.job_id,
          cluster.savepointDir || undefined,
        );
        const location = await cluster.jobManager.awaitSavepoint(d.job_id, trigger, this.savepointTimeoutMs);
        let pruned: string[] = [];
        settle((y) => {
          y.last_savepoint = location;
          y.error_msg = undefined;
          recordSavepoint(this.store, project, y, location, periodic);
          if (periodic)
            pruned = prunePeriodicSavepoints(this.store, project, y.service_name, y.application_id);
        });
        await this.dispose(cluster, pruned);
      } catch (err) {
        settle((y) => {
          y.error_msg = `Savepoint failed: ${(err as Error).message}`;
        });
      }
    });
  }

  /**
   * What Flink's REST API reports as the job's latest completed checkpoint; the retained checkpoint
   * directory too, as that API caches job statistics for a second (and forgets jobs in time).
   */
  async latestCheckpoint(_project: string, d: DeploymentRecord): Promise<string | undefined> {
    const cluster = this.clusterOf(d.service_name);
    if (!cluster || d.submitted_ms === undefined) return undefined;
    const reported = await cluster.jobManager.checkpoints(d.job_id).then(
      (stats) => stats.latest?.completed?.external_path ?? undefined,
      (err) => {
        if (err instanceof FlinkRestError && err.status === 404) return undefined;
        throw err;
      },
    );
    return newestCheckpoint([reported, latestRetainedCheckpoint(cluster.checkpointDir, d.job_id)]);
  }

  removeJars(_project: string, serviceName: string, versionIds: readonly string[]): void {
    if (versionIds.length === 0) return;
    // In the service's queue: after the cancels and submissions asked before, before a service delete.
    this.enqueue(serviceName, async () => {
      const cluster = this.clusterOf(serviceName);
      // A stopped local cluster took its uploads with it (they live under its web.tmpdir).
      if (!cluster) return;
      const removed = await removeVersionJars(cluster, versionIds);
      if (removed > 0)
        this.note("info", "jars deleted from the JobManager", { service: serviceName, removed });
    });
  }

  disposeSavepoints(_project: string, serviceName: string, paths: readonly string[]): void {
    if (paths.length === 0) return;
    this.enqueue(serviceName, async () => {
      const cluster = this.clusterOf(serviceName);
      if (cluster) await this.dispose(cluster, paths);
      else this.note("warn", "savepoints not deleted: the service's cluster is not running", { paths });
    });
  }

  /** Deletes pruned savepoints through Flink; one that fails is logged, the others still go. */
  private async dispose(cluster: FlinkCluster, paths: readonly string[]): Promise<void> {
    for (const p of paths) {
      try {
        await cluster.jobManager.disposeSavepoint(p, this.savepointTimeoutMs);
        this.note("info", "savepoint deleted (beyond the schedule's history_max)", { path: p });
      } catch (err) {
        this.note("warn", "savepoint could not be deleted", { path: p, error: (err as Error).message });
      }
    }
  }

  failJob(): void {
    throw conflict(
      "Injected job failures exist only on the simulated engine; on the flink engine make the job fail in SQL (e.g. a division by zero)",
    );
  }

  /**
   * Submits a deployment's job to the service's cluster; leaves it waiting when the service is not
   * running yet (`bringingUp`: the cluster has just started and its service is about to run).
   */
  private async submit(project: string, id: string, bringingUp = false): Promise<void> {
    const d = this.store.get<DeploymentRecord>("deployment", project, id);
    if (!d || (d.status !== "INITIALIZING" && d.status !== "RESTARTING")) return;
    const svc = this.store.get<ServiceRecord>("service", project, d.service_name);
    const cluster = this.clusterOf(d.service_name);
    if (!svc || !cluster || !(svc.state === "RUNNING" || (bringingUp && svc.state === "REBUILDING"))) return;
    await startDeploymentJob(this.store, project, d, cluster, this.local);
  }

  /** Stop-with-savepoint; returns once the job has ended (and freed its slots), with the savepoint's path. */
  private async stopWithSavepoint(
    cluster: FlinkCluster,
    jobId: string,
    timeoutMs = this.savepointTimeoutMs,
  ): Promise<string> {
    const trigger = await cluster.jobManager.stopWithSavepoint(jobId, cluster.savepointDir || undefined);
    const location = await cluster.jobManager.awaitSavepoint(jobId, trigger, timeoutMs);
    // The savepoint completes a moment before the job ends.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const job = (await cluster.jobManager.jobs().catch(() => [])).find((j) => j.jid === jobId);
      if (!job || TERMINAL_STATUSES.includes(job.state)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return location;
  }

  // ---- reading Flink --------------------------------------------------------------------------

  restEndpoint(_project: string, svc: ServiceRecord): RestEndpoint | undefined {
    return svc.state === "RUNNING" ? this.runtimes.get(svc.service_name)?.cluster?.rest : undefined;
  }

  async validateVersion(
    project: string,
    svc: ServiceRecord,
    input: VersionInput,
  ): Promise<PlannerFinding[] | undefined> {
    const cluster = this.runtimes.get(svc.service_name)?.cluster;
    if (!cluster || svc.state !== "RUNNING") return undefined;
    const sources = resolveTables(this.store, project, input.sources, this.local);
    const sinks = resolveTables(this.store, project, input.sinks, this.local);
    const secrets = [...sources.secrets, ...sinks.secrets];
    try {
      const findings = await validateWithPlanner(cluster.gateway, {
        ...(input.statement !== undefined ? { statement: input.statement } : {}),
        sources: sources.tables,
        sinks: sinks.tables,
      });
      return findings.map((f) => ({ ...f, message: redact(f.message, secrets) }));
    } catch (err) {
      // The gateway itself failed (not the SQL): the parser answers instead of an error.
      this.note("warn", "planner validation unavailable; the SQL parser answers", {
        service: svc.service_name,
        error: redact(err instanceof Error ? err.message : String(err), secrets),
      });
      return undefined;
    }
  }

  async query(project: string, svc: ServiceRecord, input: QueryInput): Promise<QueryResult> {
    const cluster = this.clusterOf(svc.service_name);
    if (!cluster || svc.state !== "RUNNING")
      throw conflict(
        `Service ${svc.service_name} is ${svc.state}; queries run on its cluster once it is RUNNING`,
      );
    const resolved = resolveTables(this.store, project, input.tables, this.local);
    return runInteractiveQuery(
      cluster.gateway,
      resolved.tables,
      input.statement,
      input.limit,
      input.timeoutMs,
      (t) => redact(t, resolved.secrets),
    );
  }

  listJobs(_project: string, svc: ServiceRecord): Promise<JobSummary[]> {
    return views.listJobs(this.clusterOf(svc.service_name), svc);
  }

  jobDetails(_project: string, svc: ServiceRecord, jobId: string): Promise<unknown> {
    return views.jobDetails(this.clusterOf(svc.service_name), svc, jobId);
  }

  overview(_project: string, svc: ServiceRecord): Promise<unknown> {
    return views.overview(this.clusterOf(svc.service_name), svc);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private runtime(name: string): ServiceRuntime {
    let rt = this.runtimes.get(name);
    if (!rt) {
      rt = { queue: Promise.resolve() };
      this.runtimes.set(name, rt);
    }
    return rt;
  }

  /** Runs `op` after the service's earlier operations; a failure is logged, never thrown at a route. */
  private enqueue(name: string, op: () => Promise<void>): void {
    const rt = this.runtime(name);
    rt.queue = rt.queue.then(op).catch((err: unknown) => {
      this.note("error", "cluster operation failed", {
        service: name,
        error: err instanceof Error ? err.message : String(err),
      });
    });
  }

  private deployments(project: string, service: string): DeploymentRecord[] {
    return this.store.list<DeploymentRecord>("deployment", project, service);
  }

  private serviceDir(name: string): string {
    return path.join(this.clustersDir, name);
  }

  private *liveClusters(): Iterable<[string, FlinkCluster]> {
    for (const [name, rt] of this.runtimes) if (rt.cluster) yield [name, rt.cluster];
  }

  private clusterOf(name: string): FlinkCluster | undefined {
    return this.runtimes.get(name)?.cluster;
  }

  private note(level: string, msg: string, fields: Record<string, unknown>): void {
    this.log(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  }
}
