/**
 * hclog-shaped JSON lines on stderr: terraform parses them and filters by TF_LOG_PROVIDER / TF_LOG.
 * stdout is reserved for the plugin handshake. Registered secrets are masked in every line.
 */
const LEVELS = ["trace", "debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LEVELS)[number];

export interface Logger {
  trace(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines carry these fields too. */
  with(fields: Record<string, unknown>): Logger;
}

// One registry per process, even when the protocol layer is bundled twice (the start-up bundle
// and the lazily loaded handlers bundle each carry a copy of this module).
const registryKey = Symbol.for("flinkform.logger.secrets");
const globalRegistry = globalThis as unknown as Record<symbol, Set<string> | undefined>;
globalRegistry[registryKey] ??= new Set<string>();
const secrets: Set<string> = globalRegistry[registryKey]!;
const MASK = "***";

/** Marks a value (token, password) so it is masked wherever it appears in logs or diagnostics. */
export function registerSecret(secret: string | null | undefined): void {
  // Very short values would mask ordinary words; they are not credentials worth the noise.
  if (typeof secret === "string" && secret.length >= 4) secrets.add(secret);
}

/** A deep copy of the value with every registered secret masked. */
export function redact<T>(value: T): T {
  if (secrets.size === 0) return value;
  if (typeof value === "string") {
    let out: string = value;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(MASK);
    return out as T;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v)) as T;
  if (value instanceof Error) return redact(value.message) as T;
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redact(v);
    return out as T;
  }
  return value;
}

/** The level terraform asked for: TF_LOG_PROVIDER wins over TF_LOG; unset or "off" means no output. */
export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel | "off" {
  const raw = (env.TF_LOG_PROVIDER || env.TF_LOG || "").trim().toLowerCase();
  if (raw === "" || raw === "off") return "off";
  if (raw === "json") return "trace";
  if (raw === "warning") return "warn";
  return (LEVELS as readonly string[]).includes(raw) ? (raw as LogLevel) : "trace";
}

export interface LoggerOptions {
  module?: string;
  level?: LogLevel | "off";
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}, fields: Record<string, unknown> = {}): Logger {
  const module = options.module ?? "provider.flinkform";
  const level = options.level ?? levelFromEnv();
  const min = level === "off" ? Number.POSITIVE_INFINITY : LEVELS.indexOf(level);
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const emit = (lvl: LogLevel, message: string, extra?: Record<string, unknown>) => {
    if (LEVELS.indexOf(lvl) < min) return;
    const line = {
      ...redact({ ...fields, ...extra }),
      "@level": lvl,
      "@message": redact(message),
      "@module": module,
      "@timestamp": hclogTimestamp(new Date()),
    };
    write(`${JSON.stringify(line, jsonSafe)}\n`);
  };
  return {
    trace: (m, f) => emit("trace", m, f),
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    with: (more) => createLogger({ module, level, write }, { ...fields, ...more }),
  };
}

/** go-plugin parses exactly Go's "2006-01-02T15:04:05.000000Z07:00"; other shapes log as raw text. */
export function hclogTimestamp(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "symbol") return value.description ?? "symbol";
  return value;
}
