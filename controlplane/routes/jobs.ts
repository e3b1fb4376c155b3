import { ApiError } from "../api-error";
import type { ControlPlaneContext } from "../context";
import { createTableInfo } from "../create-table-info";
import type { DeploymentRecord, VersionRecord } from "../model";
import type { Route } from "../router";
import { findPlan } from "../service-plans";
import { slotUsage } from "../slots";
import { requireFlinkService } from "./lookups";
import { flinkRelease } from "./services";

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

export function jobRoutes(ctx: ControlPlaneContext): Route[] {
  const base = "/project/{project}/service/{service_name}/flink";
  const jobsOf = (service: string) => ctx.store.list<DeploymentRecord>("deployment", ctx.project, service);
  return [
    {
      method: "GET",
      path: `${base}/job`,
      handler: ({ params }) => {
        requireFlinkService(ctx, params.service_name!);
        return {
          body: { jobs: jobsOf(params.service_name!).map((d) => ({ id: d.job_id, status: jobState(d) })) },
        };
      },
    },
    {
      method: "GET",
      path: `${base}/job/{job_id}`,
      handler: ({ params }) => {
        requireFlinkService(ctx, params.service_name!);
        const d = jobsOf(params.service_name!).find((x) => x.job_id === params.job_id);
        if (!d) throw new ApiError(404, "not_found", `Job not found: ${params.job_id}`);
        const version = ctx.store.get<VersionRecord>("version", ctx.project, d.version_id);
        const sink = version?.sinks[0] ? createTableInfo(version.sinks[0].create_table).table_name : "sink";
        const now = Date.now();
        const start = d.started_ms ?? -1;
        const end = d.ended_ms ?? -1;
        const state = jobState(d);
        return {
          body: {
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
          },
        };
      },
    },
    {
      method: "GET",
      path: `${base}/overview`,
      handler: ({ params }) => {
        const svc = requireFlinkService(ctx, params.service_name!);
        const jobs = jobsOf(svc.service_name).map(jobState);
        const count = (s: string) => jobs.filter((j) => j === s).length;
        const slots = slotUsage(ctx.store, ctx.project, svc);
        const up = svc.state === "RUNNING";
        return {
          body: {
            "flink-version": flinkRelease(svc),
            "flink-commit": "flinkform-local",
            "jobs-running": count("RUNNING") + count("RESTARTING") + count("INITIALIZING"),
            "jobs-finished": count("FINISHED"),
            "jobs-cancelled": count("CANCELED"),
            "jobs-failed": count("FAILED"),
            "slots-total": up ? slots.total : 0,
            "slots-available": up ? slots.free : 0,
            taskmanagers: up ? (findPlan(svc.service_type, svc.plan)?.nodeCount ?? 1) : 0,
          },
        };
      },
    },
  ];
}
