import { setTimeout as sleep } from "node:timers/promises";
import { badRequest } from "../../api-error";
import type { QueryResult } from "../cluster-driver";
import { alterTableSet, type ResolvedTable } from "./connection-options";
import { flinkProblem } from "./flink-error";
import { type SqlGatewayClient, StatementError } from "./sql-gateway-client";

/**
 * Runs a query in a gateway session of its own with the given tables and reads its result pages
 * until `limit` rows, the end of the result, or the time limit; then cancels the query (its job
 * with it) and closes the session. Flink's error, when the query fails, is a 400 with its message.
 */
export async function runInteractiveQuery(
  gateway: SqlGatewayClient,
  tables: readonly ResolvedTable[],
  statement: string,
  limit: number,
  timeoutMs: number,
  redact: (text: string) => string,
): Promise<QueryResult> {
  const started = Date.now();
  const session = await gateway.openSession(
    {
      "execution.runtime-mode": "streaming",
      "parallelism.default": "1",
      // A streaming query's rows reach the gateway when a checkpoint completes: often, so they arrive
      // within a second instead of the cluster's checkpoint interval.
      "execution.checkpointing.interval": "500 ms",
    },
    "flinkform-query",
  );
  try {
    try {
      for (const t of tables) {
        await gateway.execute(session, t.createTable);
        const alter = alterTableSet(t);
        if (alter) await gateway.execute(session, alter);
      }
    } catch (err) {
      throw asBadRequest(err, "a table of the version", redact);
    }
    let operation: string;
    try {
      operation = await gateway.submit(session, statement);
    } catch (err) {
      throw asBadRequest(err, "the query", redact);
    }
    const columns: { name: string; type: string }[] = [];
    const rows: { kind: string; fields: unknown[] }[] = [];
    let token = 0;
    let ended = false;
    try {
      while (rows.length < limit && Date.now() - started < timeoutMs) {
        const page = await gateway.page(session, operation, token);
        if (page.results?.columns && columns.length === 0) {
          for (const c of page.results.columns)
            columns.push({ name: c.name, type: c.logicalType?.type ?? "" });
        }
        for (const row of page.results?.data ?? []) if (rows.length < limit) rows.push(row);
        // EOS, or a last page that points nowhere further: the result is complete.
        if (page.resultType === "EOS" || (page.resultType === "PAYLOAD" && !page.nextResultUri)) {
          ended = true;
          break;
        }
        if (page.resultType === "PAYLOAD") token += 1;
        if ((page.results?.data ?? []).length === 0) await sleep(100);
      }
    } catch (err) {
      throw asBadRequest(err, "the query", redact);
    } finally {
      if (!ended) await gateway.cancel(session, operation);
    }
    return { columns, rows, complete: ended, elapsedMs: Date.now() - started };
  } finally {
    await gateway.closeSession(session);
  }
}

function asBadRequest(err: unknown, what: string, redact: (text: string) => string): Error {
  if (!(err instanceof StatementError)) return err instanceof Error ? err : new Error(String(err));
  const problem = err.detail ? flinkProblem(err.detail) : { message: err.message };
  const at =
    "position" in problem && problem.position
      ? ` (line ${problem.position.line}, column ${problem.position.column})`
      : "";
  return badRequest(redact(`Flink refused ${what}${at}: ${problem.message}`));
}
