import fs from "node:fs/promises";
import type { FlinkCluster } from "./flink-cluster";

export interface JarJobRequest {
  /** The Flink job id to use, so the deployment's `job_id` is known before the job exists. */
  readonly jobId: string;
  /** The version's jar as the control plane keeps it. */
  readonly file: string;
  /** The name it is uploaded under (one per version, so a resubmission replaces it). */
  readonly fileName: string;
  /** Without it, Flink runs the jar manifest's `Main-Class`. */
  readonly entryClass?: string;
  readonly programArgs: readonly string[];
  readonly parallelism: number;
  readonly restartEnabled: boolean;
  readonly restoreFrom?: string;
  readonly allowNonRestoredState?: boolean;
}

/**
 * Runs a JAR version on the session cluster the way `flink run` does over REST: upload the jar to
 * the JobManager, then run it, whose main method submits the job. An earlier upload of the same
 * version (a submission before the cluster restarted, or before a failure) is replaced, so the
 * JobManager keeps one copy per version. Throws FlinkRestError with Flink's message when Flink
 * refuses the jar or its main method fails.
 */
export async function submitJarJob(cluster: FlinkCluster, job: JarJobRequest): Promise<string> {
  const jm = cluster.jobManager;
  const bytes = await fs.readFile(job.file);
  for (const old of await jm.jars())
    if (old.name === job.fileName) await jm.deleteJar(old.id).catch(() => undefined);
  const jarId = await jm.uploadJar(job.fileName, bytes);
  return jm.runJar(jarId, {
    ...(job.entryClass ? { entryClass: job.entryClass } : {}),
    programArgsList: job.programArgs,
    parallelism: job.parallelism,
    jobId: job.jobId,
    ...(job.restoreFrom ? { savepointPath: job.restoreFrom } : {}),
    ...(job.restoreFrom && job.allowNonRestoredState ? { allowNonRestoredState: true } : {}),
    flinkConfiguration: {
      ...cluster.jobSettings,
      ...(job.restartEnabled ? {} : { "restart-strategy.type": "none" }),
    },
  });
}
