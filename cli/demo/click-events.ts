/**
 * The demo's click generator: JSON click events with event-time timestamps, so one-minute windows
 * close as soon as a later event arrives (the watermark follows event time, 5 s behind), not after
 * minutes of waiting.
 */

const URLS = ["/home", "/products", "/cart", "/checkout"];

/** The minute all event times count from: the start of the current hour (UTC), rendered as Flink reads it. */
export function eventTimeBase(now = Date.now()): number {
  return Math.floor(now / 3_600_000) * 3_600_000;
}

const render = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");

/**
 * `count` clicks spread over `minutes` minutes starting `fromMinute` minutes after `base`, then one
 * `/watermark` event at `closeAtMinute` that closes every earlier window.
 */
export function clickEvents(o: {
  base: number;
  fromMinute: number;
  minutes: number;
  count: number;
  closeAtMinute: number;
}): string[] {
  // In event-time order: the watermark trails the newest event by 5 s, and a click older than that
  // would be late and left out of its (already closed) window.
  const events = Array.from({ length: o.count }, (_, i) => {
    const minute = o.fromMinute + (i % o.minutes);
    const second = (i * 13) % 60;
    return { at: o.base + minute * 60_000 + second * 1000, i };
  })
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ at, i }) =>
      JSON.stringify({ user_id: `user-${i % 9}`, url: URLS[(i * 7) % URLS.length], ts: render(at) }),
    );
  events.push(
    JSON.stringify({ user_id: "clock", url: "/watermark", ts: render(o.base + o.closeAtMinute * 60_000) }),
  );
  return events;
}

/** The window rows of clicks_per_minute, as psql prints them (`url,window_start,clicks`), without the clock's. */
export interface WindowCount {
  url: string;
  windowStart: string;
  clicks: number;
}

export function parseCounts(psqlRows: string): WindowCount[] {
  return psqlRows
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const [url = "", windowStart = "", clicks = "0"] = l.split(",");
      return { url, windowStart, clicks: Number(clicks) };
    })
    .filter((r) => r.url !== "/watermark");
}

/** A small table of per-minute counts and their total. */
export function renderCounts(rows: readonly WindowCount[]): string {
  const minutes = [...new Set(rows.map((r) => r.windowStart))].sort();
  const urls = [...new Set(rows.map((r) => r.url))].sort();
  const width = Math.max(...urls.map((u) => u.length), 8);
  const header = `    ${"window".padEnd(20)}${urls.map((u) => u.padStart(width + 2)).join("")}`;
  const lines = minutes.map((m) => {
    const cells = urls.map((u) => {
      const hit = rows.find((r) => r.url === u && r.windowStart === m);
      return String(hit?.clicks ?? "-").padStart(width + 2);
    });
    return `    ${m.slice(0, 16).padEnd(20)}${cells.join("")}`;
  });
  const total = rows.reduce((s, r) => s + r.clicks, 0);
  return `${[header, ...lines].join("\n")}\n    ${rows.length} windows, ${total} clicks in all\n`;
}
