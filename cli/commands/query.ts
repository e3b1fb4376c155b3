/**
 * `flinkform query`: an interactive query — the first rows of one SELECT, run on a Flink service's
 * cluster with an application version's tables — printed as a table. It uses the control plane's
 * query endpoint (an extension of the local control plane; the hosted API keeps this to its console).
 */

const USAGE =
  'usage: flinkform query --service NAME [--application APP [--version V]] [--limit N] [--timeout S] "SELECT ..."\n' +
  "  --service      the Flink service whose cluster runs the query\n" +
  "  --application  an application (name or id): the query reads its version's tables\n" +
  "  --version      that application's version (number or id; default the newest)\n" +
  "  --limit        rows to show (default 20, at most 1000)\n" +
  "  --timeout      seconds to wait for them (default 30)\n" +
  "  --project      project (default local)\n" +
  "  --api-url / --token   default FLINK_API_URL and FLINK_API_TOKEN (or AIVEN_TOKEN), as for the provider\n";

export interface QueryArgs {
  service: string;
  application?: string;
  version?: string;
  limit: number;
  timeout: number;
  project: string;
  apiUrl: string;
  token: string;
  statement: string;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): QueryArgs | string {
  const a: Partial<QueryArgs> & { limit: number; timeout: number; project: string } = {
    limit: 20,
    timeout: 30,
    project: "local",
  };
  const statements: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === "--help" || flag === "-h") return "";
    if (!flag.startsWith("--")) {
      statements.push(argv[i]!);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    const int = (min: number, max: number) => {
      const n = Number(value);
      return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
    };
    switch (flag) {
      case "--service":
        a.service = value;
        break;
      case "--application":
        a.application = value;
        break;
      case "--version":
        a.version = value;
        break;
      case "--project":
        a.project = value;
        break;
      case "--api-url":
        a.apiUrl = value;
        break;
      case "--token":
        a.token = value;
        break;
      case "--limit": {
        const n = int(1, 1000);
        if (n === undefined) return `--limit must be an integer 1..1000, got '${value}'`;
        a.limit = n;
        break;
      }
      case "--timeout": {
        const n = int(1, 300);
        if (n === undefined) return `--timeout must be seconds 1..300, got '${value}'`;
        a.timeout = n;
        break;
      }
      default:
        return `unknown option ${flag}`;
    }
  }
  if (!a.service) return "--service is required";
  if (a.version && !a.application) return "--version needs --application";
  if (statements.length !== 1)
    return statements.length === 0
      ? 'give the query, e.g. "SELECT * FROM clicks"'
      : "give one query (quote it)";
  const apiUrl = a.apiUrl ?? env.FLINK_API_URL;
  const token = a.token ?? env.FLINK_API_TOKEN ?? env.AIVEN_TOKEN;
  if (!apiUrl) return "no API URL: set FLINK_API_URL (flinkform local start prints it) or pass --api-url";
  if (!token) return "no API token: set FLINK_API_TOKEN or pass --token";
  return { ...a, service: a.service, apiUrl: apiUrl.replace(/\/+$/, ""), token, statement: statements[0]! };
}

class QueryError extends Error {}

async function call<T>(args: QueryArgs, method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${args.apiUrl}${path}`, {
      method,
      headers: { authorization: `aivenv1 ${args.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout((args.timeout + 60) * 1000),
    });
  } catch (err) {
    throw new QueryError(`the API at ${args.apiUrl} does not answer (${(err as Error).message})`);
  }
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) throw new QueryError(String(parsed["message"] ?? `HTTP ${res.status}`));
  return parsed as T;
}

/** The version whose tables the query reads: by id, by number, or the newest. */
async function resolveVersion(
  args: QueryArgs,
): Promise<{ application_id: string; application_version_id: string } | undefined> {
  if (!args.application) return undefined;
  const base = `/project/${args.project}/service/${args.service}/flink/application`;
  const { applications } = await call<{ applications: { id: string; name: string }[] }>(args, "GET", base);
  const app = applications.find((x) => x.id === args.application || x.name === args.application);
  if (!app) throw new QueryError(`no application ${args.application} on service ${args.service}`);
  const detail = await call<{ application_versions: { id: string; version: number }[] }>(
    args,
    "GET",
    `${base}/${app.id}`,
  );
  const versions = [...detail.application_versions].sort((x, y) => y.version - x.version);
  const version = args.version
    ? versions.find((v) => v.id === args.version || String(v.version) === args.version)
    : versions[0];
  if (!version)
    throw new QueryError(
      args.version
        ? `application ${args.application} has no version ${args.version}`
        : `application ${args.application} has no version yet`,
    );
  return { application_id: app.id, application_version_id: version.id };
}

interface QueryAnswer {
  columns: { name: string; type: string }[];
  rows: { kind: string; fields: unknown[] }[];
  complete: boolean;
  elapsed_ms: number;
}

/** The rows as a plain text table; a changelog column when the query updates its own results. */
export function renderTable(answer: QueryAnswer): string {
  const changelog = answer.rows.some((r) => r.kind !== "INSERT");
  const kinds: Record<string, string> = {
    INSERT: "+I",
    UPDATE_BEFORE: "-U",
    UPDATE_AFTER: "+U",
    DELETE: "-D",
  };
  const header = [...(changelog ? ["op"] : []), ...answer.columns.map((c) => c.name)];
  const cells = answer.rows.map((r) => [
    ...(changelog ? [kinds[r.kind] ?? r.kind] : []),
    ...r.fields.map((f) => (f === null ? "NULL" : typeof f === "object" ? JSON.stringify(f) : String(f))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join(" | ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("-+-");
  const rows = answer.rows.length;
  const tail = answer.complete
    ? `${rows} row(s)`
    : `first ${rows} row(s); the query goes on (limit or time reached)`;
  return `${[line(header), rule, ...cells.map(line)].join("\n")}\n${tail}, ${(answer.elapsed_ms / 1000).toFixed(1)} s\n`;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(args ? `flinkform query: ${args}\n${USAGE}` : USAGE);
    return args ? 2 : 0;
  }
  try {
    const version = await resolveVersion(args);
    const answer = await call<QueryAnswer>(
      args,
      "POST",
      `/project/${args.project}/service/${args.service}/flink/query`,
      {
        statement: args.statement,
        limit: args.limit,
        timeout_seconds: args.timeout,
        ...version,
      },
    );
    process.stdout.write(renderTable(answer));
    return 0;
  } catch (err) {
    if (err instanceof QueryError) {
      process.stderr.write(`flinkform query: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
