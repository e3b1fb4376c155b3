import { ApiError } from "../../api-error";
import type { ServiceRecord } from "../../model";
import type { JobSummary } from "../cluster-driver";
import type { FlinkCluster } from "./flink-cluster";
import { FlinkRestError } from "./rest-json";

/** The Flink REST views the API exposes (`.../flink/job`, `.../flink/job/{id}`, `.../flink/overview`), read from Flink itself. */

export async function listJobs(cluster: FlinkCluster | undefined, svc: ServiceRecord): Promise<JobSummary[]> {
  if (!cluster) return [];
  const jobs = await ask(svc, () => cluster.jobManager.jobs());
  return jobs.map((j) => ({ id: j.jid, status: j.state }));
}

export async function jobDetails(
  cluster: FlinkCluster | undefined,
  svc: ServiceRecord,
  jobId: string,
): Promise<unknown> {
  if (!cluster || !/^[0-9a-f]{32}$/.test(jobId)) return undefined;
  try {
    return await ask(svc, () => cluster.jobManager.job(jobId));
  } catch (err) {
    if (err instanceof FlinkRestError && err.status === 404) return undefined;
    throw err;
  }
}

const NO_CLUSTER = {
  taskmanagers: 0,
  "slots-total": 0,
  "slots-available": 0,
  "jobs-running": 0,
  "jobs-finished": 0,
  "jobs-cancelled": 0,
  "jobs-failed": 0,
};

export async function overview(cluster: FlinkCluster | undefined, svc: ServiceRecord): Promise<unknown> {
  return cluster ? ask(svc, () => cluster.jobManager.overview()) : NO_CLUSTER;
}

/** A read from the service's Flink REST API; a cluster that does not answer is a 503, not a 500. */
async function ask<T>(svc: ServiceRecord, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof FlinkRestError && err.status === 404) throw err;
    throw new ApiError(
      503,
      "service_unavailable",
      `The Flink cluster of service ${svc.service_name} does not answer: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
