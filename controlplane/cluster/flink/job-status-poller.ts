import type { LocalDataAddresses } from "../../data-services/local-data-addresses";
import {
  type DeploymentRecord,
  type ServiceRecord,
  TERMINAL_STATUSES,
  type VersionRecord,
} from "../../model";
import type { Store } from "../../store";
import { redact, resolveTables } from "./connection-options";
import { finish, updateDeployment } from "./deployment-records";
import type { FlinkCluster } from "./flink-cluster";
import { flinkProblem } from "./flink-error";
import { deploymentStatusFor } from "./job-status";

/**
 * Carries what Flink's REST API reports about each job into its deployment: status (with the settle
 * rule of deploymentStatusFor) and, when a job failed, Flink's root cause as `error_msg`.
 */
export class JobStatusPoller {
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  /** When each deployment's job was first seen FAILED without its failure cause yet. */
  private readonly failedSince = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly project: string,
    private readonly settleMs: number,
    /** The services' clusters right now. */
    private readonly clusters: () => Iterable<[string, FlinkCluster]>,
    private readonly local: LocalDataAddresses = {},
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.poll(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling || !this.timer) return;
    this.polling = true;
    try {
      for (const [name, cluster] of this.clusters()) await this.pollService(name, cluster).catch(() => {});
    } finally {
      this.polling = false;
    }
  }

  private async pollService(name: string, cluster: FlinkCluster): Promise<void> {
    const project = this.project;
    const svc = this.store.get<ServiceRecord>("service", project, name);
    if (svc?.state !== "RUNNING") return;
    const watched = this.store
      .list<DeploymentRecord>("deployment", project, name)
      .filter(
        (d) =>
          d.submitted_ms !== undefined &&
          !TERMINAL_STATUSES.includes(d.status) &&
          d.status !== "SAVING_AND_STOP" &&
          d.status !== "SAVING",
      );
    if (watched.length === 0) return;
    const jobs = new Map((await cluster.jobManager.jobs()).map((j) => [j.jid, j]));
    const now = Date.now();
    for (const d of watched) {
      const job = jobs.get(d.job_id);
      if (!job) continue;
      const settling = job.state === "RUNNING" && d.status !== "RUNNING" && d.status !== "CANCELLING";
      // The job list is live, but a job's details and exceptions come from a cached execution graph
      // (refreshed about every second): right after FAILED shows in the list, the exceptions can still
      // be an earlier failure's (before restarts ran out). Once the cached details say FAILED, the
      // graph is the final one and its root exception is the one that ended the job.
      const finalGraph =
        job.state !== "FAILED" ||
        (await cluster.jobManager
          .job(d.job_id)
          .then((details) => (details as { state?: string }).state === "FAILED")
          .catch(() => false));
      const history =
        (job.state === "FAILED" && finalGraph) || settling
          ? await cluster.jobManager.exceptions(d.job_id).catch(() => undefined)
          : undefined;
      const lastFailure =
        history?.exceptionHistory?.entries?.reduce((m, e) => Math.max(m, e.timestamp), 0) || undefined;
      const next = deploymentStatusFor(d.status, job, lastFailure, now, this.settleMs);
      if (next === d.status) continue;
      const rootCause = job.state === "FAILED" ? history?.["root-exception"] : undefined;
      if (job.state === "FAILED" && !rootCause) {
        // Flink serves a job's exceptions from a cache refreshed every second: the failure that ended
        // the job shows up a moment after its FAILED state. Wait for it (a few polls at most).
        const since = this.failedSince.get(d.id) ?? now;
        this.failedSince.set(d.id, since);
        if (now - since < 5000) continue;
      }
      this.failedSince.delete(d.id);
      this.store.tx(() =>
        updateDeployment(this.store, project, d.id, (y) => {
          if (y.status !== d.status) return; // changed meanwhile (a cancel or a stop started)
          if (rootCause)
            y.error_msg = redact(`Job failed: ${flinkProblem(rootCause).message}`, this.secretsOf(y));
          if (TERMINAL_STATUSES.includes(next)) finish(y, next);
          else {
            y.status = next;
            y.seq += 1;
          }
        }),
      );
    }
  }

  private secretsOf(d: DeploymentRecord): readonly string[] {
    const version = this.store.get<VersionRecord>("version", this.project, d.version_id);
    return version
      ? resolveTables(this.store, this.project, [...version.sources, ...version.sinks], this.local).secrets
      : [];
  }
}
