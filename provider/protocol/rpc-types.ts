/**
 * The tfplugin6 requests and responses as the server hands them to handlers (snake_case, as in the
 * proto; enums as strings; int64 as number; bytes as Buffer; unset fields are undefined).
 */
import type { AttributePath, Diagnostic } from "./diagnostics";
import type { Logger } from "./logger";

export type { AttributePath, Diagnostic } from "./diagnostics";

export interface DynamicValue {
  msgpack?: Buffer;
  json?: Buffer;
}

export interface ClientCapabilities {
  deferral_allowed?: boolean;
  write_only_attributes_allowed?: boolean;
}

export interface ServerCapabilities {
  plan_destroy?: boolean;
  get_provider_schema_optional?: boolean;
  move_resource_state?: boolean;
}

export type StringKind = "PLAIN" | "MARKDOWN";

export interface SchemaAttribute {
  name: string;
  type?: Buffer;
  nested_type?: SchemaObject;
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  description_kind?: StringKind;
  deprecated?: boolean;
  write_only?: boolean;
}

export interface SchemaObject {
  attributes: SchemaAttribute[];
  nesting: "SINGLE" | "LIST" | "SET" | "MAP";
}

export interface SchemaNestedBlock {
  type_name: string;
  block: SchemaBlock;
  nesting: "SINGLE" | "LIST" | "SET" | "MAP" | "GROUP";
  min_items?: number;
  max_items?: number;
}

export interface SchemaBlock {
  version?: number;
  attributes?: SchemaAttribute[];
  block_types?: SchemaNestedBlock[];
  description?: string;
  description_kind?: StringKind;
  deprecated?: boolean;
}

export interface Schema {
  version?: number;
  block: SchemaBlock;
}

export interface Deferred {
  reason: "UNKNOWN" | "RESOURCE_CONFIG_UNKNOWN" | "PROVIDER_CONFIG_UNKNOWN" | "ABSENT_PREREQ";
}

type Diagnostics = { diagnostics?: Diagnostic[] };

// biome-ignore lint/complexity/noBannedTypes: the request carries no fields.
export type GetMetadataRequest = {};
export interface GetMetadataResponse extends Diagnostics {
  server_capabilities?: ServerCapabilities;
  data_sources?: { type_name: string }[];
  resources?: { type_name: string }[];
}

// biome-ignore lint/complexity/noBannedTypes: the request carries no fields.
export type GetProviderSchemaRequest = {};
export interface GetProviderSchemaResponse extends Diagnostics {
  provider?: Schema;
  resource_schemas?: Record<string, Schema>;
  data_source_schemas?: Record<string, Schema>;
  provider_meta?: Schema;
  server_capabilities?: ServerCapabilities;
}

export interface ValidateProviderConfigRequest {
  config?: DynamicValue;
}
export type ValidateProviderConfigResponse = Diagnostics;

export interface ValidateResourceConfigRequest {
  type_name: string;
  config?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}
export type ValidateResourceConfigResponse = Diagnostics;

export interface ValidateDataResourceConfigRequest {
  type_name: string;
  config?: DynamicValue;
}
export type ValidateDataResourceConfigResponse = Diagnostics;

export interface ConfigureProviderRequest {
  terraform_version?: string;
  config?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}
export type ConfigureProviderResponse = Diagnostics;

export interface UpgradeResourceStateRequest {
  type_name: string;
  version?: number;
  /** `json` holds the stored attributes; decode it with decodeDynamicValue(raw_state, type). */
  raw_state?: { json?: Buffer; flatmap?: Record<string, string> };
}
export interface UpgradeResourceStateResponse extends Diagnostics {
  upgraded_state?: DynamicValue;
}

export interface ReadResourceRequest {
  type_name: string;
  current_state?: DynamicValue;
  private?: Buffer;
  provider_meta?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}
export interface ReadResourceResponse extends Diagnostics {
  new_state?: DynamicValue;
  private?: Buffer;
  deferred?: Deferred;
}

export interface PlanResourceChangeRequest {
  type_name: string;
  prior_state?: DynamicValue;
  proposed_new_state?: DynamicValue;
  config?: DynamicValue;
  prior_private?: Buffer;
  provider_meta?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}
export interface PlanResourceChangeResponse extends Diagnostics {
  planned_state?: DynamicValue;
  requires_replace?: AttributePath[];
  planned_private?: Buffer;
  deferred?: Deferred;
}

export interface ApplyResourceChangeRequest {
  type_name: string;
  prior_state?: DynamicValue;
  planned_state?: DynamicValue;
  config?: DynamicValue;
  planned_private?: Buffer;
  provider_meta?: DynamicValue;
}
export interface ApplyResourceChangeResponse extends Diagnostics {
  new_state?: DynamicValue;
  private?: Buffer;
}

export interface ImportResourceStateRequest {
  type_name: string;
  id: string;
  client_capabilities?: ClientCapabilities;
}
export interface ImportedResource {
  type_name: string;
  state?: DynamicValue;
  private?: Buffer;
}
export interface ImportResourceStateResponse extends Diagnostics {
  imported_resources?: ImportedResource[];
  deferred?: Deferred;
}

export interface MoveResourceStateRequest {
  source_provider_address: string;
  source_type_name: string;
  source_schema_version?: number;
  /** Only `json` is set (terraform sends no flatmap for this RPC). */
  source_state?: { json?: Buffer };
  target_type_name: string;
  source_private?: Buffer;
}
export interface MoveResourceStateResponse extends Diagnostics {
  target_state?: DynamicValue;
  target_private?: Buffer;
}

export interface ReadDataSourceRequest {
  type_name: string;
  config?: DynamicValue;
  provider_meta?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}
export interface ReadDataSourceResponse extends Diagnostics {
  state?: DynamicValue;
  deferred?: Deferred;
}

// biome-ignore lint/complexity/noBannedTypes: the request carries no fields.
export type StopProviderRequest = {};
export interface StopProviderResponse {
  Error?: string;
}

/** What every handler receives next to its request. */
export interface RpcContext {
  /** Aborted when terraform calls StopProvider (Ctrl-C): stop waiting and return a diagnostic. */
  signal: AbortSignal;
  log: Logger;
}

type Handler<Req, Res> = (request: Req, ctx: RpcContext) => Promise<Res>;

export interface ProviderRpcHandlers {
  getProviderSchema: Handler<GetProviderSchemaRequest, GetProviderSchemaResponse>;
  /** Terraform 1.11 never calls it; when left out, the server answers from getProviderSchema. */
  getMetadata?: Handler<GetMetadataRequest, GetMetadataResponse>;
  validateProviderConfig: Handler<ValidateProviderConfigRequest, ValidateProviderConfigResponse>;
  validateResourceConfig: Handler<ValidateResourceConfigRequest, ValidateResourceConfigResponse>;
  validateDataResourceConfig: Handler<ValidateDataResourceConfigRequest, ValidateDataResourceConfigResponse>;
  configureProvider: Handler<ConfigureProviderRequest, ConfigureProviderResponse>;
  upgradeResourceState: Handler<UpgradeResourceStateRequest, UpgradeResourceStateResponse>;
  readResource: Handler<ReadResourceRequest, ReadResourceResponse>;
  planResourceChange: Handler<PlanResourceChangeRequest, PlanResourceChangeResponse>;
  applyResourceChange: Handler<ApplyResourceChangeRequest, ApplyResourceChangeResponse>;
  importResourceState: Handler<ImportResourceStateRequest, ImportResourceStateResponse>;
  /** Optional: without it, terraform is told the RPC is unimplemented. */
  moveResourceState?: Handler<MoveResourceStateRequest, MoveResourceStateResponse>;
  readDataSource: Handler<ReadDataSourceRequest, ReadDataSourceResponse>;
  /** Called after every in-flight ctx.signal has been aborted. Optional. */
  stopProvider?: Handler<StopProviderRequest, StopProviderResponse>;
}
