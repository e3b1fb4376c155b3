/**
 * Whether the terraform that started this provider is destroying. Before a destroy, terraform runs a
 * normal plan to refresh state, and an error from a plan-time check there (a deployment that does not
 * fit the task slots) blocks the destroy of the very resource it is about; terraform does not tell
 * providers which plan this is (hashicorp/terraform-plugin-sdk#1122), but its command line does:
 * `terraform destroy`, or `plan` / `apply` with `-destroy`.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** terraform's arguments after the program name: global options (`-chdir=...`), then the command. */
export function isDestroyCommand(args: readonly string[]): boolean {
  const command = args.find((a) => !a.startsWith("-"));
  if (command === "destroy") return true;
  if (command !== "plan" && command !== "apply") return false;
  return args.some((a) => /^--?destroy(=true)?$/.test(a));
}

function parentArgs(ppid: number): string[] | undefined {
  try {
    // Linux: NUL-separated, exact.
    return readFileSync(`/proc/${ppid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(1);
  } catch {}
  try {
    // Elsewhere (macOS): ps, split on spaces (terraform's own arguments have none that matter here).
    return execFileSync("ps", ["-o", "args=", "-p", String(ppid)], { encoding: "utf8", timeout: 2000 })
      .trim()
      .split(/\s+/)
      .slice(1);
  } catch {
    return undefined;
  }
}

let cached: boolean | undefined;

/** Read once per provider process (terraform starts one per walk). */
export function terraformIsDestroying(ppid?: number): boolean {
  if (cached === undefined) {
    // process.ppid is a system call on every read: asked once, not on every plan call.
    const args = parentArgs(ppid ?? process.ppid);
    cached = args !== undefined && isDestroyCommand(args);
  }
  return cached;
}
