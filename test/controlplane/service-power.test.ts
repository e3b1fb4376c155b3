/**
 * Power off and on through the API (simulated engine): the deployments survive, SUSPENDED with a
 * savepoint while the service is off, and run again from it once it is on, with nothing done by
 * hand. (The hosted API drops the applications instead; see README.)
 */
import path from "node:path";
import Database from "better-sqlite3";
import { deploymentIn, eventually, type Harness, pipeline, start } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start();
});
afterAll(() => h.cp.close());

const svcUrl = (name: string) => `/project/local/service/${name}`;

async function runningDeployment(service: string) {
  const { appBase, version } = await pipeline(h, { service });
  const created = (await h.api("POST", `${appBase}/deployment`, { version_id: version.id })).body;
  const url = `${appBase}/deployment/${created.id}`;
  return { appBase, url, running: await deploymentIn(h, url, ["RUNNING"]) };
}

const serviceIn = (name: string, state: string) =>
  eventually(async () => {
    const svc = (await h.api("GET", svcUrl(name))).body.service;
    return svc.state === state ? svc : undefined;
  }, `service ${name} ${state}`);

test("power off suspends the running job with a savepoint; power on runs it again from that savepoint under the same deployment", async () => {
  const { appBase, url, running } = await runningDeployment("pw-cycle");

  const off = await h.api("PUT", svcUrl("pw-cycle"), { powered: false });
  expect(off.body.service.state).toBe("POWEROFF");
  const suspended = await deploymentIn(h, url, ["SUSPENDED"]);
  expect(suspended).toMatchObject({ id: running.id, job_id: running.job_id });
  expect(suspended.last_savepoint).toContain(`savepoint-${running.job_id.slice(0, 6)}`);
  // The application and its version stay (the hosted service drops them).
  expect((await h.api("GET", appBase)).status).toBe(200);

  await h.api("PUT", svcUrl("pw-cycle"), { powered: true });
  await serviceIn("pw-cycle", "RUNNING");
  const back = await deploymentIn(h, url, ["RUNNING"]);
  expect(back.id).toBe(running.id);
  expect(back.job_id).not.toBe(running.job_id);
  expect(back.starting_savepoint).toBe(suspended.last_savepoint);
  expect(back.error_msg).toBeUndefined();
});

test("a job whose savepoint is gone at power on fails with the reason; the service runs", async () => {
  const { url } = await runningDeployment("pw-gone");
  await h.api("PUT", svcUrl("pw-gone"), { powered: false });
  const suspended = await deploymentIn(h, url, ["SUSPENDED"]);
  // The simulated checkpoint storage is the savepoint table: the savepoint is deleted from it.
  const db = new Database(path.join(h.cp.dataDir, "controlplane.sqlite"));
  try {
    db.prepare("DELETE FROM resources WHERE kind = 'savepoint' AND id = ?").run(suspended.last_savepoint);
  } finally {
    db.close();
  }

  await h.api("PUT", svcUrl("pw-gone"), { powered: true });
  const failed = await deploymentIn(h, url, ["FAILED"]);
  expect(failed.error_msg).toBe(
    `Restoring the job failed: savepoint not found in the checkpoint storage of service pw-gone: ${suspended.last_savepoint}`,
  );
  expect((await serviceIn("pw-gone", "RUNNING")).state).toBe("RUNNING");
});

test("a deployment suspended by power off can be cancelled and deleted while the service is off", async () => {
  const { url } = await runningDeployment("pw-cancel");
  await h.api("PUT", svcUrl("pw-cancel"), { powered: false });
  await deploymentIn(h, url, ["SUSPENDED"]);
  expect((await h.api("POST", `${url}/cancel`)).status).toBe(200);
  await deploymentIn(h, url, ["CANCELED"]);
  expect((await h.api("DELETE", url)).status).toBe(200);
  // Nothing left to restart: power on brings the service back alone.
  await h.api("PUT", svcUrl("pw-cancel"), { powered: true });
  await serviceIn("pw-cancel", "RUNNING");
  expect((await h.api("GET", url)).status).toBe(404);
});
