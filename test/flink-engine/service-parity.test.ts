/**
 * On the flink engine, the `components` and `connection_info.flink` a service reports (read by
 * `flink_service.components` and `flink.host_ports`) are its real session cluster's REST API:
 * asserted by asking Flink there, not by comparing with the control plane's own bookkeeping.
 */
import {
  createService,
  describeWithFlink,
  type EngineHarness,
  flinkGet,
  type Json,
  startFlinkControlPlane,
} from "./flink-env";

jest.setTimeout(240_000);

describeWithFlink("flink engine: a service's components", () => {
  let h: EngineHarness;
  let service: Json;
  beforeAll(async () => {
    h = await startFlinkControlPlane();
    service = await createService(h, "parity1");
  });
  afterAll(async () => {
    await h?.close();
  });

  test("the one component is the cluster's Flink REST API, plain http on loopback", async () => {
    expect(service.components).toHaveLength(1);
    const [c] = service.components;
    expect(c).toMatchObject({ component: "flink", route: "dynamic", usage: "primary", ssl: false });
    expect(service.connection_info.flink).toEqual([`${c.host}:${c.port}`]);
    // Flink itself answers there, with the release the service says it runs.
    const config = await flinkGet(`http://${c.host}:${c.port}`, "/config");
    expect(config["flink-version"]).toBe(service.metadata.flink_version);
    const overview = await flinkGet(`http://${c.host}:${c.port}`, "/overview");
    expect(overview.taskmanagers).toBeGreaterThanOrEqual(1);
  });
});
