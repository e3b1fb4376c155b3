/**
 * The GetProviderSchema response as protobuf bytes. scripts/build.mjs encodes it once at build time
 * and writes it into the start-up bundle, so the first process of every terraform command (the one
 * that only asks for the schema) sends bytes instead of converting and encoding ~45 KB of schema.
 */
import { encodeOnce, methodTypes } from "./protocol/grpc-definitions";
import { providerSchemaResponse } from "./provider-schema";

export const GET_PROVIDER_SCHEMA = "/tfplugin6.Provider/GetProviderSchema";

export function encodeProviderSchemaResponse(): Buffer {
  return encodeOnce(methodTypes(GET_PROVIDER_SCHEMA)!.response, providerSchemaResponse());
}
