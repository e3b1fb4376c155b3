import { type FormData, Pool } from "undici";
import { flinkProblem } from "./flink-error";

/** A failed call to Flink's REST API or SQL Gateway; `message` is what Flink said, without its stack. */
export class FlinkRestError extends Error {
  override readonly name = "FlinkRestError";
  constructor(
    readonly status: number,
    message: string,
    /** Flink's whole error text (stack traces included), for finding the root cause. */
    readonly detail: string,
  ) {
    super(message);
  }
}

/** JSON over HTTP to one Flink endpoint (a JobManager's REST API or a SQL Gateway). */
export class RestJson {
  private readonly pool: Pool;

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {
    this.pool = new Pool(baseUrl, { connections: 4, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  async call<T>(
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    body?: unknown,
    form?: FormData,
  ): Promise<T> {
    const res = await this.pool.request({
      method,
      path,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      // A multipart body (a jar upload) sets its own content type, with the boundary.
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.body.text();
    if (res.statusCode >= 400) {
      const errors = parseErrors(text);
      const detail = errors.join("\n");
      throw new FlinkRestError(res.statusCode, flinkProblem(detail || text).message, detail || text);
    }
    return (text ? JSON.parse(text) : {}) as T;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function parseErrors(text: string): string[] {
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    if (Array.isArray(body.errors)) {
      // Flink's first entry is often just "Internal server error."; the trace comes after it.
      const all = body.errors.map(String);
      return all.length > 1 && /^Internal server error\.?$/.test(all[0]!) ? all.slice(1) : all;
    }
  } catch {}
  return [];
}
