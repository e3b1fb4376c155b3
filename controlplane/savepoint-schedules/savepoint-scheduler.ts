import type { ClusterDriver } from "../cluster/cluster-driver";
import { type DeploymentRecord, TERMINAL_STATUSES } from "../model";
import type { Store } from "../store";
import type { SavepointScheduleRecord } from "./savepoint-history";

/** What one due schedule did. */
export interface ScheduleRun {
  readonly application_id: string;
  readonly deployment_id?: string;
  /** `triggered`, or why no savepoint was taken (`skipped: ...`). */
  readonly outcome: string;
}

/** The timer never sleeps longer than this, so a changed clock or a missed wake-up is caught up. */
const MAX_SLEEP_MS = 60_000;

/**
 * Periodic savepoints (`savepoint_interval`): one timer for all schedules, which live in the store,
 * so they survive a restart (a savepoint due while the control plane was down is taken once, at
 * start, not once per missed interval). A due schedule takes a savepoint of its application's
 * deployment when, and only when, that job is RUNNING: a starting, restarting or stopped job is
 * skipped, and so is one already SAVING, so savepoints never overlap. The next one is due an
 * interval after this one, whatever happened.
 *
 * The clock is `Date.now()` plus an offset that only the admin API moves
 * (`POST /admin/savepoint-schedules/advance`), so tests run an hour of schedule without waiting.
 */
export class SavepointScheduler {
  private timer: NodeJS.Timeout | undefined;
  private offsetMs = 0;
  private stopped = true;

  constructor(
    private readonly store: Store,
    private readonly project: string,
    private readonly cluster: ClusterDriver,
    private readonly log: (line: string) => void,
  ) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  start(): void {
    this.stopped = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Moves the clock forward and runs what is due now (the admin API's test hook). */
  advance(ms: number): ScheduleRun[] {
    this.offsetMs += ms;
    return this.runDue();
  }

  /** After a schedule changed: wake up in time for the earliest one. */
  arm(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const schedules = this.store.list<SavepointScheduleRecord>("savepoint_schedule", this.project);
    if (schedules.length === 0) {
      this.timer = undefined;
      return;
    }
    const next = Math.min(...schedules.map((s) => s.next_due_ms));
    const wait = Math.min(MAX_SLEEP_MS, Math.max(0, next - this.now()));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runDue();
    }, wait);
    this.timer.unref();
  }

  /** Runs every schedule that is due; each in its own transaction, so one failure stops no other. */
  runDue(): ScheduleRun[] {
    const runs: ScheduleRun[] = [];
    try {
      const due = this.store
        .list<SavepointScheduleRecord>("savepoint_schedule", this.project)
        .filter((s) => s.next_due_ms <= this.now());
      for (const s of due) {
        try {
          const run = this.store.tx(() => this.runOne(s.application_id));
          if (run) runs.push(run);
        } catch (err) {
          this.note("error", "periodic savepoint failed", {
            application: s.application_id,
            error: String(err),
          });
          // Not due again until the next interval, or the timer would retry it at once, forever.
          this.store.tx(() => this.postpone(s.application_id, `failed: ${String(err)}`));
        }
      }
    } catch (err) {
      // The store itself failed (closed during shutdown): nothing to run any more.
      this.note("error", "savepoint scheduler failed", { error: String(err) });
      return runs;
    }
    this.arm();
    return runs;
  }

  private runOne(applicationId: string): ScheduleRun | undefined {
    const s = this.store.get<SavepointScheduleRecord>("savepoint_schedule", this.project, applicationId);
    const now = this.now();
    if (!s || s.next_due_ms > now) return undefined;
    if (!this.store.get("application", this.project, applicationId)) {
      // The application was deleted: its schedule goes with it.
      this.store.remove("savepoint_schedule", this.project, applicationId);
      return undefined;
    }
    // An application runs one deployment at a time: the one that has not ended.
    const d = this.store
      .list<DeploymentRecord>("deployment", this.project, s.service_name, applicationId)
      .find((x) => !TERMINAL_STATUSES.includes(x.status));
    let run: ScheduleRun;
    if (!d) run = { application_id: applicationId, outcome: "skipped: no deployment is running" };
    else if (d.status !== "RUNNING")
      run = {
        application_id: applicationId,
        deployment_id: d.id,
        outcome: `skipped: the job is ${d.status}${d.status === "SAVING" ? " (a savepoint is under way)" : ""}`,
      };
    else {
      this.cluster.triggerSavepoint(this.project, d, true);
      run = { application_id: applicationId, deployment_id: d.id, outcome: "triggered" };
    }
    s.next_due_ms = now + s.interval_ms;
    s.last_run = {
      at: new Date(now).toISOString(),
      ...(run.deployment_id ? { deployment_id: run.deployment_id } : {}),
      outcome: run.outcome,
    };
    this.store.update("savepoint_schedule", this.project, applicationId, s);
    this.note("info", "periodic savepoint", { ...run });
    return run;
  }

  private postpone(applicationId: string, outcome: string): void {
    const s = this.store.get<SavepointScheduleRecord>("savepoint_schedule", this.project, applicationId);
    if (!s) return;
    s.next_due_ms = this.now() + s.interval_ms;
    s.last_run = { at: new Date(this.now()).toISOString(), outcome };
    this.store.update("savepoint_schedule", this.project, applicationId, s);
  }

  private note(level: string, msg: string, fields: Record<string, unknown>): void {
    this.log(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));
  }
}
