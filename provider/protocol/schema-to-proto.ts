/**
 * Turns the provider schema in `terraform providers schema -json` form into the GetProviderSchema
 * response. The JSON form is the single source: terraform prints it back unchanged.
 */
import type { ProviderSchemaJson, SchemaAttributeJson, SchemaBlockJson, SchemaJson } from "./cty-type";
import type {
  GetProviderSchemaResponse,
  Schema,
  SchemaAttribute,
  SchemaBlock,
  SchemaNestedBlock,
  StringKind,
} from "./rpc-types";

const NESTING = { single: "SINGLE", list: "LIST", set: "SET", map: "MAP", group: "GROUP" } as const;

const kind = (k: string | undefined): StringKind => (k === "markdown" ? "MARKDOWN" : "PLAIN");

const byName = <T>(record: Record<string, T> | undefined): [string, T][] =>
  Object.entries(record ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function attributeToProto(name: string, attr: SchemaAttributeJson): SchemaAttribute {
  const out: SchemaAttribute = {
    name,
    description: attr.description ?? "",
    description_kind: kind(attr.description_kind),
    required: attr.required === true,
    optional: attr.optional === true,
    computed: attr.computed === true,
    sensitive: attr.sensitive === true,
    deprecated: attr.deprecated === true,
    write_only: attr.write_only === true,
  };
  if (attr.nested_type) {
    const mode = attr.nested_type.nesting_mode;
    if (!(mode in NESTING) || mode === ("group" as string)) {
      throw new Error(
        `attribute "${name}": nested_type nesting_mode "${mode}" is not single, list, set or map`,
      );
    }
    out.nested_type = {
      attributes: byName(attr.nested_type.attributes).map(([n, a]) => attributeToProto(n, a)),
      nesting: NESTING[mode] as "SINGLE" | "LIST" | "SET" | "MAP",
    };
  } else if (attr.type !== undefined) {
    out.type = Buffer.from(JSON.stringify(attr.type));
  } else {
    throw new Error(`attribute "${name}" has neither type nor nested_type`);
  }
  return out;
}

function blockToProto(block: SchemaBlockJson, version = 0): SchemaBlock {
  return {
    version,
    attributes: byName(block.attributes).map(([n, a]) => attributeToProto(n, a)),
    block_types: byName(block.block_types).map(([n, bt]): SchemaNestedBlock => {
      if (!(bt.nesting_mode in NESTING))
        throw new Error(`block "${n}": unknown nesting_mode "${bt.nesting_mode}"`);
      return {
        type_name: n,
        block: blockToProto(bt.block),
        nesting: NESTING[bt.nesting_mode],
        min_items: bt.min_items ?? 0,
        max_items: bt.max_items ?? 0,
      };
    }),
    description: block.description ?? "",
    description_kind: kind(block.description_kind),
    deprecated: block.deprecated === true,
  };
}

function schemaToProto(schema: SchemaJson): Schema {
  return { version: schema.version ?? 0, block: blockToProto(schema.block, schema.version ?? 0) };
}

const cache = new WeakMap<ProviderSchemaJson, GetProviderSchemaResponse>();

/**
 * The GetProviderSchema response for a provider schema. The result is memoised per input object,
 * and the server caches its encoded bytes, so terraform's per-process schema call costs nothing.
 */
export function providerSchemaToProto(json: ProviderSchemaJson): GetProviderSchemaResponse {
  const hit = cache.get(json);
  if (hit) return hit;
  const mapSchemas = (r: Record<string, SchemaJson> | undefined) =>
    Object.fromEntries(byName(r).map(([n, s]) => [n, schemaToProto(s)]));
  const response: GetProviderSchemaResponse = {
    provider: schemaToProto(json.provider),
    resource_schemas: mapSchemas(json.resource_schemas),
    data_source_schemas: mapSchemas(json.data_source_schemas),
    diagnostics: [],
    // Schema optional: terraform asks the first process of a command for the schema and answers the
    // later ones (validate walk, plan) from its cache, saving one schema call per process.
    // move_resource_state: `moved` from the official Aiven provider's types (provider/engine/move-state.ts).
    server_capabilities: {
      plan_destroy: true,
      get_provider_schema_optional: true,
      move_resource_state: true,
    },
  };
  cache.set(json, response);
  return response;
}
