/**
 * Jar files for JAR application tests. A jar is a zip archive: `tinyJar` writes the smallest real
 * one (a manifest and class entries, stored uncompressed), and `withZipComment` makes a copy of any
 * jar with other bytes that Java still reads the same (the archive comment is after the central
 * directory), so a test can change "the file" without rebuilding the job.
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

/** The entry classes tests name; a tiny jar holds a class file for each (the first is its Main-Class). */
export const TINY_JAR_CLASSES = [EXAMPLE_ENTRY_CLASS, "com.example.Job"];

/**
 * The smallest real jar: a manifest and a (placeholder) class file per class, stored uncompressed.
 * The simulated engine refuses an entry class the jar does not contain, as Flink does.
 */
export function tinyJar(note: string, classes: readonly string[] = TINY_JAR_CLASSES): Buffer {
  const mainClass = classes[0] ? `Main-Class: ${classes[0]}\r\n` : "";
  return storedZip([
    ["META-INF/MANIFEST.MF", Buffer.from(`Manifest-Version: 1.0\r\n${mainClass}X-Note: ${note}\r\n\r\n`)],
    ...classes.map((c): [string, Buffer] => [
      `${c.replaceAll(".", "/")}.class`,
      Buffer.from([0xca, 0xfe, 0xba, 0xbe]),
    ]),
  ]);
}

/** A zip archive of `files` (name, bytes), stored without compression. */
function storedZip(files: readonly [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [fileName, data] of files) {
    const name = Buffer.from(fileName);
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
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
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
