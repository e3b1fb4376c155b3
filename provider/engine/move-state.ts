/**
 * MoveResourceState, pure part: the stored state of an official Aiven provider Flink resource
 * (raw JSON as terraform keeps it: SDKv2 blocks as lists, framework attributes as objects) turned
 * into the state of its flinkform counterpart. Values both providers hold are carried over; what
 * only flinkform has starts at its default or null, and the refresh after the move reads it from
 * the API. Shapes follow the official provider's schemas (docs/resources/flink*.md and
 * internal/sdkprovider/service/flink, internal/plugin/service/flink in aiven/terraform-provider-aiven);
 * the JAR types in move-state-jar.ts.
 */
import type { AttributeSpec, ResourceSpec } from "../../schemas/dsl/types";
import { moveJarApplication, moveJarDeployment, moveJarVersion } from "./move-state-jar";
import { moveService } from "./move-state-service";
import {
  FLINKFORM_PROVIDER,
  KNOWN_SCHEMA_VERSIONS,
  MOVABLE_TYPES,
  OFFICIAL_PROVIDER,
} from "./move-state-table";
import { first, list, type Mapped, type MoveIssue, record, str } from "./move-state-values";
import type { Values } from "./values";

export interface MoveSource {
  providerAddress: string;
  typeName: string;
  schemaVersion: number;
  /** The stored attributes, parsed from RawState.json. */
  state: unknown;
}

export type { MoveIssue };

export interface MoveResult {
  state?: Values;
  issues: MoveIssue[];
}

const err = (summary: string, detail: string): MoveResult => ({
  issues: [{ severity: "error", summary, detail }],
});

/** The official `timeouts` (`default` fills each unset operation) as ours (no `default`). */
export function moveTimeouts(v: unknown): Values | null {
  const t = record(v);
  const fallback = str(t.default);
  const out: Values = {};
  for (const op of ["create", "read", "update", "delete"]) out[op] = str(t[op]) ?? fallback;
  return Object.values(out).some((x) => x !== null) ? out : null;
}

/** `a/b/c` split into its parts, when it has exactly `n`. */
function idParts(id: unknown, n: number): string[] | null {
  if (typeof id !== "string") return null;
  const parts = id.split("/");
  return parts.length === n && parts.every((p) => p !== "") ? parts : null;
}

function moveApplication(s: Values): Mapped {
  const parts = idParts(s.id, 3);
  return {
    values: {
      name: s.name,
      application_id: str(s.application_id) ?? parts?.[2] ?? null,
      created_at: str(s.created_at),
      created_by: str(s.created_by),
      updated_at: str(s.updated_at),
      updated_by: str(s.updated_by),
    },
    issues: [],
  };
}

/** `source` and the deprecated `sources` are one set in flinkform; an empty integration_id is none. */
function tables(...sets: unknown[]): Values[] | null {
  const seen = new Map<string, Values>();
  for (const item of sets.flatMap(list)) {
    const t = record(item);
    const table = { create_table: t.create_table ?? null, integration_id: str(t.integration_id) };
    seen.set(JSON.stringify(table), table);
  }
  return seen.size > 0 ? [...seen.values()] : null;
}

function moveVersion(s: Values): Mapped {
  const parts = idParts(s.id, 4);
  return {
    values: {
      application_id: s.application_id ?? parts?.[2] ?? null,
      statement: s.statement,
      source: tables(s.source, s.sources),
      sink: tables(s.sink, s.sinks),
      application_version_id: str(s.application_version_id) ?? parts?.[3] ?? null,
      version: typeof s.version === "number" ? s.version : null,
      created_at: str(s.created_at),
      created_by: str(s.created_by),
    },
    issues: [],
  };
}

function moveDeployment(s: Values): Mapped {
  const parts = idParts(s.id, 4);
  return {
    values: {
      application_id: s.application_id ?? parts?.[2] ?? null,
      version_id: s.version_id,
      parallelism: typeof s.parallelism === "number" ? s.parallelism : null,
      restart_enabled: typeof s.restart_enabled === "boolean" ? s.restart_enabled : null,
      starting_savepoint: str(s.starting_savepoint),
      // Releases of the official provider before its framework rewrite kept it only inside `id`.
      deployment_id: str(s.deployment_id) ?? parts?.[3] ?? null,
      created_at: str(s.created_at),
      created_by: str(s.created_by),
    },
    issues: [],
  };
}

const MAPPERS: Record<string, { parts: number; map: (s: Values, version: number) => Mapped }> = {
  aiven_flink: { parts: 2, map: moveService },
  aiven_flink_application: { parts: 3, map: moveApplication },
  aiven_flink_application_version: { parts: 4, map: moveVersion },
  aiven_flink_application_deployment: { parts: 4, map: moveDeployment },
  aiven_flink_jar_application: { parts: 3, map: moveJarApplication },
  aiven_flink_jar_application_version: { parts: 4, map: moveJarVersion },
  aiven_flink_jar_application_deployment: { parts: 4, map: moveJarDeployment },
};

/** Every attribute of the spec: the mapped value, else the attribute's default, else null. */
function complete(attributes: Readonly<Record<string, AttributeSpec>>, values: Values): Values {
  const out: Values = {};
  for (const [name, attr] of Object.entries(attributes)) {
    const v = values[name];
    if (v !== undefined && v !== null) {
      out[name] =
        attr.kind === "object" && attr.attributes && typeof v === "object" && !Array.isArray(v)
          ? complete(attr.attributes, v as Values)
          : v;
    } else {
      out[name] = attr.default ?? null;
    }
  }
  return out;
}

/**
 * The move of one resource instance to `targetType`. `target` is that type's spec; the result's
 * state holds every one of its attributes.
 */
export function moveState(
  source: MoveSource,
  targetType: string,
  target: ResourceSpec | undefined,
): MoveResult {
  const { providerAddress, typeName } = source;
  if (providerAddress !== OFFICIAL_PROVIDER && providerAddress !== FLINKFORM_PROVIDER) {
    return err(
      "Unsupported Move Source",
      `flinkform moves state only from the official Aiven provider (${OFFICIAL_PROVIDER}), not from ${providerAddress || "an unknown provider"} (${typeName}).`,
    );
  }
  const expected = MOVABLE_TYPES[typeName];
  if (!expected) {
    const known = Object.entries(MOVABLE_TYPES)
      .map(([from, to]) => `${from} → ${to}`)
      .join(", ");
    return err(
      "Unsupported Move Source",
      `flinkform cannot move ${typeName} to ${targetType}. It moves: ${known}.`,
    );
  }
  if (expected !== targetType || !target) {
    return err(
      "Unsupported Move Target",
      `${typeName} moves to ${expected}, not to ${targetType}: fix the \`to\` of the moved block.`,
    );
  }
  if (!KNOWN_SCHEMA_VERSIONS[typeName]?.includes(source.schemaVersion)) {
    return err(
      "Unsupported Source Schema Version",
      `${typeName} state of schema version ${source.schemaVersion} comes from a release of the Aiven provider flinkform does not know (it knows versions ${KNOWN_SCHEMA_VERSIONS[typeName]?.join(", ")}). Apply with that provider's newest release first, or remove the resource from the state and import it as ${targetType}.`,
    );
  }
  const s = record(source.state);
  const mapper = MAPPERS[typeName];
  const parts = idParts(s.id, mapper.parts);
  if (!parts || str(s.project) === null || str(s.service_name) === null) {
    return err(
      "Invalid Source State",
      `The stored ${typeName} has no usable id (expected ${target.importFormat}, got ${JSON.stringify(s.id ?? null)}) or lacks project/service_name; import it as ${targetType} instead.`,
    );
  }
  const mapped = mapper.map(s, source.schemaVersion);
  const values: Values = {
    ...mapped.values,
    id: s.id,
    project: s.project,
    service_name: s.service_name,
    timeouts: moveTimeouts(first(s.timeouts) ?? s.timeouts),
  };
  return { state: complete(target.attributes, values), issues: mapped.issues };
}
