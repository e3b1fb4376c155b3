/**
 * Plan-time warning that a running job's state will not restore into a new version of its statement
 * (schemas/sql/state-shape-compare.ts says which changes are detected). Two places can see both
 * statements: the deployment's plan when its `version_id` moves to a version that already exists,
 * and the version's plan when the version a running deployment uses is being replaced (the new
 * version's id is then unknown to the deployment until apply). A warning, not an error: with
 * `allow_non_restored_state` or a stateless handover the apply can still succeed.
 */
import type { HookApi, HookDiagnostic, StateObject } from "../dsl/types";
import { deploymentOps } from "../resources/operations";
import { compareStateShapes } from "../sql/state-shape-compare";
import { readVersion, type VersionReader } from "./planned-version";

export const STATE_WARNING_SUMMARY = "State Not Compatible With The Running Job";

/** What each kind of finding means for the handover, once, after the list of findings. */
function advice(allowNonRestored: boolean): string {
  const dropped = allowNonRestored
    ? "With allow_non_restored_state = true, Flink drops state that no operator of the new job claims;"
    : "allow_non_restored_state = true lets the job start without state that no operator of the new job claims;";
  return `${dropped} where Flink matches a changed operator to its old state the restore fails anyway and the apply rolls back to the previous version. upgrade_mode = "stateless" starts the new version with empty state.`;
}

function warning(path: string, intro: string, findings: string[], allowNonRestored: boolean): HookDiagnostic {
  return {
    severity: "warning",
    path: [path],
    summary: STATE_WARNING_SUMMARY,
    detail: `${intro} Flink restores state operator by operator, and the new statement changes stateful operators:\n${findings.map((f) => `  - ${f}`).join("\n")}\n${advice(allowNonRestored)}`,
  };
}

const statementOf = (version: Record<string, unknown> | undefined): string | undefined =>
  typeof version?.statement === "string" ? version.statement : undefined;

/**
 * The deployment's side: a running job handed over with its state (savepoint or last-state) to a
 * version that exists already. `targetVersion` reads the version `planned.version_id` names.
 */
export async function handoverStateWarning(
  api: HookApi,
  prior: StateObject,
  planned: StateObject,
  targetVersion: VersionReader,
): Promise<HookDiagnostic | undefined> {
  const from = prior.version_id;
  const to = planned.version_id;
  if (typeof from !== "string" || typeof to !== "string" || from === to) return undefined;
  if (planned.upgrade_mode === "stateless" || prior.status !== "RUNNING") return undefined;
  const before = statementOf(await readVersion(api, prior, from));
  const after = statementOf(await targetVersion());
  if (before === undefined || after === undefined) return undefined;
  const findings = compareStateShapes(before, after);
  if (findings.length === 0) return undefined;
  return warning(
    "version_id",
    `The running job's ${planned.upgrade_mode === "last-state" ? "checkpoint" : "savepoint"} may not restore into version ${to}.`,
    findings.map((f) => f.message),
    planned.allow_non_restored_state === true,
  );
}

/**
 * The version's side: the version being replaced runs in a deployment whose job is RUNNING. The
 * deployment's upgrade_mode is not known here, so the warning says when it applies.
 */
export async function replacedVersionStateWarning(
  api: HookApi,
  prior: StateObject,
  planned: StateObject,
): Promise<HookDiagnostic | undefined> {
  const id = prior.application_version_id;
  if (typeof id !== "string" || typeof prior.statement !== "string" || typeof planned.statement !== "string")
    return undefined;
  if (prior.statement === planned.statement) return undefined;
  const findings = compareStateShapes(prior.statement, planned.statement);
  if (findings.length === 0) return undefined;
  let deployments: StateObject[];
  try {
    deployments = ((await api.call(deploymentOps.list, prior)).deployments as StateObject[]) ?? [];
  } catch (err) {
    if (api.isNotFound(err)) return undefined;
    throw err;
  }
  const running = deployments.filter((d) => d.version_id === id && d.status === "RUNNING");
  if (running.length === 0) return undefined;
  return warning(
    "statement",
    `Deployment ${running.map((d) => String(d.id)).join(", ")} runs the version this one replaces. If it moves to the new version with its state (upgrade_mode "savepoint" or "last-state"), its savepoint may not restore.`,
    findings.map((f) => f.message),
    false,
  );
}
