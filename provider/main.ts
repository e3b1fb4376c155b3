/**
 * The provider process terraform execs. Terraform starts it three times per plan, and the first
 * process only asks for the schema, so start-up and the schema answer load nothing else: the
 * engine (`handlers`, a second file `handlers.js` beside the built provider) is required on the
 * first RPC that needs it.
 */

import { existsSync } from "node:fs";
import path from "node:path";
import { parserBundleCandidates } from "../schemas/sql/loader";
import { requireWithCodeCache } from "./code-cache";
import { type ProviderRpcHandlers, servePlugin } from "./protocol";
import { providerSchemaResponse } from "./provider-schema";

let engine: ProviderRpcHandlers | undefined;
// Built, `handlers.js` sits beside this file with its V8 code cache; from source (tsx, jest) a plain
// require finds handlers.ts.
const load = () => {
  const built = path.join(__dirname, "handlers.js");
  if (engine) return engine;
  if (!existsSync(built)) {
    engine = (require("./handlers") as typeof import("./handlers")).createHandlers();
    return engine;
  }
  const handlers = requireWithCodeCache(built) as typeof import("./handlers");
  // Built, the code that validates SQL is these two files: their hash names the cached results.
  const parser = parserBundleCandidates(__dirname).find((file) => existsSync(file));
  engine = handlers.createHandlers(process.env, { sqlValidationCode: parser ? [built, parser] : undefined });
  return engine;
};

type Rpc = Exclude<keyof ProviderRpcHandlers, "getProviderSchema" | "getMetadata" | "stopProvider">;
const delegate = <K extends Rpc>(name: K): ProviderRpcHandlers[K] =>
  ((request: never, ctx: never) =>
    (load()[name] as (r: never, c: never) => unknown)(request, ctx)) as ProviderRpcHandlers[K];

const handlers: ProviderRpcHandlers = {
  getProviderSchema: async () => providerSchemaResponse(),
  validateProviderConfig: delegate("validateProviderConfig"),
  validateResourceConfig: delegate("validateResourceConfig"),
  validateDataResourceConfig: delegate("validateDataResourceConfig"),
  configureProvider: delegate("configureProvider"),
  upgradeResourceState: delegate("upgradeResourceState"),
  readResource: delegate("readResource"),
  planResourceChange: delegate("planResourceChange"),
  applyResourceChange: delegate("applyResourceChange"),
  importResourceState: delegate("importResourceState"),
  moveResourceState: delegate("moveResourceState"),
  readDataSource: delegate("readDataSource"),
};

// Set by scripts/build.mjs (esbuild `define`): the schema response, protobuf-encoded, in base64.
declare const __FLINKFORM_SCHEMA_RESPONSE__: string | undefined;
const schemaResponseBytes =
  typeof __FLINKFORM_SCHEMA_RESPONSE__ === "string"
    ? Buffer.from(__FLINKFORM_SCHEMA_RESPONSE__, "base64")
    : undefined;

void servePlugin(handlers, { schemaResponseBytes });
