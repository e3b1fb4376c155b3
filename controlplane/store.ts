import path from "node:path";
import Database from "better-sqlite3";
import { ensurePrivateDir, ensurePrivateFile, restrictIfPresent } from "./private-files";

/** The kinds of resource rows. A service's id is its name (unique per project); the others are UUIDs. */
export type ResourceKind =
  | "service"
  | "endpoint"
  | "integration"
  | "application"
  | "version"
  | "deployment"
  | "jar_application"
  | "jar_version"
  | "savepoint"
  | "savepoint_schedule";

export interface ScheduledEvent {
  readonly id: number;
  readonly due: number;
  readonly kind: string;
  readonly project: string;
  readonly target: string;
  readonly payload: Record<string, unknown>;
}

interface Row {
  data: string;
}

/**
 * The control plane's state: one SQLite database (better-sqlite3, WAL) in the data dir. Resources are
 * rows with a JSON `data` column; lifecycle transitions are rows in `events` with a due time, so a
 * restart picks up whatever was in flight.
 *
 * Durability: every handler commits its transaction before the response is written, and the database
 * runs with `synchronous = FULL`, so a commit is on disk (WAL fsynced) when the client hears about it.
 * `NORMAL` would already survive `kill -9` in WAL mode (the WAL is in the OS page cache), but not a power
 * loss; FULL costs one fsync per write, and reads, which dominate, are unaffected.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(dataDir: string) {
    ensurePrivateDir(dataDir);
    // Created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the database
    // file's mode. Files an older version left readable are tightened.
    const file = path.join(dataDir, "controlplane.sqlite");
    ensurePrivateFile(file);
    for (const suffix of ["-wal", "-shm"]) restrictIfPresent(file + suffix);
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS resources (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL, project TEXT NOT NULL, id TEXT NOT NULL,
        service TEXT, parent TEXT, data TEXT NOT NULL,
        UNIQUE (kind, project, id)
      );
      CREATE INDEX IF NOT EXISTS resources_by_service ON resources (kind, project, service, parent);
      CREATE TABLE IF NOT EXISTS events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        due INTEGER NOT NULL, kind TEXT NOT NULL, project TEXT NOT NULL, target TEXT NOT NULL,
        payload TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS events_by_due ON events (due);
    `);
    const db = this.db;
    this.stmts = {
      get: db.prepare<[string, string, string], Row>(
        "SELECT data FROM resources WHERE kind = ? AND project = ? AND id = ?",
      ),
      listProject: db.prepare<[string, string], Row>(
        "SELECT data FROM resources WHERE kind = ? AND project = ? ORDER BY seq",
      ),
      listService: db.prepare<[string, string, string], Row>(
        "SELECT data FROM resources WHERE kind = ? AND project = ? AND service = ? ORDER BY seq",
      ),
      listParent: db.prepare<[string, string, string, string], Row>(
        "SELECT data FROM resources WHERE kind = ? AND project = ? AND service = ? AND parent = ? ORDER BY seq",
      ),
      insert: db.prepare(
        "INSERT INTO resources (kind, project, id, service, parent, data) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      update: db.prepare("UPDATE resources SET data = ? WHERE kind = ? AND project = ? AND id = ?"),
      remove: db.prepare("DELETE FROM resources WHERE kind = ? AND project = ? AND id = ?"),
      removeService: db.prepare(
        "DELETE FROM resources WHERE project = ? AND service = ? AND kind != 'service'",
      ),
      schedule: db.prepare("INSERT INTO events (due, kind, project, target, payload) VALUES (?, ?, ?, ?, ?)"),
      due: db.prepare<[number], ScheduledEventRow>(
        "SELECT * FROM events WHERE due <= ? ORDER BY due, id LIMIT 100",
      ),
      nextDue: db.prepare<[], { due: number }>("SELECT due FROM events ORDER BY due LIMIT 1"),
      unschedule: db.prepare("DELETE FROM events WHERE id = ?"),
      unscheduleTarget: db.prepare("DELETE FROM events WHERE project = ? AND target = ?"),
      pending: db.prepare<[string, string], ScheduledEventRow>(
        "SELECT * FROM events WHERE project = ? AND target = ? ORDER BY due",
      ),
    };
  }

  get<T>(kind: ResourceKind, project: string, id: string): T | undefined {
    const row = this.stmts.get.get(kind, project, id);
    return row ? (JSON.parse(row.data) as T) : undefined;
  }

  list<T>(kind: ResourceKind, project: string, service?: string, parent?: string): T[] {
    const rows =
      service === undefined
        ? this.stmts.listProject.all(kind, project)
        : parent === undefined
          ? this.stmts.listService.all(kind, project, service)
          : this.stmts.listParent.all(kind, project, service, parent);
    return rows.map((r) => JSON.parse(r.data) as T);
  }

  insert(
    kind: ResourceKind,
    project: string,
    id: string,
    data: unknown,
    service?: string,
    parent?: string,
  ): void {
    this.stmts.insert.run(kind, project, id, service ?? null, parent ?? null, JSON.stringify(data));
  }

  update(kind: ResourceKind, project: string, id: string, data: unknown): void {
    this.stmts.update.run(JSON.stringify(data), kind, project, id);
  }

  remove(kind: ResourceKind, project: string, id: string): void {
    this.stmts.remove.run(kind, project, id);
  }

  /** Removes everything that belongs to a service (its applications, versions, deployments, savepoints). */
  removeServiceChildren(project: string, service: string): void {
    this.stmts.removeService.run(project, service);
  }

  schedule(
    due: number,
    kind: string,
    project: string,
    target: string,
    payload: Record<string, unknown> = {},
  ): void {
    this.stmts.schedule.run(Math.round(due), kind, project, target, JSON.stringify(payload));
  }

  dueEvents(now: number): ScheduledEvent[] {
    return this.stmts.due.all(now).map(toEvent);
  }

  pendingEvents(project: string, target: string): ScheduledEvent[] {
    return this.stmts.pending.all(project, target).map(toEvent);
  }

  nextDue(): number | undefined {
    return this.stmts.nextDue.get()?.due;
  }

  unschedule(id: number): void {
    this.stmts.unschedule.run(id);
  }

  unscheduleTarget(project: string, target: string): void {
    this.stmts.unscheduleTarget.run(project, target);
  }

  /** Runs `fn` in one transaction (IMMEDIATE: writers never upgrade a read lock mid-way). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface ScheduledEventRow {
  id: number;
  due: number;
  kind: string;
  project: string;
  target: string;
  payload: string;
}

function toEvent(r: ScheduledEventRow): ScheduledEvent {
  return {
    id: r.id,
    due: r.due,
    kind: r.kind,
    project: r.project,
    target: r.target,
    payload: JSON.parse(r.payload),
  };
}
