/**
 * The gRPC server terraform talks to, on node:http2 directly: unary calls, plus the two go-plugin
 * streams that are only held open. A plan makes ~4 calls per resource, and grpc-js' per-call
 * machinery (call objects, metadata, filters, deadline timers, stream wrappers) cost about as much
 * CPU as the handlers; here a call is one HTTP/2 stream, one protobuf decode and one encode.
 * Transport security is unchanged: TLS with terraform's certificate as the only trusted root, and
 * a client certificate required (go-plugin AutoMTLS).
 */
import http2 from "node:http2";
import type { Type } from "protobufjs/light";
import { encodeOnce, methodTypes } from "./grpc-definitions";

/** gRPC status codes used here. */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  INVALID_ARGUMENT: 3,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
} as const;

export class GrpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

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
const MAX_MESSAGE = 256 * 1024 * 1024;

const frame = (message: Uint8Array): Buffer => {
  const out = Buffer.allocUnsafe(5 + message.length);
  out[0] = 0;
  out.writeUInt32BE(message.length, 1);
  out.set(message, 5);
  return out;
};

const percentEncode = (s: string) => s.replace(/[^\x20-\x24\x26-\x7e]/g, (c) => encodeURIComponent(c));

function endWithStatus(stream: http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.closed) return;
  const status = { "grpc-status": String(code), "grpc-message": percentEncode(message) };
  if (stream.headersSent) {
    stream.close(http2.constants.NGHTTP2_NO_ERROR);
    return;
  }
  // Trailers-only response: the status travels in the headers frame that ends the stream.
  stream.respond({ ":status": 200, "content-type": "application/grpc", ...status }, { endStream: true });
}

/** The one message of a unary request body, or an error for anything else. */
function unaryMessage(body: Buffer): Buffer {
  if (body.length < 5) throw new GrpcError(GrpcStatus.INVALID_ARGUMENT, "a unary call needs one message");
  if (body[0] !== 0) throw new GrpcError(GrpcStatus.UNIMPLEMENTED, "compressed messages are not supported");
  const length = body.readUInt32BE(1);
  if (body.length !== 5 + length)
    throw new GrpcError(GrpcStatus.INVALID_ARGUMENT, "a unary call needs exactly one message");
  return body.subarray(5);
}

function serveUnary(
  stream: http2.ServerHttp2Stream,
  handler: UnaryHandler,
  types: { request: Type; response: Type },
  cacheEncoding: boolean,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
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
  stream.on("aborted", () => {
    cancelled = true;
    controller?.abort(new Error("terraform cancelled the call"));
  });
  stream.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > 5 + MAX_MESSAGE) {
      endWithStatus(stream, GrpcStatus.INVALID_ARGUMENT, "message larger than 256 MiB");
      return;
    }
    chunks.push(chunk);
  });
  stream.on("end", () => {
    if (stream.destroyed || stream.headersSent) return;
    let request: object;
    try {
      const message = unaryMessage(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
      request = types.request.toObject(types.request.decode(message), CONVERSION);
    } catch (err) {
      const code = err instanceof GrpcError ? err.code : GrpcStatus.INVALID_ARGUMENT;
      endWithStatus(stream, code, err instanceof Error ? err.message : String(err));
      return;
    }
    call.request = request;
    handler(call).then(
      (response) => {
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
        stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
        stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
        stream.end(frame(bytes));
      },
      (err: unknown) => {
        const code = err instanceof GrpcError ? err.code : GrpcStatus.INTERNAL;
        endWithStatus(stream, code, err instanceof Error ? err.message : String(err));
      },
    );
  });
}

/** A stream go-plugin opens and keeps: nothing is sent on it; it ends when the client ends it. */
function holdStream(stream: http2.ServerHttp2Stream): void {
  stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
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
    if (headers[":method"] !== "POST" || !contentType.startsWith("application/grpc")) {
      stream.respond({ ":status": 415 }, { endStream: true });
      return;
    }
    if (held.has(path)) return holdStream(stream);
    const bytes = options.preEncoded?.get(path);
    if (bytes) {
      stream.on("data", () => {});
      stream.on("end", () => {
        if (stream.destroyed || stream.closed) return;
        stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
        stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
        stream.end(frame(bytes));
      });
      return;
    }
    const handler = Object.hasOwn(options.unary, path) ? options.unary[path] : undefined;
    const types = handler && methodTypes(path);
    if (!handler || !types) {
      endWithStatus(stream, GrpcStatus.UNIMPLEMENTED, `unknown method ${path}`);
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
