import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface CdsPlan {
  readonly jvmArgs: readonly string[];
  /** Run when the JVM has exited: publishes the archive it dumped, if any. */
  readonly afterExit: () => void;
}

/**
 * AppCDS for Flink's JVMs: the first start of a role (JobManager, TaskManager, SQL Gateway) dumps
 * the classes it loaded into an archive when it exits; later starts map that archive instead of
 * loading and verifying thousands of classes from jars again — measured on this 2-core machine, a
 * JobManager + TaskManager come up in about half the time (bench/RESULTS.md). One archive per Java
 * runtime, classpath and role; the JVM ignores an archive that no longer matches, and any problem
 * here only means starting without one.
 */
export function classDataSharing(
  dir: string | undefined,
  key: { java: string; javaMajor: number; classpath: string; mainClass: string; role: string },
): CdsPlan {
  const none: CdsPlan = { jvmArgs: [], afterExit: () => {} };
  if (!dir || key.javaMajor < 13) return none; // dynamic archives need Java 13+
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    return none;
  }
  // The JVM rejects an archive whose jars changed (it checks their times and sizes): so does the name.
  const jars = key.classpath.split(path.delimiter).map((jar) => {
    try {
      const st = fs.statSync(jar);
      return `${jar}@${st.mtimeMs}:${st.size}`;
    } catch {
      return jar;
    }
  });
  const hash = createHash("sha256")
    .update(`${key.java}\n${key.javaMajor}\n${key.mainClass}\n${jars.join("\n")}`)
    .digest("hex")
    .slice(0, 16);
  const archive = path.join(dir, `${key.role}-${hash}.jsa`);
  if (fs.existsSync(archive)) return { jvmArgs: [`-XX:SharedArchiveFile=${archive}`], afterExit: () => {} };
  // Dumped under a name of its own: two clusters starting at once must not write the same file.
  const dump = `${archive}.${process.pid}.${Date.now()}.tmp`;
  return {
    jvmArgs: [`-XX:ArchiveClassesAtExit=${dump}`],
    afterExit: () => {
      try {
        if (!fs.existsSync(dump)) return;
        if (fs.existsSync(archive)) fs.rmSync(dump, { force: true });
        else fs.renameSync(dump, archive);
      } catch {}
    },
  };
}
