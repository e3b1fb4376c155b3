/**
 * A service's cluster follows the service: powered off, its Flink processes stop; powered on, a
 * cluster runs again at the same address; deleted, its processes stop and its files are gone.
 */
import fs from "node:fs";
import path from "node:path";
import {
  createService,
  describeWithFlink,
  type EngineHarness,
  flinkGet,
  flinkPids,
  PROJECT,
  restUrlOf,
  startFlinkControlPlane,
  waitFor,
  waitService,
} from "./flink-env";

jest.setTimeout(240_000);

describeWithFlink("flink engine: power off, power on, delete", () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await startFlinkControlPlane();
  });
  afterAll(async () => {
    await h?.close();
  });

  test("the cluster stops with the service, comes back at the same address, and is removed with it", async () => {
    const before = await createService(h, "power");
    expect(flinkPids(h.dataDir)).toHaveLength(3);

    const off = await h.api("PUT", `${PROJECT}/service/power`, { powered: false });
    expect(off.body.service.state).toBe("POWEROFF");
    await waitFor(
      "no Flink process",
      async () => flinkPids(h.dataDir),
      (p) => p.length === 0,
      30_000,
    );

    await h.api("PUT", `${PROJECT}/service/power`, { powered: true });
    const after = await waitService(h, "power");
    expect(restUrlOf(after)).toBe(restUrlOf(before));
    expect((await flinkGet(restUrlOf(after), "/overview")).taskmanagers).toBe(1);

    expect((await h.api("DELETE", `${PROJECT}/service/power`)).status).toBe(200);
    await waitFor(
      "no Flink process",
      async () => flinkPids(h.dataDir),
      (p) => p.length === 0,
      30_000,
    );
    await waitFor(
      "the service's files removed",
      async () => fs.existsSync(path.join(h.dataDir, "flink", "power")),
      (exists) => !exists,
      30_000,
    );
  });
});
