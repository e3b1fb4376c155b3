/**
 * The spec DSL's types. A resource spec states everything a generator, validator or the provider
 * engine needs to know about one Terraform type; nothing about a resource is written twice.
 */

import type { FormatName } from "../rules/formats";

export type AttributeKind = "string" | "number" | "bool" | "list" | "set" | "map" | "object" | "blocks";

/** A constraint's `message` is the phrase shared by the validator ("must be ...") and the docs. */
export interface PatternConstraint {
  readonly regex: string;
  readonly message: string;
}

export interface AttributeSpec {
  readonly kind: AttributeKind;
  readonly description: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly default?: unknown;
  readonly sensitive?: boolean;
  /** A change plans destroy-and-create (`# forces replacement`). */
  readonly replaceOnChange?: boolean;
  /** Deprecation message; the attribute still works. */
  readonly deprecated?: string;
  /**
   * The API field this attribute maps to, relative to the API object of its parent. Defaults to the
   * Terraform name. `false`: the attribute exists only in Terraform (settings such as `timeouts`).
   */
  readonly api?: string | false;
  /** The field name in request bodies when it differs from the response (`cloud` vs `cloud_name`). */
  readonly apiWrite?: string;
  /** Map only while another attribute has a given value (e.g. `external_kafka` ↔ `endpoint_type`). */
  readonly apiWhen?: { readonly attribute: string; readonly equals: string };
  /** Converts between the Terraform value and the API value when their shapes differ. */
  readonly codec?: ValueCodec;
  /** Computed from the whole API object rather than one field (e.g. total task slots). */
  readonly derive?: (apiObject: ApiObject) => unknown;
  /** Computed value that can change whenever the object is updated: planned unknown on update. */
  readonly volatile?: boolean;
  /** Not read back from the API (write-only secrets, settings): prior state is kept on refresh. */
  readonly keepOnRead?: boolean;
  // Constraints (checked by the generated validators and described in the docs).
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
  readonly enum?: readonly string[];
  /** The API may add values later: an unlisted value is a warning, not an error. */
  readonly openEnum?: boolean;
  /** Listed values that still work but are on their way out: accepted with a warning. */
  readonly deprecatedValues?: readonly string[];
  readonly pattern?: PatternConstraint;
  /** A named check of a string's shape that a pattern states badly (`cidr`): schemas/rules/formats.ts. */
  readonly format?: FormatName;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Sibling attributes that must not be set together with this one. */
  readonly conflictsWith?: readonly string[];
  readonly minItems?: number;
  readonly maxItems?: number;
  /** Element of list/set/map. */
  readonly element?: AttributeSpec;
  /** For `map`: what each key must be (a string spec with pattern and lengths), e.g. tag keys. */
  readonly key?: AttributeSpec;
  /** Attributes of a nested object (single nested attribute) or of each block. */
  readonly attributes?: Readonly<Record<string, AttributeSpec>>;
  /** For `blocks`: how repeated blocks nest. */
  readonly nesting?: "list" | "set";
  /**
   * For `object`: its attributes map onto fields of the parent's API object instead of a nested API
   * object (e.g. `restart_strategy.type` → the flat `restart_strategy` user-config key).
   */
  readonly flattenApi?: boolean;
}

export interface ValueCodec {
  readonly toApi: (value: unknown) => unknown;
  readonly fromApi: (value: unknown) => unknown;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/** One API call. `path` is a template whose `{names}` are Terraform attributes of the resource. */
export interface OperationSpec {
  readonly method: HttpMethod;
  readonly path: string;
  /** Key wrapping the object in the response body (`service`), or absent when it is unwrapped. */
  readonly envelope?: string;
  /** Where the API object sits in the request body (`user_config` for an update of config only). */
  readonly bodyFields?: readonly string[];
  /** Fixed fields added to the request body (`service_type: "flink"`). */
  readonly constants?: Readonly<Record<string, unknown>>;
  /**
   * Sending it twice has the effect of sending it once (a cancel): the API client may repeat it
   * after a 5xx or a lost connection. Defaults to true for everything but POST.
   */
  readonly idempotent?: boolean;
}

/**
 * How to find what a create made when its answer was lost (a 5xx, a reset, a timeout), for objects
 * whose id the API assigns: list them and pick the one whose fields match the planned values.
 * `match` maps Terraform attributes to API fields; an attribute without a value matches an absent
 * field. The fields must identify the object uniquely (the API refuses a second one with them).
 */
export interface CreateLookupSpec {
  readonly operation: OperationSpec;
  /** Key of the list in the response body. */
  readonly key: string;
  readonly match: Readonly<Record<string, string>>;
}

/**
 * A list that returns whole objects of this type, with every field the resource's attributes read
 * (a service's applications), so that a refresh reads one list per service instead of one GET per
 * object (provider/engine/list-reads.ts). `match` maps the attribute identifying the object to its
 * field in a list item. An object the list does not hold, or a list that fails, is read by the
 * read operation, whose answer (a 404 included) decides as before.
 */
export interface ListReadSpec {
  readonly operation: OperationSpec;
  /** Key of the list in the response body. */
  readonly key: string;
  readonly match: Readonly<Record<string, string>>;
}

/** An extra call made after create/update when some attributes changed (e.g. service tags). */
export interface SubresourceSpec {
  readonly attributes: readonly string[];
  readonly operation: OperationSpec;
}

/** Retry a create while the API answers this way (a new integration is not visible yet). */
export interface CreateRetrySpec {
  readonly status: number;
  readonly messageIncludes: string;
  readonly maxMs: number;
}

/** What to wait for after an operation: a field of the API object reaching a value. */
export interface WaitSpec {
  /** API field polled, e.g. `state` or `status`. */
  readonly field: string;
  readonly until: readonly (string | boolean)[];
  /** Values that stop the wait with an error; `errorField` names the field holding the reason. */
  readonly failOn?: readonly string[];
  readonly errorField?: string;
  /** Seen this many times in a row (the hosted API is eventually consistent). */
  readonly consecutive?: number;
  /** A 404 while waiting means "not there yet" rather than failure. */
  readonly notFoundIsPending?: boolean;
  /** Stops the wait with the returned message when the object says it will never get there. */
  readonly failWhen?: (obj: ApiObject) => string | undefined;
}

export interface TimeoutDefaults {
  readonly create: string;
  readonly read: string;
  readonly update: string;
  readonly delete: string;
}

export type ApiObject = Record<string, unknown>;
export type StateObject = Record<string, unknown>;

export interface HookDiagnostic {
  readonly severity: "error" | "warning";
  readonly path: readonly (string | number)[];
  readonly summary: string;
  readonly detail: string;
}

/**
 * What hooks may do with the API. The provider engine implements it over its HTTP client, so hooks
 * stay plain functions in `schemas/hooks/` with no dependency on the provider.
 */
export interface HookApi {
  readonly signal: AbortSignal;
  /** Calls an operation; path parameters come from `values`; the envelope is unwrapped. */
  call(op: OperationSpec, values: Readonly<Record<string, unknown>>, body?: unknown): Promise<ApiObject>;
  /** Polls `op` until `wait` holds, within `timeoutMs`; returns the last object. */
  waitFor(
    op: OperationSpec,
    values: Readonly<Record<string, unknown>>,
    wait: WaitSpec,
    timeoutMs: number,
  ): Promise<ApiObject>;
  /**
   * PUTs a file to a pre-signed upload URL the API handed out (a JAR version's `file_info.url`),
   * without the API token: the URL carries its own authorisation. Fails with the answer's message.
   */
  upload(url: string, body: Uint8Array, headers: Readonly<Record<string, string>>): Promise<void>;
  /** True for the API's "not found" errors. */
  isNotFound(err: unknown): boolean;
  /**
   * True when the API refused the call because of the object's current state (409, 417, 400: a
   * deployment already cancelling), as opposed to failing to answer (5xx, timeouts, connections).
   */
  isRefused(err: unknown): boolean;
  progress(message: string): void;
}

export interface PlanHookArgs {
  readonly prior: StateObject | null;
  readonly planned: StateObject;
  readonly config: StateObject | null;
  /** Paths of settable attributes whose value changes. */
  readonly changed: readonly (readonly (string | number)[])[];
  /** Absent when the provider is not configured or the server calls are turned off. */
  readonly api?: HookApi;
}

export interface PlanHookResult {
  readonly diagnostics?: readonly HookDiagnostic[];
  /** Extra paths that force replacement. */
  readonly requiresReplace?: readonly (readonly (string | number)[])[];
  /** Top-level attributes that will change on apply although no input changed (planned unknown). */
  readonly unknown?: readonly string[];
  /** Computed top-level attributes whose value the hook knows at plan (a local file's checksum). */
  readonly known?: Readonly<Record<string, unknown>>;
}

export interface SettleHookArgs {
  readonly which: "create" | "update";
  /** The state before an update; null on create. */
  readonly prior: StateObject | null;
  /** The planned values, with the id and what the write's answer filled in. */
  readonly planned: StateObject;
  readonly timeoutMs: number;
}

export interface BeforeDeleteResult {
  /** The object must stay (something Terraform does not manage still needs it). */
  readonly skipDelete?: boolean;
}

/** An update hook that had to roll back: the apply fails, and state records what now runs. */
export class HookRollbackError extends Error {
  constructor(
    message: string,
    readonly current: ApiObject,
    readonly currentValues: StateObject,
  ) {
    super(message);
    this.name = "HookRollbackError";
  }
}

/**
 * A hook that cannot go on for a reason the user can act on (a deployment Terraform does not
 * manage, a teardown call that keeps failing): the operation fails with this message, not as a
 * provider bug.
 */
export class HookFailedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "HookFailedError";
  }
}

/**
 * Behaviour that does not fit the tables, as plain functions the type checker sees; they live in
 * `schemas/hooks/`.
 */
export interface ResourceHooks {
  /** Cross-attribute rules run with the generated validator (config may hold unknowns). */
  readonly validate?: (config: StateObject, isUnresolved: (v: unknown) => boolean) => HookDiagnostic[];
  /** Plan-time checks and decisions, some asking the API (server-side SQL validation, slots). */
  readonly plan?: (args: PlanHookArgs) => Promise<PlanHookResult>;
  /** Replaces the generic update; returns the API object now backing the resource, or null when no API call was needed. */
  readonly update?: (
    api: HookApi,
    prior: StateObject,
    planned: StateObject,
    timeoutMs: number,
  ) => Promise<ApiObject | null>;
  /**
   * Replaces the spec's wait after a create or update (`wait.create`, `wait.update`) when what to wait
   * for depends on the change (a service powered off waits for POWEROFF, one powered on also for the
   * jobs it restarts); returns the API object once settled. Failing, the apply fails with the object
   * as it then is in state.
   */
  readonly settle?: (api: HookApi, args: SettleHookArgs) => Promise<ApiObject>;
  /** Runs before the create (and before a stand-in is made): settings the API keeps beside the object. */
  readonly beforeCreate?: (api: HookApi, planned: StateObject, timeoutMs: number) => Promise<void>;
  /** Runs before the generic delete (cancel deployments, take a final savepoint...). */
  readonly beforeDelete?: (
    api: HookApi,
    prior: StateObject,
    timeoutMs: number,
  ) => Promise<BeforeDeleteResult>;
  /**
   * The API object that stands for the resource while the API holds none (a deployment created
   * suspended: the API has no deployment without a job), or undefined when the API holds it. For a
   * stand-in, create, read and delete make no API call; the update hook makes the real object.
   */
  readonly standIn?: (values: StateObject) => ApiObject | undefined;
}

export interface ResourceSpec {
  readonly typeName: string;
  readonly description: string;
  readonly schemaVersion: number;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  /** Template of the Terraform `id`, e.g. `{project}/{service_name}`; also the import format. */
  readonly id: string;
  /** How users write the import id, e.g. `PROJECT/SERVICE_NAME`. */
  readonly importFormat: string;
  readonly operations: {
    readonly create: OperationSpec;
    readonly read: OperationSpec;
    readonly update?: OperationSpec;
    readonly delete: OperationSpec;
  };
  readonly subresources?: readonly SubresourceSpec[];
  readonly retryCreate?: CreateRetrySpec;
  /** Ways to find an object whose create answer was lost; the first whose path can be built is used. */
  readonly createLookup?: readonly CreateLookupSpec[];
  /** Reads during a refresh through one list call (see ListReadSpec). */
  readonly listRead?: ListReadSpec;
  readonly wait?: { readonly create?: WaitSpec; readonly update?: WaitSpec; readonly delete?: WaitSpec };
  /** `remove`: a 404 on read drops the object from state so Terraform plans it again. */
  readonly onReadNotFound: "remove" | "error";
  readonly timeouts: TimeoutDefaults;
  readonly hooks?: ResourceHooks;
}

export interface DataSourceSpec {
  readonly typeName: string;
  readonly description: string;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  /** Ways to look the object up; the first whose required attributes are all set is used. */
  readonly lookups: readonly DataSourceLookup[];
  /** Template of the `id` attribute. */
  readonly id: string;
  readonly hooks?: ResourceHooks;
}

export interface DataSourceLookup {
  /** Attributes that select this lookup when set. */
  readonly by: readonly string[];
  readonly operation: OperationSpec;
  /** For list operations: the list key and the API field to match each `by` attribute against. */
  readonly list?: { readonly key: string; readonly match: Readonly<Record<string, string>> };
}

export interface ProviderSpec {
  readonly source: string;
  readonly description: string;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
}
