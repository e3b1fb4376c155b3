import type { DeploymentStatus } from "../../model";
import type { JobOverview } from "./jobmanager-client";

/**
 * The deployment status for what Flink reports about its job. Flink's job states are the API's
 * statuses, with two refinements: a job counts as RUNNING only once it has run `settleMs` without
 * failing (until then it keeps showing INITIALIZING or RESTARTING, so a job that fails on its first
 * records is never reported RUNNING), and a cancel in progress shows CANCELLING until Flink ends it.
 */
export function deploymentStatusFor(
  current: DeploymentStatus,
  job: Pick<JobOverview, "state" | "last-modification">,
  lastFailureMs: number | undefined,
  now: number,
  settleMs: number,
): DeploymentStatus {
  const state = job.state;
  if (state === "FAILED" || state === "CANCELED" || state === "FINISHED") return state;
  if (current === "CANCELLING") return "CANCELLING";
  const waiting: DeploymentStatus = current === "RESTARTING" ? "RESTARTING" : "INITIALIZING";
  if (state === "RUNNING") {
    if (current === "RUNNING") return "RUNNING";
    const quietSince = Math.max(job["last-modification"], lastFailureMs ?? 0);
    return now - quietSince >= settleMs ? "RUNNING" : waiting;
  }
  if (state === "INITIALIZING" || state === "CREATED") return current === "RUNNING" ? "RESTARTING" : waiting;
  return state;
}
