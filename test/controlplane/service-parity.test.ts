/**
 * What the local control plane answers for the service fields behind the official provider's common
 * service attributes: no VPCs and no static IPs (clear 400s), the admin credentials it generates and
 * keeps, and `components` naming the address the service really has.
 */
import fs from "node:fs";
import path from "node:path";
import { startControlPlane } from "../../controlplane";
import { eventually, type Harness, start, TOKEN, tempDir } from "./helpers";

const VPC = "0b7e3f3c-59a5-4a4b-9b55-1f0c5a8b2e10";
const svcUrl = (name: string) => `/project/local/service/${name}`;
const create = (h: Harness, name: string, extra: Record<string, unknown> = {}) =>
  h.api("POST", "/project/local/service", {
    service_name: name,
    service_type: "flink",
    plan: "business-4",
    ...extra,
  });

describe("service parity fields", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.cp.close());

  test("project_vpc_id: null is the public internet; a VPC id is refused, and nothing is created", async () => {
    const ok = await create(h, "vpc-null", { project_vpc_id: null });
    expect(ok.status).toBe(200);
    expect(ok.body.service.project_vpc_id).toBeNull();

    const res = await create(h, "vpc-set", { project_vpc_id: VPC });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      `project_vpc_id: VPC '${VPC}' does not exist in project local; this control plane has no project VPCs (leave it unset to run on the public internet)`,
    );
    expect((await h.api("GET", svcUrl("vpc-set"))).status).toBe(404);
  });

  test("project_vpc_id on update: refused, the service unchanged", async () => {
    const res = await h.api("PUT", svcUrl("vpc-null"), { project_vpc_id: VPC, plan: "business-8" });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^project_vpc_id: VPC '.*' does not exist in project local;/);
    const after = (await h.api("GET", svcUrl("vpc-null"))).body.service;
    expect(after).toMatchObject({ project_vpc_id: null, plan: "business-4" });
    expect((await h.api("PUT", svcUrl("vpc-null"), { project_vpc_id: null })).status).toBe(200);
  });

  test("static_ips: an empty list is fine, an id is unknown, a non-string is malformed", async () => {
    expect((await create(h, "ips-empty", { static_ips: [] })).status).toBe(200);
    const unknown = await create(h, "ips-one", { static_ips: ["ip359373e5e56"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe(
      "static_ips: static IP 'ip359373e5e56' does not exist in project local; this control plane has no static IPs",
    );
    const malformed = await create(h, "ips-bad", { static_ips: [7] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe("static_ips[0]: expected a string");
    for (const name of ["ips-one", "ips-bad"]) expect((await h.api("GET", svcUrl(name))).status).toBe(404);
  });

  test("create-time service_integrations are refused for Flink", async () => {
    const res = await create(h, "si", {
      service_integrations: [{ integration_type: "flink", source_service: "kafka-1" }],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(
      /^service_integrations: Flink services take no integrations at create time/,
    );
  });

  test("components name the address the service answers on; the admin user is avnadmin", async () => {
    await create(h, "comp");
    const svc = await eventually(async () => {
      const s = (await h.api("GET", svcUrl("comp"))).body.service;
      return s.state === "RUNNING" ? s : undefined;
    }, "RUNNING");
    const { host, port, user, password } = svc.service_uri_params;
    expect(svc.components).toEqual([
      { component: "flink", host, port: Number(port), route: "dynamic", usage: "primary", ssl: true },
    ]);
    expect(svc.connection_info.flink).toEqual([`${host}:${port}`]);
    expect(user).toBe("avnadmin");
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(svc.users).toEqual([{ username: "avnadmin", password, type: "primary" }]);
    expect(svc.maintenance.enabled).toBe(true);
    // Each service gets its own password, and no log line carries one.
    const other = (await h.api("GET", svcUrl("vpc-null"))).body.service.service_uri_params.password;
    expect(other).not.toBe(password);
    expect(h.logs.join("\n")).not.toContain(password);
  });
});

test("the generated password is kept in the owner-only data directory across a restart", async () => {
  const dataDir = tempDir();
  const opts = { dataDir, token: TOKEN, timeScale: 0.01, log: () => {} };
  let cp = await startControlPlane(opts);
  const call = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(cp.url + p, {
      method,
      headers: { authorization: `aivenv1 ${TOKEN}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as { service: { service_uri_params: { password: string } } };
  };
  try {
    const created = await call("POST", "/project/local/service", {
      service_name: "keep",
      service_type: "flink",
      plan: "business-4",
    });
    const password = created.service.service_uri_params.password;
    await cp.close();
    cp = await startControlPlane({ ...opts, port: cp.port });
    expect((await call("GET", svcUrl("keep"))).service.service_uri_params.password).toBe(password);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, "controlplane.sqlite")).mode & 0o777).toBe(0o600);
  } finally {
    await cp.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
