import fs from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import YAML from "yaml";
import type { Json } from "./helpers";

/** The service's public OpenAPI description, kept unmodified beside the tests (a clone has nothing beside it). */
const DIR = path.resolve(__dirname, "fixtures/openapi");
const FILES = [
  "aiven-service-flink-api-openapi.yml",
  "aiven-service-api-openapi.yml",
  "aiven-service-integrations-api-openapi.yml",
];

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

/** OpenAPI 3.0 → JSON Schema: `nullable`, and property names the split copy escaped (`flink\-version`). */
function normalize(node: unknown, nullableKeys: ReadonlySet<string>, key = ""): unknown {
  if (Array.isArray(node)) return node.map((n) => normalize(n, nullableKeys));
  if (typeof node !== "object" || node === null) return node;
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "properties" && typeof v === "object" && v !== null) {
      o[k] = Object.fromEntries(
        Object.entries(v).map(([pk, pv]) => [pk.replace(/\\-/g, "-"), normalize(pv, nullableKeys, pk)]),
      );
    } else if (k === "required" && Array.isArray(v)) {
      o[k] = v.map((r: string) => r.replace(/\\-/g, "-"));
    } else {
      o[k] = normalize(v, nullableKeys, k);
    }
  }
  const s = o as { nullable?: boolean; type?: unknown; enum?: unknown[] };
  if ((s.nullable || nullableKeys.has(key)) && typeof s.type === "string") {
    s.type = [s.type, "null"];
    if (s.enum) s.enum = [...s.enum, null];
  }
  delete s.nullable;
  return o;
}

export function loadOperations(): Operation[] {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const ops: Operation[] = [];
  for (const file of FILES) {
    const doc = YAML.parse(fs.readFileSync(path.join(DIR, file), "utf8"));
    const schemas = doc.components.schemas as Record<string, unknown>;
    const compile = (ref: string | undefined) => {
      if (!ref) return undefined;
      const name = ref.split("/").pop()!;
      const nullable = new Set<string>([
        ...DIFFERENCES.nullableIntegrationEnds,
        ...((DIFFERENCES.nullableProjectVpcId as readonly string[]).includes(name) ? ["project_vpc_id"] : []),
      ]);
      return ajv.compile(normalize(schemas[name], nullable) as object);
    };
    for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op?.operationId) continue;
        ops.push({
          method: method.toUpperCase(),
          template,
          operationId: op.operationId,
          request: compile(op.requestBody?.content?.["application/json"]?.schema?.$ref),
          response: compile(op.responses?.["200"]?.content?.["application/json"]?.schema?.$ref),
        });
      }
    }
  }
  return ops;
}
