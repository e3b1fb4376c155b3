/**
 * The tfplugin6 handlers, each shaped decode → validate → call the engine → encode. Every type's
 * behaviour comes from its spec; the protocol layer wraps each handler in a guard that turns an
 * unexpected exception into an error diagnostic.
 */
import type { AttributeSpec, DataSourceSpec, ResourceSpec } from "../schemas/dsl/types";
import { dataSourceSpecs, providerSpec, resourceSpecs } from "../schemas/index";
import { useValidationMemo } from "../schemas/sql/validation-memo";
import { type ValidationIssue, validateConfig } from "../schemas/validate/validate-config";
import { ApiClient } from "./client";
import { readDataSource } from "./engine/data-source-engine";
import { terraformIsDestroying } from "./engine/destroy-run";
import { diagnosticFor } from "./engine/error-diagnostics";
import { createHookApi } from "./engine/hook-api";
import { ListReads } from "./engine/list-reads";
import { moveFromRequest } from "./engine/move-state-rpc";
import { planResource } from "./engine/plan";
import {
  type ProviderSettings,
  providerSettingsIssues,
  resolveProviderSettings,
} from "./engine/provider-config";
import { ApplyIncompleteError, type EngineContext, ResourceEngine } from "./engine/resource-engine";
import { fillAddedDefaults } from "./engine/state-defaults";
import type { Values } from "./engine/values";
import { defaultWaitTiming } from "./engine/waits";
import {
  attributePath,
  blockToCtyType,
  type CtyType,
  createLogger,
  type Diagnostic,
  type DynamicValue,
  DynamicValueError,
  decodeDynamicValue,
  encodeDynamicValue,
  errorDiagnostic,
  isUnknown,
  levelFromEnv,
  type ProviderRpcHandlers,
  type RpcContext,
  registerSecret,
  UNKNOWN,
  warningDiagnostic,
} from "./protocol";
import { providerSchemaJson, providerSchemaResponse } from "./provider-schema";
import { cacheDir, diskValidationMemo } from "./sql-validation-cache";

const schema = providerSchemaJson;

interface TypeEntry<S> {
  spec: S;
  type: CtyType;
}

function index<S extends { typeName: string }>(
  specs: readonly S[],
  blocks: Record<string, { block: unknown }>,
): Map<string, TypeEntry<S>> {
  return new Map(
    specs.map((spec) => [
      spec.typeName,
      { spec, type: blockToCtyType(blocks[spec.typeName].block as never) },
    ]),
  );
}

/**
 * A path terraform can resolve: elements of a set cannot be addressed by index, so a path into a
 * set stops at the set (terraform then points at the block or attribute as a whole). Terraform
 * finds source lines through blocks only, so a path into an object or map attribute stops at the
 * attribute: its line, rather than the resource's first line.
 */
function terraformPath(
  attributes: Readonly<Record<string, AttributeSpec>> | undefined,
  path: readonly (string | number)[],
): (string | number)[] {
  const out: (string | number)[] = [];
  let scope = attributes;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const attr = typeof step === "string" ? scope?.[step] : undefined;
    out.push(step);
    if (!attr) break;
    const isSet = attr.kind === "set" || (attr.kind === "blocks" && attr.nesting === "set");
    if (isSet || attr.kind === "object" || attr.kind === "map") break;
    scope = attr.attributes;
    if (attr.kind === "blocks" || attr.kind === "list") {
      if (typeof path[i + 1] === "number") out.push(path[++i]);
    }
  }
  return out;
}

function toDiagnostics(
  issues: readonly Pick<ValidationIssue, "severity" | "path" | "summary" | "detail">[],
  attributes?: Readonly<Record<string, AttributeSpec>>,
): Diagnostic[] {
  return issues.map((i) => ({
    severity: i.severity === "error" ? "ERROR" : "WARNING",
    summary: i.summary,
    detail: i.detail,
    ...(i.path.length ? { attribute: attributePath(terraformPath(attributes, i.path)) } : {}),
  }));
}

export interface HandlerOptions {
  /**
   * The files of the code that validates SQL (the built engine bundle and the SQL parser): given,
   * validation results are kept in the disk cache (provider/sql-validation-cache.ts) under their hash.
   */
  readonly sqlValidationCode?: readonly string[];
}

export function createHandlers(
  env: NodeJS.ProcessEnv = process.env,
  options: HandlerOptions = {},
): ProviderRpcHandlers {
  const cache = options.sqlValidationCode && cacheDir(env);
  if (cache) useValidationMemo(diskValidationMemo(cache, options.sqlValidationCode!));
  const resources = index<ResourceSpec>(resourceSpecs, schema.resource_schemas as never);
  const dataSources = index<DataSourceSpec>(dataSourceSpecs, schema.data_source_schemas as never);
  const providerType = blockToCtyType(schema.provider.block);
  let client: ApiClient | undefined;
  let listReads: ListReads | undefined;
  let settings: ProviderSettings | undefined;

  const decode = (dv: DynamicValue | undefined, type: CtyType) =>
    decodeDynamicValue(dv, type) as Values | null;
  const encode = (value: Values | null, type: CtyType) => encodeDynamicValue(value, type);

  const unknownType = (kind: string, name: string) => ({
    diagnostics: [
      errorDiagnostic(
        `Unknown ${kind} Type`,
        `flinkform does not provide the ${kind.toLowerCase()} type "${name}".`,
      ),
    ],
  });

  /** ValidateResourceConfig and ValidateDataResourceConfig: the spec's validators on the config. */
  function validateAgainst(
    entry: TypeEntry<ResourceSpec | DataSourceSpec> | undefined,
    kind: "Resource" | "Data Source",
    req: { type_name: string; config?: DynamicValue },
  ) {
    if (!entry) return unknownType(kind, req.type_name);
    let config: Values;
    try {
      config = decode(req.config, entry.type) ?? {};
    } catch (err) {
      // A value terraform holds but JS cannot (a number beyond a double): the user's value.
      if (!(err instanceof DynamicValueError)) throw err;
      const issue = {
        severity: "error" as const,
        path: err.path,
        summary: "Invalid Attribute Value",
        detail: err.message,
      };
      return { diagnostics: toDiagnostics([issue], entry.spec.attributes) };
    }
    const issues = validateConfig(entry.spec, config, { isUnresolved: isUnknown });
    return { diagnostics: toDiagnostics(issues, entry.spec.attributes) };
  }

  function engineContext(ctx: RpcContext): EngineContext {
    if (!client) throw new Error("the provider was not configured before use");
    return {
      client,
      listReads,
      signal: ctx.signal,
      progress: (message) => ctx.log.info(message),
      timing: defaultWaitTiming(env, settings?.apiUrl),
    };
  }

  return {
    getProviderSchema: async () => providerSchemaResponse(),

    validateProviderConfig: async (req) => {
      const config = decode(req.config, providerType) ?? {};
      const issues = validateConfig(providerSpec, config, { isUnresolved: isUnknown });
      // The URL and token checks the attribute validators cannot make, once per attribute.
      const reported = new Set(issues.map((i) => i.path.join(".")));
      for (const extra of providerSettingsIssues(config, env, isUnknown))
        if (!reported.has(extra.path.join("."))) issues.push(extra);
      return { diagnostics: toDiagnostics(issues, providerSpec.attributes) };
    },

    validateResourceConfig: async (req) => validateAgainst(resources.get(req.type_name), "Resource", req),

    validateDataResourceConfig: async (req) =>
      validateAgainst(dataSources.get(req.type_name), "Data Source", req),

    configureProvider: async (req) => {
      const config = decode(req.config, providerType);
      // Values known only now, and the environment variables, are checked here.
      const issues = providerSettingsIssues(config, env);
      if (issues.length > 0) return { diagnostics: toDiagnostics(issues, providerSpec.attributes) };
      settings = resolveProviderSettings(config, env);
      registerSecret(settings.apiToken);
      // One debug line per API attempt (method, path template, status, retry): never the token,
      // a body or the expanded path, and masked like every provider log line anyway.
      const apiLog = createLogger({ level: levelFromEnv(env) }).with({ component: "api" });
      client = new ApiClient({
        logger: (level, message, fields) => apiLog[level](message, fields),
        baseUrl: settings.apiUrl,
        token: settings.apiToken,
        requestTimeoutMs: settings.requestTimeoutMs,
        maxRetries: settings.maxRetries,
        userAgent: "terraform-provider-flink (flinkform)",
      });
      listReads = new ListReads(client);
      return {};
    },

    upgradeResourceState: async (req) => {
      const entry = resources.get(req.type_name);
      if (!entry) return unknownType("Resource", req.type_name);
      // Schema version 0 is the only one so far; a future version adds its migration here.
      const decoded = decode({ json: req.raw_state?.json }, entry.type);
      const state = fillAddedDefaults(entry.spec, decoded, req.raw_state?.json);
      return { upgraded_state: encode(state, entry.type) };
    },

    readResource: async (req, ctx) => {
      const entry = resources.get(req.type_name);
      if (!entry) return unknownType("Resource", req.type_name);
      const current = decode(req.current_state, entry.type);
      if (!current) return { new_state: encode(null, entry.type) };
      try {
        const state = await new ResourceEngine(entry.spec).read(engineContext(ctx), current);
        return { new_state: encode(state, entry.type), private: req.private };
      } catch (err) {
        const diagnostic = diagnosticFor(err, `Reading ${req.type_name}`);
        if (!diagnostic) throw err;
        return { new_state: req.current_state, diagnostics: [diagnostic] };
      }
    },

    planResourceChange: async (req, ctx) => {
      const entry = resources.get(req.type_name);
      if (!entry) return unknownType("Resource", req.type_name);
      const prior = decode(req.prior_state, entry.type);
      const proposed = decode(req.proposed_new_state, entry.type);
      const config = decode(req.config, entry.type);
      const result = planResource(entry.spec, prior, proposed, config);
      const diagnostics: Diagnostic[] = [];
      const requiresReplace = [...result.requiresReplace];
      const hook = entry.spec.hooks?.plan;
      if (hook && result.planned) {
        // The plan terraform runs before a destroy must not fail on checks of what is being destroyed.
        const destroying = terraformIsDestroying();
        const api =
          client && settings?.serverSideValidation && !destroying
            ? createHookApi(engineContext(ctx), req.type_name)
            : undefined;
        try {
          const extra = await hook({ prior, planned: result.planned, config, changed: result.changed, api });
          const found = (extra.diagnostics ?? []).map((d) =>
            destroying ? { ...d, severity: "warning" as const } : d,
          );
          diagnostics.push(...toDiagnostics(found, entry.spec.attributes));
          requiresReplace.push(...(extra.requiresReplace ?? []).map((p) => [...p]));
          for (const name of extra.unknown ?? []) result.planned[name] = UNKNOWN;
          Object.assign(result.planned, extra.known);
        } catch (err) {
          // A check that needs the API must not block planning when the API misbehaves.
          const reason = diagnosticFor(err, "Checking the plan against the service")?.detail ?? String(err);
          diagnostics.push(warningDiagnostic("Plan Check Skipped", reason));
        }
      }
      return {
        planned_state: encode(result.planned, entry.type),
        requires_replace: requiresReplace.map((p) => attributePath(p)),
        planned_private: req.prior_private,
        diagnostics,
      };
    },

    applyResourceChange: async (req, ctx) => {
      const entry = resources.get(req.type_name);
      if (!entry) return unknownType("Resource", req.type_name);
      const engine = new ResourceEngine(entry.spec);
      const prior = decode(req.prior_state, entry.type);
      const planned = decode(req.planned_state, entry.type);
      const action = planned === null ? "Deleting" : prior === null ? "Creating" : "Updating";
      try {
        const ectx = engineContext(ctx);
        const state = await listReads!.whileWriting(async (): Promise<Values | null> => {
          if (planned === null) {
            await engine.delete(ectx, prior!);
            return null;
          }
          if (prior === null) return engine.create(ectx, planned);
          const changed = planResource(entry.spec, prior, planned, null).changed.map((p) => String(p[0]));
          return engine.update(ectx, prior, planned, [...new Set(changed)]);
        });
        return { new_state: encode(state, entry.type) };
      } catch (err) {
        const diagnostic = diagnosticFor(err, `${action} ${req.type_name}`);
        if (!diagnostic) throw err;
        // A created object that failed to become ready is saved so terraform can taint it.
        const state = err instanceof ApplyIncompleteError ? err.state : prior;
        return { new_state: encode(state, entry.type), diagnostics: [diagnostic] };
      }
    },

    importResourceState: async (req) => {
      const entry = resources.get(req.type_name);
      if (!entry) return unknownType("Resource", req.type_name);
      const state = new ResourceEngine(entry.spec).importState(req.id);
      if (!state) {
        return {
          diagnostics: [
            errorDiagnostic(
              "Invalid Import ID",
              `Expected an id of the form ${entry.spec.importFormat}, got "${req.id}".`,
            ),
          ],
        };
      }
      return { imported_resources: [{ type_name: req.type_name, state: encode(state, entry.type) }] };
    },

    // A `moved` block from the official Aiven provider's type (terraform 1.8+); the refresh that
    // follows reads what the official state does not hold.
    moveResourceState: async (req) => {
      const entry = resources.get(req.target_type_name);
      const moved = moveFromRequest(req, entry?.spec);
      if (!entry || !moved.state) return { diagnostics: moved.diagnostics };
      return { target_state: encode(moved.state, entry.type), diagnostics: moved.diagnostics };
    },

    readDataSource: async (req, ctx) => {
      const entry = dataSources.get(req.type_name);
      if (!entry) return unknownType("Data Source", req.type_name);
      const config = decode(req.config, entry.type) ?? {};
      try {
        const state = await readDataSource(entry.spec, engineContext(ctx), config);
        return { state: encode(state, entry.type) };
      } catch (err) {
        const diagnostic = diagnosticFor(err, `Reading data source ${req.type_name}`);
        if (!diagnostic) throw err;
        return { diagnostics: [diagnostic] };
      }
    },
  };
}
