import net from "node:net";

/** Ports handed out recently, so two clusters starting at once never get the same one. */
const recentlyHandedOut = new Map<number, number>();
const HOLD_MS = 120_000;

/**
 * `n` distinct TCP ports free on 127.0.0.1 right now, found by letting the OS pick them; a port this
 * process handed out in the last two minutes is never handed out again meanwhile. Another program
 * could still take one before Flink binds it: cluster start-up retries once with new ports then.
 */
export async function freePorts(n: number): Promise<number[]> {
  const now = Date.now();
  for (const [port, at] of recentlyHandedOut) if (now - at > HOLD_MS) recentlyHandedOut.delete(port);
  const held: net.Server[] = [];
  const ports: number[] = [];
  try {
    while (ports.length < n) {
      const server = await listen(0);
      held.push(server);
      const port = (server.address() as net.AddressInfo).port;
      if (!recentlyHandedOut.has(port)) ports.push(port);
    }
  } finally {
    await Promise.all(held.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }
  for (const p of ports) recentlyHandedOut.set(p, now);
  return ports;
}

/** Whether each port can be bound on 127.0.0.1 right now. */
export async function portsAreFree(ports: readonly number[]): Promise<boolean> {
  const held: net.Server[] = [];
  try {
    for (const p of ports) held.push(await listen(p));
    return true;
  } catch {
    return false;
  } finally {
    await Promise.all(held.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }
}

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(port, "127.0.0.1", () => resolve(s));
  });
}
