/**
 * A real HTTP proxy in front of the local control plane that can lose what the control plane
 * answered (a reset or a 500 after the request took effect), answer in its place, and stop and
 * start listening on the same port (connections refused meanwhile): the failures a client sees
 * from a flaky network or an API restart, placed exactly on the request a test names.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxiedRequest {
  readonly method: string;
  /** Path below /v1, without the query. */
  readonly path: string;
  /** How many requests with this method and path came before this one. */
  readonly seen: number;
}

export type ProxyAction =
  /** Pass the request on and its answer back. */
  | "forward"
  /** Pass it on, then reset the connection instead of answering: it took effect, the answer is lost. */
  | "forward-then-reset"
  /** Pass it on, then stop listening before answering: it took effect, then the API went away. */
  | "forward-then-stop"
  /** Pass it on, then answer 500 instead of what the API said. */
  | "forward-then-500"
  /** Answer 500 without passing it on. */
  | "500"
  /** Never answer (the connection stays open until the proxy stops). */
  | "hang"
  /** Answer with this body (status 200) without passing it on. */
  | { readonly reply: unknown };

export interface FaultProxy {
  readonly url: string;
  /** Every request that reached the proxy, in order. */
  readonly requests: ProxiedRequest[];
  /** Decides what happens to each request; `forward` by default. */
  rule: (req: ProxiedRequest) => ProxyAction;
  /** Stops listening and drops open connections: new connections are refused. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const requests: ProxiedRequest[] = [];
  const counts = new Map<string, number>();
  let server: http.Server | undefined;
  let port = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = req.url ?? "/";
    const path = url.replace(/^\/v1/, "").split("?")[0]!;
    const method = req.method ?? "GET";
    const key = `${method} ${path}`;
    const seen = counts.get(key) ?? 0;
    counts.set(key, seen + 1);
    const request = { method, path, seen };
    requests.push(request);
    const action = proxy.rule(request);
    if (action === "500") return send(res, 500, { message: "Internal error (proxy)" });
    if (action === "hang") return;
    if (typeof action === "object") return send(res, 200, action.reply);
    const answer = await fetch(`${target}${url.replace(/^\/v1/, "")}`, {
      method,
      headers: {
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        "content-type": "application/json",
      },
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const text = await answer.text();
    if (action === "forward-then-reset") {
      req.socket.destroy();
      return;
    }
    if (action === "forward-then-stop") {
      await stop();
      return;
    }
    if (action === "forward-then-500") return send(res, 500, { message: "Internal error (proxy)" });
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(text);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = http.createServer((req, res) => {
        handle(req, res).catch(() => res.destroy());
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.closeAllConnections();
      s.close(() => resolve());
    });

  await listen();
  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    rule: () => "forward",
    stop,
    start: listen,
    close: stop,
  };
  return proxy;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
