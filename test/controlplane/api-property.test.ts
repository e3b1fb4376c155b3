/**
 * Property-based test of the control plane's HTTP API with fixed seeds (a failure reproduces): random
 * bodies for every operation that takes one — malformed JSON, wrong types, unknown and prototype-named
 * keys, plausible values in the wrong places — are answered with a 2xx or a 4xx, never a 5xx, each
 * within a generous bound; afterwards listings still answer and the resources no request addressed
 * are unchanged.
 */
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { eventually, type Harness, type Json, start } from "./helpers";

const RUNS = 300;
/** Generous: a request over this is unbounded work, not a slow machine. */
const REQUEST_BOUND_MS = 5000;

const PROTOTYPE_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];
/** Strings that are hard on validators: empty, blank, control and bidi characters, a fake id. */
const AWKWARD = [
  "",
  " ",
  "\u0000",
  "a\nb",
  "\u202e",
  "00000000-0000-4000-8000-000000000000",
  "x".repeat(300),
];

/** SQL for statements and create_table: valid, broken, hostile. */
const SQL = [
  "INSERT INTO k SELECT a FROM s",
  "CREATE TABLE s (a INT) WITH ('connector' = 'datagen')",
  "CREATE TABLE k (a INT) WITH ('connector' = 'blackhole')",
  "CREATE TABLE s (a INT) WITH ('connector' = 'constructor')",
  "CREATE TABLE s (a INT) WITH ('connector' = 'datagen', '__proto__' = 'x', 'toString' = 'y')",
  "CREATE TABLE s (a INT) WITH ('connector' = 'kafka', 'format' = 'json', 'json.constructor' = 'x')",
  `INSERT INTO k SELECT ${"(".repeat(300)}a${")".repeat(300)} FROM s`,
  `INSERT INTO k SELECT ${"NOT ".repeat(2000)}TRUE FROM s`,
  "SELECT 1",
  "SELEC 1; SELEC 2",
  "'",
  "",
];

/** A JSON object text with these entries (keys such as `__proto__` stay own keys). */
const objectText = (entries: readonly (readonly [string, unknown])[]) =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`;
const objectOf = (entries: fc.Arbitrary<(readonly [string, unknown])[]>) =>
  entries.map((e) => JSON.parse(objectText(e)) as unknown);

const scalar = fc.oneof(
  fc.constantFrom(...AWKWARD),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
/** Any JSON value, prototype-named keys included. */
const anything = fc.oneof(
  { arbitrary: scalar, weight: 4 },
  {
    arbitrary: objectOf(
      fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES, "x"), scalar), { maxLength: 3 }),
    ),
    weight: 1,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);
const one = <T>(...values: T[]) => fc.constantFrom(...values);
const sql = one(...SQL);
/** Plausible values per body field, so bodies get past the first check and reach the deeper ones. */
const FIELD = {
  name: fc.oneof(one("fz-new", "keep", "fz", "Fz Bad", "x".repeat(70)), fc.string({ maxLength: 12 })),
  serviceType: one("flink", "kafka", "pg", "elasticsearch"),
  plan: one("business-4", "startup-2", "hobbyist", "business-999"),
  cloud: one("google-europe-west1", "aws-eu-west-1", "mars-1"),
  bool: fc.boolean(),
  int: fc.oneof(fc.integer({ min: -2, max: 300 }), one(1e308, 1.5, 2 ** 53)),
  userConfig: objectOf(
    fc.array(
      fc.tuple(
        one(
          "flink_version",
          "number_of_task_slots",
          "restart_strategy",
          "ip_filter",
          "stringtype",
          ...PROTOTYPE_NAMES,
        ),
        fc.oneof(
          one<unknown>(
            "1.20",
            "1.16",
            4,
            0,
            2000,
            "failure-rate",
            ["10.0.0.0/8"],
            ["10.0.0.0/33"],
            ["999.1.1.1/8"],
          ),
          scalar,
        ),
      ),
      { maxLength: 4 },
    ),
  ),
  tags: objectOf(fc.array(fc.tuple(one("team", "a b", ...PROTOTYPE_NAMES), scalar), { maxLength: 3 })),
  emails: fc.array(fc.record({ email: one("a@b.co", "not-an-email", "") }), { maxLength: 3 }),
  maintenance: fc.record({ dow: one("monday", "someday"), time: one("04:00:00", "25:00:00") }),
  sql,
  tables: fc.array(
    fc.record(
      {
        create_table: sql,
        integration_id: fc.oneof(
          { arbitrary: fc.constant(null), weight: 4 },
          { arbitrary: one(...AWKWARD), weight: 1 },
        ),
      },
      { requiredKeys: ["create_table"] },
    ),
    { maxLength: 3 },
  ),
  endpointType: one("external_kafka", "external_postgresql", "external_s3"),
  integrationType: one("flink", "flink_external_kafka", "logs", "metrics", "nope"),
  service: one("fz", "fz-put", "nope"),
} as const;

const SKIP = Symbol("skip");

/**
 * Random bodies: each field present or not, with a plausible value or any value; plus unknown or
 * prototype-named keys; sometimes not an object, or not JSON at all.
 */
function bodies(fields: Readonly<Record<string, fc.Arbitrary<unknown>>>): fc.Arbitrary<string> {
  const present = Object.entries(fields).map(([key, plausible]) =>
    fc
      .option(fc.oneof({ arbitrary: plausible, weight: 5 }, { arbitrary: anything, weight: 1 }), {
        freq: 6,
        nil: SKIP,
      })
      .map((v): (readonly [string, unknown])[] => (v === SKIP ? [] : [[key, v]])),
  );
  const junk = fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES, "unknown_field"), anything), {
    maxLength: 2,
  });
  const objects = fc
    .tuple(fc.tuple(...present), junk)
    .map(([parts, extra]) => objectText([...parts.flat(), ...extra]));
  return fc.oneof(
    { arbitrary: objects, weight: 8 },
    { arbitrary: fc.json({ maxDepth: 3 }), weight: 1 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
  );
}

describe("control plane API under random bodies (property-based)", () => {
  let h: Harness;
  /** Ids of resources the random requests address, and of ones nothing addresses. */
  const ids: Record<string, string> = {};
  let untouched: Json;

  const snapshot = async () => ({
    service: (await h.api("GET", "/project/local/service/keep")).body,
    endpoint: (
      await h.api("GET", `/project/local/integration_endpoint/${ids.keepEndpoint}?include_secrets=true`)
    ).body,
    application: (await h.api("GET", `/project/local/service/keep/flink/application/${ids.keepApp}`)).body,
  });

  beforeAll(async () => {
    h = await start();
    for (const service_name of ["keep", "fz", "fz-put"]) {
      const res = await h.api("POST", "/project/local/service", {
        service_name,
        service_type: "flink",
        plan: "business-4",
      });
      expect(res.status).toBe(200);
    }
    for (const name of ["keep", "fz", "fz-put"])
      await eventually(async () => {
        const s = await h.api("GET", `/project/local/service/${name}`);
        return s.body.service.state === "RUNNING" ? true : undefined;
      }, `${name} RUNNING`);
    const endpoint = (name: string) =>
      h.api("POST", "/project/local/integration_endpoint", {
        endpoint_name: name,
        endpoint_type: "external_kafka",
        user_config: { bootstrap_servers: "broker:9092", security_protocol: "PLAINTEXT" },
      });
    ids.keepEndpoint = (await endpoint("keep-e")).body.service_integration_endpoint.endpoint_id;
    ids.fzEndpoint = (await endpoint("fz-e")).body.service_integration_endpoint.endpoint_id;
    const integration = await h.api("POST", "/project/local/integration", {
      integration_type: "logs",
      source_service: "fz",
      dest_service: "fz-put",
    });
    ids.fzIntegration = integration.body.service_integration.service_integration_id;
    const version = {
      statement: "INSERT INTO k SELECT a FROM s",
      sources: [{ create_table: "CREATE TABLE s (a INT) WITH ('connector' = 'datagen')" }],
      sinks: [{ create_table: "CREATE TABLE k (a INT) WITH ('connector' = 'blackhole')" }],
    };
    const app = (service: string, name: string) =>
      h.api("POST", `/project/local/service/${service}/flink/application`, {
        name,
        application_version: version,
      });
    ids.keepApp = (await app("keep", "keep-app")).body.id;
    const fzApp = (await app("fz", "fz-app")).body;
    ids.fzApp = fzApp.id;
    ids.fzVersion = fzApp.application_versions[0].id;
    for (const id of Object.values(ids)) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    untouched = await snapshot();
  });
  afterAll(() => h.cp.close());

  const fzApp = () => `/project/local/service/fz/flink/application/${ids.fzApp}`;
  // [method, path as shown, seed, path, body fields]
  const operations: [string, string, number, () => string, Record<string, fc.Arbitrary<unknown>>][] = [
    [
      "POST",
      "/project/local/service",
      1,
      () => "/project/local/service",
      {
        service_name: FIELD.name,
        service_type: FIELD.serviceType,
        plan: FIELD.plan,
        cloud: FIELD.cloud,
        user_config: FIELD.userConfig,
        termination_protection: FIELD.bool,
        tags: FIELD.tags,
        tech_emails: FIELD.emails,
        disk_space_mb: FIELD.int,
        maintenance: FIELD.maintenance,
      },
    ],
    [
      "PUT",
      "/project/local/service/fz-put",
      2,
      () => "/project/local/service/fz-put",
      {
        plan: FIELD.plan,
        cloud: FIELD.cloud,
        powered: FIELD.bool,
        termination_protection: FIELD.bool,
        user_config: FIELD.userConfig,
        maintenance: FIELD.maintenance,
        tech_emails: FIELD.emails,
        disk_space_mb: FIELD.int,
      },
    ],
    [
      "PUT",
      "/project/local/service/fz-put/tags",
      3,
      () => "/project/local/service/fz-put/tags",
      { tags: FIELD.tags },
    ],
    [
      "PATCH",
      "/project/local/service/fz-put/tags",
      4,
      () => "/project/local/service/fz-put/tags",
      { tags: FIELD.tags },
    ],
    [
      "POST",
      "/project/local/integration_endpoint",
      5,
      () => "/project/local/integration_endpoint",
      { endpoint_name: FIELD.name, endpoint_type: FIELD.endpointType, user_config: FIELD.userConfig },
    ],
    [
      "PUT",
      "/project/local/integration_endpoint/{id}",
      6,
      () => `/project/local/integration_endpoint/${ids.fzEndpoint}`,
      { user_config: FIELD.userConfig },
    ],
    [
      "POST",
      "/project/local/integration",
      7,
      () => "/project/local/integration",
      {
        integration_type: FIELD.integrationType,
        source_service: FIELD.service,
        dest_service: FIELD.service,
        source_endpoint_id: one(...AWKWARD),
        user_config: FIELD.userConfig,
      },
    ],
    [
      "PUT",
      "/project/local/integration/{id}",
      8,
      () => `/project/local/integration/${ids.fzIntegration}`,
      { user_config: FIELD.userConfig },
    ],
    [
      "POST",
      "/project/local/service/fz/flink/application",
      9,
      () => "/project/local/service/fz/flink/application",
      {
        name: FIELD.name,
        application_version: fc.record({ statement: sql, sources: FIELD.tables, sinks: FIELD.tables }),
      },
    ],
    ["PUT", ".../flink/application/{id}", 10, fzApp, { name: FIELD.name }],
    [
      "POST",
      ".../flink/application/{id}/version",
      11,
      () => `${fzApp()}/version`,
      { statement: sql, sources: FIELD.tables, sinks: FIELD.tables },
    ],
    [
      "POST",
      ".../flink/application/{id}/version/validate",
      12,
      () => `${fzApp()}/version/validate`,
      { statement: sql, sources: FIELD.tables, sinks: FIELD.tables },
    ],
    [
      "POST",
      ".../flink/application/{id}/deployment",
      13,
      () => `${fzApp()}/deployment`,
      {
        version_id: fc.oneof(
          fc.constant("").map(() => ids.fzVersion),
          one(...AWKWARD),
        ),
        parallelism: FIELD.int,
        restart_enabled: FIELD.bool,
        starting_savepoint: one("file:///tmp/sp", "", "x".repeat(3000)),
      },
    ],
    [
      "POST",
      "/project/local/service/fz/flink/query",
      14,
      () => "/project/local/service/fz/flink/query",
      { statement: sql, tables: FIELD.tables, limit: FIELD.int, timeout_seconds: FIELD.int },
    ],
  ];

  test.each(operations)(
    `%s %s: random bodies (${RUNS} cases, seed %i): never a 5xx, each answered within ${REQUEST_BOUND_MS / 1000} s`,
    async (method, _label, seed, path, fields) => {
      await fc.assert(
        fc.asyncProperty(bodies(fields), async (body) => {
          const t0 = performance.now();
          const res = await h.api(method, path(), body);
          const ms = performance.now() - t0;
          expect(res.status).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(typeof res.body.message).toBe("string");
          expect(ms).toBeLessThan(REQUEST_BOUND_MS);
        }),
        { seed, numRuns: RUNS },
      );
    },
    120_000,
  );

  test("afterwards: every listing answers and the resources no request addressed are unchanged", async () => {
    for (const path of [
      "/project/local/service",
      "/project/local/integration_endpoint",
      "/project/local/service/fz/integration",
      "/project/local/service/fz/flink/application",
      "/project/local/service/keep/flink/application",
    ])
      expect((await h.api("GET", path)).status).toBe(200);
    expect(await snapshot()).toEqual(untouched);
  });
});
