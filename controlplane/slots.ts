import type { DeploymentRecord, ServiceRecord } from "./model";
import { SLOT_HOLDING_STATUSES } from "./model";
import { findPlan } from "./service-plans";
import type { Store } from "./store";

export interface SlotUsage {
  nodes: number;
  slotsPerNode: number;
  total: number;
  held: number;
  free: number;
}

/**
 * Session-mode accounting: the cluster has nodes × number_of_task_slots slots, and every deployment
 * that is running, starting or restarting holds `parallelism` of them.
 */
export function slotUsage(
  store: Store,
  project: string,
  service: ServiceRecord,
  exceptDeploymentId?: string,
): SlotUsage {
  const nodes = findPlan(service.service_type, service.plan)?.nodeCount ?? 1;
  const slotsPerNode = (service.user_config["number_of_task_slots"] as number | undefined) ?? 1;
  const total = nodes * slotsPerNode;
  const held = store
    .list<DeploymentRecord>("deployment", project, service.service_name)
    .filter((d) => d.id !== exceptDeploymentId && SLOT_HOLDING_STATUSES.includes(d.status))
    .reduce((sum, d) => sum + d.parallelism, 0);
  return { nodes, slotsPerNode, total, held, free: Math.max(0, total - held) };
}
