import type { AddressInfo } from "node:net";
import type { EngineKind } from "./cluster/cluster-driver";
import { createClusterDriver, type EngineOption } from "./cluster/create-cluster-driver";
import type { ControlPlaneContext } from "./context";
import { type DataServiceOptions, type DataServices, startDataServices } from "./data-services/data-services";
import type { LocalDataAddresses } from "./data-services/local-data-addresses";
import { type FaultOptions, Faults } from "./faults";
import { createHttpServer } from "./http-server";
import { newToken } from "./ids";
import { Router } from "./router";
import { adminRoutes, failJob } from "./routes/admin";
import { applicationRoutes } from "./routes/applications";
import { deploymentCheckpointRoutes } from "./routes/deployment-checkpoints";
import { deploymentSavepointRoutes } from "./routes/deployment-savepoints";
import { deploymentRoutes } from "./routes/deployments";
import { integrationEndpointRoutes } from "./routes/integration-endpoints";
import { integrationRoutes } from "./routes/integrations";
import { jarApplicationRoutes } from "./routes/jar-applications";
import { jarDeploymentRoutes } from "./routes/jar-deployments";
import { jarUploadHandler } from "./routes/jar-upload";
import { jobRoutes } from "./routes/jobs";
import { queryRoutes } from "./routes/query";
import { savepointScheduleAdminRoutes, savepointScheduleRoutes } from "./routes/savepoint-schedules";
import { serviceTypeRoutes } from "./routes/service-types";
import { serviceRoutes } from "./routes/services";
import { versionRoutes } from "./routes/versions";
import { SavepointScheduler } from "./savepoint-schedules/savepoint-scheduler";
import { SqlValidationPool } from "./sql-validation-pool";
import { Store } from "./store";

export interface ControlPlaneOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  readonly host?: "127.0.0.1";
  /** Directory of the SQLite database; created if missing. */
  readonly dataDir: string;
  /** The one project the token owns (default `local`); other projects answer 403. */
  readonly project?: string;
  /** API token; generated when absent. */
  readonly token?: string;
  /** Multiplies every simulated duration (1 = realistic, 0.01 for tests). */
  readonly timeScale?: number;
  /** What runs the services' clusters and jobs: `simulated` (the default here) or real Flink. */
  readonly engine?: EngineOption;
  /**
   * Real data services: a Kafka broker and a PostgreSQL server run here (`true`) or used where they
   * run (an address). The API's Kafka and PostgreSQL services are them, and Flink jobs integrated
   * with those services read and write them. None by default.
   */
  readonly dataServices?: DataServiceOptions;
  readonly faults?: FaultOptions;
  /** Longest one SQL validation may run (default 20 s); longer ones answer 422. */
  readonly sqlValidationTimeoutMs?: number;
  /** Receives one JSON line per request; never tokens. Default: discard. */
  readonly log?: (line: string) => void;
}

export interface ControlPlane {
  /** API base URL, e.g. `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  /** Admin base URL (`http://127.0.0.1:PORT/admin`), same token. */
  readonly adminUrl: string;
  readonly port: number;
  readonly project: string;
  readonly token: string;
  readonly dataDir: string;
  readonly timeScale: number;
  /** Which engine runs the clusters: `simulated` or `flink`. */
  readonly engine: EngineKind;
  /** Where the real data services listen, when there are any (the PostgreSQL password is in it). */
  readonly dataServices: LocalDataAddresses;
  /** Replaces the injected faults (same as `PUT /admin/faults`). */
  setFaults(faults: FaultOptions): void;
  /** Fails a RUNNING job; the service's restart strategy decides what happens (`POST /admin/deployments/{id}/fail`). */
  failJob(deploymentId: string, message?: string): void;
  close(): Promise<void>;
}

export async function startControlPlane(options: ControlPlaneOptions): Promise<ControlPlane> {
  const project = options.project ?? "local";
  if (!/^[a-z][-a-z0-9]{0,62}$/.test(project))
    throw new Error(`invalid project name '${project}': use lowercase letters, digits and '-'`);
  const token = options.token ?? newToken();
  if (!/^\S{8,512}$/.test(token)) throw new Error("invalid token: use 8..512 non-blank characters");
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0 && Number.isFinite(timeScale))) throw new Error("timeScale must be a positive number");
  const log = options.log ?? (() => {});
  const store = new Store(options.dataDir);
  const faults = new Faults(options.faults ?? {});
  let data: DataServices;
  try {
    data = await startDataServices(options.dataServices ?? {}, options.dataDir, log);
  } catch (err) {
    store.close();
    throw err;
  }
  let cluster: ReturnType<typeof createClusterDriver>;
  try {
    cluster = createClusterDriver(options.engine ?? "simulated", {
      dataServices: data.addresses,
      store,
      project,
      dataDir: options.dataDir,
      timeScale,
      log,
    });
  } catch (err) {
    await data.close();
    store.close();
    throw err;
  }
  const sql = new SqlValidationPool({ timeoutMs: options.sqlValidationTimeoutMs });
  const ctx: ControlPlaneContext = { store, project, faults, cluster, dataServices: data.addresses, sql };
  const savepoints = new SavepointScheduler(store, project, cluster, log);
  // Upload URLs name this server; its port is known once it listens.
  let uploadOrigin = "";
  const api = new Router([
    ...serviceRoutes(ctx),
    ...serviceTypeRoutes(),
    ...integrationEndpointRoutes(ctx),
    ...integrationRoutes(ctx),
    ...applicationRoutes(ctx),
    ...versionRoutes(ctx),
    ...deploymentRoutes(ctx),
    ...deploymentSavepointRoutes(ctx),
    ...deploymentCheckpointRoutes(ctx),
    ...jobRoutes(ctx),
    ...queryRoutes(ctx),
    ...savepointScheduleRoutes(ctx, savepoints),
    ...jarApplicationRoutes(ctx, () => uploadOrigin),
    ...jarDeploymentRoutes(ctx),
  ]);
  const server = createHttpServer({
    api,
    admin: new Router([...adminRoutes(ctx), ...savepointScheduleAdminRoutes(savepoints)]),
    token,
    project,
    faults,
    log,
    uploads: jarUploadHandler(ctx, options.dataDir),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await data.close();
    store.close();
    throw err;
  }
  try {
    await cluster.start();
    savepoints.start();
  } catch (err) {
    await cluster.close();
    await data.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${options.host ?? "127.0.0.1"}:${port}`;
  uploadOrigin = origin;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/v1`,
    adminUrl: `${origin}/admin`,
    port,
    project,
    token,
    dataDir: options.dataDir,
    timeScale,
    engine: cluster.kind,
    dataServices: data.addresses,
    setFaults: (f) => faults.set(f),
    failJob: (id, message) => {
      failJob(ctx, id, message);
    },
    close: () => {
      closing ??= (async () => {
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        savepoints.stop();
        await sql.close();
        await cluster.close();
        await data.close();
        await serverClosed;
        store.close();
      })();
      return closing;
    },
  };
}
