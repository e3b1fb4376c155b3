import type { ControlPlaneContext } from "../context";
import type { DeploymentRecord } from "../model";
import type { Route } from "../router";
import { requireDeployment } from "./deployments";

/** A restorable point in a service's checkpoint storage, as `starting_savepoint` accepts it. */
export interface RestorePointRecord {
  readonly path: string;
  readonly deployment_id: string;
  /** The version whose job wrote it: the simulated engine compares its stateful operators on restore. */
  readonly version_id?: string;
  /** The parallelism of that job: the simulated engine checks the operator chaining on restore. */
  readonly parallelism?: number;
}

/** Records a savepoint or retained checkpoint a later deployment may start from. Call inside a transaction. */
export function recordRestorePoint(
  ctx: Pick<ControlPlaneContext, "store" | "project">,
  d: DeploymentRecord,
  path: string,
): void {
  if (ctx.store.get("savepoint", ctx.project, path)) return;
  const record: RestorePointRecord = {
    path,
    deployment_id: d.id,
    version_id: d.version_id,
    parallelism: d.parallelism,
  };
  ctx.store.insert("savepoint", ctx.project, path, record, d.service_name);
}

/**
 * The latest retained checkpoint of a deployment's job, an extension of this control plane (the
 * hosted API reports none): `GET .../deployment/{deployment_id}/checkpoint` answers
 * `{ "latest_checkpoint": path | null }`. Checkpoints are retained when the job is cancelled, so a
 * `last-state` handover cancels the job, reads this and starts the next deployment from it with
 * `starting_savepoint`, which accepts any path this endpoint reported.
 */
export function deploymentCheckpointRoutes(ctx: ControlPlaneContext): Route[] {
  return [
    {
      method: "GET",
      path: "/project/{project}/service/{service_name}/flink/application/{application_id}/deployment/{deployment_id}/checkpoint",
      handler: async ({ params }) => {
        const d = requireDeployment(ctx, params.service_name!, params.application_id!, params.deployment_id!);
        const latest = await ctx.cluster.latestCheckpoint(ctx.project, d);
        if (latest) ctx.store.tx(() => recordRestorePoint(ctx, d, latest));
        return { body: { latest_checkpoint: latest ?? null } };
      },
    },
  ];
}
