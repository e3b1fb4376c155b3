/**
 * `upgrade_mode = "last-state"` and `allow_non_restored_state` (issue 11) with the real terraform
 * against the local control plane (simulated engine): a handover from the job's latest retained
 * checkpoint, the fallback to a savepoint while there is none, and a version that drops a stateful
 * operator, which fails and rolls back unless allow_non_restored_state is set.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";
import { type PipelineOptions, pipelineConfig } from "./pipeline-config";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

type Json = Record<string, unknown>;

const LAST_STATE = '  upgrade_mode = "last-state"';
/** The same aggregation, filtered: its stateful operators (a window, a group aggregation) stay. */
const SAME_OPERATORS = { statementSuffix: "\n    HAVING COUNT(*) > 0" };
/** Neither window nor aggregation any more: the checkpoint holds state the new job has no place for. */
const WITHOUT_AGGREGATION = `INSERT INTO clicks_per_minute
    SELECT url, ts AS window_start, CAST(1 AS BIGINT) AS clicks
    FROM clicks
  SQL`;

/** The pipeline with the service checkpointing every `intervalMs` (the simulated jobs too). */
function config(
  name: string,
  intervalMs: number,
  options: PipelineOptions = {},
  dropOperators = false,
): string {
  const hcl = pipelineConfig({ name, ...options }).replace(
    "flink_user_config = { number_of_task_slots = 4 }",
    `flink_user_config = { number_of_task_slots = 4, execution_checkpointing_interval_ms = ${intervalMs} }`,
  );
  return dropOperators
    ? hcl.replace(/INSERT INTO clicks_per_minute[\s\S]*?\n {2}SQL/, WITHOUT_AGGREGATION)
    : hcl;
}

async function stateOf(wd: string, address: string): Promise<Record<string, string>> {
  const show = JSON.parse(await acc.tf(wd, ["show", "-json"])) as {
    values: { root_module: { resources: { address: string; values: Record<string, string> }[] } };
  };
  const found = show.values.root_module.resources.find((r) => r.address === address);
  if (!found) throw new Error(`${address} is not in the state`);
  return found.values;
}

const deploymentsPath = (service: string, applicationId: string) =>
  `/project/local/service/${service}/flink/application/${applicationId}/deployment`;

/** Waits (by polling the API, within a bound) until the running job has a retained checkpoint. */
async function checkpointOf(service: string, d: Record<string, string>): Promise<string> {
  const url = `${deploymentsPath(service, d.application_id)}/${d.deployment_id}/checkpoint`;
  for (let i = 0; i < 200; i++) {
    const res = await acc.api<Json>("GET", url);
    expect(res.status).toBe(200);
    if (typeof res.body.latest_checkpoint === "string") return res.body.latest_checkpoint;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`deployment ${d.deployment_id} took no checkpoint`);
}

async function setUp(name: string, intervalMs: number): Promise<string> {
  const wd = acc.workdir(name, config(name, intervalMs, { deploymentExtra: LAST_STATE }));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  return wd;
}

const planIsEmpty = async (wd: string) =>
  (await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"])).code === 0;

test("last-state hands the job over from its latest retained checkpoint, without a savepoint", async () => {
  const name = "flink-ls";
  const wd = await setUp(name, 100);
  const before = await stateOf(wd, "flink_application_deployment.d");
  const seen = await checkpointOf(name, before);
  expect(seen).toMatch(new RegExp(`/checkpoints/${before.job_id}/chk-\\d+$`));
  acc.writeConfig(wd, config(name, 100, { deploymentExtra: LAST_STATE, ...SAME_OPERATORS }));

  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(plan.stdout).toContain("# flink_application_deployment.d will be updated in-place");
  expect(plan.stdout + plan.stderr).toContain("Stateful Upgrade From Last Checkpoint");
  expect(plan.stdout + plan.stderr).not.toContain("Falls Back To Savepoint");

  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const after = await stateOf(wd, "flink_application_deployment.d");
  expect(after.status).toBe("RUNNING");
  expect(after.version_id).toBe((await stateOf(wd, "flink_application_version.v")).application_version_id);
  // The old job's checkpoint, at least as new as the one seen before the handover; no savepoint.
  expect(after.starting_savepoint_used).toMatch(new RegExp(`/checkpoints/${before.job_id}/chk-\\d+$`));
  const chk = (p: string) => Number(/chk-(\d+)$/.exec(p)?.[1]);
  expect(chk(after.starting_savepoint_used)).toBeGreaterThanOrEqual(chk(seen));
  const live = (await acc.api<{ deployments: Json[] }>("GET", deploymentsPath(name, after.application_id)))
    .body.deployments;
  expect(live).toHaveLength(1);
  expect(live[0]).toMatchObject({
    id: after.deployment_id,
    starting_savepoint: after.starting_savepoint_used,
  });
  expect(live[0].last_savepoint).toBeUndefined();

  expect(await planIsEmpty(wd)).toBe(true);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 180_000);

test("last-state falls back to a savepoint while the job has no checkpoint, and says so at plan", async () => {
  const name = "flink-lsf";
  // An hour between checkpoints: the job has none for the length of this test.
  const wd = await setUp(name, 3_600_000);
  const before = await stateOf(wd, "flink_application_deployment.d");
  acc.writeConfig(wd, config(name, 3_600_000, { deploymentExtra: LAST_STATE, ...SAME_OPERATORS }));

  const plan = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(plan.stdout + plan.stderr).toContain("Last-State Upgrade Falls Back To Savepoint");
  expect(plan.stdout + plan.stderr).toContain("no retained checkpoint yet");

  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const after = await stateOf(wd, "flink_application_deployment.d");
  expect(after.status).toBe("RUNNING");
  // The control plane names savepoints after the job that took them: the old job's final savepoint.
  expect(after.starting_savepoint_used).toContain(`savepoint-${before.job_id.slice(0, 6)}`);
  expect(await planIsEmpty(wd)).toBe(true);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 180_000);

test("a version that drops a stateful operator fails and rolls back, unless allow_non_restored_state", async () => {
  const name = "flink-nrs";
  const wd = await setUp(name, 100);
  const before = await stateOf(wd, "flink_application_deployment.d");
  await checkpointOf(name, before);
  acc.writeConfig(wd, config(name, 100, { deploymentExtra: LAST_STATE }, true));

  const failed = await acc.terraform(wd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
  expect(failed.code).toBe(1);
  const diagnostic = failed.stderr.replace(/\s+/g, " "); // terraform wraps long lines
  expect(diagnostic).toContain("Cannot map checkpoint/savepoint state for operator");
  expect(diagnostic).toContain("allowNonRestoredState");
  expect(diagnostic).toContain(`Rolled back to version ${before.version_id}`);
  const running = (
    await acc.api<{ deployments: Json[] }>("GET", deploymentsPath(name, before.application_id))
  ).body.deployments.filter((d) => d.status === "RUNNING");
  expect(running).toHaveLength(1);
  expect(running[0]!.version_id).toBe(before.version_id);
  expect(String(running[0]!.starting_savepoint)).toMatch(
    new RegExp(`/checkpoints/${before.job_id}/chk-\\d+$`),
  );
  const rolledBack = await stateOf(wd, "flink_application_deployment.d");
  expect(rolledBack.deployment_id).toBe(running[0]!.id);

  const allow = `${LAST_STATE}\n  allow_non_restored_state = true`;
  acc.writeConfig(wd, config(name, 100, { deploymentExtra: allow }, true));
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const after = await stateOf(wd, "flink_application_deployment.d");
  expect(after.status).toBe("RUNNING");
  expect(after.version_id).toBe((await stateOf(wd, "flink_application_version.v")).application_version_id);
  expect(after.version_id).not.toBe(before.version_id);
  const live = (await acc.api<{ deployments: Json[] }>("GET", deploymentsPath(name, after.application_id)))
    .body.deployments;
  expect(live).toHaveLength(1);
  expect(live[0]).toMatchObject({
    allow_non_restored_state: true,
    starting_savepoint: after.starting_savepoint_used,
  });
  expect(await planIsEmpty(wd)).toBe(true);
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);
