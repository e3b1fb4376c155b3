import type { PlannerFinding } from "../cluster-driver";
import { alterTableSet, type ResolvedTable } from "./connection-options";
import { type FlinkProblem, flinkProblem, shiftProblem } from "./flink-error";
import { type SqlGatewayClient, StatementError } from "./sql-gateway-client";

export interface PlannerInput {
  readonly statement?: string;
  readonly sources: readonly ResolvedTable[];
  readonly sinks: readonly ResolvedTable[];
}

/**
 * Checks a version with Flink's own planner: the tables are created in a throwaway gateway session
 * and the statement is explained (planned, never run). Each error is placed on the table or the
 * statement it belongs to, with Flink's message and position.
 */
export async function validateWithPlanner(
  gateway: SqlGatewayClient,
  input: PlannerInput,
): Promise<PlannerFinding[]> {
  const session = await gateway.openSession({ "execution.runtime-mode": "streaming" }, "flinkform-validate");
  const findings: PlannerFinding[] = [];
  try {
    const parts = [
      ...input.sources.map((t, index) => ({ part: "source" as const, index, table: t })),
      ...input.sinks.map((t, index) => ({ part: "sink" as const, index, table: t })),
    ];
    for (const { part, index, table } of parts) {
      const problem = await attempt(gateway, session, table.createTable);
      if (problem) {
        findings.push({ part, index, ...problem });
        continue;
      }
      const alter = alterTableSet(table);
      if (alter) await attempt(gateway, session, alter);
    }
    if (findings.length > 0 || input.statement === undefined) return findings;
    const explain = explainStatement(input.statement);
    if ("problem" in explain) return [{ part: "statement", index: 0, ...explain.problem }];
    const problem = await attempt(gateway, session, explain.sql);
    if (problem) findings.push(placeStatementProblem(shiftProblem(problem, -1), parts));
    return findings;
  } finally {
    await gateway.closeSession(session);
  }
}

/**
 * The EXPLAIN that plans what a deployment will run, with the statement on lines of its own so
 * Flink's positions are the statement's own, one line down. `EXECUTE INSERT ...` and `EXECUTE
 * STATEMENT SET ...` run as the INSERT or statement set they name, which is what EXPLAIN takes;
 * EXECUTE becomes blanks so columns stay put. A bare `STATEMENT SET` is explainable but the SQL
 * Gateway does not run it, so it is refused here as a deployment would fail.
 */
export function explainStatement(statement: string): { sql: string } | { problem: FlinkProblem } {
  if (statement.trim() === "")
    return { problem: { message: "The statement is empty: write one INSERT INTO ... SELECT ..." } };
  const bare = /^(\s*)STATEMENT(\s+)SET\b/i.exec(statement);
  if (bare) {
    const before = statement.slice(0, bare[1]!.length);
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return {
      problem: {
        message:
          "A statement set runs as EXECUTE STATEMENT SET BEGIN ... END; Flink's SQL Gateway does not run a bare STATEMENT SET",
        position: { line, column, endLine: line, endColumn: column + "STATEMENT SET".length - 1 },
      },
    };
  }
  const runnable = statement.replace(/^(\s*)EXECUTE(?=\s)/i, (_m, ws: string) => `${ws}       `);
  return { sql: `EXPLAIN PLAN FOR\n${runnable}` };
}

async function attempt(
  gateway: SqlGatewayClient,
  session: string,
  sql: string,
): Promise<FlinkProblem | undefined> {
  try {
    await gateway.execute(session, sql);
    return undefined;
  } catch (err) {
    if (err instanceof StatementError)
      return err.detail ? flinkProblem(err.detail) : { message: err.message };
    throw err;
  }
}

/** A connector's complaint about one table ("...table 'default_catalog.default_database.x'...") belongs to that table. */
function placeStatementProblem(
  problem: FlinkProblem,
  parts: readonly { part: "source" | "sink"; index: number; table: ResolvedTable }[],
): PlannerFinding {
  const named = /table '(?:[^'.]+\.)*([^'.]+)'/.exec(problem.message)?.[1];
  const owner = named && !problem.position ? parts.find((p) => p.table.tableName === named) : undefined;
  if (owner) return { part: owner.part, index: owner.index, message: problem.message };
  return { part: "statement", index: 0, ...problem };
}
