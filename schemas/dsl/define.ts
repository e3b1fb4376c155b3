import type { DataSourceSpec, ProviderSpec, ResourceSpec } from "./types";

/** Identity functions that give specs their type; the strict checks run at generation (check-spec.ts). */
export const defineResource = (spec: ResourceSpec): ResourceSpec => spec;
export const defineDataSource = (spec: DataSourceSpec): DataSourceSpec => spec;
export const defineProvider = (spec: ProviderSpec): ProviderSpec => spec;
