/**
 * Power off and on (issue 11) with the real terraform on the flink engine, two stateful jobs on the
 * service: `powered = false` stops both Flink jobs with savepoints and the cluster's processes;
 * `powered = true` starts a cluster again and both jobs in it, each restored from its savepoint,
 * their counts going on where they stopped; nothing is done by hand and no plan shows a change.
 * Assertions read Flink's REST API, its processes and the rows the jobs wrote.
 */
import fs from "node:fs";
import path from "node:path";
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { describeWithFlink, flinkGet, flinkPids, type Json, restUrlOf, samePath, waitFor } from "./flink-env";
import { countsIn, countsUnbroken, runningCountsVersion, totalCounts } from "./running-counts";

jest.setTimeout(600_000);

const APPS = ["first", "second"] as const;

function config(name: string, out: string, powered: boolean, names: readonly string[] = APPS): string {
  const apps = names.map(
    (a) => `
resource "flink_application" "${a}" {
  project      = flink_service.s.project
  service_name = flink_service.s.service_name
  name         = "${a}-counts"
}
resource "flink_application_version" "${a}" {
  project        = flink_application.${a}.project
  service_name   = flink_application.${a}.service_name
  application_id = flink_application.${a}.application_id
${runningCountsVersion(path.join(out, a))}
}
resource "flink_application_deployment" "${a}" {
  project        = flink_application.${a}.project
  service_name   = flink_application.${a}.service_name
  application_id = flink_application.${a}.application_id
  version_id     = flink_application_version.${a}.application_version_id
}
`,
  );
  return `
resource "flink_service" "s" {
  project      = "local"
  service_name = "${name}"
  plan         = "business-4"
  powered      = ${powered}
  flink_user_config = {
    number_of_task_slots                = 2
    execution_checkpointing_interval_ms = 1000
  }
}
${apps.join("")}`;
}

describeWithFlink("flink engine + terraform: power off and on keeps both jobs' state", () => {
  const name = "tf-power";
  let acc: AcceptanceEnv;
  let wd: string;
  let out: string;

  const deployment = async (a: string): Promise<Json> => {
    const show = JSON.parse(await acc.tf(wd, ["show", "-json"]));
    return show.values.root_module.resources.find(
      (r: Json) => r.address === `flink_application_deployment.${a}`,
    ).values;
  };
  const apiDeployment = async (d: Json): Promise<Json> =>
    (
      await acc.api<Json>(
        "GET",
        `/project/local/service/${name}/flink/application/${d.application_id}/deployment/${d.deployment_id}`,
      )
    ).body;
  const restUrl = async () =>
    restUrlOf((await acc.api<Json>("GET", `/project/local/service/${name}`)).body.service);
  const apply = (powered: boolean) => {
    acc.writeConfig(wd, config(name, out, powered));
    return acc.tf(wd, ["apply", "-auto-approve", "-input=false"]);
  };
  const planIsEmpty = async () =>
    (await acc.terraform(wd, ["plan", "-detailed-exitcode", "-no-color", "-input=false"])).code === 0;
  const counts = (a: string) => countsIn(path.join(out, a));

  beforeAll(async () => {
    acc = await startAcceptanceEnv({ engine: { kind: "flink" } });
    out = path.join(acc.dir, "out");
    wd = acc.workdir(name, config(name, out, true));
    await acc.tf(wd, ["init", "-input=false"]);
  });
  afterAll(async () => {
    await acc?.close();
  });

  test("off: both jobs stop with savepoints and the cluster stops; on: both run again, each restored from its savepoint, counting on", async () => {
    await apply(true);
    const before = await Promise.all(APPS.map(deployment));
    const rest = await restUrl();
    const running = ((await flinkGet(rest, "/jobs/overview")).jobs as Json[]).map((j) => [j.jid, j.state]);
    expect(running.sort()).toEqual(before.map((d) => [d.job_id, "RUNNING"]).sort());
    for (const a of APPS)
      await waitFor(
        `rows of ${a}`,
        async () => totalCounts(counts(a)),
        (n) => n > 20,
        60_000,
      );

    await apply(false);
    const suspended = await Promise.all(before.map(apiDeployment));
    suspended.forEach((s, i) => {
      expect(s).toMatchObject({ id: before[i].deployment_id, status: "SUSPENDED" });
      // The savepoint Flink wrote is on disk, for power on to restore.
      expect(fs.existsSync(path.join(s.last_savepoint.replace(/^file:/, ""), "_metadata"))).toBe(true);
    });
    await waitFor(
      "no Flink process",
      async () => flinkPids(path.join(acc.dir, "data")),
      (p) => p.length === 0,
      60_000,
    );
    expect(await planIsEmpty()).toBe(true);
    const seen = APPS.map((a) => totalCounts(counts(a)));

    await apply(true);
    // Nothing done by hand: the apply waited until both jobs ran again.
    const back = await Promise.all(before.map(apiDeployment));
    const restAgain = await restUrl();
    for (const [i, d] of back.entries()) {
      expect(d).toMatchObject({ id: before[i].deployment_id, status: "RUNNING" });
      expect(d.job_id).not.toBe(before[i].job_id);
      expect((await flinkGet(restAgain, `/jobs/${d.job_id}`)).state).toBe("RUNNING");
      const restored = (await flinkGet(restAgain, `/jobs/${d.job_id}/checkpoints`)).latest.restored;
      expect(restored.is_savepoint).toBe(true);
      expect(samePath(restored.external_path, suspended[i].last_savepoint)).toBe(true);
    }
    for (const [i, a] of APPS.entries()) {
      await waitFor(
        `more rows of ${a}`,
        async () => totalCounts(counts(a)),
        (n) => n > seen[i] + 20,
        60_000,
      );
      // Each user's count goes on from where it was: restored state, not a fresh start at 1.
      expect(countsUnbroken(counts(a))).toBe(true);
    }
    expect(await planIsEmpty()).toBe(true);
    // The service's apply does not write the deployments' state: a refresh reads what they are now.
    await acc.tf(wd, ["apply", "-refresh-only", "-auto-approve", "-input=false"]);
    const after = await Promise.all(APPS.map(deployment));
    after.forEach((d, i) => {
      expect(d).toMatchObject({ deployment_id: before[i].deployment_id, desired_state: "running" });
      expect(d.starting_savepoint_used).toBe(suspended[i].last_savepoint);
    });
    await acc.tf(wd, ["destroy", "-auto-approve", "-input=false"]);
  });

  test("a job whose savepoint is gone at power on: the apply fails with Flink's reason, the service runs", async () => {
    const lost = "tf-power-lost";
    const lwd = acc.workdir(lost, config(lost, out, true, ["first"]));
    await acc.tf(lwd, ["init", "-input=false"]);
    await acc.tf(lwd, ["apply", "-auto-approve", "-input=false"]);
    acc.writeConfig(lwd, config(lost, out, false, ["first"]));
    await acc.tf(lwd, ["apply", "-auto-approve", "-input=false"]);
    await acc.tf(lwd, ["apply", "-refresh-only", "-auto-approve", "-input=false"]);
    const show = JSON.parse(await acc.tf(lwd, ["show", "-json"]));
    const d = show.values.root_module.resources.find(
      (r: Json) => r.address === "flink_application_deployment.first",
    ).values;
    expect(d.status).toBe("SUSPENDED");
    fs.rmSync(d.last_savepoint.replace(/^file:/, ""), { recursive: true, force: true });

    acc.writeConfig(lwd, config(lost, out, true, ["first"]));
    const on = await acc.terraform(lwd, ["apply", "-auto-approve", "-input=false", "-no-color"]);
    expect(on.code).toBe(1);
    const message = on.stderr.replace(/\s+/g, " ");
    expect(message).toContain(`deployment ${d.deployment_id} of application first-counts is FAILED: `);
    const failed = await acc.api<Json>(
      "GET",
      `/project/local/service/${lost}/flink/application/${d.application_id}/deployment/${d.deployment_id}`,
    );
    expect(failed.body.status).toBe("FAILED");
    // Flink's own reason, naming the savepoint it could not find.
    expect(failed.body.error_msg).toContain(d.last_savepoint.replace(/^file:/, "").replace(/^\/+/, ""));
    const svc = (await acc.api<Json>("GET", `/project/local/service/${lost}`)).body.service;
    expect(svc.state).toBe("RUNNING");
    expect((await flinkGet(restUrlOf(svc), "/overview")).taskmanagers).toBe(1);
    await acc.tf(lwd, ["destroy", "-auto-approve", "-input=false"]);
  });
});
