/** Plan-time warnings of `flink_service`: changes that restart the whole session cluster, and power. */
import type { HookDiagnostic, PlanHookArgs, PlanHookResult } from "../dsl/types";
import { additionalDiskDiagnostics } from "./service-disk-plan";

const RESTARTING = new Set([
  "number_of_task_slots",
  "restart_strategy",
  "parallelism_default",
  "execution_checkpointing_interval_ms",
  "execution_checkpointing_timeout_ms",
  "pekko_ask_timeout_s",
  "pekko_framesize_b",
]);

/** What a change of `powered` (or a service created powered off) does to the service's jobs. */
function powerWarning(args: PlanHookArgs): HookDiagnostic | undefined {
  const { prior, planned } = args;
  const warn = (summary: string, detail: string): HookDiagnostic => ({
    severity: "warning",
    path: ["powered"],
    summary,
    detail,
  });
  if (!prior)
    return planned.powered === false
      ? warn(
          "Service Created Powered Off",
          "The service is created and started once (as the API creates every service), then powered off.",
        )
      : undefined;
  if (!args.changed.some((p) => p[0] === "powered")) return undefined;
  return planned.powered === false
    ? warn(
        "Service Powered Off",
        "Each running deployment's job is stopped with a savepoint and waits SUSPENDED (same deployment_id) while the cluster is off; powered = true restarts each from its savepoint. On the hosted API, powering off drops the service's applications instead and nothing restarts.",
      )
    : warn(
        "Service Powered On",
        "The cluster starts again and each deployment suspended by the power off restarts from its savepoint (a new job_id); apply waits until they run.",
      );
}

/**
 * Static IPs are associated when the service is created; the API has no field to change them on an
 * update (upstream calls separate association endpoints, which the local control plane lacks).
 */
function staticIpsChange(args: PlanHookArgs): HookDiagnostic | undefined {
  if (!args.prior || !args.changed.some((p) => p[0] === "static_ips")) return undefined;
  const before = new Set((args.prior.static_ips as string[] | null) ?? []);
  const after = (args.planned.static_ips as string[] | null) ?? [];
  if (!Array.isArray(after) || (after.length === before.size && after.every((ip) => before.has(ip))))
    return undefined;
  return {
    severity: "error",
    path: ["static_ips"],
    summary: "Static IPs Fixed At Create",
    detail:
      "static_ips can only be set when the service is created; changing them on an existing service is not supported here.",
  };
}

export async function planService(args: PlanHookArgs): Promise<PlanHookResult> {
  const staticIps = staticIpsChange(args);
  if (staticIps) return { diagnostics: [staticIps] };
  const disk = await additionalDiskDiagnostics(args);
  if (disk.length) return { diagnostics: disk };
  const power = powerWarning(args);
  if (!args.prior) return power ? { diagnostics: [power] } : {};
  const restarting = args.changed.filter((p) => p[0] === "flink_user_config" && RESTARTING.has(String(p[1])));
  if (!restarting.length) return power ? { diagnostics: [power] } : {};
  const names = [...new Set(restarting.map((p) => String(p[1])))].join(", ");
  const diagnostics: HookDiagnostic[] = [
    ...(power ? [power] : []),
    {
      severity: "warning",
      path: restarting[0].map(String),
      summary: "Cluster Restart",
      detail: `Changing ${names} restarts the Flink cluster: every running job on it restarts from its latest checkpoint.`,
    },
  ];
  return { diagnostics };
}
