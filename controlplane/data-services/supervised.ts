/** A server the control plane runs, as the supervisor needs to see it. */
export interface Supervisable {
  /** Settles when the server stopped without being asked to. */
  readonly lost: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Keeps a local data service running: when it dies (a crash, kill -9) it is started again on the
 * same data and address, the way a managed service heals, so jobs that read or write it recover
 * through their restart strategy. Restarts back off (1 s doubling to 30 s) and `stop` ends them.
 */
export class Supervised<T extends Supervisable> {
  private stopped = false;
  private restarting: Promise<void> | undefined;

  private constructor(
    private current: T,
    private readonly start: () => Promise<T>,
    private readonly name: string,
    private readonly log: (line: string) => void,
  ) {
    this.watch(current);
  }

  static async start<T extends Supervisable>(
    start: () => Promise<T>,
    name: string,
    log: (line: string) => void,
  ): Promise<Supervised<T>> {
    return new Supervised(await start(), start, name, log);
  }

  /** The running instance (a new one after each restart). */
  get server(): T {
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.restarting;
    await this.current.stop();
  }

  private watch(server: T): void {
    void server.lost.then((why) => {
      if (this.stopped || server !== this.current) return;
      this.restarting = this.restart(why);
    });
  }

  private async restart(why: string): Promise<void> {
    this.note("warn", `${this.name} stopped (${why}); starting it again`);
    for (let delay = 1000; !this.stopped; delay = Math.min(delay * 2, 30_000)) {
      await new Promise((r) => setTimeout(r, delay));
      if (this.stopped) return;
      try {
        this.current = await this.start();
        this.watch(this.current);
        this.note("info", `${this.name} is back`);
        return;
      } catch (err) {
        this.note(
          "error",
          `${this.name} did not start again: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
  }

  private note(level: string, msg: string): void {
    this.log(JSON.stringify({ time: new Date().toISOString(), level, msg }));
  }
}
