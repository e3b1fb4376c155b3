/**
 * The Flink plan catalogue of the managed service, shared by the local control plane (plans and
 * service-type endpoints, node counts), the provider (slot checks at plan) and the constructs.
 *
 * The hosted API publishes no fixed list; this model follows the naming rule in the reference
 * (`business-*` single node, `premium-*` three nodes, the number is about the GB of RAM per node).
 */
export interface FlinkPlan {
  readonly name: string;
  readonly nodeCount: number;
  readonly nodeMemoryMb: number;
  readonly nodeCpuCount: number;
  readonly diskSpaceMb: number;
}

const sizes = [
  { gb: 4, cpus: 2 },
  { gb: 8, cpus: 2 },
  { gb: 16, cpus: 4 },
  { gb: 32, cpus: 8 },
] as const;

function plan(name: string, nodeCount: number, gb: number, cpus: number): FlinkPlan {
  return { name, nodeCount, nodeMemoryMb: gb * 1024, nodeCpuCount: cpus, diskSpaceMb: 0 };
}

export const FLINK_PLANS: readonly FlinkPlan[] = [
  plan("hobbyist", 1, 4, 2),
  plan("startup-4", 1, 4, 2),
  ...sizes.map((s) => plan(`business-${s.gb}`, 1, s.gb, s.cpus)),
  ...sizes.map((s) => plan(`premium-${s.gb}`, 3, s.gb, s.cpus)),
];

/** Clouds the managed service offers Flink on: AWS and GCP only. */
export const FLINK_CLOUDS: readonly string[] = [
  "aws-eu-central-1",
  "aws-eu-west-1",
  "aws-us-east-1",
  "aws-us-west-2",
  "google-europe-north1",
  "google-europe-west1",
  "google-europe-west3",
  "google-us-central1",
  "google-us-east1",
];

export const DEFAULT_FLINK_CLOUD = "google-europe-west1";

export function findFlinkPlan(name: string): FlinkPlan | undefined {
  return FLINK_PLANS.find((p) => p.name === name);
}
