import { nowIso } from "../../ids";
import {
  type DeploymentRecord,
  type ServiceRecord,
  SLOT_HOLDING_STATUSES,
  TERMINAL_STATUSES,
  type VersionRecord,
} from "../../model";
import { prunePeriodicSavepoints, recordSavepoint } from "../../savepoint-schedules/savepoint-history";
import { slotUsage } from "../../slots";
import { validateApplicationVersion } from "../../sql-validator";
import type { ScheduledEvent, Store } from "../../store";
import { HELD_AT_POWER_OFF, SAVED_AT_POWER_OFF } from "../power-cycle";
import { DURATIONS_MS } from "./durations";
import { jarSubmissionError } from "./entry-class-check";
import { decideRestart } from "./restart-strategy";
import { unrestorableState } from "./restore-check";

type EventKind =
  | "service.ready"
  | "deployment.start"
  | "deployment.canceled"
  | "deployment.stopped"
  | "deployment.suspended"
  | "deployment.saved";

/**
 * The lifecycle simulator. Every transition in flight is a row in the `events` table with its due
 * time, written in the same transaction as the state change that started it; one timer applies due
 * events, so transitions resume after a restart (late ones apply at once). Each event carries the
 * record's `seq`/`build` at scheduling time: if the record moved on meanwhile, the event is stale.
 */
export class Lifecycle {
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly timeScale: number,
    private readonly log: (line: string) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  scaled(ms: number): number {
    return ms * this.timeScale;
  }

  /** Schedules an event `ms` (unscaled) from now. Call inside the transaction that changed the record. */
  private after(
    ms: number,
    kind: EventKind,
    project: string,
    target: string,
    payload: Record<string, unknown>,
  ): void {
    const due = Date.now() + this.scaled(ms);
    this.store.schedule(due, kind, project, target, payload);
    // Re-arm after the transaction commits; a timer firing early finds nothing due and re-arms.
    queueMicrotask(() => this.kick());
  }

  /** Puts a service into REBUILDING for `ms`; running jobs restart when it is back. */
  rebuildService(project: string, svc: ServiceRecord, ms: number): void {
    svc.state = "REBUILDING";
    svc.build += 1;
    svc.update_time = nowIso();
    this.store.update("service", project, svc.service_name, svc);
    this.after(ms, "service.ready", project, svc.service_name, { build: svc.build });
    for (const d of this.store.list<DeploymentRecord>("deployment", project, svc.service_name)) {
      if (!SLOT_HOLDING_STATUSES.includes(d.status)) continue;
      // A savepoint in progress is lost with the cluster, as in Flink.
      if (d.status === "RUNNING" || d.status === "SAVING") d.status = "RESTARTING";
      this.transition(project, d, d.status);
      this.after(ms + DURATIONS_MS.deploymentStart, "deployment.start", project, d.id, { seq: d.seq });
    }
  }

  /**
   * The service is powered off: running jobs stop with a savepoint and wait SUSPENDED, jobs waiting
   * to start are SUSPENDED as they are (power on starts them all again: power-cycle.ts).
   */
  powerOff(project: string, svc: ServiceRecord): void {
    for (const d of this.store.list<DeploymentRecord>("deployment", project, svc.service_name)) {
      if (SAVED_AT_POWER_OFF.includes(d.status)) {
        this.transition(project, d, "SAVING_AND_STOP");
        this.after(DURATIONS_MS.stopWithSavepoint, "deployment.suspended", project, d.id, { seq: d.seq });
      } else if (HELD_AT_POWER_OFF.includes(d.status)) {
        this.transition(project, d, "SUSPENDED");
      }
    }
  }

  /** A new deployment (already stored, INITIALIZING) starts its job. */
  submitDeployment(project: string, d: DeploymentRecord): void {
    this.after(DURATIONS_MS.deploymentStart, "deployment.start", project, d.id, { seq: d.seq });
  }

  cancelDeployment(project: string, d: DeploymentRecord): void {
    this.transition(project, d, "CANCELLING");
    this.after(DURATIONS_MS.cancel, "deployment.canceled", project, d.id, { seq: d.seq });
  }

  stopDeployment(project: string, d: DeploymentRecord): void {
    this.transition(project, d, "SAVING_AND_STOP");
    this.after(DURATIONS_MS.stopWithSavepoint, "deployment.stopped", project, d.id, { seq: d.seq });
  }

  /** A savepoint of the running job, which keeps running; a periodic one joins the schedule's history. */
  triggerSavepoint(project: string, d: DeploymentRecord, periodic: boolean): void {
    this.transition(project, d, "SAVING");
    this.after(DURATIONS_MS.savepoint, "deployment.saved", project, d.id, { seq: d.seq, periodic });
  }

  /** A running job fails: the cluster's restart strategy decides between RESTARTING and FAILED. */
  failJob(project: string, d: DeploymentRecord, cause: string): void {
    const svc = this.store.get<ServiceRecord>("service", project, d.service_name);
    const now = Date.now();
    d.failures = [...d.failures, now];
    const decision = decideRestart(svc?.user_config ?? {}, d.restart_enabled, d.failures, now);
    if (decision.restart) {
      this.transition(project, d, "RESTARTING");
      this.after(decision.delayMs, "deployment.start", project, d.id, { seq: d.seq });
    } else {
      d.error_msg = `Job failed: ${cause}; not restarted: ${decision.reason}`;
      this.finish(project, d, "FAILED");
    }
  }

  private transition(project: string, d: DeploymentRecord, status: DeploymentRecord["status"]): void {
    d.status = status;
    d.seq += 1;
    this.store.update("deployment", project, d.id, d);
  }

  private finish(project: string, d: DeploymentRecord, status: DeploymentRecord["status"]): void {
    d.ended_ms = Date.now();
    this.transition(project, d, status);
  }

  private kick(): void {
    if (this.stopped) return;
    const due = this.store.nextDue();
    if (due === undefined || due >= this.timerDue) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => this.tick(), Math.max(0, due - Date.now()));
    this.timer.unref();
  }

  private tick(): void {
    this.timer = undefined;
    this.timerDue = Number.POSITIVE_INFINITY;
    if (this.stopped) return;
    try {
      for (
        let batch = this.store.dueEvents(Date.now());
        batch.length > 0;
        batch = this.store.dueEvents(Date.now())
      ) {
        for (const e of batch) this.applyOne(e);
      }
    } catch (err) {
      // The store itself failed (e.g. closed during shutdown): nothing to apply any more.
      this.log(JSON.stringify({ level: "error", msg: "lifecycle loop failed", error: String(err) }));
      return;
    }
    this.kick();
  }

  private applyOne(e: ScheduledEvent): void {
    try {
      this.store.tx(() => {
        this.store.unschedule(e.id);
        this.apply(e);
      });
    } catch (err) {
      // A broken event must not block the queue: drop it and say so.
      this.store.unschedule(e.id);
      this.log(
        JSON.stringify({ level: "error", msg: "lifecycle event failed", event: e.kind, error: String(err) }),
      );
    }
  }

  private apply(e: ScheduledEvent): void {
    if (e.kind === "service.ready") {
      const svc = this.store.get<ServiceRecord>("service", e.project, e.target);
      if (!svc || svc.build !== e.payload["build"] || svc.state !== "REBUILDING") return;
      svc.state = "RUNNING";
      svc.update_time = nowIso();
      this.store.update("service", e.project, svc.service_name, svc);
      return;
    }
    const d = this.store.get<DeploymentRecord>("deployment", e.project, e.target);
    if (!d || d.seq !== e.payload["seq"]) return;
    switch (e.kind) {
      case "deployment.start":
        this.startJob(e.project, d);
        return;
      case "deployment.canceled":
        if (d.status === "CANCELLING") this.finish(e.project, d, "CANCELED");
        return;
      case "deployment.stopped":
        if (d.status === "SAVING_AND_STOP") {
          this.takeSavepoint(e.project, d);
          this.finish(e.project, d, "FINISHED");
        }
        return;
      case "deployment.suspended":
        if (d.status === "SAVING_AND_STOP") {
          this.takeSavepoint(e.project, d);
          d.ended_ms = Date.now();
          this.transition(e.project, d, "SUSPENDED");
        }
        return;
      case "deployment.saved":
        if (d.status === "SAVING") {
          const periodic = e.payload["periodic"] === true;
          this.takeSavepoint(e.project, d, periodic);
          d.error_msg = undefined;
          this.transition(e.project, d, "RUNNING");
          // Simulated savepoints have no files: dropping the records is the whole of pruning.
          if (periodic) prunePeriodicSavepoints(this.store, e.project, d.service_name, d.application_id);
        }
        return;
    }
  }

  /** Records a savepoint of the deployment's job; its path names the job, as the tests rely on. */
  private takeSavepoint(project: string, d: DeploymentRecord, periodic = false): void {
    const savepoint = `s3://flinkform-local-checkpoints/${project}/${d.service_name}/savepoints/savepoint-${d.job_id.slice(0, 6)}-${d.seq.toString(16).padStart(4, "0")}${Date.now().toString(16).slice(-8)}`;
    d.last_savepoint = savepoint;
    recordSavepoint(this.store, project, d, savepoint, periodic);
  }

  private startJob(project: string, d: DeploymentRecord): void {
    if (d.status !== "INITIALIZING" && d.status !== "RESTARTING") return;
    const svc = this.store.get<ServiceRecord>("service", project, d.service_name);
    if (!svc) return;
    if (svc.state !== "RUNNING") {
      // The session cluster is (re)building: the job waits for it.
      this.after(DURATIONS_MS.recheck, "deployment.start", project, d.id, { seq: d.seq });
      return;
    }
    // The savepoint to restore may be gone since the deployment was made (power on restarts from one).
    if (d.starting_savepoint !== undefined && !this.store.get("savepoint", project, d.starting_savepoint)) {
      d.error_msg = `Restoring the job failed: savepoint not found in the checkpoint storage of service ${d.service_name}: ${d.starting_savepoint}`;
      this.finish(project, d, "FAILED");
      return;
    }
    if (d.status === "INITIALIZING") {
      const version = this.store.get<VersionRecord>("version", project, d.version_id);
      const errors = version ? validateApplicationVersion(version).filter((x) => x.severity === "error") : [];
      if (errors.length > 0) {
        const first = errors[0]!;
        const where =
          first.location.part === "statement"
            ? "statement"
            : `${first.location.part} ${first.location.index + 1}`;
        const at = first.position ? ` at line ${first.position.line}, column ${first.position.column}` : "";
        d.error_msg = `SQL validation failed in ${where}${at}: ${first.message}`;
        this.finish(project, d, "FAILED");
        return;
      }
      const refused = jarSubmissionError(this.store, project, d);
      if (refused) {
        d.error_msg = refused;
        this.finish(project, d, "FAILED");
        return;
      }
      const unrestorable = unrestorableState(this.store, project, d);
      if (unrestorable) {
        d.error_msg = unrestorable;
        this.finish(project, d, "FAILED");
        return;
      }
    }
    const slots = slotUsage(this.store, project, svc, d.id);
    if (d.parallelism > slots.free) {
      d.error_msg =
        `Not enough task slots: the job needs ${d.parallelism} (parallelism), ${slots.free} of ${slots.total} are free ` +
        `(${slots.nodes} node(s) × ${slots.slotsPerNode} task slot(s), ${slots.held} held by other running deployments)`;
      this.finish(project, d, "FAILED");
      return;
    }
    d.error_msg = undefined;
    d.started_ms = d.started_ms ?? Date.now();
    this.transition(project, d, "RUNNING");
  }
}

export const isTerminal = (d: DeploymentRecord): boolean => TERMINAL_STATUSES.includes(d.status);
