/**
 * Jar files for JAR application tests. A jar is a zip archive: `tinyJar` writes the smallest real
 * one (a manifest, stored uncompressed), and `withZipComment` makes a copy of any jar with other
 * bytes that Java still reads the same (the archive comment is after the central directory), so a
 * test can change "the file" without rebuilding the job.
 */
import fs from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";

/** The example job built by scripts/flink-install.mjs, when Maven built it. */
export const EXAMPLE_JAR = path.resolve(
  __dirname,
  "..",
  "flink",
  "example-jar",
  "target",
  "flinkform-example-jar-0.1.0.jar",
);
export const EXAMPLE_ENTRY_CLASS = "dev.flinkform.example.CountingJob";

export function tinyJar(note: string): Buffer {
  const name = Buffer.from("META-INF/MANIFEST.MF");
  const data = Buffer.from(`Manifest-Version: 1.0\r\nX-Note: ${note}\r\n\r\n`);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(10, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** A copy of `jar` with `comment` as its archive comment (the jar must have none). */
export function withZipComment(jar: Buffer, comment: string): Buffer {
  const end = jar.length - 22;
  if (jar.readUInt32LE(end) !== 0x06054b50 || jar.readUInt16LE(end + 20) !== 0)
    throw new Error("not a zip without an archive comment");
  const text = Buffer.from(comment);
  const out = Buffer.concat([jar, text]);
  out.writeUInt16LE(text.length, end + 20);
  return out;
}

/** Writes `bytes` to `dir/name` and returns the path. */
export function writeJar(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
