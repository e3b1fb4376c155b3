/**
 * gRPC's length-prefixed messages: a flag byte (1 = compressed), a 4-byte big-endian length, the
 * bytes. DATA frames need not line up with messages: one message may span many frames.
 */
import { GrpcError, GrpcStatus } from "./grpc-status";

/**
 * go-plugin dials terraform's connection with MaxCallSendMsgSize(math.MaxInt32), so terraform may
 * send configs and states that large; a larger length prefix is refused before anything is kept.
 */
export const MAX_MESSAGE_BYTES = 0x7fff_ffff;

const PREFIX = 5;

export function frame(message: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(PREFIX + message.length);
  out[0] = 0;
  out.writeUInt32BE(message.length, 1);
  out.set(message, PREFIX);
  return out;
}

/**
 * The body of a unary request, which must be exactly one uncompressed message. add() refuses as
 * soon as the prefix shows the body cannot be served, so nothing more is buffered; message()
 * checks, once the client has ended the stream, that the one message arrived whole.
 */
export class UnaryRequestBody {
  private chunks: Buffer[] = [];
  private received = 0;
  /** Prefix plus message length, once the prefix has arrived. */
  private expected = -1;

  /** Takes a chunk; returns the error to end the call with if the body cannot be served. */
  add(chunk: Buffer): GrpcError | undefined {
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (this.expected < 0 && this.received >= PREFIX) {
      // The chunks before this one held fewer than 5 bytes: joining them costs nothing.
      const head = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks);
      this.chunks = [head];
      const problem = prefixProblem(head);
      if (problem) return problem;
      this.expected = PREFIX + head.readUInt32BE(1);
    }
    if (this.expected >= 0 && this.received > this.expected) return cardinality("more than one");
    return undefined;
  }

  /** The one message, once the client has ended its side; throws a GrpcError otherwise. */
  message(): Buffer {
    if (this.received === 0) throw cardinality("none");
    if (this.expected < 0 || this.received < this.expected) {
      const of = this.expected < 0 ? "a 5-byte prefix" : `a ${this.expected - PREFIX}-byte message`;
      throw new GrpcError(
        GrpcStatus.INTERNAL,
        `the request ended after ${this.received} bytes, inside ${of}`,
      );
    }
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    return body.subarray(PREFIX);
  }
}

function prefixProblem(head: Buffer): GrpcError | undefined {
  const flag = head[0];
  if (flag === 1) return new GrpcError(GrpcStatus.UNIMPLEMENTED, "compressed messages are not supported");
  if (flag !== 0) return new GrpcError(GrpcStatus.INTERNAL, `invalid message flag ${flag}`);
  const length = head.readUInt32BE(1);
  if (length > MAX_MESSAGE_BYTES) {
    return new GrpcError(
      GrpcStatus.RESOURCE_EXHAUSTED,
      `request message of ${length} bytes is larger than the limit of ${MAX_MESSAGE_BYTES} bytes`,
    );
  }
  return undefined;
}

// statuscodes.md: a unary method receiving another number of requests is UNIMPLEMENTED.
const cardinality = (count: string) =>
  new GrpcError(GrpcStatus.UNIMPLEMENTED, `a unary call takes exactly one request message, got ${count}`);
