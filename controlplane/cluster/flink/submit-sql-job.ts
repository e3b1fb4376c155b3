import { alterTableSet, type ResolvedTable } from "./connection-options";
import { type SqlGatewayClient, StatementError } from "./sql-gateway-client";

export interface SqlJobRequest {
  /** The Flink job id to use, so the deployment's `job_id` is known before the job exists. */
  readonly jobId: string;
  /** Shown in Flink's web UI. */
  readonly name: string;
  readonly parallelism: number;
  readonly restartEnabled: boolean;
  /** Savepoint or retained checkpoint to restore from. */
  readonly restoreFrom?: string;
  /** Restore even if the savepoint holds state of operators the job no longer has. */
  readonly allowNonRestoredState?: boolean;
  readonly tables: readonly ResolvedTable[];
  readonly statement: string;
  /** Cluster settings the job must carry itself (an existing cluster). */
  readonly settings: Readonly<Record<string, string>>;
}

/**
 * Submits a version's pipeline through the SQL Gateway, in a session of its own: the tables, the
 * options their integrations supply, then the INSERT, which returns once the job was submitted.
 * Throws StatementError with Flink's message when the gateway refuses a statement.
 */
export async function submitSqlJob(gateway: SqlGatewayClient, job: SqlJobRequest): Promise<string> {
  const session = await gateway.openSession(
    {
      ...job.settings,
      "execution.runtime-mode": "streaming",
      "table.dml-sync": "false",
      "parallelism.default": String(job.parallelism),
      "pipeline.name": job.name,
      "$internal.pipeline.job-id": job.jobId,
      ...(job.restartEnabled ? {} : { "restart-strategy.type": "none" }),
      ...(job.restoreFrom ? { "execution.savepoint.path": job.restoreFrom } : {}),
      // Flink 1.20's name: the SQL Gateway ignores the deprecated `execution.savepoint.ignore-unclaimed-state`.
      ...(job.restoreFrom && job.allowNonRestoredState
        ? { "execution.state-recovery.ignore-unclaimed-state": "true" }
        : {}),
    },
    `flinkform-${job.jobId}`,
  );
  try {
    for (const table of job.tables) {
      await gateway.execute(session, table.createTable);
      const alter = alterTableSet(table);
      if (alter) await gateway.execute(session, alter);
    }
    const page = await gateway.execute(session, job.statement);
    const jobId = page.jobID ?? String(page.results?.data?.[0]?.fields?.[0] ?? "");
    if (!/^[0-9a-f]{32}$/.test(jobId))
      throw new StatementError("the statement did not start a job (is it an INSERT?)", "");
    return jobId;
  } finally {
    await gateway.closeSession(session);
  }
}
