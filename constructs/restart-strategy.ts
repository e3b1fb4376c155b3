import type { Duration } from "./duration";

export interface FailureRateOptions {
  /** Failures tolerated per interval before the job fails for good. @default 1 (service default) */
  readonly maxFailures?: number;
  /** Interval over which failures are counted; whole minutes. @default 1 minute (service default) */
  readonly interval?: Duration;
  /** Delay between restarts; whole seconds. @default 1 second (service default) */
  readonly delay?: Duration;
}

export interface FixedDelayOptions {
  /** Restart attempts before the job fails for good. @default 1 (service default) */
  readonly attempts?: number;
  /** Delay between restarts; whole seconds. @default 1 second (service default) */
  readonly delay?: Duration;
}

export interface ExponentialDelayOptions {
  /** First delay; whole seconds. @default 1 second (service default) */
  readonly initialBackoff?: Duration;
  /** Largest delay; whole seconds. @default 1 minute (Flink 1.19+ default) */
  readonly maxBackoff?: Duration;
  /** Factor the delay grows by after each failure, greater than 1. @default 1.5 (Flink 1.19+ default) */
  readonly multiplier?: number;
  /** Random jitter applied to each delay, 0..1. @default 0.1 */
  readonly jitter?: number;
}

/** One `flink_user_config.restart_strategy` attribute and the prop it came from. */
interface Parameter {
  readonly attribute: string;
  readonly prop: string;
  readonly value: number | undefined;
}

/**
 * How the cluster restarts failed jobs. The range and combination rules are the provider's own
 * (`schemas/flink/user-config.ts`, `schemas/hooks/restart-strategy.ts`); FlinkService applies them.
 */
export class RestartStrategy {
  static failureRate(options: FailureRateOptions = {}): RestartStrategy {
    return new RestartStrategy("failure-rate", [
      { attribute: "max_failures", prop: "maxFailures", value: options.maxFailures },
      {
        attribute: "failure_rate_interval_min",
        prop: "interval (minutes)",
        value: options.interval?.toMinutes(),
      },
      { attribute: "delay_sec", prop: "delay (seconds)", value: options.delay?.toSeconds() },
    ]);
  }

  static fixedDelay(options: FixedDelayOptions = {}): RestartStrategy {
    return new RestartStrategy("fixed-delay", [
      { attribute: "max_failures", prop: "attempts", value: options.attempts },
      { attribute: "delay_sec", prop: "delay (seconds)", value: options.delay?.toSeconds() },
    ]);
  }

  static exponentialDelay(options: ExponentialDelayOptions = {}): RestartStrategy {
    return new RestartStrategy("exponential-delay", [
      {
        attribute: "delay_sec",
        prop: "initialBackoff (seconds)",
        value: options.initialBackoff?.toSeconds(),
      },
      { attribute: "max_backoff_sec", prop: "maxBackoff (seconds)", value: options.maxBackoff?.toSeconds() },
      { attribute: "backoff_multiplier", prop: "multiplier", value: options.multiplier },
      { attribute: "jitter_factor", prop: "jitter", value: options.jitter },
    ]);
  }

  /** Failed jobs are not restarted. */
  static none(): RestartStrategy {
    return new RestartStrategy("none", []);
  }

  private constructor(
    readonly type: "failure-rate" | "fixed-delay" | "exponential-delay" | "none",
    private readonly parameters: readonly Parameter[],
  ) {}

  /** The `restart_strategy` object of the service's L1 config. @internal */
  _render(): Record<string, unknown> {
    const out: Record<string, unknown> = { type: this.type };
    for (const p of this.parameters) if (p.value !== undefined) out[p.attribute] = p.value;
    return out;
  }

  /** The prop a `restart_strategy` attribute came from, for error messages. @internal */
  _propFor(attribute: string): string | undefined {
    return this.parameters.find((p) => p.attribute === attribute)?.prop;
  }
}
