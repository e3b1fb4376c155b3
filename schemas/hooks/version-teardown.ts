/**
 * Deleting a version: the API refuses while any deployment record points at it. Stopped records
 * are removed (their savepoints stay in the service's storage). A version a running deployment
 * still uses is left in place: it goes with its application, whose destroy deals with running
 * deployments (force_destroy) — so destroy neither hangs nor stops a job it does not manage.
 */
import type { BeforeDeleteResult, HookApi, StateObject } from "../dsl/types";
import { DEPLOYMENT_STOPPED_STATUSES, deploymentOps } from "../resources/operations";

export async function releaseVersionBeforeDelete(
  api: HookApi,
  prior: StateObject,
): Promise<BeforeDeleteResult> {
  let deployments: StateObject[];
  try {
    deployments = ((await api.call(deploymentOps.list, prior)).deployments as StateObject[]) ?? [];
  } catch (err) {
    if (api.isNotFound(err)) return {};
    throw err;
  }
  const users = deployments.filter((d) => d.version_id === prior.application_version_id);
  const running = users.filter((d) => !DEPLOYMENT_STOPPED_STATUSES.includes(String(d.status)));
  if (running.length) {
    api.progress(
      `still used by running deployment(s) ${running.map((d) => String(d.id)).join(", ")}; ` +
        "the version is kept and goes with its application",
    );
    return { skipDelete: true };
  }
  for (const d of users) {
    try {
      await api.call(deploymentOps.delete, { ...prior, deployment_id: d.id });
    } catch (err) {
      if (!api.isNotFound(err)) throw err;
    }
  }
  return {};
}
