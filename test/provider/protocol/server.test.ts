import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { createServerCertificate } from "../../../provider/protocol/auto-mtls";
import { decodeDynamicValue, encodeDynamicValue, UNKNOWN } from "../../../provider/protocol/dynamic-value";
import { MAGIC_COOKIE_VALUE } from "../../../provider/protocol/plugin-host";
import { bundleEchoProvider } from "./fixture-bundle";
import { type RunningPlugin, startPlugin } from "./plugin-client";

let bundlePath: string;
const running: RunningPlugin[] = [];

beforeAll(async () => {
  ({ bundlePath } = await bundleEchoProvider());
}, 60_000);

afterEach(() => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill("SIGKILL");
});

async function start(env: NodeJS.ProcessEnv = {}): Promise<RunningPlugin> {
  const p = await startPlugin(bundlePath, env);
  running.push(p);
  return p;
}

type Diag = { severity: string; summary: string; detail: string; attribute?: { steps: object[] } };

describe("servePlugin", () => {
  test("prints the go-plugin handshake with an unpadded localhost certificate", async () => {
    const socketDir = mkdtempSync(path.join(tmpdir(), "flinkform-sock-"));
    const p = await start({ PLUGIN_UNIX_SOCKET_DIR: socketDir });
    expect(p.handshake.slice(0, 3)).toEqual(["1", "6", "unix"]);
    expect(p.handshake[4]).toBe("grpc");
    expect(p.handshake[5]).not.toMatch(/=$/);
    expect(path.dirname(path.dirname(p.socketPath))).toBe(socketDir);
    expect(p.serverCert.subjectAltName).toBe("DNS:localhost");
    await p.shutdown();
    expect(await p.exited).toBe(0);
    // The socket directory goes with the process.
    expect(readdirSync(socketDir)).toEqual([]);
  });

  test("serves the cached schema over mTLS, repeatedly", async () => {
    const p = await start();
    const first = await p.call<{ resource_schemas: Record<string, unknown>; server_capabilities: object }>(
      "GetProviderSchema",
      {},
    );
    const second = await p.call("GetProviderSchema", {});
    expect(Object.keys(first.resource_schemas)).toEqual(["flink_echo"]);
    expect(first.server_capabilities).toMatchObject({ plan_destroy: true });
    expect(first.server_capabilities).toMatchObject({ get_provider_schema_optional: true });
    expect(second).toEqual(first);
  });

  test("refuses a client that does not present terraform's certificate", async () => {
    const p = await start();
    const stranger = createServerCertificate();
    const serverPem = Buffer.from(
      `-----BEGIN CERTIFICATE-----\n${p.serverCert.raw.toString("base64")}\n-----END CERTIFICATE-----\n`,
    );
    const noCert = p.client(grpc.credentials.createSsl(serverPem));
    await expect(p.call("GetProviderSchema", {}, noCert)).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
    const wrongCert = p.client(
      grpc.credentials.createSsl(serverPem, Buffer.from(stranger.keyPem), Buffer.from(stranger.certPem)),
    );
    await expect(p.call("GetProviderSchema", {}, wrongCert)).rejects.toMatchObject({
      code: grpc.status.UNAVAILABLE,
    });
  });

  test("garbage msgpack from terraform becomes an error diagnostic", async () => {
    const p = await start();
    const res = await p.call<{ diagnostics: Diag[] }>("ValidateResourceConfig", {
      type_name: "flink_echo",
      config: { msgpack: Buffer.from([0xc1, 0xff, 0x00]) },
    });
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics[0]).toMatchObject({ severity: "ERROR", summary: "Invalid Value From Terraform" });
    expect(res.diagnostics[0]!.detail).toContain("malformed msgpack");
    // The process keeps serving.
    await expect(p.call("GetProviderSchema", {})).resolves.toBeDefined();
  });

  test("diagnostics carry attribute paths to the offending nested value", async () => {
    const p = await start();
    const type = ["object", { name: "string", settings: ["object", { slots: "number" }] }] as const;
    const res = await p.call<{ diagnostics: Diag[] }>("ValidateResourceConfig", {
      type_name: "flink_echo",
      config: encodeDynamicValue({ name: "a", settings: { slots: 0 } }, type),
    });
    expect(res.diagnostics[0]).toMatchObject({
      summary: "Invalid Slots",
      attribute: { steps: [{ attribute_name: "settings" }, { attribute_name: "slots" }] },
    });
  });

  test("plans unknown computed values and they come back as the unknown sentinel", async () => {
    const p = await start();
    const echoType = [
      "object",
      {
        delay_ms: "number",
        id: "string",
        label: "string",
        legacy: "string",
        name: "string",
        number: "number",
        settings: ["object", { mode: "string", slots: "number" }],
        tags: ["map", "string"],
        token: "string",
        item: ["list", ["object", { key: "string", weight: "number" }]],
        owner: ["object", { email: "string" }],
      },
    ] as const;
    const proposed = encodeDynamicValue({ name: "n", item: [] }, echoType);
    const res = await p.call<{ planned_state: { msgpack: Buffer } }>("PlanResourceChange", {
      type_name: "flink_echo",
      prior_state: encodeDynamicValue(null, echoType),
      proposed_new_state: proposed,
      config: proposed,
    });
    const planned = decodeDynamicValue(res.planned_state, echoType) as Record<string, unknown>;
    expect(planned.id).toBe(UNKNOWN);
    expect(planned.name).toBe("n");
  });

  test("StopProvider aborts an in-flight apply, which returns its diagnostic", async () => {
    const p = await start();
    const type = ["object", { name: "string", delay_ms: "number", id: "string" }] as const;
    const planned = encodeDynamicValue({ name: "slow", delay_ms: 60_000, id: UNKNOWN }, type);
    const apply = p.call<{ diagnostics: Diag[] }>("ApplyResourceChange", {
      type_name: "flink_echo",
      prior_state: encodeDynamicValue(null, type),
      planned_state: planned,
      config: planned,
    });
    // Give the apply time to start waiting before terraform's Ctrl-C arrives.
    await new Promise((r) => setTimeout(r, 200));
    const stop = await p.call<{ Error?: string }>("StopProvider", {});
    expect(stop.Error ?? "").toBe("");
    const res = await apply;
    expect(res.diagnostics[0]).toMatchObject({ severity: "ERROR", summary: "Apply Interrupted" });
  });

  test("SIGTERM removes the socket directory", async () => {
    const p = await start();
    const dir = path.dirname(p.socketPath);
    expect(existsSync(dir)).toBe(true);
    p.child.kill("SIGTERM");
    await p.exited;
    expect(existsSync(dir)).toBe(false);
  });

  test("SIGINT is left to terraform, which follows it with StopProvider", async () => {
    const p = await start();
    p.child.kill("SIGINT");
    await expect(p.call("GetProviderSchema", {})).resolves.toBeDefined();
  });

  test("without a client certificate (TF_DISABLE_PLUGIN_TLS) it serves plaintext and says so", async () => {
    const child = spawn(process.execPath, [bundlePath], {
      env: { PATH: process.env.PATH, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE },
    });
    const line = await new Promise<string>((resolve) => {
      let out = "";
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0]!);
      });
    });
    child.kill("SIGTERM");
    expect(line).toMatch(/^1\|6\|unix\|.+\/plugin\.sock\|grpc\|$/);
  });

  test("refuses to run for a client that only speaks protocol 5", async () => {
    await expect(start({ PLUGIN_PROTOCOL_VERSIONS: "5" })).rejects.toThrow(/protocol 6/);
  });
});
