/**
 * Deleting an application or a service that still has deployments Terraform does not manage (made
 * in the console or by another tool): with `force_destroy = true` they are cancelled and removed;
 * otherwise destroy fails at once, naming them, instead of hanging on the API's refusal.
 */
import { type BeforeDeleteResult, type HookApi, HookFailedError, type StateObject } from "../dsl/types";
import {
  DEPLOYMENT_STOPPED_STATUSES,
  deploymentOps,
  serviceOps,
  waitCanceled,
} from "../resources/operations";

interface Found {
  application: StateObject;
  deployment: StateObject;
}

async function deploymentsOf(api: HookApi, values: StateObject, application: StateObject): Promise<Found[]> {
  const list = await api.call(deploymentOps.list, { ...values, application_id: application.id });
  return ((list.deployments as StateObject[] | undefined) ?? []).map((deployment) => ({
    application,
    deployment,
  }));
}

async function clear(api: HookApi, values: StateObject, found: Found[], timeoutMs: number): Promise<void> {
  const running = found.filter((f) => !DEPLOYMENT_STOPPED_STATUSES.includes(String(f.deployment.status)));
  if (running.length && values.force_destroy !== true) {
    const names = running.map(
      (f) =>
        `${String(f.deployment.id)} (application ${String(f.application.name)}, ${String(f.deployment.status)})`,
    );
    throw new HookFailedError(
      `deployments that Terraform does not manage are still running: ${names.join(", ")}. ` +
        "Cancel them first, or set force_destroy = true to have them cancelled.",
    );
  }
  for (const f of found) {
    const ids = { ...values, application_id: f.application.id, deployment_id: f.deployment.id };
    if (!DEPLOYMENT_STOPPED_STATUSES.includes(String(f.deployment.status))) {
      api.progress(`cancelling deployment ${String(f.deployment.id)} (force_destroy)`);
      try {
        await api.call(deploymentOps.cancel, ids);
      } catch (err) {
        // Still failing after the client's retries: fail now rather than poll into the timeout.
        if (!api.isNotFound(err) && !api.isRefused(err))
          throw new HookFailedError(
            `cancelling deployment ${String(f.deployment.id)} failed: ${err instanceof Error ? err.message : String(err)}`,
            { cause: err },
          );
        if (!api.isNotFound(err))
          api.progress(`cancel of ${String(f.deployment.id)} refused: ${String(err)}`);
      }
      await api.waitFor(deploymentOps.read, ids, waitCanceled, timeoutMs);
    }
    // The API refuses to delete an application while any deployment record is left.
    try {
      await api.call(deploymentOps.delete, ids);
    } catch (err) {
      if (!api.isNotFound(err)) throw err;
    }
  }
}

export async function clearApplicationDeployments(
  api: HookApi,
  prior: StateObject,
  timeoutMs: number,
): Promise<BeforeDeleteResult> {
  let found: Found[];
  try {
    found = await deploymentsOf(api, prior, { id: prior.application_id, name: prior.name });
  } catch (err) {
    if (api.isNotFound(err)) return {};
    throw err;
  }
  await clear(api, prior, found, timeoutMs);
  return {};
}

export async function clearServiceDeployments(
  api: HookApi,
  prior: StateObject,
  timeoutMs: number,
): Promise<BeforeDeleteResult> {
  let applications: StateObject[];
  try {
    applications = ((await api.call(serviceOps.listApplications, prior)).applications as StateObject[]) ?? [];
  } catch (err) {
    if (api.isNotFound(err)) return {};
    throw err;
  }
  const found: Found[] = [];
  for (const application of applications) found.push(...(await deploymentsOf(api, prior, application)));
  // Stopped deployment records do not block a service delete; only running ones are touched.
  await clear(
    api,
    prior,
    found.filter((f) => !DEPLOYMENT_STOPPED_STATUSES.includes(String(f.deployment.status))),
    timeoutMs,
  );
  return {};
}
