/**
 * The tfplugin6 and go-plugin message types from the precompiled descriptor (generated/tfplugin6.json)
 * with protobufjs' light build: no .proto parsing and no proto-loader descriptor work at start-up.
 * The server (grpc-server.ts) looks methods up by path; the grpc-js service definitions are for
 * clients (the tests' stand-in for terraform).
 */
import type { ServiceDefinition } from "@grpc/grpc-js";
import { Root, type Service, type Type } from "protobufjs/light";

// Snake_case fields, enums as strings, int64 as numbers, unset fields stay undefined.
const CONVERSION = { longs: Number, enums: String, defaults: false, oneofs: true } as const;

let root: Root | undefined;

function loadRoot(): Root {
  if (!root) {
    // require, not import: esbuild inlines the JSON, and nothing is parsed before it is needed.
    root = Root.fromJSON(require("./generated/tfplugin6.json"));
  }
  return root;
}

/** Responses that were encoded once (the provider schema) are kept here by object identity. */
const encodedOnce = new WeakMap<object, Buffer>();

export function encodeOnce(type: Type, message: object): Buffer {
  let bytes = encodedOnce.get(message);
  if (!bytes) {
    bytes = Buffer.from(type.encode(type.fromObject(message)).finish());
    encodedOnce.set(message, bytes);
  }
  return bytes;
}

function definition(serviceName: string, cacheResponses: ReadonlySet<string> = new Set()): ServiceDefinition {
  const service = loadRoot().lookupService(serviceName) as Service;
  const def: Record<string, ServiceDefinition[string]> = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const req = method.resolvedRequestType!;
    const res = method.resolvedResponseType!;
    const cached = cacheResponses.has(method.name);
    def[method.name] = {
      path: `/${service.fullName.slice(1)}/${method.name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      requestSerialize: (v: object) => Buffer.from(req.encode(req.fromObject(v)).finish()),
      requestDeserialize: (b: Buffer) => req.toObject(req.decode(b), CONVERSION),
      responseSerialize: (v: object) =>
        cached ? encodeOnce(res, v) : Buffer.from(res.encode(res.fromObject(v)).finish()),
      responseDeserialize: (b: Buffer) => res.toObject(res.decode(b), CONVERSION),
      originalName: method.name,
    };
  }
  return def as ServiceDefinition;
}

export const providerService = () => definition("tfplugin6.Provider", new Set(["GetProviderSchema"]));
export const brokerService = () => definition("plugin.GRPCBroker");
export const stdioService = () => definition("plugin.GRPCStdio");
export const controllerService = () => definition("plugin.GRPCController");

/** For tests: a protobuf type by full name. */
export const lookupType = (name: string): Type => loadRoot().lookupType(name);

const methodTypesByPath = new Map<string, { request: Type; response: Type } | null>();

/** The request and response types of a method by its gRPC path ("/tfplugin6.Provider/ReadResource"). */
export function methodTypes(path: string): { request: Type; response: Type } | undefined {
  let found = methodTypesByPath.get(path);
  if (found === undefined) {
    const [, service, method] = /^\/([\w.]+)\/(\w+)$/.exec(path) ?? [];
    const m = service ? (loadRoot().lookup(service) as Service | null)?.methods[method!] : undefined;
    if (m) m.resolve();
    found = m ? { request: m.resolvedRequestType!, response: m.resolvedResponseType! } : null;
    methodTypesByPath.set(path, found);
  }
  return found ?? undefined;
}
