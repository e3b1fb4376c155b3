/**
 * How often the deployment's plan and apply read what they look at: the version the job moves to is
 * read once for both the state-compatibility and the parallelism-chaining warnings, and the upgrade
 * reads the deployment once for the power-off check and the handover.
 */
import {
  type ApiObject,
  type HookApi,
  HookFailedError,
  type OperationSpec,
} from "../../../schemas/dsl/types";
import { planDeployment } from "../../../schemas/hooks/deployment-plan";
import { upgradeDeployment } from "../../../schemas/hooks/deployment-upgrade";
import { deploymentOps, serviceOps, versionOps } from "../../../schemas/resources/operations";

const FILESYSTEM_SINK =
  "CREATE TABLE out_rows (k STRING, n BIGINT) WITH ('connector' = 'filesystem', 'path' = 'file:///tmp/x', 'format' = 'csv')";
const VERSIONS: Record<string, ApiObject> = {
  "v-1": { statement: "INSERT INTO out_rows SELECT k, COUNT(*) FROM src GROUP BY k", sinks: [] },
  "v-2": {
    statement: "INSERT INTO out_rows SELECT j, COUNT(*) FROM src GROUP BY j",
    sinks: [{ create_table: FILESYSTEM_SINK }],
  },
};

/** A HookApi answering by operation, recording each call as `op path-values`. */
function fakeApi(deployment: ApiObject): HookApi & { calls: { op: OperationSpec; id: unknown }[] } {
  const calls: { op: OperationSpec; id: unknown }[] = [];
  return {
    calls,
    signal: new AbortController().signal,
    call: async (op, values) => {
      calls.push({ op, id: values.application_version_id ?? values.deployment_id });
      if (op === versionOps.read) return VERSIONS[String(values.application_version_id)]!;
      if (op === deploymentOps.read) return deployment;
      if (op === serviceOps.read) return { plan: "business-4", node_count: 1, user_config: {} };
      if (op === serviceOps.listApplications) return { applications: [] };
      if (op === deploymentOps.create) return { id: "d-2" };
      return {};
    },
    waitFor: async () => ({ status: "RUNNING", last_savepoint: "s3://sp/1" }),
    upload: async () => {},
    isNotFound: () => false,
    isRefused: () => false,
    progress: () => {},
  };
}

const prior = {
  project: "p",
  service_name: "s",
  application_id: "a",
  deployment_id: "d-1",
  status: "RUNNING",
  desired_state: "running",
  version_id: "v-1",
  parallelism: 2,
  restart_enabled: true,
  upgrade_mode: "savepoint",
};

test("a plan moving version and parallelism reads the new version once, and both warnings see it", async () => {
  const api = fakeApi({});
  const planned = { ...prior, version_id: "v-2", parallelism: 1 };
  const { diagnostics } = await planDeployment({
    prior,
    planned,
    config: null,
    changed: [["version_id"], ["parallelism"]],
    api,
  });
  const summaries = (diagnostics ?? []).map((d) => d.summary);
  expect(summaries).toContain("State Not Compatible With The Running Job");
  expect(summaries).toContain("Parallelism Change Flink Cannot Restore");
  const versionReads = api.calls.filter((c) => c.op === versionOps.read).map((c) => c.id);
  expect(versionReads.sort()).toEqual(["v-1", "v-2"]);
});

test("a plan whose checks end early reads no version", async () => {
  const api = fakeApi({});
  const planned = { ...prior, version_id: "v-2", parallelism: 1, upgrade_mode: "stateless" };
  await planDeployment({ prior, planned, config: null, changed: [["version_id"], ["parallelism"]], api });
  expect(api.calls.filter((c) => c.op === versionOps.read)).toEqual([]);
});

test("a handover reads the deployment once, for the power-off check and the savepoint", async () => {
  const api = fakeApi({ status: "RUNNING" });
  await upgradeDeployment(api, prior, { ...prior, parallelism: 3 }, 1000);
  expect(api.calls.filter((c) => c.op === deploymentOps.read)).toHaveLength(1);
  expect(api.calls.map((c) => c.op)).toEqual([
    deploymentOps.read,
    deploymentOps.stop,
    deploymentOps.create,
    deploymentOps.delete,
  ]);
});

test("a deployment suspended by power off is refused on that one read, before anything is stopped", async () => {
  const api = fakeApi({ status: "SUSPENDED" });
  await expect(upgradeDeployment(api, prior, { ...prior, parallelism: 3 }, 1000)).rejects.toThrow(
    HookFailedError,
  );
  expect(api.calls.map((c) => c.op)).toEqual([deploymentOps.read]);
});
