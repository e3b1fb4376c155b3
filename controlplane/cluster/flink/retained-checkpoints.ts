import fs from "node:fs";
import path from "node:path";
import { fileUri } from "./flink-config";

/**
 * The newest completed checkpoint Flink retained for a job (`<dir>/<jobId>/chk-N/_metadata`), as a
 * path a job can restore from; undefined when there is none (or the directory is not on this machine).
 */
export function latestRetainedCheckpoint(
  checkpointDir: string | undefined,
  jobId: string,
): string | undefined {
  if (!checkpointDir) return undefined;
  const jobDir = path.join(checkpointDir, jobId);
  if (!fs.existsSync(jobDir)) return undefined;
  const completed = fs
    .readdirSync(jobDir)
    .map((name) => ({ name, n: /^chk-(\d+)$/.exec(name)?.[1] }))
    .filter((c): c is { name: string; n: string } => c.n !== undefined)
    .filter((c) => fs.existsSync(path.join(jobDir, c.name, "_metadata")))
    .sort((a, b) => Number(b.n) - Number(a.n));
  return completed[0] ? fileUri(path.join(jobDir, completed[0].name)) : undefined;
}

/** Of checkpoint paths (`.../chk-N`) of one job, the one with the highest N. */
export function newestCheckpoint(paths: readonly (string | undefined)[]): string | undefined {
  const number = (p: string) => Number(/chk-(\d+)\/?$/.exec(p)?.[1] ?? -1);
  return paths
    .filter((p): p is string => !!p)
    .reduce<string | undefined>(
      (best, p) => (best === undefined || number(p) > number(best) ? p : best),
      undefined,
    );
}
