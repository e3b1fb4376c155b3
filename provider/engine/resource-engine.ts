/**
 * Create, read, update, delete and import of one resource type, entirely from its spec: the
 * operations, envelopes, waits, retries and value mapping all come from `schemas/resources/*`.
 */
import {
  type ApiObject,
  HookRollbackError,
  type OperationSpec,
  type ResourceSpec,
} from "../../schemas/dsl/types";
import { type ApiClient, isApiError } from "../client";
import { isUnknown } from "../protocol";
import { fillUnknowns, fromApiKeepingAbsent, toApi, unwrap } from "./api-mapping";
import { untilAvailable } from "./api-unavailable";
import { findCreated } from "./find-created";
import { createHookApi, WAIT_READ_RETRIES } from "./hook-api";
import type { ListReads } from "./list-reads";
import { parseId, pathParams, renderId } from "./path-params";
import { operationTimeoutMs } from "./timeouts";
import { isNull, type Values } from "./values";
import { defaultWaitTiming, type WaitTiming, waitFor } from "./waits";

export interface EngineContext {
  readonly client: ApiClient;
  /** Refresh reads through one list call, for types whose spec names a `listRead`. */
  readonly listReads?: ListReads;
  readonly signal: AbortSignal;
  readonly timing?: WaitTiming;
  readonly progress?: (message: string) => void;
}

/** Raised when the object exists but did not reach the state asked for (a job that FAILED). */
export class ApplyIncompleteError extends Error {
  constructor(
    message: string,
    readonly state: Values,
    /** The wait was cut short by terraform stopping (Ctrl-C), not by the object failing. */
    readonly interrupted = false,
  ) {
    super(message);
    this.name = "ApplyIncompleteError";
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

export class ResourceEngine {
  constructor(readonly spec: ResourceSpec) {}

  private async call(
    ctx: EngineContext,
    op: OperationSpec,
    values: Values,
    body?: unknown,
    extra: { lookup?: (signal?: AbortSignal) => Promise<unknown>; maxRetries?: number } = {},
  ) {
    const response = await ctx.client.request<unknown>({
      method: op.method,
      path: op.path,
      params: pathParams(op.path, values),
      body,
      signal: ctx.signal,
      idempotent: op.idempotent,
      lookupAfterTimeout: extra.lookup,
      maxRetries: extra.maxRetries,
    });
    return unwrap(response.body, op.envelope);
  }

  /** The API object, or null when it no longer exists. */
  async fetch(
    ctx: EngineContext,
    values: Values,
    signal = ctx.signal,
    maxRetries?: number,
  ): Promise<ApiObject | null> {
    try {
      return await this.call({ ...ctx, signal }, this.spec.operations.read, values, undefined, {
        maxRetries,
      });
    } catch (err) {
      if (isApiError(err, "FLINK_API_NOT_FOUND")) return null;
      throw err;
    }
  }

  /** Terraform values from an API object; `base` provides what the API does not report. */
  private toState(api: ApiObject, base: Values): Values {
    const values = fromApiKeepingAbsent(this.spec.attributes, api, base);
    // Path parameters (project, service_name...) are often not echoed by the API: keep them.
    for (const [name, value] of Object.entries(values))
      if (value === undefined) values[name] = isUnknown(base[name]) ? null : (base[name] ?? null);
    values.id = renderId(this.spec.id, values);
    return values;
  }

  async read(ctx: EngineContext, state: Values): Promise<Values | null> {
    const standIn = this.spec.hooks?.standIn?.(state);
    if (standIn) return this.toState(standIn, state);
    const listed = await ctx.listReads?.find(this.spec, state, ctx.signal);
    const api = listed ?? (await this.fetch(ctx, state));
    if (api === null) {
      if (this.spec.onReadNotFound === "remove") return null;
      throw new Error(`${this.spec.typeName} ${String(state.id)} no longer exists`);
    }
    return this.toState(api, state);
  }

  importState(id: string): Values | undefined {
    const parsed = parseId(this.spec.id, id);
    if (!parsed) return undefined;
    const values: Values = Object.fromEntries(Object.keys(this.spec.attributes).map((name) => [name, null]));
    return { ...values, ...parsed, id };
  }

  private body(values: Values, op: OperationSpec): Values {
    const all = { ...toApi(this.spec.attributes, values), ...op.constants };
    if (!op.bodyFields) return all;
    return Object.fromEntries(Object.entries(all).filter(([key]) => op.bodyFields!.includes(key)));
  }

  /** Settles the new state after a write: planned values as they are, unknowns from a fresh read. */
  private async settle(
    ctx: EngineContext,
    planned: Values,
    known: Values,
    wait: ResourceSpec["wait"],
    which: "create" | "update",
    prior: Values | null = null,
  ): Promise<Values> {
    const waitSpec = wait?.[which];
    const timeoutMs = operationTimeoutMs(planned, this.spec.timeouts, which);
    const hook = this.spec.hooks?.settle;
    let api: ApiObject | null;
    if (waitSpec) {
      try {
        api = hook
          ? await hook(createHookApi(ctx, this.describe(known)), { which, prior, planned: known, timeoutMs })
          : await waitFor({
              wait: waitSpec,
              what: `${this.spec.typeName} ${String(known.id)}`,
              // The wait polls again anyway: a failed read is retried by the wait, not the client.
              read: (signal) =>
                this.call({ ...ctx, signal }, this.spec.operations.read, known, undefined, {
                  maxRetries: WAIT_READ_RETRIES,
                }),
              timeoutMs,
              timing: ctx.timing ?? defaultWaitTiming(),
              signal: ctx.signal,
              onProgress: ctx.progress,
            });
      } catch (err) {
        const latest = await this.fetch({ ...ctx, signal: new AbortController().signal }, known).catch(
          () => null,
        );
        const state = latest ? (fillUnknowns(planned, this.toState(latest, known)) as Values) : known;
        throw new ApplyIncompleteError(
          err instanceof Error ? err.message : String(err),
          state,
          ctx.signal.aborted,
        );
      }
    } else {
      api = await this.fetch(ctx, known);
    }
    if (!api)
      throw new ApplyIncompleteError(
        `${this.spec.typeName} ${String(known.id)} disappeared right after ${which}`,
        known,
      );
    return fillUnknowns(planned, this.toState(api, known)) as Values;
  }

  async create(ctx: EngineContext, planned: Values): Promise<Values> {
    const before = this.spec.hooks?.beforeCreate;
    if (before)
      await before(
        createHookApi(ctx, this.describe(planned)),
        planned,
        operationTimeoutMs(planned, this.spec.timeouts, "create"),
      );
    // Nothing to create in the API yet (a deployment created suspended): Terraform alone holds it.
    const standIn = this.spec.hooks?.standIn?.(planned);
    if (standIn) return fillUnknowns(planned, this.toState(standIn, planned)) as Values;
    const op = this.spec.operations.create;
    const body = this.body(planned, op);
    const find = findCreated(this.spec, planned, {
      read: (signal) => this.fetch(ctx, planned, signal, WAIT_READ_RETRIES),
      list: (listOp, signal) =>
        this.call({ ...ctx, signal }, listOp, planned, undefined, { maxRetries: WAIT_READ_RETRIES }),
    });
    // A create whose answer was lost (a 5xx, a reset, a timeout) may have taken effect: before it
    // is sent again or fails, the object is looked up, through an outage if need be, until the
    // create timeout; found, it is adopted instead of being made twice.
    const deadline = performance.now() + operationTimeoutMs(planned, this.spec.timeouts, "create");
    const lookup = find
      ? async (signal?: AbortSignal) => {
          const found = await untilAvailable(() => find(signal ?? ctx.signal), {
            deadline,
            signal: signal ?? ctx.signal,
            what: `${this.spec.typeName}: looking up the create whose answer was lost`,
            progress: ctx.progress,
            intervalMs: (ctx.timing ?? defaultWaitTiming()).maxIntervalMs,
          });
          if (found === undefined) return undefined;
          ctx.progress?.(
            `${this.spec.typeName}: the create took effect although its answer was lost; adopting it`,
          );
          return op.envelope ? { [op.envelope]: found } : found;
        }
      : undefined;
    let created: ApiObject;
    try {
      created = await this.withCreateRetry(ctx, () => this.call(ctx, op, planned, body, { lookup }));
    } catch (err) {
      // Sent again after a lost answer and refused as a duplicate: the first one landed after the look-up.
      const found =
        find && isApiError(err, "FLINK_API_CONFLICT") && err.attempts > 1
          ? await find(ctx.signal).catch(() => undefined)
          : undefined;
      if (!found) throw err;
      ctx.progress?.(
        `${this.spec.typeName}: the create took effect although its answer was lost; adopting it`,
      );
      created = found;
    }
    const known = fillUnknowns(planned, this.toState(created, planned)) as Values;
    return this.settle(ctx, planned, known, this.spec.wait, "create");
  }

  private async withCreateRetry<T>(ctx: EngineContext, attempt: () => Promise<T>): Promise<T> {
    const retry = this.spec.retryCreate;
    const started = Date.now();
    for (;;) {
      try {
        return await attempt();
      } catch (err) {
        const retriable =
          retry &&
          isApiError(err) &&
          err.status === retry.status &&
          err.apiMessage.includes(retry.messageIncludes);
        if (!retriable || Date.now() - started > retry.maxMs) throw err;
        ctx.progress?.(`${this.spec.typeName}: ${err.apiMessage}; retrying`);
        await sleep(1000, ctx.signal);
      }
    }
  }

  async update(
    ctx: EngineContext,
    prior: Values,
    planned: Values,
    changedTopLevel: readonly string[],
  ): Promise<Values> {
    const hook = this.spec.hooks?.update;
    if (hook) return this.updateThroughHook(ctx, hook, prior, planned);
    const apiChanges = changedTopLevel.filter((name) => this.spec.attributes[name]?.api !== false);
    if (apiChanges.length === 0) return fillUnknowns(planned, prior) as Values;
    const subresources = this.spec.subresources ?? [];
    const viaMain = apiChanges.filter((name) => !subresources.some((s) => s.attributes.includes(name)));
    const update = this.spec.operations.update;
    if (viaMain.length && update) await this.call(ctx, update, planned, this.body(planned, update));
    for (const sub of subresources) {
      if (!sub.attributes.some((name) => apiChanges.includes(name))) continue;
      const body = this.body(planned, sub.operation);
      // A cleared collection must be sent as empty, not left out.
      for (const name of sub.attributes)
        if (isNull(planned[name])) body[name] = this.spec.attributes[name].kind === "map" ? {} : [];
      await this.call(ctx, sub.operation, planned, body);
    }
    return this.settle(
      ctx,
      planned,
      { ...planned, id: prior.id },
      viaMain.length ? this.spec.wait : undefined,
      "update",
      prior,
    );
  }

  private async updateThroughHook(
    ctx: EngineContext,
    hook: NonNullable<NonNullable<ResourceSpec["hooks"]>["update"]>,
    prior: Values,
    planned: Values,
  ): Promise<Values> {
    const timeoutMs = operationTimeoutMs(planned, this.spec.timeouts, "update");
    try {
      const api = await hook(createHookApi(ctx, this.describe(prior)), prior, planned, timeoutMs);
      if (api === null) return fillUnknowns(planned, prior) as Values;
      return fillUnknowns(planned, this.toState(api, planned)) as Values;
    } catch (err) {
      if (err instanceof HookRollbackError) {
        // State records what runs now (the rolled-back deployment), so the next plan shows the change again.
        throw new ApplyIncompleteError(
          err.message,
          this.toState(err.current, { ...prior, ...err.currentValues }),
        );
      }
      throw err;
    }
  }

  async delete(ctx: EngineContext, prior: Values): Promise<void> {
    const timeoutMs = operationTimeoutMs(prior, this.spec.timeouts, "delete");
    if (this.spec.hooks?.standIn?.(prior)) return;
    if (this.spec.hooks?.beforeDelete) {
      const result = await this.spec.hooks.beforeDelete(
        createHookApi(ctx, this.describe(prior)),
        prior,
        timeoutMs,
      );
      if (result?.skipDelete) return;
    }
    try {
      await this.call(ctx, this.spec.operations.delete, prior);
    } catch (err) {
      if (!isApiError(err, "FLINK_API_NOT_FOUND")) throw err;
    }
  }

  private describe(values: Values): string {
    return `${this.spec.typeName} ${String(values.id)}`;
  }
}
