/** Shape conversions between Terraform values and the service API. */
import type { ApiObject, ValueCodec } from "../dsl/types";

/** The API takes `tech_emails` as `[{email}]`; Terraform users write a set of strings. */
export const techEmailsCodec: ValueCodec = {
  toApi: (value) => (Array.isArray(value) ? value.map((email) => ({ email })) : value),
  fromApi: (value) =>
    Array.isArray(value)
      ? value.map((item) => (item && typeof item === "object" ? (item as { email?: unknown }).email : item))
      : value,
};

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Total task slots of the session cluster: nodes × slots per TaskManager (default 1). */
export function totalTaskSlots(service: ApiObject): number | null {
  const nodes = service.node_count;
  if (typeof nodes !== "number") return null;
  const slots = record(service.user_config).number_of_task_slots;
  return nodes * (typeof slots === "number" ? slots : 1);
}

export function serviceHost(service: ApiObject): string | null {
  const host = record(service.service_uri_params).host;
  return typeof host === "string" ? host : null;
}

export function servicePort(service: ApiObject): number | null {
  const port = record(service.service_uri_params).port;
  const n = typeof port === "string" ? Number(port) : port;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}
