import { FLINK_PLANS, type FlinkPlan } from "../schemas/flink/plans";
import type { ServiceType } from "./model";

/**
 * Plans per service type. Flink uses the shared catalogue; Kafka and PostgreSQL exist here only as
 * integration sources, so they get a short list of the hosted service's common plan names.
 */
function simple(name: string, nodeCount: number, gb: number, cpus: number, diskGb: number): FlinkPlan {
  return { name, nodeCount, nodeMemoryMb: gb * 1024, nodeCpuCount: cpus, diskSpaceMb: diskGb * 1024 };
}

export const PLANS_BY_TYPE: Readonly<Record<ServiceType, readonly FlinkPlan[]>> = {
  flink: FLINK_PLANS,
  kafka: [
    simple("startup-2", 3, 2, 1, 90),
    simple("business-4", 3, 4, 1, 600),
    simple("premium-8", 6, 8, 2, 1200),
  ],
  pg: [simple("hobbyist", 1, 2, 1, 8), simple("startup-4", 1, 4, 2, 80), simple("business-4", 2, 4, 2, 80)],
};

export const SERVICE_TYPES = Object.keys(PLANS_BY_TYPE) as ServiceType[];

export const SERVICE_TYPE_DESCRIPTIONS: Readonly<Record<ServiceType, string>> = {
  flink: "Flink - Stream processing of large data sets",
  kafka: "Kafka - High-Throughput Distributed Messaging System",
  pg: "PostgreSQL - Object-Relational Database Management System",
};

export function findPlan(type: ServiceType, name: string): FlinkPlan | undefined {
  return PLANS_BY_TYPE[type].find((p) => p.name === name);
}
