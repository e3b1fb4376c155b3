/**
 * The provider process terraform execs. Terraform starts it three times per plan, and the first
 * process only asks for the schema, so start-up and the schema answer load nothing else: the
 * engine (`handlers`, a second file `handlers.js` beside the built provider) is required on the
 * first RPC that needs it.
 */

import { type ProviderRpcHandlers, servePlugin } from "./protocol";
import { providerSchemaResponse } from "./provider-schema";

let engine: ProviderRpcHandlers | undefined;
// A plain require, so the built provider resolves `handlers.js` beside it (CommonJS resolution).
const load = () => {
  engine ??= (require("./handlers") as typeof import("./handlers")).createHandlers();
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
  readDataSource: delegate("readDataSource"),
};

void servePlugin(handlers);
