/** The public surface of the plugin protocol layer. */

export type {
  CtyType,
  ProviderSchemaJson,
  SchemaAttributeJson,
  SchemaBlockJson,
  SchemaBlockTypeJson,
  SchemaJson,
} from "./cty-type";
export { blockToCtyType } from "./cty-type";
export type { AttributePath, AttributePathStep, Diagnostic } from "./diagnostics";
export { attributePath, errorDiagnostic, hasErrors, warningDiagnostic } from "./diagnostics";
export type { Unknown, ValuePath } from "./dynamic-value";
export {
  DynamicValueError,
  decodeDynamicValue,
  encodeDynamicValue,
  isUnknown,
  UNKNOWN,
} from "./dynamic-value";
export type { Logger, LogLevel } from "./logger";
export { createLogger, levelFromEnv, redact, registerSecret } from "./logger";
export type * from "./rpc-types";
export { providerSchemaToProto } from "./schema-to-proto";
export type { ServePluginOptions } from "./server";
export { servePlugin } from "./server";
