/**
 * A bare HTTP/2 client for the gRPC server's tests: it sends exactly the frames a test asks for
 * (split messages, bad prefixes, wrong methods) and reports what came back, status from trailers
 * or from a trailers-only response.
 */
import http2 from "node:http2";
import net from "node:net";

export interface RawReply {
  httpStatus: number;
  grpcStatus?: number;
  /** grpc-message as sent, still percent-encoded. */
  grpcMessage?: string;
  data: Buffer;
  /** The RST_STREAM code the stream closed with (0 NO_ERROR, also after a normal end). */
  rstCode: number;
}

export interface RawCall {
  stream: http2.ClientHttp2Stream;
  reply: Promise<RawReply>;
}

export const connect = (socketPath: string): http2.ClientHttp2Session => {
  const session = http2.connect("http://localhost", { createConnection: () => net.connect(socketPath) });
  session.on("error", () => {});
  return session;
};

export function rawCall(
  session: http2.ClientHttp2Session,
  path: string,
  options: { method?: string; contentType?: string; endStream?: boolean } = {},
): RawCall {
  const stream = session.request(
    {
      ":method": options.method ?? "POST",
      ":path": path,
      "content-type": options.contentType ?? "application/grpc",
      te: "trailers",
    },
    { endStream: options.endStream ?? false },
  );
  const reply = new Promise<RawReply>((resolve) => {
    const chunks: Buffer[] = [];
    let httpStatus = 0;
    let status: http2.IncomingHttpHeaders = {};
    stream.on("response", (headers) => {
      httpStatus = Number(headers[":status"]);
      status = headers;
    });
    stream.on("trailers", (trailers) => {
      status = trailers;
    });
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("error", () => {});
    stream.on("close", () =>
      resolve({
        httpStatus,
        grpcStatus: status["grpc-status"] === undefined ? undefined : Number(status["grpc-status"]),
        grpcMessage: status["grpc-message"] as string | undefined,
        data: Buffer.concat(chunks),
        rstCode: stream.rstCode ?? 0,
      }),
    );
  });
  return { stream, reply };
}

/** A 5-byte gRPC message prefix with any flag and length, true or not. */
export function prefix(length: number, flag = 0): Buffer {
  const out = Buffer.alloc(5);
  out[0] = flag;
  out.writeUInt32BE(length, 1);
  return out;
}

/** Writes a chunk and waits until HTTP/2 has sent it, so the next write is a DATA frame of its own. */
export const send = (stream: http2.ClientHttp2Stream, chunk: Buffer): Promise<void> =>
  new Promise((resolve, reject) => stream.write(chunk, (err) => (err ? reject(err) : resolve())));
