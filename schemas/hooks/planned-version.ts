/**
 * The version a deployment's plan moves the job to, read at most once: the state-compatibility and
 * the parallelism-chaining warnings both look at it, and each plan call should cost one GET.
 */
import type { ApiObject, HookApi, StateObject } from "../dsl/types";
import { versionOps } from "../resources/operations";

/** The version, or undefined when the API does not know it (deleted, or created in this apply). */
export type VersionReader = () => Promise<ApiObject | undefined>;

export async function readVersion(
  api: HookApi,
  values: StateObject,
  versionId: string,
): Promise<ApiObject | undefined> {
  try {
    return await api.call(versionOps.read, { ...values, application_version_id: versionId });
  } catch (err) {
    if (api.isNotFound(err)) return undefined;
    throw err;
  }
}

/** A reader that GETs the version on its first call only: checks that end early never read it. */
export function readVersionOnce(api: HookApi, values: StateObject, versionId: string): VersionReader {
  let read: Promise<ApiObject | undefined> | undefined;
  return () => {
    read ??= readVersion(api, values, versionId);
    return read;
  };
}
