/**
 * What the cluster's restart strategy decides when a running job fails, with Flink's defaults for
 * options the service config leaves unset. Failure-rate windows are real time (they measure how
 * often failures happen, not how long something takes); delays are scaled by the caller.
 */
export type RestartDecision = { restart: true; delayMs: number } | { restart: false; reason: string };

export function decideRestart(
  userConfig: Record<string, unknown>,
  restartEnabled: boolean,
  failures: readonly number[],
  now: number,
): RestartDecision {
  if (!restartEnabled)
    return { restart: false, reason: "restarts are disabled for this deployment (restart_enabled = false)" };
  const raw = (userConfig["restart_strategy"] as string | undefined) ?? "default";
  const strategy = raw === "default" ? "failure-rate" : raw;
  const delaySec = (userConfig["restart_strategy_delay_sec"] as number | undefined) ?? 1;
  const maxFailures = userConfig["restart_strategy_max_failures"] as number | undefined;
  switch (strategy) {
    case "none":
      return { restart: false, reason: "the restart strategy is 'none'" };
    case "fixed-delay": {
      const attempts = maxFailures ?? 1;
      if (failures.length > attempts) {
        return {
          restart: false,
          reason: `fixed-delay restart strategy exhausted its ${attempts} attempt(s)`,
        };
      }
      return { restart: true, delayMs: delaySec * 1000 };
    }
    case "exponential-delay": {
      const multiplier = (userConfig["restart_strategy_backoff_multiplier"] as number | undefined) ?? 1.5;
      const maxBackoffSec = (userConfig["restart_strategy_max_backoff_sec"] as number | undefined) ?? 60;
      const delay = Math.min(delaySec * multiplier ** Math.max(0, failures.length - 1), maxBackoffSec);
      return { restart: true, delayMs: delay * 1000 };
    }
    default: {
      const perInterval = maxFailures ?? 1;
      const intervalMin =
        (userConfig["restart_strategy_failure_rate_interval_min"] as number | undefined) ?? 1;
      const recent = failures.filter((t) => t > now - intervalMin * 60_000).length;
      if (recent > perInterval) {
        return {
          restart: false,
          reason: `failure-rate restart strategy: ${recent} failures within ${intervalMin} min exceed the limit of ${perInterval}`,
        };
      }
      return { restart: true, delayMs: delaySec * 1000 };
    }
  }
}
