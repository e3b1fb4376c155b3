/**
 * A service whose Flink cluster cannot start says why, and terraform stops waiting with that cause
 * instead of running into its 20-minute timeout. Provoked for real: a TaskManager larger than this
 * machine's memory, which the JVM refuses to start.
 */
import { type AcceptanceEnv, startAcceptanceEnv } from "../acceptance/harness";
import { describeWithFlink, flinkPids, type Json } from "./flink-env";

jest.setTimeout(240_000);

describeWithFlink("flink engine: a cluster that cannot start", () => {
  let acc: AcceptanceEnv;
  beforeAll(async () => {
    acc = await startAcceptanceEnv({ engine: { kind: "flink", taskManagerMemory: "150g" } });
  });
  afterAll(async () => {
    await acc?.close();
  });

  test("terraform apply fails with the cause (out of memory), and no Flink process is left behind", async () => {
    const wd = acc.workdir(
      "oom",
      `resource "flink_service" "s" {
  project      = "local"
  service_name = "too-big"
  plan         = "business-4"
}`,
    );
    await acc.tf(wd, ["init", "-input=false"]);
    const started = Date.now();
    const apply = await acc.terraform(wd, ["apply", "-auto-approve", "-no-color", "-input=false"]);
    expect(apply.code).toBe(1);
    const said = apply.stderr.replace(/\s+/g, " "); // terraform wraps long lines
    expect(said).toMatch(/the Flink cluster of service too-big did not start: the taskmanager exited/);
    expect(said).toMatch(/out of memory/);
    expect(Date.now() - started).toBeLessThan(180_000);
    const svc: Json = (await acc.api<Json>("GET", "/project/local/service/too-big")).body.service;
    expect(svc.state).toBe("REBUILDING");
    expect(svc.service_notifications[0]).toMatchObject({ level: "warning", type: "service_start_failed" });
    expect(flinkPids(acc.dir)).toEqual([]);
  });
});
