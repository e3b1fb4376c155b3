import { pollUntil } from "../../../provider/engine/poll";
import { operationTimeoutMs } from "../../../provider/engine/timeouts";
import {
  isDurationWithin,
  parseDuration,
  REQUEST_TIMEOUT_RANGE,
  TIMEOUT_RANGE,
} from "../../../schemas/dsl/duration";

const DEFAULTS = { create: "20m", read: "5m", update: "20m", delete: "10m" };

test.each([
  ["500ms", 500],
  ["1s", 1_000],
  ["1.5s", 1_500],
  ["20m", 1_200_000],
  ["1h30m", 5_400_000],
  ["24h", 86_400_000],
  ["597h", 2_149_200_000],
])("parses %s as %d ms", (text, ms) => {
  expect(parseDuration(text)).toBe(ms);
});

test.each([
  ["", ""],
  ["20", "20"],
  ["20 minutes", "20 minutes"],
  ["1h 30m", "1h 30m"],
  ["-5s", "-5s"],
  ["1d", "1d"],
  ["s", "s"],
  ["400 nines then h", `${"9".repeat(400)}h`],
  ["1h written 40 times", "1h".repeat(40)],
])("refuses %p", (_, text) => {
  expect(parseDuration(text)).toBeUndefined();
});

test.each([
  ["1s", true],
  ["24h", true],
  ["23h59m59s", true],
  ["999ms", false],
  ["0s", false],
  ["24h1s", false],
  ["597h", false],
])("a resource timeout of %s is within 1s … 24h: %p", (text, ok) => {
  expect(isDurationWithin(text, TIMEOUT_RANGE)).toBe(ok);
});

test.each([
  ["1s", true],
  ["1h", true],
  ["0s", false],
  ["61m", false],
])("a request_timeout of %s is within 1s … 1h: %p", (text, ok) => {
  expect(isDurationWithin(text, REQUEST_TIMEOUT_RANGE)).toBe(ok);
});

test("an operation uses its configured timeout, else the spec's default", () => {
  expect(operationTimeoutMs({ timeouts: { create: "90s" } }, DEFAULTS, "create")).toBe(90_000);
  expect(operationTimeoutMs({ timeouts: { create: "90s" } }, DEFAULTS, "delete")).toBe(600_000);
  expect(operationTimeoutMs({ timeouts: null }, DEFAULTS, "update")).toBe(1_200_000);
  expect(operationTimeoutMs(null, DEFAULTS, "read")).toBe(300_000);
});

test("a timeout from old state outside 1s … 24h is clamped, so no timer overflows and fires at once", () => {
  // "597h" is 2,149,200,000 ms, past 2^31-1: a Node timer that long fires immediately.
  expect(operationTimeoutMs({ timeouts: { create: "597h" } }, DEFAULTS, "create")).toBe(86_400_000);
  expect(operationTimeoutMs({ timeouts: { create: "0s" } }, DEFAULTS, "create")).toBe(1_000);
});

test("a poll with a 597h timeout is refused as a programming error instead of timing out at once", async () => {
  await expect(
    pollUntil({ fetch: async () => 1, done: () => true, timeoutMs: parseDuration("597h")! }),
  ).rejects.toThrow(/timeoutMs must be between 1 and 2147483647/);
});

test("a poll with the longest allowed timeout waits instead of timing out at once", async () => {
  let calls = 0;
  const result = await pollUntil({
    fetch: async () => ++calls,
    done: (n) => n >= 3,
    timeoutMs: parseDuration(TIMEOUT_RANGE.max)!,
    minIntervalMs: 1,
    maxIntervalMs: 1,
  });
  expect(result).toBe(3);
});
