import { backoffDelay, parseRetryAfter } from "../../../provider/client";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  test.each([
    ["0", 0],
    ["7", 7000],
    [" 2 ", 2000],
    ["Thu, 01 Jan 2026 00:00:30 GMT", 30_000],
    ["Wed, 31 Dec 2025 23:59:00 GMT", 0], // a date in the past means "now"
  ])("%j → %i ms", (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  test.each([undefined, "", "soon", "-5", "1.5"])("%j is not a usable Retry-After", (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  const opts = { minDelayMs: 100, maxDelayMs: 1000 };
  test("stays between the minimum and the doubling ceiling, which the maximum caps", () => {
    expect(backoffDelay(0, opts, () => 0)).toBe(100);
    expect(backoffDelay(0, opts, () => 1)).toBe(100);
    expect(backoffDelay(2, opts, () => 1)).toBe(400);
    expect(backoffDelay(2, opts, () => 0)).toBe(100);
    expect(backoffDelay(10, opts, () => 1)).toBe(1000);
    expect(backoffDelay(500, opts, () => 0.5)).toBe(550);
  });
});
