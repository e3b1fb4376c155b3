/**
 * cty types in the JSON form terraform prints in `terraform providers schema -json`, and the
 * implied object type of a schema block (what terraform encodes a resource's values with).
 */
export type CtyPrimitive = "string" | "number" | "bool" | "dynamic";
export type CtyType =
  | CtyPrimitive
  | readonly ["list", CtyType]
  | readonly ["set", CtyType]
  | readonly ["map", CtyType]
  | readonly ["tuple", readonly CtyType[]]
  | readonly ["object", Readonly<Record<string, CtyType>>]
  | readonly ["object", Readonly<Record<string, CtyType>>, readonly string[]];

export type NestingMode = "single" | "list" | "set" | "map" | "group";

/** An attribute as terraform prints it in `providers schema -json`. */
export interface SchemaAttributeJson {
  type?: CtyType;
  nested_type?: {
    attributes: Record<string, SchemaAttributeJson>;
    nesting_mode: Exclude<NestingMode, "group">;
  };
  description?: string;
  description_kind?: "plain" | "markdown";
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  write_only?: boolean;
}

export interface SchemaBlockTypeJson {
  nesting_mode: NestingMode;
  block: SchemaBlockJson;
  min_items?: number;
  max_items?: number;
}

export interface SchemaBlockJson {
  attributes?: Record<string, SchemaAttributeJson>;
  block_types?: Record<string, SchemaBlockTypeJson>;
  description?: string;
  description_kind?: "plain" | "markdown";
  deprecated?: boolean;
}

export interface SchemaJson {
  version: number;
  block: SchemaBlockJson;
}

/** The object under `provider_schemas[<source address>]` in `terraform providers schema -json`. */
export interface ProviderSchemaJson {
  provider: SchemaJson;
  resource_schemas?: Record<string, SchemaJson>;
  data_source_schemas?: Record<string, SchemaJson>;
}

function nest(mode: NestingMode, inner: CtyType): CtyType {
  switch (mode) {
    case "single":
    case "group":
      return inner;
    case "list":
      return ["list", inner];
    case "set":
      return ["set", inner];
    case "map":
      return ["map", inner];
  }
}

function attributeType(name: string, attr: SchemaAttributeJson): CtyType {
  if (attr.nested_type) {
    const attrs: Record<string, CtyType> = {};
    for (const [k, a] of Object.entries(attr.nested_type.attributes)) attrs[k] = attributeType(k, a);
    return nest(attr.nested_type.nesting_mode, ["object", attrs]);
  }
  if (attr.type === undefined) throw new Error(`schema attribute "${name}" has neither type nor nested_type`);
  return attr.type;
}

/**
 * The object type terraform uses on the wire for a block: every attribute and nested block by
 * name. Optional-attribute markers are left out, as terraform strips them from implied types.
 */
export function blockToCtyType(block: SchemaBlockJson): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const [name, attr] of Object.entries(block.attributes ?? {})) attrs[name] = attributeType(name, attr);
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    attrs[name] = nest(bt.nesting_mode, blockToCtyType(bt.block));
  }
  return ["object", attrs];
}
