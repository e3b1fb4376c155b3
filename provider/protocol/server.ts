/**
 * servePlugin: runs the process as a terraform provider (plugin protocol 6 over go-plugin) until
 * terraform sends GRPCController.Shutdown.
 */
import { createGrpcServer, type UnaryHandler } from "./grpc-server";
import { createLogger, type Logger, levelFromEnv } from "./logger";
import { createSocketDir, handshakeLine, launchProblem, transportSecurity } from "./plugin-host";
import { guardedCall } from "./rpc-guard";
import type { GetMetadataResponse, ProviderRpcHandlers, RpcContext } from "./rpc-types";

type AnyHandler = (request: object, ctx: RpcContext) => Promise<object>;

const RPCS: Record<string, keyof ProviderRpcHandlers> = {
  GetProviderSchema: "getProviderSchema",
  GetMetadata: "getMetadata",
  ValidateProviderConfig: "validateProviderConfig",
  ValidateResourceConfig: "validateResourceConfig",
  ValidateDataResourceConfig: "validateDataResourceConfig",
  ConfigureProvider: "configureProvider",
  UpgradeResourceState: "upgradeResourceState",
  ReadResource: "readResource",
  PlanResourceChange: "planResourceChange",
  ApplyResourceChange: "applyResourceChange",
  ImportResourceState: "importResourceState",
  MoveResourceState: "moveResourceState",
  ReadDataSource: "readDataSource",
  StopProvider: "stopProvider",
};

export interface ServePluginOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** The GetProviderSchema response encoded at build time: sent as is, the handler is not called. */
  schemaResponseBytes?: Uint8Array;
}

/**
 * The handlers, or a function that loads them. With a loader the handshake goes out first and the
 * engine's modules load while terraform connects: `servePlugin(() => import("./handlers").then(...))`.
 */
export type HandlersSource = ProviderRpcHandlers | (() => ProviderRpcHandlers | Promise<ProviderRpcHandlers>);

function metadataFromSchema(handlers: ProviderRpcHandlers): AnyHandler {
  return async (request, ctx) => {
    const schema = await handlers.getProviderSchema(request, ctx);
    const response: GetMetadataResponse = {
      server_capabilities: schema.server_capabilities,
      diagnostics: schema.diagnostics,
      resources: Object.keys(schema.resource_schemas ?? {}).map((type_name) => ({ type_name })),
      data_sources: Object.keys(schema.data_source_schemas ?? {}).map((type_name) => ({ type_name })),
    };
    return response;
  };
}

function resolveHandler(handlers: ProviderRpcHandlers, key: keyof ProviderRpcHandlers): AnyHandler {
  const handler = handlers[key] as AnyHandler | undefined;
  if (handler) return handler.bind(handlers);
  if (key === "getMetadata") return metadataFromSchema(handlers);
  if (key === "stopProvider") return async () => ({});
  throw new Error(`the provider has no ${key} handler`);
}

export async function servePlugin(source: HandlersSource, options: ServePluginOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const problem = launchProblem(env);
  if (problem) {
    process.stderr.write(problem);
    process.exit(1);
  }
  // stdout belongs to the handshake; stray console output goes to stderr, which terraform logs.
  console.log = console.error;
  console.info = console.error;
  console.debug = console.error;

  const log = options.logger ?? createLogger();
  // The two trace lines per call are skipped unless someone could see them.
  const tracing = options.logger !== undefined || levelFromEnv() === "trace";
  const socket = createSocketDir(env);
  process.on("exit", () => socket.cleanup());
  process.on("SIGTERM", () => {
    socket.cleanup();
    process.exit(0);
  });
  // Ctrl-C reaches the whole process group; terraform answers it with StopProvider, so ignore it here.
  process.on("SIGINT", () => log.debug("SIGINT ignored; waiting for StopProvider from terraform"));
  // A stray rejection or throw outside a handler must not turn into "plugin crashed" mid-apply.
  process.on("unhandledRejection", (reason) => log.error("unhandled rejection", { error: String(reason) }));
  process.on("uncaughtException", (err) =>
    log.error("uncaught exception", { error: err.stack ?? err.message }),
  );

  const inflight = new Set<AbortController>();
  let stopped: Error | undefined;

  // Loaded right after the handshake is printed (below), so terraform's connect overlaps the load.
  let loaded: Promise<ProviderRpcHandlers> | undefined;
  const handlers = () => {
    loaded ??= Promise.resolve().then(() => (typeof source === "function" ? source() : source));
    return loaded;
  };
  const unary: Record<string, UnaryHandler> = {};
  for (const [rpc, key] of Object.entries(RPCS)) {
    let resolved: AnyHandler | undefined;
    const fn: AnyHandler = async (request, ctx) => {
      resolved ??= resolveHandler(await handlers(), key);
      return resolved(request, ctx);
    };
    unary[`/tfplugin6.Provider/${rpc}`] = (call) => {
      if (rpc === "StopProvider") {
        stopped = new Error("terraform asked the provider to stop (StopProvider)");
        for (const c of inflight) c.abort(stopped);
      }
      // The signal and the per-call logger are made only for handlers that use them: most calls
      // of a plan (validate, upgrade, plan) never do.
      let controller: AbortController | undefined;
      let callLog: Logger | undefined;
      const typeName = (call.request as { type_name?: string }).type_name;
      const ctx: RpcContext = {
        get signal() {
          if (!controller) {
            controller = new AbortController();
            inflight.add(controller);
            const cancelled = call.signal;
            const abort = () => controller!.abort(new Error(`terraform cancelled ${rpc}`));
            if (cancelled.aborted) abort();
            else cancelled.addEventListener("abort", abort, { once: true });
            if (stopped && rpc !== "StopProvider") controller.abort(stopped);
          }
          return controller.signal;
        },
        get log() {
          callLog ??= log.with({ rpc, ...(typeName ? { type_name: typeName } : {}) });
          return callLog;
        },
      };
      const started = tracing ? Date.now() : 0;
      if (tracing) ctx.log.trace("rpc started");
      return guardedCall(rpc, fn, call.request, ctx).then((response) => {
        if (controller) inflight.delete(controller);
        if (tracing) ctx.log.trace("rpc finished", { duration_ms: Date.now() - started });
        return response;
      });
    };
  }
  // Shutdown ends the process: go-plugin waits 2 s for it to go before it kills it.
  unary["/plugin.GRPCController/Shutdown"] = async () => {
    setImmediate(() => {
      server.close();
      socket.cleanup();
      process.exit(0);
    });
    return {};
  };

  const { tls, handshakeCert } = transportSecurity(env);
  const server = createGrpcServer({
    unary,
    // Nothing is brokered and stdio is not forwarded (terraform reads stderr directly): go-plugin
    // opens these streams anyway, and they stay open until terraform ends them.
    heldStreams: ["/plugin.GRPCBroker/StartStream", "/plugin.GRPCStdio/StreamStdio"],
    tls,
    encodeOnce: new Set(["/tfplugin6.Provider/GetProviderSchema"]),
    preEncoded: options.schemaResponseBytes
      ? new Map([["/tfplugin6.Provider/GetProviderSchema", options.schemaResponseBytes]])
      : undefined,
  });
  await server.listen(socket.socketPath);
  process.stdout.write(handshakeLine(socket.socketPath, handshakeCert));
  log.debug("provider listening", { socket: socket.socketPath, tls: tls !== undefined });
  setImmediate(() => {
    handlers().catch((err: unknown) =>
      log.error("loading the provider handlers failed", { error: String(err) }),
    );
  });
}
