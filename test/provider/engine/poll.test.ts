import { ApiClient, ApiError } from "../../../provider/client";
import {
  PollAbortedError,
  PollFailedError,
  PollTimeoutError,
  pollUntil,
} from "../../../provider/engine/poll";
import { sendApiError, sendJson, startServer } from "../client/http-test-server";

/** A fetch that returns the given values in order, then repeats the last one. */
function sequence<T>(values: T[]) {
  let calls = 0;
  const fetch = async () => values[Math.min(calls++, values.length - 1)];
  return { fetch, calls: () => calls };
}

const fast = { minIntervalMs: 1, maxIntervalMs: 5 };

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected the poll to fail");
}

test("returns only after the condition held the given number of times in a row", async () => {
  const states = [
    "REBUILDING",
    "RUNNING",
    "RUNNING",
    "REBALANCING",
    "RUNNING",
    "RUNNING",
    "RUNNING",
    "POWEROFF",
  ];
  const src = sequence(states);
  const seen: string[] = [];
  const result = await pollUntil({
    ...fast,
    fetch: src.fetch,
    done: (s) => s === "RUNNING",
    consecutive: 3,
    timeoutMs: 10_000,
    onProgress: (s) => seen.push(s),
  });
  expect(result).toBe("RUNNING");
  expect(src.calls()).toBe(7);
  expect(seen).toEqual(states.slice(0, 7));
});

test("by default one success is enough", async () => {
  const src = sequence([false, false, true]);
  await expect(pollUntil({ ...fast, fetch: src.fetch, done: (v) => v, timeoutMs: 10_000 })).resolves.toBe(
    true,
  );
  expect(src.calls()).toBe(3);
});

test("a failed state stops the wait at once with its message", async () => {
  const src = sequence([
    { status: "INITIALIZING" },
    { status: "FAILED", error_msg: "Table 'clicks' not found" },
    { status: "RUNNING" },
  ]);
  const err = await rejection(
    pollUntil({
      ...fast,
      fetch: src.fetch,
      done: (d) => d.status === "RUNNING",
      failed: (d) => (d.status === "FAILED" ? `deployment failed: ${d.error_msg}` : undefined),
      timeoutMs: 10_000,
    }),
  );
  expect(err).toBeInstanceOf(PollFailedError);
  const failed = err as PollFailedError;
  expect(failed.code).toBe("POLL_FAILED");
  expect(failed.message).toBe("deployment failed: Table 'clicks' not found");
  expect(failed.reason).toBe("deployment failed: Table 'clicks' not found");
  expect(failed.lastValue).toEqual({ status: "FAILED", error_msg: "Table 'clicks' not found" });
  expect(src.calls()).toBe(2);
});

test("times out with what it waited for and the last state it saw", async () => {
  const src = sequence([{ state: "REBUILDING", service_uri: "postgres://admin:s3cret@host" }]);
  const err = await rejection(
    pollUntil({
      ...fast,
      fetch: src.fetch,
      done: (s) => s.state === "RUNNING",
      timeoutMs: 100,
      what: 'service "flink1" to be RUNNING',
      describe: (s) => `state ${s.state}`,
    }),
  );
  expect(err).toBeInstanceOf(PollTimeoutError);
  const timeout = err as PollTimeoutError;
  expect(timeout.code).toBe("POLL_TIMEOUT");
  expect(timeout.message).toBe(
    'timed out after 100 ms waiting for service "flink1" to be RUNNING; last seen: state REBUILDING',
  );
  expect(timeout.polls).toBeGreaterThanOrEqual(1);
  expect(timeout.lastValue).toEqual({ state: "REBUILDING", service_uri: "postgres://admin:s3cret@host" });
});

test("the timeout message says how far a consecutive count got, and shows no raw value", async () => {
  const src = sequence([{ state: "RUNNING", service_uri: "postgres://admin:s3cret@host" }]);
  const err = (await rejection(
    pollUntil({
      fetch: src.fetch,
      done: (s) => s.state === "RUNNING",
      consecutive: 5,
      timeoutMs: 150,
      minIntervalMs: 60_000,
    }),
  )) as PollTimeoutError;
  expect(err).toBeInstanceOf(PollTimeoutError);
  expect(err.message).toBe("timed out after 150 ms waiting for the condition (done 1 of 5 times in a row)");
  expect(err.message).not.toContain("s3cret");
});

test("a fetch that never answers still times out, and its signal is fired", async () => {
  let fetchSignal: AbortSignal | undefined;
  const err = await rejection(
    pollUntil({
      fetch: (signal) => {
        fetchSignal = signal;
        return new Promise<never>(() => {});
      },
      done: () => true,
      timeoutMs: 100,
    }),
  );
  expect(err).toBeInstanceOf(PollTimeoutError);
  expect((err as PollTimeoutError).message).toMatch(/nothing was read yet/);
  expect(fetchSignal?.aborted).toBe(true);
});

test("an abort during the wait between polls stops at once", async () => {
  const controller = new AbortController();
  const src = sequence(["PENDING"]);
  const err = await rejection(
    pollUntil({
      fetch: src.fetch,
      done: () => false,
      timeoutMs: 600_000,
      minIntervalMs: 600_000,
      signal: controller.signal,
      onProgress: () => controller.abort(),
      what: "integration to be active",
    }),
  );
  expect(err).toBeInstanceOf(PollAbortedError);
  expect((err as PollAbortedError).code).toBe("POLL_ABORTED");
  expect((err as PollAbortedError).message).toBe("stopped waiting for integration to be active: aborted");
  expect(src.calls()).toBe(1);
});

test("an abort during a fetch stops at once and reaches the fetch", async () => {
  const controller = new AbortController();
  let fetchSignal: AbortSignal | undefined;
  const pending = pollUntil({
    fetch: (signal) => {
      fetchSignal = signal;
      return new Promise<never>(() => {});
    },
    done: () => true,
    timeoutMs: 600_000,
    signal: controller.signal,
  });
  setTimeout(() => controller.abort(), 10);
  expect(await rejection(pending)).toBeInstanceOf(PollAbortedError);
  expect(fetchSignal?.aborted).toBe(true);
});

test("a fetch error other than ours is passed through unchanged", async () => {
  const boom = new ApiError({
    code: "FLINK_API_NOT_FOUND",
    status: 404,
    message: "gone",
    method: "GET",
    pathTemplate: "/x",
  });
  const err = await rejection(
    pollUntil({ fetch: () => Promise.reject(boom), done: () => true, timeoutMs: 10_000 }),
  );
  expect(err).toBe(boom);
});

test("bad options are refused", async () => {
  await expect(pollUntil({ fetch: async () => 1, done: () => true, timeoutMs: 0 })).rejects.toThrow(
    /timeoutMs/,
  );
  await expect(
    pollUntil({ fetch: async () => 1, done: () => true, timeoutMs: 10, consecutive: 0 }),
  ).rejects.toThrow(/consecutive/);
});

test("waits for a real service to be RUNNING 5 times in a row through the API client", async () => {
  // The service reports REBUILDING, then RUNNING; one 503 in the middle is absorbed by the client's retry.
  const server = await startServer((_req, res, i) => {
    if (i === 4) sendApiError(res, 503, "busy");
    else sendJson(res, 200, { service: { service_name: "flink1", state: i < 3 ? "REBUILDING" : "RUNNING" } });
  });
  const client = new ApiClient({
    baseUrl: server.baseUrl,
    token: "t",
    minRetryDelayMs: 1,
    maxRetryDelayMs: 5,
  });
  try {
    const service = await pollUntil({
      ...fast,
      fetch: async (signal) =>
        (
          await client.request<{ service: { state: string } }>({
            method: "GET",
            path: "/project/{project}/service/{service_name}",
            params: { project: "p", service_name: "flink1" },
            signal,
          })
        ).body.service,
      done: (s) => s.state === "RUNNING",
      consecutive: 5,
      timeoutMs: 10_000,
    });
    expect(service.state).toBe("RUNNING");
    // 3 REBUILDING + 5 RUNNING reads, plus the one 503 that was retried.
    expect(server.requests).toHaveLength(9);
  } finally {
    await client.destroy();
    await server.close();
  }
});
