/** Plan-time warnings of `flink_service`: changes that restart the whole session cluster. */
import type { HookDiagnostic, PlanHookArgs, PlanHookResult } from "../dsl/types";

const RESTARTING = new Set([
  "number_of_task_slots",
  "restart_strategy",
  "parallelism_default",
  "execution_checkpointing_interval_ms",
]);

export async function planService(args: PlanHookArgs): Promise<PlanHookResult> {
  if (!args.prior) return {};
  const restarting = args.changed.filter((p) => p[0] === "flink_user_config" && RESTARTING.has(String(p[1])));
  if (!restarting.length) return {};
  const names = [...new Set(restarting.map((p) => String(p[1])))].join(", ");
  const diagnostics: HookDiagnostic[] = [
    {
      severity: "warning",
      path: restarting[0].map(String),
      summary: "Cluster Restart",
      detail: `Changing ${names} restarts the Flink cluster: every running job on it restarts from its latest checkpoint.`,
    },
  ];
  return { diagnostics };
}
