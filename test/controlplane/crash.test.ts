import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { startControlPlane } from "../../controlplane";
import { eventually, type Json, SINK, SRC, STATEMENT, TOKEN, tempDir } from "./helpers";

function serveInChild(dataDir: string, timeScale: number): Promise<{ child: ChildProcess; url: string }> {
  // node itself with tsx's require hook (not the tsx launcher), so SIGKILL hits the server process.
  const child = spawn(
    process.execPath,
    ["--require", "tsx/cjs", path.join(__dirname, "fixtures/serve.ts"), dataDir, TOKEN, String(timeScale)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, url: JSON.parse(line).url });
    });
    child.on("exit", (code) => reject(new Error(`child exited early (${code})`)));
    setTimeout(() => reject(new Error("child did not start within 30 s")), 30_000).unref();
  });
}

async function call(url: string, method: string, p: string, body?: unknown): Promise<Json> {
  const res = await fetch(url + p, {
    method,
    headers: { authorization: `aivenv1 ${TOKEN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

describe("crash safety", () => {
  test("kill -9 mid-lifecycle: every acknowledged write is there after restart and transitions resume", async () => {
    const dataDir = tempDir();
    // Scale 0.05: the service build takes 3 s, so the kill lands while it and the deployment are in flight.
    const { child, url } = await serveInChild(dataDir, 0.05);
    let created: { appId: string; deploymentId: string; burst: string[] };
    try {
      await call(url, "POST", "/project/local/service", {
        service_name: "crashy",
        service_type: "flink",
        plan: "business-4",
      });
      await call(url, "POST", "/project/local/service", {
        service_name: "crashy-kafka",
        service_type: "kafka",
        plan: "startup-2",
      });
      const integration = (
        await call(url, "POST", "/project/local/integration", {
          integration_type: "flink",
          source_service: "crashy-kafka",
          dest_service: "crashy",
        })
      ).service_integration.service_integration_id;
      const base = "/project/local/service/crashy/flink/application";
      const app = await call(url, "POST", base, { name: "survivor" });
      const version = await call(url, "POST", `${base}/${app.id}/version`, {
        statement: STATEMENT,
        sources: [{ create_table: SRC, integration_id: integration }],
        sinks: [{ create_table: SINK, integration_id: integration }],
      });
      const deployment = await call(url, "POST", `${base}/${app.id}/deployment`, { version_id: version.id });
      expect(deployment.status).toBe("INITIALIZING");
      // A burst of concurrent writes, all acknowledged before the kill.
      const burst = await Promise.all(
        Array.from({ length: 25 }, (_, i) => call(url, "POST", base, { name: `burst-${i}` })),
      );
      created = { appId: app.id, deploymentId: deployment.id, burst: burst.map((a) => a.id) };
      expect((await call(url, "GET", "/project/local/service/crashy")).service.state).toBe("REBUILDING");
    } finally {
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
    }

    const cp = await startControlPlane({ dataDir, token: TOKEN, timeScale: 0.05 });
    try {
      const apps = (
        await call(cp.url, "GET", "/project/local/service/crashy/flink/application")
      ).applications.map((a: { id: string }) => a.id);
      expect(apps).toEqual(expect.arrayContaining([created.appId, ...created.burst]));
      const depUrl = `/project/local/service/crashy/flink/application/${created.appId}/deployment/${created.deploymentId}`;
      const running = await eventually(async () => {
        const d = await call(cp.url, "GET", depUrl);
        return d.status === "RUNNING" ? d : undefined;
      }, "deployment RUNNING after restart");
      expect(running.id).toBe(created.deploymentId);
      expect((await call(cp.url, "GET", "/project/local/service/crashy")).service.state).toBe("RUNNING");
    } finally {
      await cp.close();
    }
  }, 60_000);
});
