import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import { ApiError } from "./api-error";
import type { Faults } from "./faults";
import type { Router } from "./router";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Nesting of arrays and objects in a request body; the API's bodies nest 4 levels at most. */
export const MAX_JSON_DEPTH = 32;
/** Time to receive a whole request (headers and body); slower clients get 408. */
export const REQUEST_TIMEOUT_MS = 30_000;

export interface HttpServerOptions {
  readonly api: Router;
  readonly admin: Router;
  readonly token: string;
  readonly project: string;
  readonly faults: Faults;
  readonly log: (line: string) => void;
  /** Time to receive a whole request (default REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs?: number;
  /**
   * Pre-signed upload URLs (`/upload/...`, a JAR version's `file_info.url`): the raw body goes to
   * the handler; the secret in the path authorises, not the API token.
   */
  readonly uploads?: (req: http.IncomingMessage, rawPath: string) => Promise<unknown>;
}

/**
 * node:http front: auth, then fault injection (so unauthenticated callers never reach it), body
 * limits (size, JSON depth, receive time) and JSON, routing, the Aiven error body, one JSON log line
 * per request (method, path without query, status, duration; never headers or bodies).
 */
export function createHttpServer(o: HttpServerOptions): http.Server {
  const token = Buffer.from(o.token);
  const requestTimeout = o.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const timeouts = {
    requestTimeout,
    headersTimeout: requestTimeout,
    // How often node checks the two limits above; by default only every 30 s.
    connectionsCheckingInterval: Math.max(100, Math.min(1000, requestTimeout / 4)),
  };
  const server = http.createServer(timeouts, (req, res) => {
    const started = process.hrtime.bigint();
    const method = req.method ?? "GET";
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      o.log(
        JSON.stringify({
          time: new Date().toISOString(),
          method,
          // An upload URL's last segment is its secret.
          path: rawPath.startsWith("/upload/") ? rawPath.replace(/[^/]*$/, "****") : rawPath,
          status: res.statusCode,
          duration_ms: Math.round(ms * 100) / 100,
        }),
      );
    });
    handle(req, res, method, rawPath, q < 0 ? "" : rawUrl.slice(q + 1)).catch((err: unknown) => {
      o.log(
        JSON.stringify({
          level: "error",
          msg: "unhandled",
          error: err instanceof Error ? err.message : String(err),
        }),
      );
      if (!res.headersSent)
        send(res, 500, new ApiError(500, "internal_server_error", "Internal error").body());
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    method: string,
    rawPath: string,
    query: string,
  ) {
    const isApi = rawPath === "/v1" || rawPath.startsWith("/v1/");
    const isAdmin = rawPath.startsWith("/admin/");
    try {
      if (o.uploads && rawPath.startsWith("/upload/")) {
        send(res, 200, await o.uploads(req, rawPath));
        return;
      }
      if (!isApi && !isAdmin)
        throw new ApiError(404, "not_found", `Not found: ${rawPath}; the API is under /v1`);
      authenticate(req.headers.authorization);
      if (isApi) {
        const decision = o.faults.decide(rawPath.slice(3));
        if (o.faults.latencyMs > 0) await sleep(o.faults.latencyMs);
        if (decision.kind === "reset") {
          req.socket.destroy();
          return;
        }
        if (decision.kind === "throttle") {
          throw new ApiError(429, "too_many_requests", "Too many requests (injected fault)", {
            "retry-after": String(decision.retryAfterSeconds),
          });
        }
        if (decision.kind === "error")
          throw new ApiError(
            decision.status,
            "internal_server_error",
            `Service unavailable (injected fault ${decision.status})`,
          );
      }
      const router = isApi ? o.api : o.admin;
      const { route, params } = router.match(method, isApi ? rawPath.slice(3) || "/" : rawPath.slice(6));
      if (params.project !== undefined && params.project !== o.project) {
        throw new ApiError(
          403,
          "permission_denied",
          `Not a member of project ${params.project}, or the project does not exist`,
        );
      }
      const body =
        method === "POST" || method === "PUT" || method === "PATCH" ? await readJson(req) : undefined;
      const reply = await route.handler({ method, params, query: new URLSearchParams(query), body });
      send(res, reply.status ?? 200, reply.body);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
      if (err.status === 413) res.setHeader("connection", "close");
      send(res, err.status, err.body());
      if (err.status === 413) res.on("finish", () => req.destroy());
    }
  }

  function authenticate(header: string | undefined): void {
    const m = header ? /^aivenv1\s+(\S+)\s*$/i.exec(header) : null;
    if (!m)
      throw new ApiError(
        401,
        "authentication_failed",
        "Authentication required: send 'Authorization: aivenv1 <token>'",
      );
    const given = Buffer.from(m[1]!);
    if (given.length !== token.length || !timingSafeEqual(given, token)) {
      throw new ApiError(401, "authentication_failed", "Invalid token");
    }
  }
  return server;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", (e) => {
      if (!failed) reject(new ApiError(400, "bad_request", `Could not read the request body: ${e.message}`));
    });
    req.on("end", () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString("utf8");
      if (text.trim() === "") return resolve(undefined);
      const depth = jsonDepth(text);
      if (depth > MAX_JSON_DEPTH)
        return reject(
          new ApiError(
            400,
            "bad_request",
            `JSON body nested too deeply (${depth} levels; at most ${MAX_JSON_DEPTH})`,
          ),
        );
      try {
        resolve(JSON.parse(text));
      } catch (e) {
        // Not the parser's message: it quotes the input, which may hold a secret.
        const at = /position (\d+)/.exec((e as Error).message)?.[1];
        reject(new ApiError(400, "bad_request", `Malformed JSON body${at ? ` (at position ${at})` : ""}`));
      }
    });
  });
}

/**
 * The deepest nesting of arrays and objects in JSON text, brackets in strings not counted. Checked
 * before JSON.parse: what reads a parsed body (validators, JSON.stringify into the store) recurses.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character; a quote ends the string.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

const tooLarge = () => new ApiError(413, "payload_too_large", `Request body exceeds ${MAX_BODY_BYTES} bytes`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
