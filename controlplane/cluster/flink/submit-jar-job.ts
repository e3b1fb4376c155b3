import fs from "node:fs/promises";
import type { FlinkCluster } from "./flink-cluster";
import { exceptionChain } from "./flink-error";
import type { JarRunRequest } from "./jobmanager-client";
import { FlinkRestError } from "./rest-json";

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
  try {
    return await jm.runJar(jarId, runRequest(cluster, job));
  } catch (err) {
    throw programProblem(err);
  }
}

function runRequest(cluster: FlinkCluster, job: JarJobRequest): JarRunRequest {
  return {
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
  };
}

/** `ProgramInvocationException` carries what a jar's user should read about its program. */
const PROGRAM_INVOCATION = "org.apache.flink.client.program.ProgramInvocationException";

/**
 * The generic reading of Flink's trace keeps the root cause, which for a jar is often bare (a
 * ClassNotFoundException says only the class name). Flink's own message about the program ("The
 * program's entry point class '…' was not found in the jar file.", "The main method caused an
 * error: …") says what went wrong, so that one is the error's message.
 */
function programProblem(err: unknown): unknown {
  if (!(err instanceof FlinkRestError)) return err;
  const program = exceptionChain(err.detail)
    .filter((c) => c.type === PROGRAM_INVOCATION && c.message !== "")
    .pop();
  if (!program) return err;
  return new FlinkRestError(err.status, program.message.split("\n")[0]!.trim(), err.detail);
}

/** The name a version's jar is uploaded to the JobManager under: one per version. */
export const versionJarName = (versionId: string) => `${versionId}.jar`;

/**
 * Deletes the uploaded jars of deleted versions from the JobManager (`DELETE /jars/{id}`); returns
 * how many went. A jar already gone (another delete won the race) is not an error.
 */
export async function removeVersionJars(
  cluster: FlinkCluster,
  versionIds: readonly string[],
): Promise<number> {
  const jm = cluster.jobManager;
  const names = new Set(versionIds.map(versionJarName));
  let removed = 0;
  for (const jar of await jm.jars()) {
    if (!names.has(jar.name)) continue;
    await jm.deleteJar(jar.id).catch((err: unknown) => {
      if (!(err instanceof FlinkRestError && err.status === 404)) throw err;
    });
    removed += 1;
  }
  return removed;
}
