import { Token } from "cdktn";

const MS_PER: Record<DurationUnit, number> = {
  milliseconds: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

export type DurationUnit = "milliseconds" | "seconds" | "minutes" | "hours" | "days";

/**
 * A length of time. cdktn has no Duration of its own; this one converts exactly and says so when a
 * conversion would lose precision, so `Duration.millis(1500).toSeconds()` is 1.5, which the
 * validators then reject where whole seconds are required.
 */
export class Duration {
  static millis(amount: number): Duration {
    return new Duration(amount, "milliseconds");
  }
  static seconds(amount: number): Duration {
    return new Duration(amount, "seconds");
  }
  static minutes(amount: number): Duration {
    return new Duration(amount, "minutes");
  }
  static hours(amount: number): Duration {
    return new Duration(amount, "hours");
  }
  static days(amount: number): Duration {
    return new Duration(amount, "days");
  }

  private constructor(
    readonly amount: number,
    readonly unit: DurationUnit,
  ) {
    if (!Token.isUnresolved(amount) && (!Number.isFinite(amount) || amount < 0)) {
      throw new Error(`Duration amount must be a finite number >= 0, got ${amount}`);
    }
  }

  toMilliseconds(): number {
    return this.to("milliseconds");
  }
  toSeconds(): number {
    return this.to("seconds");
  }
  toMinutes(): number {
    return this.to("minutes");
  }

  /** Flink's duration syntax, e.g. `30 s`, `5 min`, `500 ms`. */
  toFlinkString(): string {
    const short: Record<DurationUnit, string> = {
      milliseconds: "ms",
      seconds: "s",
      minutes: "min",
      hours: "h",
      days: "d",
    };
    return `${this.amount} ${short[this.unit]}`;
  }

  /** Terraform's (Go's) duration syntax, e.g. `90m`, `1h`, `500ms`; days are written in hours. */
  toGoString(): string {
    if (this.unit === "days") return `${this.to("hours")}h`;
    const short: Record<Exclude<DurationUnit, "days">, string> = {
      milliseconds: "ms",
      seconds: "s",
      minutes: "m",
      hours: "h",
    };
    return `${this.amount}${short[this.unit]}`;
  }

  toString(): string {
    return this.toFlinkString();
  }

  private to(unit: DurationUnit): number {
    if (unit === this.unit) return this.amount;
    if (Token.isUnresolved(this.amount)) {
      throw new Error(
        `A Duration holding a token can only be read in its own unit (${this.unit}), not ${unit}`,
      );
    }
    // Divide in integer milliseconds first so 90 s → 1.5 min without floating-point noise.
    return (this.amount * MS_PER[this.unit]) / MS_PER[unit];
  }
}
