import fs from "node:fs";
import { inflateRawSync } from "node:zlib";

/** What the simulated engine needs to know of a jar: its entries and the manifest's entry class. */
export interface JarIndex {
  /** Entry names as stored, e.g. `com/example/Job.class`. */
  readonly entries: ReadonlySet<string>;
  /** The manifest's `program-class`, else its `Main-Class` (the order Flink reads them in). */
  readonly mainClass?: string;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const MANIFEST = "META-INF/MANIFEST.MF";

/**
 * Reads a jar's central directory (and its manifest) without a zip library. Throws when the file
 * is no readable zip archive; zip64 archives (over 65535 entries or 4 GiB) are not read.
 */
export function readJarIndex(file: string): JarIndex {
  const zip = fs.readFileSync(file);
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Set<string>();
  let manifest: Buffer | undefined;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_ENTRY)
      throw new Error("the zip archive's central directory is damaged");
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    entries.add(name);
    if (name === MANIFEST) manifest = entryData(zip, localOffset, compressedSize, method);
    at += 46 + nameLength + skip;
  }
  const mainClass = manifest ? manifestEntryClass(manifest.toString("utf8")) : undefined;
  return { entries, ...(mainClass ? { mainClass } : {}) };
}

/** The zip entry holding a class's bytecode: `a.b.C$D` is `a/b/C$D.class`. */
export const classEntry = (className: string) => `${className.replaceAll(".", "/")}.class`;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes, followed by an archive comment of at most 65535 bytes.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  throw new Error("not a zip archive (no end of central directory)");
}

function entryData(zip: Buffer, localOffset: number, size: number, method: number): Buffer {
  if (zip.readUInt32LE(localOffset) !== LOCAL_ENTRY) throw new Error("the zip archive is damaged");
  const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
  const data = zip.subarray(start, start + size);
  if (method === 0) return data;
  if (method === 8) return inflateRawSync(data);
  throw new Error(`unsupported zip compression method ${method}`);
}

/** A manifest's main attributes; a line starting with a space continues the one before. */
function manifestEntryClass(text: string): string | undefined {
  const attributes = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === "") break; // the main section ends at the first blank line
    if (line.startsWith(" ") && last) {
      attributes.set(last, attributes.get(last) + line.slice(1));
      continue;
    }
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    attributes.set(last, line.slice(colon + 1).trim());
  }
  return attributes.get("program-class") || attributes.get("main-class") || undefined;
}
