/**
 * HTTP/2 by hand over a plain socket, for what node:http2's client hides: which frames the server
 * sent, in which order (a trailers-only HEADERS, then RST_STREAM). Only what one request needs:
 * preface, SETTINGS, one HEADERS block with literal (never Huffman) header fields, DATA, and a
 * frame reader.
 */
import net from "node:net";

export const FRAME = { DATA: 0, HEADERS: 1, RST_STREAM: 3, SETTINGS: 4 } as const;
export const END_STREAM = 0x1;
const END_HEADERS = 0x4;

export interface Frame {
  type: number;
  flags: number;
  streamId: number;
  payload: Buffer;
}

function frame(type: number, flags: number, streamId: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUIntBE(payload.length, 0, 3);
  head[3] = type;
  head[4] = flags;
  head.writeUInt32BE(streamId, 5);
  return Buffer.concat([head, payload]);
}

// HPACK "literal header field without indexing, new name": names and values under 127 bytes.
const literal = ([name, value]: [string, string]) =>
  Buffer.concat([
    Buffer.from([0, name.length]),
    Buffer.from(name),
    Buffer.from([value.length]),
    Buffer.from(value),
  ]);

/** Opens stream 1 with a gRPC request to `path` and sends `data` without ending the stream. */
export function openRawStream(socketPath: string, path: string, data: Buffer) {
  const socket = net.connect(socketPath);
  const frames: Frame[] = [];
  let waiting: { match: (f: Frame) => boolean; resolve: (f: Frame) => void } | undefined;
  let buffered = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 9 && buffered.length >= 9 + buffered.readUIntBE(0, 3)) {
      const length = buffered.readUIntBE(0, 3);
      const f = {
        type: buffered[3]!,
        flags: buffered[4]!,
        streamId: buffered.readUInt32BE(5) & 0x7fff_ffff,
        payload: buffered.subarray(9, 9 + length),
      };
      buffered = buffered.subarray(9 + length);
      frames.push(f);
      // The server's SETTINGS must be acknowledged, or it may end the connection.
      if (f.type === FRAME.SETTINGS && !(f.flags & 1))
        socket.write(frame(FRAME.SETTINGS, 1, 0, Buffer.alloc(0)));
      if (waiting?.match(f)) waiting.resolve(f);
    }
  });
  const headers: [string, string][] = [
    [":method", "POST"],
    [":scheme", "http"],
    [":path", path],
    [":authority", "localhost"],
    ["content-type", "application/grpc"],
    ["te", "trailers"],
  ];
  socket.write(
    Buffer.concat([
      Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
      frame(FRAME.SETTINGS, 0, 0, Buffer.alloc(0)),
      frame(FRAME.HEADERS, END_HEADERS, 1, Buffer.concat(headers.map(literal))),
      frame(FRAME.DATA, 0, 1, data),
    ]),
  );
  return {
    frames,
    /** The first frame (already received or still to come) that matches. */
    next(match: (f: Frame) => boolean): Promise<Frame> {
      const found = frames.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        waiting = { match, resolve };
      });
    },
    close: () => socket.destroy(),
  };
}
