import { parse } from "yaml";
import {
  type ClusterPaths,
  clusterConfig,
  DEFAULT_CHECKPOINT_INTERVAL_MS,
  renderConfigYaml,
  restartStrategy,
} from "../../../controlplane/cluster/flink/flink-config";
import type { ServiceRecord } from "../../../controlplane/model";

function service(user_config: Record<string, unknown> = {}): ServiceRecord {
  return {
    service_name: "fl",
    service_type: "flink",
    plan: "business-4",
    cloud_name: "local",
    state: "RUNNING",
    create_time: "2025-01-01T00:00:00Z",
    update_time: "2025-01-01T00:00:00Z",
    termination_protection: false,
    user_config,
    maintenance: { dow: "sunday", time: "00:00:00" },
    tags: {},
    tech_emails: [],
    project_vpc_id: null,
    disk_space_mb: 0,
    password: "x",
    build: 1,
  };
}

const paths: ClusterPaths = {
  root: "/data/flink/fl",
  conf: "/data/flink/fl/conf",
  log: "/data/flink/fl/log",
  checkpoints: "/data/flink/fl/checkpoints",
  savepoints: "/data/flink/fl/savepoints",
  tmp: "/data/flink/fl/tmp",
};
const ports = { rest: 18081, rpc: 16123, gateway: 18083 };
const sizing = { slots: 8, jobManagerMemory: "1024m", taskManagerMemory: "2048m" };

const config = (uc: Record<string, unknown> = {}) => clusterConfig(service(uc), sizing, paths, ports);

describe("restartStrategy: the service's restart_strategy* keys as Flink 1.20 options", () => {
  const p = "restart-strategy";
  test.each([
    {
      case: "unset: the service default, failure-rate, with Flink's defaults",
      uc: {},
      expected: {
        [`${p}.type`]: "failure-rate",
        [`${p}.failure-rate.max-failures-per-interval`]: "1",
        [`${p}.failure-rate.failure-rate-interval`]: "1 min",
        [`${p}.failure-rate.delay`]: "1 s",
      },
    },
    {
      case: "default: failure-rate with the service's parameters",
      uc: {
        restart_strategy: "default",
        restart_strategy_max_failures: 5,
        restart_strategy_failure_rate_interval_min: 10,
        restart_strategy_delay_sec: 30,
      },
      expected: {
        [`${p}.type`]: "failure-rate",
        [`${p}.failure-rate.max-failures-per-interval`]: "5",
        [`${p}.failure-rate.failure-rate-interval`]: "10 min",
        [`${p}.failure-rate.delay`]: "30 s",
      },
    },
    {
      case: "failure-rate with the service's parameters",
      uc: {
        restart_strategy: "failure-rate",
        restart_strategy_max_failures: 3,
        restart_strategy_failure_rate_interval_min: 2,
        restart_strategy_delay_sec: 7,
      },
      expected: {
        [`${p}.type`]: "failure-rate",
        [`${p}.failure-rate.max-failures-per-interval`]: "3",
        [`${p}.failure-rate.failure-rate-interval`]: "2 min",
        [`${p}.failure-rate.delay`]: "7 s",
      },
    },
    {
      case: "failure-rate with Flink's defaults",
      uc: { restart_strategy: "failure-rate" },
      expected: {
        [`${p}.type`]: "failure-rate",
        [`${p}.failure-rate.max-failures-per-interval`]: "1",
        [`${p}.failure-rate.failure-rate-interval`]: "1 min",
        [`${p}.failure-rate.delay`]: "1 s",
      },
    },
    {
      case: "fixed-delay with the service's parameters",
      uc: {
        restart_strategy: "fixed-delay",
        restart_strategy_max_failures: 4,
        restart_strategy_delay_sec: 15,
      },
      expected: {
        [`${p}.type`]: "fixed-delay",
        [`${p}.fixed-delay.attempts`]: "4",
        [`${p}.fixed-delay.delay`]: "15 s",
      },
    },
    {
      case: "fixed-delay with Flink's defaults",
      uc: { restart_strategy: "fixed-delay" },
      expected: {
        [`${p}.type`]: "fixed-delay",
        [`${p}.fixed-delay.attempts`]: "1",
        [`${p}.fixed-delay.delay`]: "1 s",
      },
    },
    {
      case: "exponential-delay with the service's parameters",
      uc: {
        restart_strategy: "exponential-delay",
        restart_strategy_delay_sec: 2,
        restart_strategy_max_backoff_sec: 120,
        restart_strategy_backoff_multiplier: 2.5,
        restart_strategy_jitter_factor: 0.2,
      },
      expected: {
        [`${p}.type`]: "exponential-delay",
        [`${p}.exponential-delay.initial-backoff`]: "2 s",
        [`${p}.exponential-delay.max-backoff`]: "120 s",
        [`${p}.exponential-delay.backoff-multiplier`]: "2.5",
        [`${p}.exponential-delay.jitter-factor`]: "0.2",
      },
    },
    {
      case: "exponential-delay with Flink's defaults (the unset ones left to Flink)",
      uc: { restart_strategy: "exponential-delay" },
      expected: {
        [`${p}.type`]: "exponential-delay",
        [`${p}.exponential-delay.initial-backoff`]: "1 s",
      },
    },
    {
      case: "none, whatever parameters are left over",
      uc: { restart_strategy: "none", restart_strategy_max_failures: 3, restart_strategy_delay_sec: 5 },
      expected: { [`${p}.type`]: "none" },
    },
    {
      case: "parameters of another type are not passed on (failure-rate gets no exponential-delay options)",
      uc: {
        restart_strategy: "failure-rate",
        restart_strategy_max_backoff_sec: 60,
        restart_strategy_jitter_factor: 0.5,
      },
      expected: {
        [`${p}.type`]: "failure-rate",
        [`${p}.failure-rate.max-failures-per-interval`]: "1",
        [`${p}.failure-rate.failure-rate-interval`]: "1 min",
        [`${p}.failure-rate.delay`]: "1 s",
      },
    },
  ])("$case", ({ uc, expected }) => {
    expect(restartStrategy(uc)).toEqual(expected);
    // The cluster configuration carries exactly these restart options.
    const fromCluster = Object.fromEntries(Object.entries(config(uc)).filter(([k]) => k.startsWith(`${p}.`)));
    expect(fromCluster).toEqual(expected);
  });
});

describe("clusterConfig", () => {
  test("task slots are the sizing's; parallelism.default is the service's, 1 when unset", () => {
    expect(config()).toMatchObject({ "taskmanager.numberOfTaskSlots": "8", "parallelism.default": "1" });
    expect(config({ parallelism_default: 4 })["parallelism.default"]).toBe("4");
  });

  test("memory sizes are the sizing's", () => {
    expect(config()).toMatchObject({
      "jobmanager.memory.process.size": "1024m",
      "taskmanager.memory.process.size": "2048m",
    });
  });

  test("checkpoints every 60 s when the service sets no interval, with no timeout of its own", () => {
    expect(DEFAULT_CHECKPOINT_INTERVAL_MS).toBe(60_000);
    const c = config();
    expect(c["execution.checkpointing.interval"]).toBe("60000 ms");
    expect(c).not.toHaveProperty("execution.checkpointing.timeout");
  });

  test("the service's checkpoint interval and timeout, in milliseconds", () => {
    expect(
      config({ execution_checkpointing_interval_ms: 5000, execution_checkpointing_timeout_ms: 120_000 }),
    ).toMatchObject({
      "execution.checkpointing.interval": "5000 ms",
      "execution.checkpointing.timeout": "120000 ms",
    });
  });

  test("pekko_ask_timeout_s and pekko_framesize_b become Flink's pekko.* options; unset leaves Flink's defaults", () => {
    expect(config({ pekko_ask_timeout_s: 30, pekko_framesize_b: 20_971_520 })).toMatchObject({
      "pekko.ask.timeout": "30 s",
      "pekko.framesize": "20971520b",
    });
    expect(Object.keys(config()).filter((k) => k.startsWith("pekko."))).toEqual([]);
  });

  test("hashmap state backend; checkpoints retained (3, also on cancel) in file:// dirs under the service's directory", () => {
    expect(config()).toMatchObject({
      "state.backend.type": "hashmap",
      "state.checkpoints.dir": "file:///data/flink/fl/checkpoints",
      "state.savepoints.dir": "file:///data/flink/fl/savepoints",
      "state.checkpoints.num-retained": "3",
      "execution.checkpointing.externalized-checkpoint-retention": "RETAIN_ON_CANCELLATION",
    });
  });

  test("every process binds to and advertises the loopback address only", () => {
    const c = config();
    const addressKeys = [
      "jobmanager.rpc.address",
      "jobmanager.bind-host",
      "rest.address",
      "rest.bind-address",
      "taskmanager.host",
      "taskmanager.bind-host",
      "sql-gateway.endpoint.rest.address",
      "sql-gateway.endpoint.rest.bind-address",
    ];
    for (const k of addressKeys) expect([k, c[k]]).toEqual([k, "127.0.0.1"]);
    // No other address-like option points anywhere else.
    for (const [k, v] of Object.entries(c)) {
      if (/(address|host)$/.test(k)) expect([k, v]).toEqual([k, "127.0.0.1"]);
    }
  });

  test("the cluster's ports: REST, RPC and the SQL Gateway's", () => {
    expect(config()).toMatchObject({
      "rest.port": "18081",
      "jobmanager.rpc.port": "16123",
      "sql-gateway.endpoint.rest.port": "18083",
    });
  });

  test("temporary files stay in the service's directory; the TaskManager is named after the service", () => {
    expect(config()).toMatchObject({
      "io.tmp.dirs": "/data/flink/fl/tmp",
      "web.tmpdir": "/data/flink/fl/tmp",
      "blob.storage.directory": "/data/flink/fl/tmp",
      "taskmanager.resource-id": "fl-taskmanager-1",
      "execution.target": "remote",
    });
  });
});

describe("renderConfigYaml", () => {
  test("a cluster's configuration reads back as the same flat map", () => {
    const c = config({ restart_strategy: "exponential-delay", restart_strategy_backoff_multiplier: 1.5 });
    expect(parse(renderConfigYaml(c))).toEqual(c);
  });

  test.each([
    { case: "double quotes", value: 'say "hi"' },
    { case: "single quotes", value: "it's" },
    { case: "a colon and a space", value: "key: value" },
    { case: "a URI", value: "file:///tmp/a b/checkpoints" },
    { case: "a comment sign", value: "a # not a comment" },
    { case: "a leading comment sign", value: "#hash" },
    { case: "backslashes", value: "C:\\flink\\conf\\" },
    { case: "a trailing backslash before a quote", value: 'x\\"' },
    { case: "a newline and a tab", value: "line1\n\tline2" },
    { case: "YAML's own syntax", value: "- [a, b]: {c: d} & *e ! | >" },
    { case: "a YAML boolean word", value: "yes" },
    { case: "a number", value: "0x10" },
    { case: "a null word", value: "~" },
    { case: "an empty value", value: "" },
    { case: "leading and trailing spaces", value: "  padded  " },
    { case: "non-ASCII text", value: "Zürich ✓ 東京" },
    { case: "a control character", value: "bell\u0007" },
  ])("a value with $case stays exactly that string", ({ value }) => {
    const c = { "pipeline.name": value, "parallelism.default": "1" };
    expect(parse(renderConfigYaml(c))).toEqual(c);
  });

  test("one line per option, ending with a newline", () => {
    const text = renderConfigYaml({ "a.b": "1", "c.d": "x\ny" });
    expect(text.endsWith("\n")).toBe(true);
    expect(text.trimEnd().split("\n")).toHaveLength(2);
  });
});
