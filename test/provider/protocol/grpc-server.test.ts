/**
 * The gRPC server on node:http2, driven by grpc-js as a client (terraform's stand-in): what a
 * conforming client sees for calls the server does not serve, bad frames and cancellation. The mTLS
 * checks and the real terraform client are covered by server.test.ts and terraform-e2e.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import http2 from "node:http2";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { providerService } from "../../../provider/protocol/grpc-definitions";
import {
  createGrpcServer,
  GrpcError,
  type GrpcServer,
  GrpcStatus,
  type UnaryCall,
} from "../../../provider/protocol/grpc-server";

// Printable ASCII goes as is, '%' and everything else percent-encoded as UTF-8, emoji included.
const ODD_MESSAGE = "100% sûr — ✓ 😀 «quoted»\nsecond line %41";

let dir: string;
let server: GrpcServer;
let socketPath: string;
let client: grpc.Client;
const seen: UnaryCall[] = [];
let release: (() => void) | undefined;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "flinkform-grpc-"));
  socketPath = path.join(dir, "s.sock");
  seen.length = 0;
  server = createGrpcServer({
    unary: {
      "/tfplugin6.Provider/ValidateResourceConfig": async (call) => {
        seen.push(call);
        const { type_name } = call.request as { type_name: string };
        if (type_name === "boom") throw new Error("the handler failed");
        if (type_name === "odd") throw new GrpcError(GrpcStatus.INVALID_ARGUMENT, ODD_MESSAGE);
        if (type_name === "lone-surrogate")
          throw new GrpcError(GrpcStatus.INVALID_ARGUMENT, "half \ud83d a pair");
        // grpc-go's default receive limit is 4 MiB; terraform's (go-plugin's) is 2 GiB.
        if (type_name.length > 1000)
          return { diagnostics: [{ severity: "WARNING", summary: `saw ${type_name.length} characters` }] };
        if (type_name === "unencodable") return { diagnostics: ["not a Diagnostic message"] };
        if (type_name === "wait") {
          await new Promise<void>((resolve) => {
            release = resolve;
            call.signal.addEventListener("abort", () => resolve());
          });
        }
        return { diagnostics: [{ severity: "WARNING", summary: `saw ${type_name}` }] };
      },
      // Not async: throws before returning a promise.
      "/tfplugin6.Provider/ValidateDataResourceConfig": () => {
        throw new Error("thrown before any promise");
      },
    },
    heldStreams: [],
  });
  await server.listen(socketPath);
  const Provider = grpc.makeGenericClientConstructor(providerService(), "Provider");
  client = new Provider(`unix:${socketPath}`, grpc.credentials.createInsecure());
});

afterEach(() => {
  client.close();
  release?.();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function call(method: string, request: object): Promise<Record<string, unknown>> & { cancel(): void } {
  let cancel = () => {};
  const promise = new Promise<Record<string, unknown>>((resolve, reject) => {
    const fn = (client as unknown as Record<string, (...a: unknown[]) => grpc.ClientUnaryCall>)[method]!;
    const c = fn.call(client, request, (e: Error | null, res: Record<string, unknown>) =>
      e ? reject(e) : resolve(res),
    );
    cancel = () => c.cancel();
  });
  return Object.assign(promise, { cancel: () => cancel() });
}

test("a unary call reaches its handler with the decoded request and returns its response", async () => {
  const res = await call("ValidateResourceConfig", { type_name: "flink_application" });
  expect(res.diagnostics).toEqual([
    expect.objectContaining({ severity: "WARNING", summary: "saw flink_application" }),
  ]);
  expect(seen).toHaveLength(1);
});

test("a method without a handler is UNIMPLEMENTED, and the connection still serves others", async () => {
  await expect(call("ReadResource", { type_name: "x" })).rejects.toMatchObject({
    code: grpc.status.UNIMPLEMENTED,
    details: expect.stringContaining("/tfplugin6.Provider/ReadResource"),
  });
  await expect(call("ValidateResourceConfig", { type_name: "after" })).resolves.toBeDefined();
});

test("a handler that throws, or throws before returning a promise, ends the call with UNKNOWN and its message", async () => {
  // UNKNOWN as statuscodes.md says, and as grpc-go and grpc-js servers (this one's predecessor) send.
  await expect(call("ValidateResourceConfig", { type_name: "boom" })).rejects.toMatchObject({
    code: grpc.status.UNKNOWN,
    details: "the handler failed",
  });
  await expect(call("ValidateDataResourceConfig", { type_name: "x" })).rejects.toMatchObject({
    code: grpc.status.UNKNOWN,
    details: "thrown before any promise",
  });
});

test("an error message with '%', non-ASCII, emoji and a newline reaches the client unchanged", async () => {
  await expect(call("ValidateResourceConfig", { type_name: "odd" })).rejects.toMatchObject({
    code: grpc.status.INVALID_ARGUMENT,
    details: ODD_MESSAGE,
  });
  // Half a surrogate pair is not UTF-8: it arrives as U+FFFD instead of breaking the call.
  await expect(call("ValidateResourceConfig", { type_name: "lone-surrogate" })).rejects.toMatchObject({
    code: grpc.status.INVALID_ARGUMENT,
    details: "half \ufffd a pair",
  });
});

test("a 5 MiB request, over grpc-go's default limit and many flow-control windows, is served", async () => {
  const res = await call("ValidateResourceConfig", { type_name: "x".repeat(5 * 1024 * 1024) });
  expect(res.diagnostics).toEqual([
    expect.objectContaining({ summary: `saw ${5 * 1024 * 1024} characters` }),
  ]);
});

test("200 concurrent calls on one connection are each answered with their own response", async () => {
  const names = Array.from({ length: 200 }, (_, i) => `call-${i}`);
  const responses = await Promise.all(
    names.map((type_name) => call("ValidateResourceConfig", { type_name })),
  );
  expect(responses.map((r) => (r.diagnostics as { summary: string }[])[0]!.summary)).toEqual(
    names.map((n) => `saw ${n}`),
  );
  expect(seen).toHaveLength(200);
});

test("a response that does not fit its message type fails the call with INTERNAL instead of hanging", async () => {
  await expect(call("ValidateResourceConfig", { type_name: "unencodable" })).rejects.toMatchObject({
    code: grpc.status.INTERNAL,
    details: expect.stringContaining("cannot encode the response"),
  });
});

test("a call the client cancels aborts the handler's signal", async () => {
  const pending = call("ValidateResourceConfig", { type_name: "wait" });
  pending.catch(() => {});
  while (seen.length === 0) await new Promise((r) => setImmediate(r));
  const signal = seen[0]!.signal;
  expect(signal.aborted).toBe(false);
  const aborted = new Promise((resolve) => signal.addEventListener("abort", resolve));
  pending.cancel();
  await aborted;
  expect(signal.aborted).toBe(true);
  await expect(pending).rejects.toMatchObject({ code: grpc.status.CANCELLED });
});

test("compressed frames are refused with UNIMPLEMENTED", async () => {
  const session = http2.connect("http://localhost", { createConnection: () => net.connect(socketPath) });
  const stream = session.request({
    ":method": "POST",
    ":path": "/tfplugin6.Provider/ValidateResourceConfig",
    "content-type": "application/grpc",
  });
  const trailers = new Promise<http2.IncomingHttpHeaders>((resolve) => {
    stream.on("response", (headers) => {
      if (headers["grpc-status"]) resolve(headers);
    });
    stream.on("trailers", resolve);
  });
  stream.resume();
  stream.end(Buffer.from([1, 0, 0, 0, 0]));
  expect((await trailers)["grpc-status"]).toBe(String(grpc.status.UNIMPLEMENTED));
  session.close();
  expect(seen).toHaveLength(0);
});
