import type { SqlDiagnostic } from "../sql/types";

export interface SlotCheckInput {
  nodeCount: number;
  taskSlotsPerNode: number;
  /** The service's deployments that hold slots (in session mode every running job does). */
  deployments: readonly { name: string; parallelism: number }[];
}

export interface SlotDiagnostic {
  severity: SqlDiagnostic["severity"];
  code: "slots-invalid" | "slots-parallelism-exceeds" | "slots-total-exceeds";
  message: string;
  /** The deployment the diagnostic is about; absent for service-wide ones. */
  deployment?: string;
}

const isCount = (n: number) => Number.isInteger(n) && n >= 1;

/**
 * Task-slot capacity of a session-mode Flink service (flink-rules.md §1b): a deployment whose parallelism
 * exceeds nodes × slots can never be scheduled (error); the deployments together exceeding it is a
 * warning, since slots free up when jobs stop.
 */
export function checkDeploymentSlots(input: SlotCheckInput): SlotDiagnostic[] {
  const out: SlotDiagnostic[] = [];
  const { nodeCount, taskSlotsPerNode, deployments } = input;
  if (!isCount(nodeCount) || !isCount(taskSlotsPerNode)) {
    out.push({
      severity: "error",
      code: "slots-invalid",
      message: `node count and task slots per node must be integers >= 1; got ${nodeCount} and ${taskSlotsPerNode}`,
    });
    return out;
  }
  const total = nodeCount * taskSlotsPerNode;
  const capacity = `${total} task slots (${nodeCount} node${nodeCount === 1 ? "" : "s"} × ${taskSlotsPerNode} number_of_task_slots)`;
  let sum = 0;
  for (const dep of deployments) {
    if (!isCount(dep.parallelism)) {
      out.push({
        severity: "error",
        code: "slots-invalid",
        message: `Deployment '${dep.name}': parallelism must be an integer >= 1; got ${dep.parallelism}`,
        deployment: dep.name,
      });
      continue;
    }
    sum += dep.parallelism;
    if (dep.parallelism > total) {
      out.push({
        severity: "error",
        code: "slots-parallelism-exceeds",
        message: `Deployment '${dep.name}' has parallelism ${dep.parallelism}, but the service has only ${capacity}; the job could never start. Lower parallelism to at most ${total} or raise number_of_task_slots`,
        deployment: dep.name,
      });
    }
  }
  if (deployments.length > 1 && sum > total) {
    out.push({
      severity: "warning",
      code: "slots-total-exceeds",
      message: `The service's deployments need ${sum} task slots together (${deployments.map((d) => `${d.name}: ${d.parallelism}`).join(", ")}), but it has ${capacity}; jobs beyond capacity wait for free slots`,
    });
  }
  return out;
}
