import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ApplicationVersionInput, SqlDiagnostic } from "../schemas/sql";
import { ApiError } from "./api-error";

export interface SqlValidationPoolOptions {
  /** Longest one validation may run before its worker is terminated (default 20 s). */
  readonly timeoutMs?: number;
  /** Validations waiting beyond this many answer 503 (default 32). */
  readonly maxQueued?: number;
  /** The worker script (default: sql-worker beside this file, built or TypeScript). */
  readonly workerScript?: string;
}

interface Job {
  readonly input: ApplicationVersionInput;
  readonly resolve: (diagnostics: SqlDiagnostic[]) => void;
  readonly reject: (err: Error) => void;
}

type WorkerMessage =
  | { ready: true }
  | { id: number; diagnostics: SqlDiagnostic[] }
  | { id: number; error: string };

const STARTUP_LIMIT_MS = 60_000;
/** tsx's require hook, for the TypeScript worker (a dev dependency; not referenced by the build). */
const TSX_REQUIRE_HOOK = "tsx/cjs";
/** A thread that thinks for ever is terminated; one that allocates for ever stops here. */
const WORKER_MEMORY_MB = 512;

/**
 * Runs the SQL validator (schemas/sql) on a worker thread, one validation at a time, so a hostile or
 * just very large statement never holds up the event loop: health, reads and other writes keep being
 * answered. A validation over the time limit terminates the worker (the next one starts a fresh one)
 * and answers 422; a full queue answers 503 with Retry-After.
 */
export class SqlValidationPool {
  private readonly timeoutMs: number;
  private readonly maxQueued: number;
  private readonly script: string;
  private readonly queue: Job[] = [];
  private worker: Worker | undefined;
  private ready: Promise<Worker> | undefined;
  private running = false;
  private nextId = 1;
  private closed = false;

  constructor(options: SqlValidationPoolOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxQueued = options.maxQueued ?? 32;
    this.script = options.workerScript ?? defaultWorkerScript();
  }

  validate(input: ApplicationVersionInput): Promise<SqlDiagnostic[]> {
    if (this.closed) return Promise.reject(unavailable("the control plane is shutting down"));
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(
        new ApiError(503, "service_unavailable", "Too many SQL validations waiting; retry shortly", {
          "retry-after": "1",
        }),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      void this.drain();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(unavailable("the control plane is shutting down"));
    await this.discard();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        try {
          job.resolve(await this.run(job.input));
        } catch (err) {
          job.reject(err as Error);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** One validation on the worker, within the time limit (which starts once the worker is ready). */
  private async run(input: ApplicationVersionInput): Promise<SqlDiagnostic[]> {
    const worker = await this.start();
    const id = this.nextId++;
    return new Promise<SqlDiagnostic[]>((resolve, reject) => {
      const done = (settle: () => void) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        settle();
      };
      const fail = (err: ApiError) => {
        done(() => reject(err));
        void this.discard();
      };
      const onMessage = (m: WorkerMessage) => {
        if ("ready" in m || m.id !== id) return;
        if ("error" in m) done(() => reject(new Error(`SQL validator failed: ${m.error}`)));
        else done(() => resolve(m.diagnostics));
      };
      const onError = (err: Error & { code?: string }) =>
        fail(
          err.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? tooComplex(`SQL validation ran out of memory (${WORKER_MEMORY_MB} MB)`)
            : unavailable(`the SQL validator stopped: ${err.message}`),
        );
      const onExit = () => fail(unavailable("the SQL validator stopped"));
      const timer = setTimeout(
        () => fail(tooComplex(`SQL validation took longer than ${this.timeoutMs / 1000} s and was stopped`)),
        this.timeoutMs,
      );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ id, input });
    });
  }

  private start(): Promise<Worker> {
    this.ready ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(this.script, {
        // The TypeScript sources (tests, tsx) load through tsx's require hook; the build needs none.
        execArgv: this.script.endsWith(".ts") ? ["--require", require.resolve(TSX_REQUIRE_HOOK)] : [],
        resourceLimits: { maxOldGenerationSizeMb: WORKER_MEMORY_MB },
      });
      // An idle validator never keeps the process alive.
      worker.unref();
      this.worker = worker;
      // Errors during a validation are answered by run(); one between validations must not go
      // unhandled (that would end the process): the exit that follows it replaces the worker.
      worker.on("error", () => {});
      // A worker that ended between validations is replaced on the next one.
      worker.once("exit", () => {
        if (this.worker === worker) {
          this.worker = undefined;
          this.ready = undefined;
        }
      });
      const failed = (why: string) => {
        clearTimeout(timer);
        void this.discard();
        reject(unavailable(why));
      };
      const timer = setTimeout(() => failed("the SQL validator did not start"), STARTUP_LIMIT_MS);
      worker.once("message", () => {
        clearTimeout(timer);
        worker.off("error", onError);
        resolve(worker);
      });
      const onError = (err: Error) => failed(`the SQL validator did not start: ${err.message}`);
      worker.once("error", onError);
    });
    return this.ready;
  }

  private async discard(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    if (worker) await worker.terminate();
  }
}

function tooComplex(what: string): ApiError {
  return new ApiError(
    422,
    "query_validation_failed",
    `${what}: the SQL is too complex to check. Simplify it (deeply nested expressions and calls are the usual cause) or split it into several statements`,
  );
}

function unavailable(why: string): ApiError {
  return new ApiError(503, "service_unavailable", `SQL validation is unavailable: ${why}`, {
    "retry-after": "1",
  });
}

/** The built worker beside a bundle (dist/), else the TypeScript source beside this file. */
function defaultWorkerScript(): string {
  const built = path.join(__dirname, "sql-worker.cjs");
  return existsSync(built) ? built : path.join(__dirname, "sql-worker.ts");
}
