/**
 * State compatibility at plan time (issue 11, point 4), with the real terraform against the local
 * control plane: a new version whose GROUP BY keys differ from the running job's is flagged in
 * `terraform plan`, naming the operator, before anything is stopped; a compatible change is not.
 * Both places that see the two statements are covered: the version being replaced, and the
 * deployment moving to a version that already exists.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "./harness";
import { pipelineConfig } from "./pipeline-config";

let acc: AcceptanceEnv;
beforeAll(async () => {
  acc = await startAcceptanceEnv();
}, 60_000);
afterAll(() => acc?.close());

type Json = Record<string, unknown>;
const SUMMARY = "State Not Compatible With The Running Job";
const OPERATOR =
  "the window aggregation TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE) over url, window_end, window_start: keys changed to url, user_id, window_end, window_start";
const GROUP_BY = "GROUP BY url, window_start, window_end";
const withUserKey = (hcl: string) => hcl.replace(GROUP_BY, `${GROUP_BY}, user_id`);

/** terraform wraps diagnostic text to its width: compare with runs of whitespace made one space. */
const flat = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`.replace(/\s+/g, " ");

async function plan(wd: string): Promise<string> {
  const result = await acc.terraform(wd, ["plan", "-no-color", "-input=false"]);
  expect(result.code).toBe(0);
  return flat(result);
}

async function stateOf(wd: string, address: string): Promise<Record<string, string>> {
  const show = JSON.parse(await acc.tf(wd, ["show", "-json"])) as {
    values: { root_module: { resources: { address: string; values: Record<string, string> }[] } };
  };
  return show.values.root_module.resources.find((r) => r.address === address)!.values;
}

test("replacing the running version with other GROUP BY keys warns at plan, naming the operator", async () => {
  const name = "flink-sc";
  const wd = acc.workdir(name, pipelineConfig({ name }));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const before = await stateOf(wd, "flink_application_deployment.d");

  // A compatible change (a HAVING on the aggregate already computed): the usual handover note only.
  acc.writeConfig(wd, pipelineConfig({ name, statementSuffix: "\n    HAVING COUNT(*) > 0" }));
  const compatible = await plan(wd);
  expect(compatible).toContain("Stateful Upgrade");
  expect(compatible).not.toContain(SUMMARY);

  acc.writeConfig(wd, withUserKey(pipelineConfig({ name })));
  const changed = await plan(wd);
  expect(changed).toContain(`Warning: ${SUMMARY}`);
  expect(changed).toContain(OPERATOR);
  expect(changed).toContain(`Deployment ${before.deployment_id} runs the version this one replaces`);
  expect(changed).toContain("allow_non_restored_state");
  expect(changed).toContain('in resource "flink_application_version" "v"');
  // A plan: nothing was stopped.
  const live = await acc.api<{ deployments: Json[] }>(
    "GET",
    `/project/local/service/${name}/flink/application/${before.application_id}/deployment`,
  );
  expect(live.body.deployments.find((d) => d.id === before.deployment_id)?.status).toBe("RUNNING");
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);

test("moving a deployment to an existing version with other GROUP BY keys warns on version_id, unless stateless", async () => {
  const name = "flink-sd";
  const wd = acc.workdir(name, pipelineConfig({ name }));
  await acc.tf(wd, ["init", "-input=false"]);
  await acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  const version = await stateOf(wd, "flink_application_version.v");
  const base = `/project/local/service/${name}/flink/application/${version.application_id}/version`;
  // Two versions made outside this configuration, from the running one: other keys, and a compatible one.
  const running = (await acc.api<Json>("GET", `${base}/${version.application_version_id}`)).body;
  const tables = (list: unknown) =>
    (list as Json[]).map((t) => ({ create_table: t.create_table, integration_id: t.integration_id }));
  const create = async (statement: string) => {
    const made = await acc.api<Json>("POST", base, {
      statement,
      sources: tables(running.sources),
      sinks: tables(running.sinks),
    });
    expect(made.status).toBe(200);
    return String(made.body.id);
  };
  const rekeyed = await create(withUserKey(String(running.statement)));
  const filtered = await create(String(running.statement).replace("GROUP BY", "WHERE url <> '' GROUP BY"));
  const pointAt = (id: string, extra = "") =>
    pipelineConfig({ name, deploymentExtra: extra }).replace(
      "version_id     = flink_application_version.v.application_version_id",
      `version_id     = "${id}"`,
    );

  acc.writeConfig(wd, pointAt(rekeyed));
  const changed = await plan(wd);
  expect(changed).toContain(`Warning: ${SUMMARY}`);
  expect(changed).toContain(`The running job's savepoint may not restore into version ${rekeyed}`);
  expect(changed).toContain(OPERATOR);
  expect(changed).toContain('in resource "flink_application_deployment" "d"');

  acc.writeConfig(wd, pointAt(filtered));
  const compatible = await plan(wd);
  expect(compatible).toContain("Stateful Upgrade");
  expect(compatible).not.toContain(SUMMARY);

  acc.writeConfig(wd, pointAt(rekeyed, '  upgrade_mode = "stateless"'));
  const stateless = await plan(wd);
  expect(stateless).toContain("Stateless Upgrade");
  expect(stateless).not.toContain(SUMMARY);

  acc.writeConfig(wd, pipelineConfig({ name }));
  await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
}, 240_000);
