/**
 * The provider schema served to terraform: the generated file, converted once to the
 * GetProviderSchema response. Used by the start-up bundle (which answers the schema without loading
 * the engine) and by the handlers.
 */
import schemaJson from "../schemas/generated/provider-schema.json";
import { PROVIDER_SOURCE } from "../schemas/provider";
import { type GetProviderSchemaResponse, type ProviderSchemaJson, providerSchemaToProto } from "./protocol";

export const providerSchemaJson = (
  schemaJson as unknown as { provider_schemas: Record<string, ProviderSchemaJson> }
).provider_schemas[PROVIDER_SOURCE];

let response: GetProviderSchemaResponse | undefined;

export function providerSchemaResponse(): GetProviderSchemaResponse {
  response ??= providerSchemaToProto(providerSchemaJson);
  return response;
}
