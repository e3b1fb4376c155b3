import {
  createLogger,
  hclogTimestamp,
  type LogLevel,
  levelFromEnv,
  redact,
  registerSecret,
} from "../../../provider/protocol/logger";

function capture(level: LogLevel | "off" = "trace") {
  const lines: string[] = [];
  const log = createLogger({ level, write: (l) => lines.push(l) });
  return { log, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("logger", () => {
  it("writes one hclog JSON line per message with level, message, module and timestamp", () => {
    const { log, lines, parsed } = capture();
    log.with({ rpc: "ReadResource" }).info("read done", { type_name: "flink_service" });
    expect(lines[0]!.endsWith("\n")).toBe(true);
    expect(parsed()[0]).toMatchObject({
      "@level": "info",
      "@message": "read done",
      "@module": "provider.flinkform",
      rpc: "ReadResource",
      type_name: "flink_service",
    });
  });

  it("uses the timestamp layout go-plugin parses (microseconds)", () => {
    expect(hclogTimestamp(new Date("2025-03-04T05:06:07.089Z"))).toBe("2025-03-04T05:06:07.089000Z");
  });

  it("drops lines below the configured level", () => {
    const { log, parsed } = capture("warn");
    log.info("quiet");
    log.error("loud");
    expect(parsed().map((l) => l["@message"])).toEqual(["loud"]);
  });

  it.each([
    [{}, "off"],
    [{ TF_LOG: "DEBUG" }, "debug"],
    [{ TF_LOG: "debug", TF_LOG_PROVIDER: "ERROR" }, "error"],
    [{ TF_LOG: "json" }, "trace"],
    [{ TF_LOG_PROVIDER: "off" }, "off"],
  ])("reads the level from %j as %s", (env, level) => {
    expect(levelFromEnv(env as NodeJS.ProcessEnv)).toBe(level);
  });

  it("masks registered secrets in messages and fields, however deep", () => {
    registerSecret("tok-0123456789");
    const { log, lines } = capture();
    log.info("auth with tok-0123456789", {
      headers: { authorization: "aivenv1 tok-0123456789" },
      list: ["tok-0123456789"],
    });
    expect(lines.join("")).not.toContain("tok-0123456789");
    expect(lines.join("")).toContain("aivenv1 ***");
    expect(redact({ a: ["x tok-0123456789 y"] })).toEqual({ a: ["x *** y"] });
  });

  it("ignores empty or tiny secrets instead of masking ordinary text", () => {
    registerSecret("");
    registerSecret(undefined);
    registerSecret("ab");
    expect(redact("ab cd")).toBe("ab cd");
  });
});
