import type { DeploymentRecord, ServiceRecord } from "../../model";

/** Flink's default when the service sets no interval, as the flink engine configures it. */
const DEFAULT_INTERVAL_MS = 60_000;

/**
 * The simulated job's latest completed checkpoint: one every `execution_checkpointing_interval_ms`
 * of the time the job ran, from its first start until it ended. The interval is the user's own
 * setting, so it is not shortened by the time scale (the hosted service's durations are): a job with
 * a 100 ms interval has a checkpoint almost at once, one with an hour's has none for an hour, as on
 * the flink engine. Checkpoints are retained on cancel, as the flink engine configures them.
 */
export function simulatedLatestCheckpoint(
  project: string,
  svc: Pick<ServiceRecord, "user_config"> | undefined,
  d: DeploymentRecord,
  now = Date.now(),
): string | undefined {
  if (d.started_ms === undefined) return undefined;
  const configured = svc?.user_config["execution_checkpointing_interval_ms"];
  const interval = typeof configured === "number" && configured > 0 ? configured : DEFAULT_INTERVAL_MS;
  const n = Math.floor(((d.ended_ms ?? now) - d.started_ms) / interval);
  if (n < 1) return undefined;
  return `s3://flinkform-local-checkpoints/${project}/${d.service_name}/checkpoints/${d.job_id}/chk-${n}`;
}
