import fs from "node:fs";

/** A log file, read from byte `from` on: what one start wrote, not what earlier starts did. */
export interface LogSlice {
  readonly file: string;
  readonly from?: number;
}

/** Why a cluster process did not come up, read from its log: the cause a user can act on. */
export function startFailureCause(files: readonly (string | LogSlice)[]): string | undefined {
  const text = files
    .map((f) => (typeof f === "string" ? { file: f } : f))
    .filter((f) => fs.existsSync(f.file))
    .map((f) => tail(f.file, 256 * 1024, f.from ?? 0))
    .join("\n");
  if (/Address already in use|BindException/.test(text)) return "a port it needs is in use";
  if (
    /OutOfMemoryError|Could not reserve enough space|Cannot allocate memory|insufficient memory|There is insufficient memory/.test(
      text,
    )
  )
    return "out of memory (lower the cluster's memory or free some)";
  if (/UnsupportedClassVersionError/.test(text))
    return "the Java runtime is too old for Flink 1.20 (use Java 11 or 17)";
  if (/ClassNotFoundException|NoClassDefFoundError/.test(text)) {
    const cls = /(?:ClassNotFoundException|NoClassDefFoundError):?\s*(\S+)/.exec(text)?.[1];
    return `a class is missing from the Flink classpath${cls ? ` (${cls})` : ""}; run \`node scripts/flink-install.mjs --force\``;
  }
  const errorLine = text
    .split("\n")
    .reverse()
    .find((l) => /\bERROR\b|Exception:/.test(l));
  return errorLine
    ?.replace(/^\S+ \S+ +ERROR +\S+ +\[\] - /, "")
    .trim()
    .slice(0, 500);
}

function tail(file: string, bytes: number, from: number): string {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, "r");
  try {
    const start = Math.max(from > size ? 0 : from, size - bytes);
    const len = size - start;
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, start);
    return buf.toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}
