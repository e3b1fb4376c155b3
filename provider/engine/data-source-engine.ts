/** ReadDataSource from a data source spec: pick the lookup whose keys are set, read, map. */
import type { ApiObject, DataSourceSpec } from "../../schemas/dsl/types";
import { isApiError } from "../client";
import { fromApiKeepingAbsent, unwrap } from "./api-mapping";
import { pathParams, renderId } from "./path-params";
import type { EngineContext } from "./resource-engine";
import { isNull, isPlainObject, type Values } from "./values";

export class DataSourceNotFoundError extends Error {
  readonly code = "FLINK_DATA_SOURCE_NOT_FOUND";
}

export async function readDataSource(
  spec: DataSourceSpec,
  ctx: EngineContext,
  config: Values,
): Promise<Values> {
  const lookup = spec.lookups.find((l) => l.by.every((name) => !isNull(config[name])));
  if (!lookup)
    throw new DataSourceNotFoundError(`set ${spec.lookups.map((l) => l.by.join(" and ")).join(", or ")}`);
  let api: ApiObject;
  try {
    const response = await ctx.client.request<unknown>({
      method: lookup.operation.method,
      path: lookup.operation.path,
      params: pathParams(lookup.operation.path, config),
      signal: ctx.signal,
    });
    const body = unwrap(response.body, lookup.operation.envelope);
    if (lookup.list) {
      const items = Array.isArray(body[lookup.list.key]) ? (body[lookup.list.key] as unknown[]) : [];
      const matches = items.filter(
        (item): item is ApiObject =>
          isPlainObject(item) &&
          Object.entries(lookup.list!.match).every(([attr, field]) => item[field] === config[attr]),
      );
      const wanted = lookup.by.map((k) => `${k} = ${JSON.stringify(config[k])}`).join(", ");
      if (matches.length === 0) throw new DataSourceNotFoundError(`no ${spec.typeName} with ${wanted}`);
      if (matches.length > 1)
        throw new DataSourceNotFoundError(`${matches.length} objects match ${wanted}; use a unique key`);
      api = matches[0];
    } else {
      api = body;
    }
  } catch (err) {
    if (isApiError(err, "FLINK_API_NOT_FOUND"))
      throw new DataSourceNotFoundError(err.apiMessage || "not found");
    throw err;
  }
  const values = fromApiKeepingAbsent(spec.attributes, api, config);
  for (const [name, value] of Object.entries(values))
    if (value === undefined) values[name] = config[name] ?? null;
  // The keys the user gave stay exactly as given (computed values come from the API, even when
  // terraform sends them as empty collections).
  for (const [name, attr] of Object.entries(spec.attributes)) {
    if ((attr.required || attr.optional) && !isNull(config[name])) values[name] = config[name];
  }
  values.id = renderId(spec.id, values);
  return values;
}
