import type { LocalDataAddresses } from "../../data-services/local-data-addresses";
import type { ApplicationRecord, DeploymentRecord, JarVersionRecord, VersionRecord } from "../../model";
import type { Store } from "../../store";
import { redact, resolveTables } from "./connection-options";
import { finish, updateDeployment } from "./deployment-records";
import type { FlinkCluster } from "./flink-cluster";
import { FlinkRestError } from "./rest-json";
import { latestRetainedCheckpoint } from "./retained-checkpoints";
import { StatementError } from "./sql-gateway-client";
import { submitJarJob, versionJarName } from "./submit-jar-job";
import { submitSqlJob } from "./submit-sql-job";

/**
 * Runs a deployment's version as a Flink job on `cluster` (a SQL version's tables and statement, or
 * a JAR version's file), with its parallelism and restart setting, restored from where it should
 * resume. A job the cluster cannot take (too few free slots, SQL Flink refuses) fails the
 * deployment with Flink's message, secrets removed.
 */
export async function startDeploymentJob(
  store: Store,
  project: string,
  d: DeploymentRecord,
  cluster: FlinkCluster,
  local: LocalDataAddresses,
): Promise<void> {
  const job = d.jar ? jarJob(store, project, d) : sqlJob(store, project, d, local);
  if (!job) return;
  const fail = (message: string) =>
    store.tx(() =>
      updateDeployment(store, project, d.id, (y) => {
        y.error_msg = redact(message, job.secrets);
        finish(y, "FAILED");
      }),
    );
  const slots = await cluster.jobManager.overview().catch(() => undefined);
  if (slots && d.parallelism > slots["slots-available"]) {
    return fail(
      `Not enough task slots: the job needs ${d.parallelism} (parallelism), ${slots["slots-available"]} of ${slots["slots-total"]} are free in the service's Flink cluster`,
    );
  }
  // A job that ran before (on a cluster since restarted) resumes where it was: from the savepoint
  // taken for the restart, else from its latest retained checkpoint.
  const ranBefore = d.submitted_ms !== undefined;
  const restoreFrom =
    d.restore_from ??
    (ranBefore ? latestRetainedCheckpoint(cluster.checkpointDir, d.job_id) : undefined) ??
    d.starting_savepoint;
  try {
    await job.submit(cluster, restoreFrom);
  } catch (err) {
    if (err instanceof StatementError || err instanceof FlinkRestError)
      return fail(`Job submission failed: ${err.message}`);
    throw err;
  }
  store.tx(() =>
    updateDeployment(store, project, d.id, (y) => {
      y.submitted_ms = Date.now();
      y.restore_from = undefined;
      y.started_ms = y.started_ms ?? Date.now();
    }),
  );
}

/** How one deployment's job gets to the cluster, and the secrets its errors must not show. */
interface JobSubmission {
  readonly secrets: readonly string[];
  submit(cluster: FlinkCluster, restoreFrom: string | undefined): Promise<unknown>;
}

/** A SQL version: its tables with their integrations' options, then its statement, via the SQL Gateway. */
function sqlJob(
  store: Store,
  project: string,
  d: DeploymentRecord,
  local: LocalDataAddresses,
): JobSubmission | undefined {
  const version = store.get<VersionRecord>("version", project, d.version_id);
  const app = store.get<ApplicationRecord>("application", project, d.application_id);
  if (!version || !app) return undefined;
  const resolved = resolveTables(store, project, [...version.sources, ...version.sinks], local);
  return {
    secrets: resolved.secrets,
    submit: (cluster, restoreFrom) =>
      submitSqlJob(cluster.gateway, {
        jobId: d.job_id,
        name: `${app.name} (version ${version.version})`,
        parallelism: d.parallelism,
        restartEnabled: d.restart_enabled,
        ...(restoreFrom ? { restoreFrom } : {}),
        ...(d.allow_non_restored_state ? { allowNonRestoredState: true } : {}),
        tables: resolved.tables,
        statement: version.statement,
        settings: cluster.jobSettings,
      }),
  };
}

/** A JAR version: its uploaded file, through the JobManager's jar upload and run. */
function jarJob(store: Store, project: string, d: DeploymentRecord): JobSubmission | undefined {
  const version = store.get<JarVersionRecord>("jar_version", project, d.version_id);
  if (!version?.file_path || !d.jar) return undefined;
  const { file_path: file } = version;
  const { entry_class: entryClass, program_args: programArgs } = d.jar;
  return {
    secrets: [],
    submit: (cluster, restoreFrom) =>
      submitJarJob(cluster, {
        jobId: d.job_id,
        file,
        fileName: versionJarName(d.version_id),
        ...(entryClass ? { entryClass } : {}),
        programArgs,
        parallelism: d.parallelism,
        restartEnabled: d.restart_enabled,
        ...(restoreFrom ? { restoreFrom } : {}),
        ...(d.allow_non_restored_state ? { allowNonRestoredState: true } : {}),
      }),
  };
}
