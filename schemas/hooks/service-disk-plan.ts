/**
 * Plan-time check of `additional_disk_space` against the plan's disk limits, which the API publishes
 * per plan (`disk_space_mb`, `disk_space_step_mb`, `disk_space_cap_mb`): a size the plan cannot take
 * fails the plan at the attribute instead of the apply.
 */
import type { HookApi, HookDiagnostic, OperationSpec, PlanHookArgs } from "../dsl/types";
import { diskSizeToMb, humanSizeMb } from "./service-parity";

const PLAN_SPECS: OperationSpec = {
  method: "GET",
  path: "/project/{project}/service-types/flink/plans/{plan}",
};

export async function additionalDiskDiagnostics(args: PlanHookArgs): Promise<HookDiagnostic[]> {
  const { prior, planned, api } = args;
  const extraMb = diskSizeToMb(planned.additional_disk_space);
  if (!api || typeof extraMb !== "number" || typeof planned.plan !== "string") return [];
  if (typeof planned.project !== "string") return [];
  if (prior && !args.changed.some((p) => p[0] === "additional_disk_space" || p[0] === "plan")) return [];
  const specs = await planSpecs(api, planned);
  if (!specs) return [];
  const problem = diskProblem(extraMb, specs, String(planned.plan));
  return problem
    ? [
        {
          severity: "error",
          path: ["additional_disk_space"],
          summary: "Invalid Attribute Value",
          detail: `additional_disk_space: ${problem}.`,
        },
      ]
    : [];
}

interface DiskLimits {
  readonly defaultMb: number;
  readonly stepMb: number;
  readonly capMb: number;
}

async function planSpecs(api: HookApi, planned: Record<string, unknown>): Promise<DiskLimits | null> {
  try {
    const s = await api.call(PLAN_SPECS, planned);
    const num = (v: unknown) => (typeof v === "number" ? v : 0);
    return {
      defaultMb: num(s.disk_space_mb),
      stepMb: num(s.disk_space_step_mb),
      capMb: num(s.disk_space_cap_mb),
    };
  } catch (err) {
    // A plan the API does not describe (a new plan, or none such): the create says what is wrong.
    if (api.isNotFound(err)) return null;
    throw err;
  }
}

/** What is wrong with adding `extraMb` to a plan with these limits, or undefined. */
export function diskProblem(extraMb: number, limits: DiskLimits, plan: string): string | undefined {
  const room = limits.capMb - limits.defaultMb;
  if (room <= 0)
    return `plan ${plan} has no disk to add to (its disk_space_cap is ${humanSizeMb(limits.capMb)})`;
  if (extraMb > room)
    return `plan ${plan} can take at most ${humanSizeMb(room)} more (disk_space_cap ${humanSizeMb(limits.capMb)}), got ${humanSizeMb(extraMb)}`;
  if (limits.stepMb > 0 && extraMb % limits.stepMb !== 0)
    return `must be a multiple of ${humanSizeMb(limits.stepMb)} (disk_space_step) for plan ${plan}, got ${humanSizeMb(extraMb)}`;
  return undefined;
}
