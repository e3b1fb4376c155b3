import { ApiError } from "./api-error";

export interface RequestContext {
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface Reply {
  readonly status?: number;
  readonly body: unknown;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  readonly method: string;
  /** Path template below the base, e.g. `/project/{project}/service/{service_name}`. */
  readonly path: string;
  readonly handler: Handler;
}

interface CompiledRoute extends Route {
  readonly segments: readonly string[];
}

/**
 * Matches request paths to routes segment by segment. Path parameters are decoded here, after the
 * raw path was checked for traversal and encoded slashes, so a parameter can never smuggle a `/`.
 */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map((r) => ({ ...r, segments: r.path.split("/").slice(1) }));
  }

  match(method: string, rawPath: string): { route: Route; params: Record<string, string> } {
    const segments = splitPath(rawPath);
    let methodMismatch = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method !== method) {
        methodMismatch = true;
        continue;
      }
      return { route, params };
    }
    if (methodMismatch)
      throw new ApiError(405, "method_not_allowed", `Method ${method} not allowed for ${rawPath}`);
    throw new ApiError(404, "not_found", `Not found: ${method} ${rawPath}`);
  }
}

function splitPath(rawPath: string): string[] {
  if (/%2f|%5c|\\/i.test(rawPath))
    throw new ApiError(400, "bad_request", "Invalid path: encoded slashes are not allowed");
  const parts = rawPath.split("/").slice(1);
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts.map((p) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(p);
    } catch {
      throw new ApiError(400, "bad_request", "Invalid path: malformed percent-encoding");
    }
    if (decoded === "" || decoded === "." || decoded === ".." || hasControlCharacter(decoded)) {
      throw new ApiError(400, "bad_request", "Invalid path: empty, '.' or '..' segments are not allowed");
    }
    return decoded;
  });
}

function matchSegments(
  template: readonly string[],
  actual: readonly string[],
): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    if (t.startsWith("{")) params[t.slice(1, -1)] = actual[i]!;
    else if (t !== actual[i]) return undefined;
  }
  return params;
}

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20) return true;
  return false;
}
