import { createTableInfo } from "../../create-table-info";
import type { DeploymentRecord, ServiceRecord, VersionRecord } from "../../model";
import { findPlan } from "../../service-plans";
import { slotUsage } from "../../slots";
import type { Store } from "../../store";
import type { JobSummary } from "../cluster-driver";

/** The Flink job status a deployment's job is in (a savepoint in progress keeps the job running). */
function jobState(d: DeploymentRecord): string {
  switch (d.status) {
    case "SAVING_AND_STOP":
    case "SAVING_AND_STOP_REQUESTED":
    case "SAVING":
      return "RUNNING";
    case "CANCELLING_REQUESTED":
      return "CANCELLING";
    case "DELETE_REQUESTED":
    case "DELETING":
      return "CANCELED";
    default:
      return d.status;
  }
}

const jobsOf = (store: Store, project: string, service: string) =>
  store.list<DeploymentRecord>("deployment", project, service);

/** Flink's REST views (job list, job details, cluster overview) modelled from the simulated deployments. */
export function simulatedJobs(store: Store, project: string, svc: ServiceRecord): JobSummary[] {
  return jobsOf(store, project, svc.service_name).map((d) => ({ id: d.job_id, status: jobState(d) }));
}

export function simulatedJobDetails(
  store: Store,
  project: string,
  svc: ServiceRecord,
  jobId: string,
): unknown {
  const d = jobsOf(store, project, svc.service_name).find((x) => x.job_id === jobId);
  if (!d) return undefined;
  const version = store.get<VersionRecord>("version", project, d.version_id);
  const sink = version?.sinks[0] ? createTableInfo(version.sinks[0].create_table).table_name : "sink";
  const now = Date.now();
  const start = d.started_ms ?? -1;
  const end = d.ended_ms ?? -1;
  const state = jobState(d);
  return {
    jid: d.job_id,
    name: `insert-into_default_catalog.default_database.${sink}`,
    state,
    "start-time": start,
    "end-time": end,
    duration: start < 0 ? 0 : (end < 0 ? now : end) - start,
    now,
    isStoppable: false,
    maxParallelism: -1,
    plan: {
      jid: d.job_id,
      name: `insert-into_default_catalog.default_database.${sink}`,
      type: "STREAMING",
      nodes: [],
    },
    timestamps: { [state]: d.ended_ms ?? d.started_ms ?? now },
    vertices: [],
    "status-counts": { [state === "RUNNING" ? "RUNNING" : state]: d.parallelism },
  };
}

export function simulatedOverview(
  store: Store,
  project: string,
  svc: ServiceRecord,
  flinkVersion: string,
): unknown {
  const jobs = jobsOf(store, project, svc.service_name).map(jobState);
  const count = (s: string) => jobs.filter((j) => j === s).length;
  const slots = slotUsage(store, project, svc);
  const up = svc.state === "RUNNING";
  return {
    "flink-version": flinkVersion,
    "flink-commit": "flinkform-local",
    "jobs-running": count("RUNNING") + count("RESTARTING") + count("INITIALIZING"),
    "jobs-finished": count("FINISHED"),
    "jobs-cancelled": count("CANCELED"),
    "jobs-failed": count("FAILED"),
    "slots-total": up ? slots.total : 0,
    "slots-available": up ? slots.free : 0,
    taskmanagers: up ? (findPlan(svc.service_type, svc.plan)?.nodeCount ?? 1) : 0,
  };
}
