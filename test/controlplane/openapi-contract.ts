import { readFileSync } from "node:fs";
import Ajv, { type ValidateFunction } from "ajv";
import { CONTRACT_FILE, type Contract } from "../../scripts/derive-openapi-contract";

/**
 * Deliberate differences from the OpenAPI description, each applied to the schemas before
 * validation and each covered by a test in openapi-contract.test.ts.
 */
export const DIFFERENCES = {
  /** `null` = public internet. The schema says a 36-char string; the hosted API (and the Go client) use null. */
  nullableProjectVpcId: [
    "ServiceGetResponse",
    "ServiceCreateResponse",
    "ServiceUpdateResponse",
    "ServiceListResponse",
  ],
  /** Integrations from an external endpoint have no source service; the schema marks it required. */
  nullableIntegrationEnds: [
    "source_service",
    "source_service_type",
    "dest_service",
    "dest_service_type",
    "source_endpoint_id",
    "dest_endpoint_id",
    "source_endpoint",
    "dest_endpoint",
  ],
} as const;

export interface Operation {
  method: string;
  template: string;
  operationId: string;
  request?: ValidateFunction;
  response?: ValidateFunction;
}

/** A copy of `node` where the properties named in `names` also accept null (a deliberate difference). */
function allowNull(node: unknown, names: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => allowNull(n, names));
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "properties" && typeof v === "object" && v !== null) {
      out[k] = Object.fromEntries(
        Object.entries(v).map(([name, schema]) => {
          const s = allowNull(schema, names) as { type?: unknown; enum?: unknown[] };
          if (names.has(name) && typeof s.type === "string") {
            s.type = [s.type, "null"];
            if (s.enum) s.enum = [...s.enum, null];
          }
          return [name, s];
        }),
      );
    } else {
      out[k] = allowNull(v, names);
    }
  }
  return out;
}

/**
 * The operations the control plane emulates, from the compact contract derived from the service's
 * public OpenAPI description (scripts/derive-openapi-contract.ts; a clone has nothing beside it).
 */
export function loadOperations(): Operation[] {
  const contract = JSON.parse(readFileSync(CONTRACT_FILE, "utf8")) as Contract;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const compile = (name: string | undefined) => {
    if (!name) return undefined;
    const nullable = new Set<string>([
      ...DIFFERENCES.nullableIntegrationEnds,
      ...((DIFFERENCES.nullableProjectVpcId as readonly string[]).includes(name) ? ["project_vpc_id"] : []),
    ]);
    return ajv.compile(allowNull(contract.schemas[name], nullable) as object);
  };
  return contract.operations.map((op) => ({
    method: op.method,
    template: op.path,
    operationId: op.operationId,
    request: compile(op.request),
    response: compile(op.response),
  }));
}
