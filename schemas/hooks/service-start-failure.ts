import type { ApiObject } from "../dsl/types";

/** The notification type the local control plane reports when a service's Flink cluster cannot start. */
export const SERVICE_START_FAILED = "service_start_failed";

/**
 * Why a service will not reach RUNNING, when its API object says so: the local control plane's
 * flink engine reports a cluster that could not start (no Java, a port in use, out of memory) as a
 * service notification, so the wait stops with that cause instead of running into its timeout.
 */
export function serviceStartFailure(service: ApiObject): string | undefined {
  const notes = service["service_notifications"];
  if (!Array.isArray(notes)) return undefined;
  const failed = notes.find(
    (n): n is { message: string } =>
      typeof n === "object" && n !== null && (n as { type?: unknown }).type === SERVICE_START_FAILED,
  );
  return failed?.message;
}
