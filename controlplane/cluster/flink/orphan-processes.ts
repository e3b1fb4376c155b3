import { execFileSync } from "node:child_process";
import { CLUSTER_MARKER } from "./jvm-process";

/**
 * Flink JVMs an earlier run of this control plane left behind (found by the marker every cluster
 * process carries), e.g. after kill -9 before ParentWatchdog noticed. Returns their pids.
 */
export function findOrphans(clustersDir: string): number[] {
  let listing: string;
  try {
    listing = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  } catch {
    return [];
  }
  const marker = `-D${CLUSTER_MARKER}=${clustersDir}`;
  return listing
    .split("\n")
    .filter((l) => l.includes(marker))
    .map((l) => Number(l.trim().split(/\s+/)[0]))
    .filter((pid) => Number.isInteger(pid) && pid > 0 && pid !== process.pid);
}

/** SIGTERM, then SIGKILL for those still alive after `graceMs`. */
export async function stopProcesses(pids: readonly number[], graceMs = 10_000): Promise<void> {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (const pid of pids) if (alive(pid)) process.kill(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids) if (alive(pid)) process.kill(pid, "SIGKILL");
}
