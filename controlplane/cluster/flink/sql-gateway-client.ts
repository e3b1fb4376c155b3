import { setTimeout as sleep } from "node:timers/promises";
import { FlinkRestError, RestJson } from "./rest-json";

export interface ResultPage {
  resultType: "NOT_READY" | "PAYLOAD" | "EOS";
  jobID?: string;
  isQueryResult?: boolean;
  results?: {
    columns?: { name: string; logicalType?: { type?: string } }[];
    data?: { kind: string; fields: unknown[] }[];
  };
  nextResultUri?: string;
}

/** A statement the gateway refused or that failed; `detail` holds Flink's whole trace. */
export class StatementError extends Error {
  override readonly name = "StatementError";
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

/** The SQL Gateway REST API (`/v1`): sessions and statements. */
export class SqlGatewayClient {
  private readonly http: RestJson;

  constructor(readonly url: string) {
    this.http = new RestJson(url, 60_000);
  }

  async openSession(properties: Record<string, string>, name = "flinkform"): Promise<string> {
    const r = await this.http.call<{ sessionHandle: string }>("POST", "/v1/sessions", {
      sessionName: name,
      properties,
    });
    return r.sessionHandle;
  }

  async closeSession(session: string): Promise<void> {
    await this.http.call("DELETE", `/v1/sessions/${session}`).catch(() => {});
  }

  /**
   * Runs one statement and waits for its first result page. For an INSERT that is when the job was
   * submitted; the page then carries the job id. Throws StatementError with Flink's message.
   */
  async execute(session: string, statement: string, timeoutMs = 120_000): Promise<ResultPage> {
    let operation: string;
    try {
      operation = (
        await this.http.call<{ operationHandle: string }>("POST", `/v1/sessions/${session}/statements`, {
          statement,
        })
      ).operationHandle;
    } catch (err) {
      throw asStatementError(err);
    }
    const deadline = Date.now() + timeoutMs;
    for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
      let page: ResultPage;
      try {
        page = await this.http.call<ResultPage>(
          "GET",
          `/v1/sessions/${session}/operations/${operation}/result/0?rowFormat=JSON`,
        );
      } catch (err) {
        throw asStatementError(err);
      }
      if (page.resultType !== "NOT_READY") return page;
      if (Date.now() > deadline) {
        await this.http
          .call("DELETE", `/v1/sessions/${session}/operations/${operation}/cancel`)
          .catch(() => {});
        throw new StatementError(
          `the SQL Gateway did not finish the statement within ${timeoutMs / 1000} s`,
          "",
        );
      }
      await sleep(delay);
    }
  }

  /** Starts a statement and returns its operation handle, without waiting (for results read page by page). */
  async submit(session: string, statement: string): Promise<string> {
    try {
      return (
        await this.http.call<{ operationHandle: string }>("POST", `/v1/sessions/${session}/statements`, {
          statement,
        })
      ).operationHandle;
    } catch (err) {
      throw asStatementError(err);
    }
  }

  /** One page of an operation's results (`token` 0, 1, 2, ... as `nextResultUri` says). */
  async page(session: string, operation: string, token: number): Promise<ResultPage> {
    try {
      return await this.http.call<ResultPage>(
        "GET",
        `/v1/sessions/${session}/operations/${operation}/result/${token}?rowFormat=JSON`,
      );
    } catch (err) {
      throw asStatementError(err);
    }
  }

  /** Cancels a running operation (a streaming query's job with it). */
  async cancel(session: string, operation: string): Promise<void> {
    await this.http.call("DELETE", `/v1/sessions/${session}/operations/${operation}/cancel`).catch(() => {});
  }

  /** Flink's version, to check the gateway answers. */
  async info(): Promise<{ productName: string; version: string }> {
    return this.http.call("GET", "/v1/info");
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

function asStatementError(err: unknown): Error {
  if (err instanceof FlinkRestError) return new StatementError(err.message, err.detail);
  return err instanceof Error ? err : new Error(String(err));
}
