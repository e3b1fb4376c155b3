import { ApiError } from "../api-error";
import type { ControlPlaneContext } from "../context";
import type { Route } from "../router";
import { requireFlinkService } from "./lookups";

/** Flink's own REST views of the service's cluster, as the cluster driver answers them. */
export function jobRoutes(ctx: ControlPlaneContext): Route[] {
  const base = "/project/{project}/service/{service_name}/flink";
  return [
    {
      method: "GET",
      path: `${base}/job`,
      handler: async ({ params }) => {
        const svc = requireFlinkService(ctx, params.service_name!);
        return { body: { jobs: await ctx.cluster.listJobs(ctx.project, svc) } };
      },
    },
    {
      method: "GET",
      path: `${base}/job/{job_id}`,
      handler: async ({ params }) => {
        const svc = requireFlinkService(ctx, params.service_name!);
        const details = await ctx.cluster.jobDetails(ctx.project, svc, params.job_id!);
        if (details === undefined) throw new ApiError(404, "not_found", `Job not found: ${params.job_id}`);
        return { body: details };
      },
    },
    {
      method: "GET",
      path: `${base}/overview`,
      handler: async ({ params }) => {
        const svc = requireFlinkService(ctx, params.service_name!);
        return { body: await ctx.cluster.overview(ctx.project, svc) };
      },
    },
  ];
}
