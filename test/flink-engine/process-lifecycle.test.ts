/**
 * `flinkform local start --engine flink` as a user runs it: its Flink processes never outlive it,
 * not even after kill -9, and the next start brings services and jobs back where they were — from a
 * retained checkpoint after a crash, from a savepoint after a clean stop. `flinkform local logs`
 * shows the cluster's logs. Assertions read Flink's REST API and the process table.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import {
  describeWithFlink,
  flinkGet,
  flinkJob,
  flinkPids,
  type Json,
  PROJECT,
  postgresPids,
  restUrlOf,
  tempDir,
  waitFor,
} from "./flink-env";

jest.setTimeout(300_000);

const CLI = path.resolve(__dirname, "../../cli/main.ts");
const TOKEN = "lifecycle-token-0123";

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function startCli(dataDir: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", CLI, "local", "start", "--engine", "flink", "--data", dataDir, "--quiet"],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, FLINKFORM_LOCAL_TOKEN: TOKEN } },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const url = /url:\s+(\S+)/.exec(out)?.[1];
      if (url && /engine:\s+flink/.test(out)) resolve({ child, url, exited });
    });
    void exited.then((code) => reject(new Error(`local start exited early (${code}): ${out}`)));
  });
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c;
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describeWithFlink("flink engine: the processes of `flinkform local start`", () => {
  const dataDir = tempDir();
  let cp: Running | undefined;
  const api = async (method: string, p: string, body?: unknown): Promise<Json> => {
    const res = await fetch(cp!.url + p, {
      method,
      headers: { authorization: `aivenv1 ${TOKEN}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  };
  const service = async (): Promise<Json> =>
    (
      await waitFor(
        "service RUNNING",
        () => api("GET", `${PROJECT}/service/life`),
        (r) => r.service?.state === "RUNNING",
        180_000,
      )
    ).service;
  let appId = "";
  let deploymentId = "";
  let jobId = "";
  const runningJob = async () => {
    const svc = await service();
    await waitFor(
      "the deployment RUNNING",
      () => api("GET", `${PROJECT}/service/life/flink/application/${appId}/deployment/${deploymentId}`),
      (d) => d.status === "RUNNING",
      120_000,
    );
    const rest = restUrlOf(svc);
    const job = await waitFor(
      "the job RUNNING in Flink",
      () => flinkJob(rest, jobId),
      (j) => j.state === "RUNNING",
      30_000,
    );
    return { rest, job };
  };

  afterAll(async () => {
    if (cp && cp.child.exitCode === null) {
      cp.child.kill("SIGTERM");
      await cp.exited;
    }
  });

  test("kill -9 of the control plane takes its Flink processes with it", async () => {
    cp = await startCli(dataDir);
    await api("POST", `${PROJECT}/service`, {
      service_name: "life",
      service_type: "flink",
      plan: "business-4",
      user_config: { execution_checkpointing_interval_ms: 500 },
    });
    await service();
    appId = (await api("POST", `${PROJECT}/service/life/flink/application`, { name: "counts" })).id;
    const version = await api("POST", `${PROJECT}/service/life/flink/application/${appId}/version`, {
      statement: "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id",
      sources: [
        {
          create_table:
            "CREATE TABLE clicks (user_id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '10', 'fields.user_id.min' = '1', 'fields.user_id.max' = '3')",
        },
      ],
      sinks: [
        { create_table: "CREATE TABLE counts (user_id INT, n BIGINT) WITH ('connector' = 'blackhole')" },
      ],
    });
    const d = await api("POST", `${PROJECT}/service/life/flink/application/${appId}/deployment`, {
      version_id: version.id,
    });
    deploymentId = d.id;
    jobId = d.job_id;
    const { rest } = await runningJob();
    await waitFor(
      "a completed checkpoint",
      () => flinkGet(rest, `/jobs/${jobId}/checkpoints`),
      (c) => c.counts.completed > 0,
    );
    // The service's JobManager, TaskManager and SQL Gateway, and the local Kafka broker; and PostgreSQL.
    expect(flinkPids(dataDir)).toHaveLength(4);
    expect(postgresPids(dataDir).length).toBeGreaterThan(0);

    cp.child.kill("SIGKILL");
    await cp.exited;
    const left = await waitFor(
      "the JVMs and PostgreSQL to exit",
      async () => [...flinkPids(dataDir), ...postgresPids(dataDir)],
      (p) => p.length === 0,
      30_000,
    );
    expect(left).toEqual([]);
  });

  test("the next start brings the service back and its job resumes from its latest checkpoint", async () => {
    cp = await startCli(dataDir);
    const { rest } = await runningJob();
    const restored = (await flinkGet(rest, `/jobs/${jobId}/checkpoints`)).latest.restored;
    // A retained checkpoint of this very job (Flink restores it like a savepoint it does not own).
    expect(restored.external_path).toMatch(
      new RegExp(`^file:${path.join(dataDir, "flink", "life", "checkpoints", jobId)}/chk-\\d+$`),
    );
  });

  test("flinkform local logs shows the service's JobManager log", async () => {
    const logs = await runCli([
      "local",
      "logs",
      "life",
      "--data",
      dataDir,
      "--process",
      "jobmanager",
      "--lines",
      "0",
    ]);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain("==> jobmanager");
    expect(logs.stdout).toMatch(/Starting StandaloneSessionClusterEntrypoint/);
    const missing = await runCli(["local", "logs", "nope", "--data", dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no Flink logs for service nope");
  });

  test("SIGTERM stops every process after a savepoint, from which the next start resumes", async () => {
    cp!.child.kill("SIGTERM");
    expect(await cp!.exited).toBe(0);
    expect([...flinkPids(dataDir), ...postgresPids(dataDir)]).toEqual([]);
    cp = await startCli(dataDir);
    const { rest } = await runningJob();
    const restored = (await flinkGet(rest, `/jobs/${jobId}/checkpoints`)).latest.restored;
    expect(restored.external_path).toMatch(
      new RegExp(
        `^file:${path.join(dataDir, "flink", "life", "savepoints")}/savepoint-${jobId.slice(0, 6)}-`,
      ),
    );
    cp.child.kill("SIGTERM");
    expect(await cp.exited).toBe(0);
    expect([...flinkPids(dataDir), ...postgresPids(dataDir)]).toEqual([]);
  });
});
