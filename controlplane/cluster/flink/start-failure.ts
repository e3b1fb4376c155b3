import fs from "node:fs";

/** Why a cluster process did not come up, read from its log: the cause a user can act on. */
export function startFailureCause(files: readonly string[]): string | undefined {
  const text = files
    .filter((f) => fs.existsSync(f))
    .map((f) => tail(f, 256 * 1024))
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

function tail(file: string, bytes: number): string {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, "r");
  try {
    const len = Math.min(size, bytes);
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, size - len);
    return buf.toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}
