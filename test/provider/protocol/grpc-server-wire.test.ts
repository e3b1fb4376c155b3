/**
 * The gRPC server against frames a grpc library would never send: messages split across DATA
 * frames, prefixes that lie, several messages in a unary call, wrong methods and content types,
 * clients that vanish mid-call. Each must end in a clean status (PROTOCOL-HTTP2.md, statuscodes.md)
 * and leave the connection serving other calls.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type http2 from "node:http2";
import { tmpdir } from "node:os";
import path from "node:path";
import { lookupType } from "../../../provider/protocol/grpc-definitions";
import { frame } from "../../../provider/protocol/grpc-message";
import { createGrpcServer, type GrpcServer, GrpcStatus } from "../../../provider/protocol/grpc-server";
import { connect, prefix, rawCall, send } from "./raw-grpc-client";
import { END_STREAM, FRAME, openRawStream } from "./raw-h2-frames";

const METHOD = "/tfplugin6.Provider/ValidateResourceConfig";
const Request = lookupType("tfplugin6.ValidateResourceConfig.Request");
const Response = lookupType("tfplugin6.ValidateResourceConfig.Response");
const encode = (typeName: string) => Buffer.from(Request.encode({ type_name: typeName }).finish());
const summary = (data: Buffer) =>
  (Response.toObject(Response.decode(data.subarray(5))) as { diagnostics: { summary: string }[] })
    .diagnostics[0]!.summary;

let dir: string;
let server: GrpcServer;
let socketPath: string;
let session: http2.ClientHttp2Session;
const seen: string[] = [];
let started: () => void;
let abortSeen: () => void;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "flinkform-grpc-wire-"));
  socketPath = path.join(dir, "s.sock");
  seen.length = 0;
  server = createGrpcServer({
    unary: {
      [METHOD]: async ({ request, signal }) => {
        const { type_name } = request as { type_name: string };
        seen.push(type_name);
        if (type_name === "wait") {
          started();
          await new Promise((resolve) => signal.addEventListener("abort", resolve));
          abortSeen();
        }
        return { diagnostics: [{ severity: "WARNING", summary: `saw ${type_name}` }] };
      },
    },
    heldStreams: [],
  });
  await server.listen(socketPath);
  session = connect(socketPath);
});

afterEach(() => {
  session.destroy();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A normal call on the session, to show it still serves after whatever the test did. */
async function stillServes(s = session): Promise<void> {
  const { stream, reply } = rawCall(s, METHOD);
  stream.end(frame(encode("after")));
  const r = await reply;
  expect(r.grpcStatus).toBe(GrpcStatus.OK);
  expect(summary(r.data)).toBe("saw after");
}

test("a message split across DATA frames, its prefix too, is put back together", async () => {
  const whole = frame(encode("split-in-pieces"));
  const { stream, reply } = rawCall(session, METHOD);
  for (const cut of [
    [0, 1],
    [1, 5],
    [5, 7],
    [7, whole.length],
  ] as const) {
    await send(stream, whole.subarray(...cut));
  }
  stream.end();
  const r = await reply;
  expect(r.grpcStatus).toBe(GrpcStatus.OK);
  expect(summary(r.data)).toBe("saw split-in-pieces");
});

test("a prefix that claims more bytes than arrive before END_STREAM is INTERNAL", async () => {
  const { stream, reply } = rawCall(session, METHOD);
  stream.end(Buffer.concat([prefix(100), Buffer.alloc(10)]));
  const r = await reply;
  expect(r.grpcStatus).toBe(GrpcStatus.INTERNAL);
  expect(decodeURIComponent(r.grpcMessage!)).toBe(
    "the request ended after 15 bytes, inside a 100-byte message",
  );
  expect(seen).toEqual([]);
  await stillServes();
});

test("a body cut inside the 5-byte prefix is INTERNAL", async () => {
  const { stream, reply } = rawCall(session, METHOD);
  stream.end(Buffer.from([0, 0]));
  expect((await reply).grpcStatus).toBe(GrpcStatus.INTERNAL);
  expect(seen).toEqual([]);
});

test("a unary call with no message, or with two in one DATA frame, is UNIMPLEMENTED", async () => {
  const none = rawCall(session, METHOD, { endStream: true });
  const two = rawCall(session, METHOD);
  two.stream.end(Buffer.concat([frame(encode("one")), frame(encode("two"))]));
  for (const [call, got] of [
    [none, "none"],
    [two, "more than one"],
  ] as const) {
    const r = await call.reply;
    expect(r.grpcStatus).toBe(GrpcStatus.UNIMPLEMENTED);
    expect(decodeURIComponent(r.grpcMessage!)).toBe(
      `a unary call takes exactly one request message, got ${got}`,
    );
  }
  expect(seen).toEqual([]);
});

test("bytes that are not the method's protobuf message are INTERNAL", async () => {
  const { stream, reply } = rawCall(session, METHOD);
  stream.end(frame(Buffer.from([0xff, 0xff, 0xff])));
  const r = await reply;
  expect(r.grpcStatus).toBe(GrpcStatus.INTERNAL);
  expect(decodeURIComponent(r.grpcMessage!)).toMatch(/^cannot parse the request: /);
});

test("a prefix over the 2 GiB limit is RESOURCE_EXHAUSTED at once, and the stream is reset", async () => {
  // The client never ends its side: the status must come from the prefix alone, and the reset
  // (NO_ERROR, after the trailers) closes the stream on the client.
  const { stream, reply } = rawCall(session, METHOD);
  stream.write(Buffer.concat([prefix(0x8000_0000), Buffer.alloc(1000)]));
  const r = await reply;
  expect(r.grpcStatus).toBe(GrpcStatus.RESOURCE_EXHAUSTED);
  expect(decodeURIComponent(r.grpcMessage!)).toBe(
    "request message of 2147483648 bytes is larger than the limit of 2147483647 bytes",
  );
  expect(r.rstCode).toBe(0);
  expect(seen).toEqual([]);
  await stillServes();
});

test.each([
  ["an unknown method", "/tfplugin6.Provider/NoSuchMethod", prefix(1 << 20)],
  ["a prefix over the limit", METHOD, prefix(0xffff_ffff)],
])(
  "%s refused while the client still sends: trailers-only status, then RST_STREAM NO_ERROR",
  async (_name, p, data) => {
    // The spec's "Early Server Closure": without the reset, a refused stream whose body the server
    // is reading stays half-open for as long as the client goes on sending.
    const raw = openRawStream(socketPath, p, data);
    try {
      const headers = await raw.next((f) => f.type === FRAME.HEADERS && f.streamId === 1);
      expect(headers.flags & END_STREAM).toBe(END_STREAM);
      const reset = await raw.next((f) => f.type === FRAME.RST_STREAM && f.streamId === 1);
      expect(reset.payload.readUInt32BE(0)).toBe(0);
      expect(raw.frames.indexOf(reset)).toBeGreaterThan(raw.frames.indexOf(headers));
    } finally {
      raw.close();
    }
  },
);

const notGrpc: {
  name: string;
  method?: string;
  contentType?: string;
  httpStatus: number;
  message: string;
}[] = [
  { name: "a GET", method: "GET", httpStatus: 405, message: "method GET is not POST" },
  { name: "a PUT", method: "PUT", httpStatus: 405, message: "method PUT is not POST" },
  {
    name: "application/json",
    contentType: "application/json",
    httpStatus: 415,
    message: "is not application/grpc",
  },
  { name: "text/plain", contentType: "text/plain", httpStatus: 415, message: "is not application/grpc" },
];

test.each(notGrpc)("$name is refused with HTTP $httpStatus and a grpc-status", async (c) => {
  const { stream, reply } = rawCall(session, METHOD, { method: c.method, contentType: c.contentType });
  if (c.method !== "GET") stream.end(frame(encode("x")));
  const r = await reply;
  expect(r.httpStatus).toBe(c.httpStatus);
  expect(r.grpcStatus).toBe(GrpcStatus.INTERNAL);
  expect(decodeURIComponent(r.grpcMessage!)).toContain(c.message);
  expect(seen).toEqual([]);
  await stillServes();
});

test.each([
  "/",
  "/tfplugin6.Provider",
  "/ValidateResourceConfig",
  "/tfplugin6.Provider/ValidateResourceConfig/x",
])("path %s is UNIMPLEMENTED", async (p) => {
  const { stream, reply } = rawCall(session, p);
  stream.end(frame(encode("x")));
  const r = await reply;
  expect(r.grpcStatus).toBe(GrpcStatus.UNIMPLEMENTED);
  expect(decodeURIComponent(r.grpcMessage!)).toBe(`unknown method ${p}`);
});

test("a client that drops the connection mid-message or mid-call leaves the server serving", async () => {
  const midMessage = rawCall(session, METHOD);
  await send(midMessage.stream, Buffer.concat([prefix(50), Buffer.alloc(10)]));
  const other = connect(socketPath);
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const abortReached = new Promise<void>((resolve) => {
    abortSeen = resolve;
  });
  const midCall = rawCall(other, METHOD);
  midCall.stream.end(frame(encode("wait")));
  await running;
  session.destroy();
  other.destroy();
  await Promise.all([midMessage.reply, midCall.reply]);
  // The handler whose client went away sees its signal abort (the test would time out otherwise).
  await abortReached;
  const fresh = connect(socketPath);
  await stillServes(fresh);
  fresh.destroy();
});
