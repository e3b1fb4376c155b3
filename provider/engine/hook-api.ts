/** The HookApi that spec hooks use, implemented over the provider's API client and poller. */
import { request } from "undici";
import type { ApiObject, HookApi, OperationSpec, WaitSpec } from "../../schemas/dsl/types";
import { isApiError } from "../client";
import { unwrap } from "./api-mapping";
import { pathParams } from "./path-params";
import type { EngineContext } from "./resource-engine";
import { defaultWaitTiming, waitFor } from "./waits";

/** Client retries of one read inside a wait: a blip costs one poll, an outage shows at once. */
export const WAIT_READ_RETRIES = 1;

export function createHookApi(ctx: EngineContext, what: string): HookApi {
  const call = async (
    op: OperationSpec,
    values: Readonly<Record<string, unknown>>,
    body?: unknown,
    signal = ctx.signal,
    maxRetries?: number,
  ) => {
    const response = await ctx.client.request<unknown>({
      method: op.method,
      path: op.path,
      params: pathParams(op.path, values as Record<string, unknown>),
      body,
      signal,
      idempotent: op.idempotent,
      maxRetries,
    });
    return unwrap(response.body, op.envelope);
  };
  return {
    signal: ctx.signal,
    call: (op, values, body) => call(op, values, body),
    waitFor: async (op: OperationSpec, values, wait: WaitSpec, timeoutMs: number): Promise<ApiObject> => {
      const result = await waitFor({
        wait,
        what,
        // The wait polls again anyway: a read that fails is retried by the wait, not the client.
        read: (signal) => call(op, values, undefined, signal, WAIT_READ_RETRIES),
        timeoutMs,
        timing: ctx.timing ?? defaultWaitTiming(),
        signal: ctx.signal,
        onProgress: ctx.progress,
      });
      return result ?? {};
    },
    upload: (url, body, headers) => uploadFile(url, body, headers, ctx.signal),
    isNotFound: (err) => isApiError(err, "FLINK_API_NOT_FOUND"),
    isRefused: (err) =>
      isApiError(err) &&
      (err.is("FLINK_API_CONFLICT") ||
        err.is("FLINK_API_EXPECTATION_FAILED") ||
        err.is("FLINK_API_BAD_REQUEST")),
    progress: (message) => ctx.progress?.(`${what}: ${message}`),
  };
}

/** One PUT of a file to a pre-signed URL; the API token is deliberately not sent there. */
async function uploadFile(
  url: string,
  body: Uint8Array,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal,
): Promise<void> {
  if (!/^https?:\/\//i.test(url)) throw new Error(`the API gave an upload URL that is not http(s): ${url}`);
  const res = await request(url, { method: "PUT", body, headers: { ...headers }, signal });
  const text = await res.body.text();
  if (res.statusCode >= 400) {
    let message = text.slice(0, 500);
    try {
      message = String((JSON.parse(text) as { message?: unknown }).message ?? message);
    } catch {}
    throw new Error(`uploading the file failed (HTTP ${res.statusCode}): ${message}`);
  }
}
