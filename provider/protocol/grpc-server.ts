/**
 * The gRPC server terraform talks to, on node:http2 directly: unary calls, plus the two go-plugin
 * streams that are only held open. A plan makes ~4 calls per resource, and grpc-js' per-call
 * machinery (call objects, metadata, filters, deadline timers, stream wrappers) cost about as much
 * CPU as the handlers; here a call is one HTTP/2 stream, one protobuf decode and one encode.
 * Transport security is unchanged: TLS with terraform's certificate as the only trusted root, and
 * a client certificate required (go-plugin AutoMTLS).
 * Errors follow grpc/grpc's PROTOCOL-HTTP2.md and statuscodes.md, also for frames terraform never
 * sends (framing and size limit: grpc-message.ts). grpc-timeout is not read: terraform 1.11
 * (grpc-go 1.59) sends none and cancels calls with RST_STREAM, which aborts the handler's signal.
 */
import http2 from "node:http2";
import type { Type } from "protobufjs/light";
import { encodeOnce, methodTypes } from "./grpc-definitions";
import { frame, UnaryRequestBody } from "./grpc-message";
import { GrpcError, GrpcStatus, percentEncode } from "./grpc-status";

export { GrpcError, GrpcStatus } from "./grpc-status";

export interface UnaryCall {
  request: object;
  /** Aborted when terraform cancels the call (RST_STREAM) or the connection goes. */
  signal: AbortSignal;
}

export type UnaryHandler = (call: UnaryCall) => Promise<object>;

export interface GrpcServerOptions {
  /** Unary methods by full path, e.g. "/tfplugin6.Provider/ReadResource". */
  unary: Record<string, UnaryHandler>;
  /** Streaming methods held open until the client ends them (GRPCBroker, GRPCStdio). */
  heldStreams: readonly string[];
  /** TLS material; absent for plaintext (TF_DISABLE_PLUGIN_TLS). */
  tls?: { key: string; cert: string; clientCa: string };
  /** Methods whose response object is encoded once and its bytes kept (the provider schema). */
  encodeOnce?: ReadonlySet<string>;
  /** Methods answered with bytes encoded beforehand, whatever the request (the provider schema). */
  preEncoded?: ReadonlyMap<string, Uint8Array>;
}

// Snake_case fields, enums as strings, int64 as numbers, unset fields stay undefined: as grpc-js
// was configured before, so the handlers see the same objects.
const CONVERSION = { longs: Number, enums: String, defaults: false, oneofs: true } as const;
const GRPC_HEADERS = { ":status": 200, "content-type": "application/grpc" } as const;

/** The response message, then grpc-status 0 in trailers. */
function respondOk(stream: http2.ServerHttp2Stream, bytes: Uint8Array): void {
  if (stream.destroyed || stream.closed) return;
  try {
    stream.respond(GRPC_HEADERS, { waitForTrailers: true });
    stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
    stream.end(frame(bytes));
  } catch {
    // A stream the session is tearing down (GOAWAY, socket gone): nobody is left to answer.
    stream.destroy();
  }
}

/**
 * Ends the call with an error status in a trailers-only response (one HEADERS frame with
 * END_STREAM). If the client may still be sending, RST_STREAM NO_ERROR follows, as the spec's
 * "Early Server Closure" asks: otherwise the unread DATA of a refused call would keep holding the
 * connection's flow-control window, and the other calls on it would stall.
 */
function endWithStatus(
  stream: http2.ServerHttp2Stream,
  code: number,
  message: string,
  httpStatus = 200,
): void {
  if (stream.destroyed || stream.closed) return;
  try {
    if (!stream.headersSent) {
      const status = { "grpc-status": String(code), "grpc-message": percentEncode(message) };
      stream.respond({ ...GRPC_HEADERS, ":status": httpStatus, ...status }, { endStream: true });
    }
    if (!stream.readableEnded && !stream.endAfterHeaders) stream.close(http2.constants.NGHTTP2_NO_ERROR);
  } catch {
    stream.destroy();
  }
}

function decodeRequest(type: Type, message: Buffer): object {
  try {
    return type.toObject(type.decode(message), CONVERSION);
  } catch (err) {
    throw new GrpcError(GrpcStatus.INTERNAL, `cannot parse the request: ${(err as Error).message}`);
  }
}

function serveUnary(
  stream: http2.ServerHttp2Stream,
  handler: UnaryHandler,
  types: { request: Type; response: Type },
  cacheEncoding: boolean,
): void {
  const body = new UnaryRequestBody();
  let refused = false;
  let settled = false;
  let controller: AbortController | undefined;
  let cancelled = false;
  // Created only when a handler looks at it: most calls never do.
  const call = {
    request: {} as object,
    get signal() {
      controller ??= new AbortController();
      if (cancelled && !controller.signal.aborted)
        controller.abort(new Error("terraform cancelled the call"));
      return controller.signal;
    },
  };
  // Closed before the handler answered: the client reset the stream or the connection went.
  stream.once("close", () => {
    if (settled) return;
    cancelled = true;
    controller?.abort(new Error("terraform cancelled the call"));
  });
  stream.on("data", (chunk: Buffer) => {
    if (refused) return;
    const problem = body.add(chunk);
    if (!problem) return;
    refused = settled = true;
    endWithStatus(stream, problem.code, problem.message);
  });
  stream.on("end", () => {
    if (refused || stream.destroyed || stream.headersSent) return;
    let pending: Promise<object>;
    try {
      call.request = decodeRequest(types.request, body.message());
      pending = handler(call);
    } catch (err) {
      // A bad request, or a handler that threw before returning its promise.
      pending = Promise.reject(err);
    }
    pending.then(
      (response) => {
        settled = true;
        if (stream.destroyed || stream.closed) return;
        let bytes: Uint8Array;
        try {
          bytes = cacheEncoding
            ? encodeOnce(types.response, response)
            : types.response.encode(types.response.fromObject(response)).finish();
        } catch (err) {
          // A response that does not fit the message type: the call fails, it never hangs.
          endWithStatus(stream, GrpcStatus.INTERNAL, `cannot encode the response: ${(err as Error).message}`);
          return;
        }
        respondOk(stream, bytes);
      },
      (err: unknown) => {
        settled = true;
        // A plain error is UNKNOWN, as grpc-go and grpc-js servers (and statuscodes.md) have it.
        const code = err instanceof GrpcError ? err.code : GrpcStatus.UNKNOWN;
        endWithStatus(stream, code, err instanceof Error ? err.message : String(err));
      },
    );
  });
}

/** A stream go-plugin opens and keeps: nothing is sent on it; it ends when the client ends it. */
function holdStream(stream: http2.ServerHttp2Stream): void {
  stream.respond(GRPC_HEADERS, { waitForTrailers: true });
  stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
  stream.on("data", () => {});
  stream.on("end", () => {
    if (!stream.destroyed) stream.end();
  });
}

export interface GrpcServer {
  listen(socketPath: string): Promise<void>;
  /** Closes every connection at once. */
  close(): void;
}

export function createGrpcServer(options: GrpcServerOptions): GrpcServer {
  const settings = { maxConcurrentStreams: 1000, maxHeaderListSize: 64 * 1024 };
  const server = options.tls
    ? http2.createSecureServer({
        key: options.tls.key,
        cert: options.tls.cert,
        // terraform's certificate is the only root, and it must be presented.
        ca: options.tls.clientCa,
        requestCert: true,
        rejectUnauthorized: true,
        ALPNProtocols: ["h2"],
        settings,
        maxSessionMemory: 64,
      })
    : http2.createServer({ settings, maxSessionMemory: 64 });
  const held = new Set(options.heldStreams);
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
    session.on("error", () => {});
  });
  server.on("sessionError", () => {});
  server.on("stream", (stream, headers) => {
    stream.on("error", () => {});
    const path = headers[":path"] ?? "";
    const contentType = String(headers["content-type"] ?? "");
    // Not gRPC: an HTTP status other clients understand (the spec's 415), plus a grpc-status for
    // gRPC clients, as grpc-go answers.
    const method = headers[":method"];
    if (method !== "POST") {
      endWithStatus(stream, GrpcStatus.INTERNAL, `method ${method} is not POST`, 405);
      return;
    }
    if (!contentType.startsWith("application/grpc")) {
      endWithStatus(
        stream,
        GrpcStatus.INTERNAL,
        `content-type "${contentType}" is not application/grpc`,
        415,
      );
      return;
    }
    if (held.has(path)) return holdStream(stream);
    const bytes = options.preEncoded?.get(path);
    if (bytes) {
      stream.on("data", () => {});
      stream.on("end", () => respondOk(stream, bytes));
      return;
    }
    const handler = Object.hasOwn(options.unary, path) ? options.unary[path] : undefined;
    const types = handler && methodTypes(path);
    if (!handler || !types) {
      // The path is the client's: shortened so the status fits any client's header limit.
      const shown = path.length > 200 ? `${path.slice(0, 200)}...` : path;
      endWithStatus(stream, GrpcStatus.UNIMPLEMENTED, `unknown method ${shown}`);
      return;
    }
    serveUnary(stream, handler, types, options.encodeOnce?.has(path) === true);
  });
  return {
    listen: (socketPath) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(socketPath, () => {
          server.off("error", reject);
          resolve();
        });
      }),
    close: () => {
      for (const s of sessions) s.destroy();
      server.close();
    },
  };
}
