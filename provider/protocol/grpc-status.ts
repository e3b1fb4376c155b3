/**
 * gRPC status codes and the grpc-message header, as PROTOCOL-HTTP2.md and statuscodes.md of
 * grpc/grpc define them.
 */

/** The status codes this server sends. */
export const GrpcStatus = {
  OK: 0,
  CANCELLED: 1,
  /** A handler failed with a plain error (what grpc-go and grpc-js servers send too). */
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  /** A request message over the size limit. */
  RESOURCE_EXHAUSTED: 8,
  /** An unknown method, a compressed message, or not exactly one message in a unary call. */
  UNIMPLEMENTED: 12,
  /** A request that cannot be parsed (cut short, bad protobuf), or a response that cannot be encoded. */
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

const UNENCODED = /^[\x20-\x24\x26-\x7e]*$/;

/**
 * grpc-message is UTF-8, percent-encoded except for printable ASCII other than '%'. Encoding the
 * UTF-8 bytes (not UTF-16 units) keeps emoji and lone surrogates from throwing, as
 * encodeURIComponent would on half a surrogate pair.
 */
export function percentEncode(message: string): string {
  if (UNENCODED.test(message)) return message;
  let out = "";
  for (const byte of Buffer.from(message, "utf8")) {
    out +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
