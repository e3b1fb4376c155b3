/**
 * Derives the compact API contract the control plane's contract tests validate against, from the
 * service's public OpenAPI description vendored unmodified in test/controlplane/fixtures/openapi/.
 * Keeps only the operations the local control plane emulates and the request/response schemas they
 * name, turned into plain JSON Schema (OpenAPI 3.0 `nullable`, escaped property names) without the
 * prose. Deterministic: the output depends only on the vendored files, and
 * test/controlplane/openapi-fixture.test.ts fails when the committed fixture is not what this derives.
 *
 * Run: `npx tsx scripts/derive-openapi-contract.ts` (writes the fixture; `--check` only compares).
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";

const root = path.resolve(__dirname, "..");
export const OPENAPI_DIR = path.join(root, "test", "controlplane", "fixtures", "openapi");
export const CONTRACT_FILE = path.join(
  root,
  "test",
  "controlplane",
  "fixtures",
  "generated",
  "openapi-contract.json",
);

/** Where the vendored files come from (see the README beside them). */
const UPSTREAM = "github.com/api-evangelist/aiven @ 073fded";

/** Per source file, which of its operations the control plane emulates. */
const SOURCES: readonly { file: string; keep: (op: { operationId: string; path: string }) => boolean }[] = [
  // JAR applications included: experimental in the description, emulated all the same.
  { file: "aiven-service-flink-api-openapi.yml", keep: () => true },
  { file: "aiven-service-integrations-api-openapi.yml", keep: () => true },
  {
    // This file describes every service type's extras; the control plane serves the generic service surface.
    file: "aiven-service-api-openapi.yml",
    keep: (op) =>
      [
        "ServiceCreate",
        "ServiceGet",
        "ServiceUpdate",
        "ServiceDelete",
        "ServiceList",
        "ListProjectServiceTypes",
        "ListPublicServiceTypes",
        "ProjectServiceTagsList",
        "ProjectServiceTagsReplace",
        "ProjectServiceTagsUpdate",
      ].includes(op.operationId),
  },
];

/** Annotations that carry no constraint; left out to keep the fixture small. */
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "externalDocs"]);

export interface ContractOperation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** Names in `schemas`. */
  readonly request?: string;
  readonly response?: string;
}

export interface Contract {
  readonly comment: string;
  readonly upstream: string;
  readonly sources: readonly { file: string; sha256: string }[];
  readonly operations: readonly ContractOperation[];
  readonly schemas: Readonly<Record<string, unknown>>;
}

/** OpenAPI 3.0 schema → JSON Schema: `nullable` as a null type, property names the split copy escaped (`flink\-version`). */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (ANNOTATIONS.has(k) || k.startsWith("x-")) continue;
    if (k === "properties" && typeof v === "object" && v !== null) {
      out[k] = Object.fromEntries(
        Object.entries(v).map(([name, schema]) => [name.replace(/\\-/g, "-"), toJsonSchema(schema)]),
      );
    } else if (k === "required" && Array.isArray(v)) {
      out[k] = v.map((name: string) => name.replace(/\\-/g, "-"));
    } else if (k !== "nullable") {
      out[k] = toJsonSchema(v);
    }
  }
  const nullable = (node as { nullable?: unknown }).nullable === true;
  if (nullable && typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

/** The parts of an OpenAPI operation the contract keeps. */
interface OpenApiOperation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

const refName = (ref: unknown): string | undefined =>
  typeof ref === "string" ? ref.split("/").pop() : undefined;

export function deriveContract(sourceDir = OPENAPI_DIR): Contract {
  const sources: { file: string; sha256: string }[] = [];
  const operations: ContractOperation[] = [];
  const schemas: Record<string, unknown> = {};
  for (const source of SOURCES) {
    const text = readFileSync(path.join(sourceDir, source.file), "utf8");
    sources.push({ file: source.file, sha256: createHash("sha256").update(text).digest("hex") });
    const doc = YAML.parse(text) as {
      paths: Record<string, Record<string, OpenApiOperation | undefined>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op?.operationId || !source.keep({ operationId: op.operationId, path: template })) continue;
        const request = refName(op.requestBody?.content?.["application/json"]?.schema?.$ref);
        const response = refName(op.responses?.["200"]?.content?.["application/json"]?.schema?.$ref);
        for (const name of [request, response]) {
          if (name === undefined) continue;
          if (!(name in doc.components.schemas)) throw new Error(`${source.file}: no schema ${name}`);
          schemas[name] = toJsonSchema(doc.components.schemas[name]);
        }
        operations.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          path: template,
          ...(request ? { request } : {}),
          ...(response ? { response } : {}),
        });
      }
    }
  }
  return {
    comment:
      "generated — do not edit. Derived from ../openapi/*.yml by scripts/derive-openapi-contract.ts; run `npx tsx scripts/derive-openapi-contract.ts`.",
    upstream: UPSTREAM,
    sources,
    operations,
    schemas,
  };
}

/** One operation and one schema per line: small, and a changed schema is a one-line diff. */
export function renderContract(contract: Contract): string {
  const lines = (entries: string[]) => entries.map((e, i) => `    ${e}${i < entries.length - 1 ? "," : ""}`);
  return [
    "{",
    `  "comment": ${JSON.stringify(contract.comment)},`,
    `  "upstream": ${JSON.stringify(contract.upstream)},`,
    `  "sources": [`,
    ...lines(contract.sources.map((s) => JSON.stringify(s))),
    "  ],",
    `  "operations": [`,
    ...lines(contract.operations.map((o) => JSON.stringify(o))),
    "  ],",
    `  "schemas": {`,
    ...lines(
      Object.entries(contract.schemas).map(([name, s]) => `${JSON.stringify(name)}: ${JSON.stringify(s)}`),
    ),
    "  }",
    "}",
    "",
  ].join("\n");
}

if (require.main === module) {
  const text = renderContract(deriveContract());
  if (process.argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(CONTRACT_FILE, "utf8");
    } catch {}
    if (committed !== text) {
      console.error(
        `${path.relative(root, CONTRACT_FILE)} is not current: run npx tsx scripts/derive-openapi-contract.ts`,
      );
      process.exit(1);
    }
  } else {
    writeFileSync(CONTRACT_FILE, text);
    console.log(`wrote ${path.relative(root, CONTRACT_FILE)} (${text.length} bytes)`);
  }
}
