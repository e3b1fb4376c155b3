/**
 * Refresh reads through one list call instead of one GET per object.
 *
 * terraform refreshes every resource of a stack at once (ten ReadResource calls at a time), so a plan
 * of 200 applications of one service made 200 GETs, about a quarter of the plan's time. For a type
 * whose spec names a `listRead`, the first read lists the service's applications and the reads that
 * follow within FRESH_FOR_MS take their object from that answer; reads that arrive while the list is
 * on its way wait for it.
 *
 * What a read returns is what the GET would have returned at most FRESH_FOR_MS before the read. A
 * refresh is no atomic snapshot anyway (its reads are spread over the whole refresh), and nothing this
 * process writes is ever read from an older list: every list is dropped when an apply starts, and none
 * is used while one runs. Whatever the list cannot answer goes to the GET, which decides as before:
 * an object the list does not hold (a 404 there still removes it from state), and a list that fails
 * (a missing service, an outage: the list is not retried, the GETs are).
 */
import type { ApiObject, ListReadSpec, ResourceSpec } from "../../schemas/dsl/types";
import type { ApiClient } from "../client";
import { knownPathParams } from "./path-params";
import { untilAborted } from "./until-aborted";
import { isPlainObject, type Values } from "./values";

/** How long a list answers reads: longer than a refresh's burst of reads of one service. */
export const FRESH_FOR_MS = 2_000;

interface Listing {
  readonly sentAt: number;
  /** Objects by their match key; null when the list failed (its reads use the GET). */
  readonly objects: Promise<ReadonlyMap<string, ApiObject> | null>;
}

export class ListReads {
  private readonly listings = new Map<string, Listing>();
  private writing = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs a write: lists made before it are dropped, and none is used or made while it runs. */
  async whileWriting<T>(write: () => Promise<T>): Promise<T> {
    this.writing++;
    this.listings.clear();
    try {
      return await write();
    } finally {
      this.writing--;
      this.listings.clear();
    }
  }

  /** The object as its list holds it; undefined when the GET must answer instead. */
  async find(spec: ResourceSpec, values: Values, signal: AbortSignal): Promise<ApiObject | undefined> {
    const listRead = spec.listRead;
    if (!listRead || this.writing > 0) return undefined;
    const wanted = matchKey(listRead, values, "attribute");
    const params = wanted === undefined ? undefined : knownPathParams(listRead.operation.path, values);
    if (wanted === undefined || params === undefined) return undefined;
    const objects = await untilAborted(this.listing(listRead, params).objects, signal);
    return objects?.get(wanted);
  }

  private listing(listRead: ListReadSpec, params: Record<string, string>): Listing {
    const key = `${listRead.operation.path} ${JSON.stringify(params)}`;
    const now = this.now();
    const known = this.listings.get(key);
    if (known && now - known.sentAt < FRESH_FOR_MS) return known;
    const listing: Listing = { sentAt: now, objects: this.list(listRead, params) };
    this.listings.set(key, listing);
    return listing;
  }

  private async list(
    listRead: ListReadSpec,
    params: Record<string, string>,
  ): Promise<ReadonlyMap<string, ApiObject> | null> {
    try {
      // Not retried and not tied to one read's signal: the reads waiting for it fall back to their
      // own GETs, which retry, and each stops waiting when its own call is cancelled.
      const response = await this.client.request<unknown>({
        method: "GET",
        path: listRead.operation.path,
        params,
        maxRetries: 0,
      });
      const body = response.body;
      const items = isPlainObject(body) && Array.isArray(body[listRead.key]) ? body[listRead.key] : [];
      const objects = new Map<string, ApiObject>();
      for (const item of items as unknown[]) {
        if (!isPlainObject(item)) continue;
        const key = matchKey(listRead, item, "field");
        if (key !== undefined) objects.set(key, item);
      }
      return objects;
    } catch {
      return null;
    }
  }
}

/** The identifying values of an object (by attribute) or a list item (by API field), as one key. */
function matchKey(listRead: ListReadSpec, source: Values, by: "attribute" | "field"): string | undefined {
  const parts: string[] = [];
  for (const [attribute, field] of Object.entries(listRead.match)) {
    const value = source[by === "attribute" ? attribute : field];
    if (typeof value !== "string" && typeof value !== "number") return undefined;
    parts.push(String(value));
  }
  return JSON.stringify(parts);
}
