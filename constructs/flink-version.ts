/**
 * A Flink major version of the service. Use the constants; `FlinkVersion.of` is the escape hatch for a
 * version flinkform does not list yet (accepted with a warning).
 */
export class FlinkVersion {
  /** Deprecated by the service: accepted with a warning. */
  static readonly V1_16 = new FlinkVersion("1.16");
  static readonly V1_19 = new FlinkVersion("1.19");
  static readonly V1_20 = new FlinkVersion("1.20");

  static of(version: string): FlinkVersion {
    return new FlinkVersion(version);
  }

  private constructor(readonly version: string) {}

  toString(): string {
    return this.version;
  }
}
