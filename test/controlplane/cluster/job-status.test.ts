import { deploymentStatusFor } from "../../../controlplane/cluster/flink/job-status";
import type { FlinkJobState } from "../../../controlplane/cluster/flink/jobmanager-client";
import type { DeploymentStatus } from "../../../controlplane/model";

const NOW = 1_700_000_000_000;
const SETTLE = 5_000;

interface Row {
  case: string;
  current: DeploymentStatus;
  flink: FlinkJobState;
  /** How long ago Flink's job last changed state. */
  changedAgo: number;
  /** How long ago the job last failed (Flink's exception history), if ever. */
  failedAgo?: number;
  expected: DeploymentStatus;
}

const status = (r: Row) =>
  deploymentStatusFor(
    r.current,
    { state: r.flink, "last-modification": NOW - r.changedAgo },
    r.failedAgo === undefined ? undefined : NOW - r.failedAgo,
    NOW,
    SETTLE,
  );

describe("deploymentStatusFor", () => {
  test.each<Row>([
    // A job that just turned RUNNING is not reported RUNNING before it has run settleMs without failing.
    {
      case: "just turned RUNNING",
      current: "INITIALIZING",
      flink: "RUNNING",
      changedAgo: 0,
      expected: "INITIALIZING",
    },
    {
      case: "RUNNING for less than settleMs",
      current: "INITIALIZING",
      flink: "RUNNING",
      changedAgo: SETTLE - 1,
      expected: "INITIALIZING",
    },
    {
      case: "RUNNING for exactly settleMs",
      current: "INITIALIZING",
      flink: "RUNNING",
      changedAgo: SETTLE,
      expected: "RUNNING",
    },
    {
      case: "RUNNING for long, never failed",
      current: "INITIALIZING",
      flink: "RUNNING",
      changedAgo: 60_000,
      expected: "RUNNING",
    },
    // Flink goes back to RUNNING after each restart; a failure within the window keeps the job waiting.
    {
      case: "RUNNING for long, failed within settleMs",
      current: "INITIALIZING",
      flink: "RUNNING",
      changedAgo: 60_000,
      failedAgo: 1_000,
      expected: "INITIALIZING",
    },
    {
      case: "RUNNING for long, failed just under settleMs ago",
      current: "INITIALIZING",
      flink: "RUNNING",
      changedAgo: 60_000,
      failedAgo: SETTLE - 1,
      expected: "INITIALIZING",
    },
    {
      case: "RUNNING for long, last failure settleMs ago",
      current: "INITIALIZING",
      flink: "RUNNING",
      changedAgo: 60_000,
      failedAgo: SETTLE,
      expected: "RUNNING",
    },
    {
      case: "a failure long before the job last turned RUNNING",
      current: "INITIALIZING",
      flink: "RUNNING",
      changedAgo: 1_000,
      failedAgo: 60_000,
      expected: "INITIALIZING",
    },
    // After a cluster restart the job was resubmitted: RESTARTING until it has settled again.
    {
      case: "resubmitted after a cluster restart, just RUNNING",
      current: "RESTARTING",
      flink: "RUNNING",
      changedAgo: 100,
      expected: "RESTARTING",
    },
    {
      case: "resubmitted, RUNNING but failed within settleMs",
      current: "RESTARTING",
      flink: "RUNNING",
      changedAgo: 60_000,
      failedAgo: 10,
      expected: "RESTARTING",
    },
    {
      case: "resubmitted, settled",
      current: "RESTARTING",
      flink: "RUNNING",
      changedAgo: SETTLE,
      expected: "RUNNING",
    },
    {
      case: "resubmitted, still being created",
      current: "RESTARTING",
      flink: "CREATED",
      changedAgo: 0,
      expected: "RESTARTING",
    },
    {
      case: "resubmitted, still initializing",
      current: "RESTARTING",
      flink: "INITIALIZING",
      changedAgo: 0,
      expected: "RESTARTING",
    },
    {
      case: "submitted, still initializing",
      current: "INITIALIZING",
      flink: "INITIALIZING",
      changedAgo: 0,
      expected: "INITIALIZING",
    },
    {
      case: "submitted, created",
      current: "INITIALIZING",
      flink: "CREATED",
      changedAgo: 0,
      expected: "INITIALIZING",
    },
    {
      case: "a RUNNING job Flink starts over",
      current: "RUNNING",
      flink: "INITIALIZING",
      changedAgo: 0,
      expected: "RESTARTING",
    },
    // Once RUNNING, it stays RUNNING while Flink says RUNNING, even right after a (recovered) failure.
    {
      case: "RUNNING and Flink says RUNNING",
      current: "RUNNING",
      flink: "RUNNING",
      changedAgo: 0,
      expected: "RUNNING",
    },
    {
      case: "RUNNING, Flink RUNNING, recent failure",
      current: "RUNNING",
      flink: "RUNNING",
      changedAgo: 0,
      failedAgo: 0,
      expected: "RUNNING",
    },
    // Flink's own restart states are passed through.
    {
      case: "Flink restarts a RUNNING job",
      current: "RUNNING",
      flink: "RESTARTING",
      changedAgo: 0,
      expected: "RESTARTING",
    },
    {
      case: "Flink restarts a job that never settled",
      current: "INITIALIZING",
      flink: "RESTARTING",
      changedAgo: 0,
      expected: "RESTARTING",
    },
    {
      case: "Flink fails a RUNNING job",
      current: "RUNNING",
      flink: "FAILING",
      changedAgo: 0,
      expected: "FAILING",
    },
    {
      case: "Flink fails a job that never settled",
      current: "INITIALIZING",
      flink: "FAILING",
      changedAgo: 0,
      expected: "FAILING",
    },
    // A cancel in progress shows CANCELLING until Flink ends the job.
    {
      case: "cancelling, Flink still RUNNING",
      current: "CANCELLING",
      flink: "RUNNING",
      changedAgo: 60_000,
      expected: "CANCELLING",
    },
    {
      case: "cancelling, Flink CANCELLING",
      current: "CANCELLING",
      flink: "CANCELLING",
      changedAgo: 0,
      expected: "CANCELLING",
    },
    {
      case: "cancelling, Flink RESTARTING",
      current: "CANCELLING",
      flink: "RESTARTING",
      changedAgo: 0,
      expected: "CANCELLING",
    },
    {
      case: "cancelling, Flink INITIALIZING",
      current: "CANCELLING",
      flink: "INITIALIZING",
      changedAgo: 0,
      expected: "CANCELLING",
    },
    {
      case: "cancelling, Flink CANCELED",
      current: "CANCELLING",
      flink: "CANCELED",
      changedAgo: 0,
      expected: "CANCELED",
    },
    {
      case: "cancelling, but the job failed first",
      current: "CANCELLING",
      flink: "FAILED",
      changedAgo: 0,
      expected: "FAILED",
    },
    {
      case: "cancelling, but the job finished first",
      current: "CANCELLING",
      flink: "FINISHED",
      changedAgo: 0,
      expected: "FINISHED",
    },
    // Terminal Flink states win over anything the deployment shows.
    { case: "RUNNING job FAILED", current: "RUNNING", flink: "FAILED", changedAgo: 0, expected: "FAILED" },
    {
      case: "waiting job FAILED on its first records",
      current: "INITIALIZING",
      flink: "FAILED",
      changedAgo: 0,
      expected: "FAILED",
    },
    {
      case: "restarting job FAILED",
      current: "RESTARTING",
      flink: "FAILED",
      changedAgo: 0,
      expected: "FAILED",
    },
    {
      case: "bounded job FINISHED",
      current: "RUNNING",
      flink: "FINISHED",
      changedAgo: 0,
      expected: "FINISHED",
    },
    {
      case: "bounded job FINISHED before it settled",
      current: "INITIALIZING",
      flink: "FINISHED",
      changedAgo: 0,
      expected: "FINISHED",
    },
    {
      case: "job cancelled in Flink itself",
      current: "RUNNING",
      flink: "CANCELED",
      changedAgo: 0,
      expected: "CANCELED",
    },
    // Other Flink states are the API's statuses as they are.
    {
      case: "Flink cancels a RUNNING job",
      current: "RUNNING",
      flink: "CANCELLING",
      changedAgo: 0,
      expected: "CANCELLING",
    },
    {
      case: "Flink suspends a RUNNING job",
      current: "RUNNING",
      flink: "SUSPENDED",
      changedAgo: 0,
      expected: "SUSPENDED",
    },
    {
      case: "Flink reconciles a RUNNING job",
      current: "RUNNING",
      flink: "RECONCILING",
      changedAgo: 0,
      expected: "RECONCILING",
    },
  ])("$case: $current + Flink $flink → $expected", (r) => {
    expect(status(r)).toBe(r.expected);
  });

  test("a job that keeps failing on its first records is never reported RUNNING, then FAILED", () => {
    // Polls of one job (times in ms since submission) that Flink restarts every 3 s until it gives up.
    const polls: {
      t: number;
      flink: FlinkJobState;
      changed: number;
      failed?: number;
      expected: DeploymentStatus;
    }[] = [
      { t: 500, flink: "INITIALIZING", changed: 0, expected: "INITIALIZING" },
      { t: 1_500, flink: "RUNNING", changed: 1_000, expected: "INITIALIZING" },
      { t: 3_500, flink: "RUNNING", changed: 1_000, expected: "INITIALIZING" },
      { t: 4_500, flink: "RESTARTING", changed: 4_000, failed: 4_000, expected: "RESTARTING" },
      { t: 6_500, flink: "RUNNING", changed: 5_000, failed: 4_000, expected: "RESTARTING" },
      // A poll that missed the restart: RUNNING again, but the last failure is recent.
      { t: 9_500, flink: "RUNNING", changed: 8_000, failed: 7_000, expected: "RESTARTING" },
      { t: 12_500, flink: "RUNNING", changed: 11_000, failed: 10_000, expected: "RESTARTING" },
      { t: 13_500, flink: "FAILED", changed: 13_000, failed: 13_000, expected: "FAILED" },
    ];
    let current: DeploymentStatus = "INITIALIZING";
    const seen: DeploymentStatus[] = [];
    for (const p of polls) {
      current = deploymentStatusFor(
        current,
        { state: p.flink, "last-modification": NOW + p.changed },
        p.failed === undefined ? undefined : NOW + p.failed,
        NOW + p.t,
        SETTLE,
      );
      seen.push(current);
    }
    expect(seen).toEqual(polls.map((p) => p.expected));
    expect(seen).not.toContain("RUNNING");
  });
});
