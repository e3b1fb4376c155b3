/**
 * servePlugin: runs the process as a terraform provider (plugin protocol 6 over go-plugin) until
 * terraform sends GRPCController.Shutdown.
 */
import type * as grpcTypes from "@grpc/grpc-js";
import { brokerService, controllerService, providerService, stdioService } from "./grpc-definitions";
import { createLogger, type Logger } from "./logger";
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
  ReadDataSource: "readDataSource",
  StopProvider: "stopProvider",
};

export interface ServePluginOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
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
  const grpc: typeof grpcTypes = require("@grpc/grpc-js");
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

  const server = new grpc.Server({ "grpc.max_receive_message_length": 256 * 1024 * 1024 });
  const inflight = new Set<AbortController>();
  let stopped: Error | undefined;

  // Loaded right after the handshake is printed (below), so terraform's connect overlaps the load.
  let loaded: Promise<ProviderRpcHandlers> | undefined;
  const handlers = () => {
    loaded ??= Promise.resolve().then(() => (typeof source === "function" ? source() : source));
    return loaded;
  };
  const implementation: Record<string, grpcTypes.UntypedHandleCall> = {};
  for (const [rpc, key] of Object.entries(RPCS)) {
    const fn: AnyHandler = async (request, ctx) => resolveHandler(await handlers(), key)(request, ctx);
    implementation[rpc] = (
      call: grpcTypes.ServerUnaryCall<object, object>,
      callback: grpcTypes.sendUnaryData<object>,
    ) => {
      if (rpc === "StopProvider") {
        stopped = new Error("terraform asked the provider to stop (StopProvider)");
        for (const c of inflight) c.abort(stopped);
      }
      const controller = new AbortController();
      if (stopped && rpc !== "StopProvider") controller.abort(stopped);
      inflight.add(controller);
      call.on("cancelled", () => controller.abort(new Error(`terraform cancelled ${rpc}`)));
      const typeName = (call.request as { type_name?: string }).type_name;
      const ctx: RpcContext = {
        signal: controller.signal,
        log: log.with({ rpc, ...(typeName ? { type_name: typeName } : {}) }),
      };
      const started = Date.now();
      ctx.log.trace("rpc started");
      void guardedCall(rpc, fn, call.request, ctx).then((response) => {
        inflight.delete(controller);
        ctx.log.trace("rpc finished", { duration_ms: Date.now() - started });
        callback(null, response);
      });
    };
  }
  server.addService(providerService(), implementation);

  server.addService(brokerService(), {
    // Nothing is brokered; keep the stream open until terraform ends it.
    StartStream: (call: grpcTypes.ServerDuplexStream<object, object>) => {
      call.on("data", () => {});
      call.on("error", () => {});
      call.on("end", () => call.end());
    },
  });
  server.addService(stdioService(), {
    // stdout/stderr are not forwarded over gRPC; terraform reads stderr directly.
    StreamStdio: (call: grpcTypes.ServerWritableStream<object, object>) => {
      call.on("error", () => {});
    },
  });
  server.addService(controllerService(), {
    Shutdown: (
      _call: grpcTypes.ServerUnaryCall<object, object>,
      callback: grpcTypes.sendUnaryData<object>,
    ) => {
      callback(null, {});
      // go-plugin waits 2 s for the process to go before it kills it; exit at once instead.
      setImmediate(() => {
        server.forceShutdown();
        socket.cleanup();
        process.exit(0);
      });
    },
  });

  const { credentials, handshakeCert } = transportSecurity(grpc, env);
  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix:${socket.socketPath}`, credentials, (err) => (err ? reject(err) : resolve()));
  });
  process.stdout.write(handshakeLine(socket.socketPath, handshakeCert));
  log.debug("provider listening", { socket: socket.socketPath, tls: handshakeCert !== "" });
  setImmediate(() => {
    handlers().catch((err: unknown) =>
      log.error("loading the provider handlers failed", { error: String(err) }),
    );
  });
}
