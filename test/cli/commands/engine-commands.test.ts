import { parseArgs as parseClusterArgs } from "../../../cli/commands/flink-cluster";
import { parseArgs as parseLogsArgs } from "../../../cli/commands/local-logs";
import { chooseEngine, parseArgs as parseStartArgs } from "../../../cli/commands/local-start";

describe("flinkform local start: engine flags", () => {
  test("--engine and an existing cluster's URLs are parsed", () => {
    expect(parseStartArgs(["--engine", "simulated"], {})).toMatchObject({ engine: "simulated" });
    expect(
      parseStartArgs(["--flink-rest-url", "http://flink:8081", "--sql-gateway-url=http://flink:8083"], {}),
    ).toMatchObject({ flinkRestUrl: "http://flink:8081", sqlGatewayUrl: "http://flink:8083" });
  });

  test.each([
    [["--engine", "spark"], /--engine must be flink or simulated, got 'spark'/],
    [["--flink-rest-url", "http://flink:8081"], /--flink-rest-url and --sql-gateway-url go together/],
    [["--sql-gateway-url", "flink:8083"], /--sql-gateway-url must be an http\(s\) URL/],
    [
      ["--engine", "simulated", "--flink-rest-url", "http://a:1", "--sql-gateway-url", "http://a:2"],
      /needs the flink engine/,
    ],
  ])("rejects %j", (argv, message) => {
    expect(parseStartArgs(argv, {})).toMatch(message);
  });

  test("an existing cluster means the flink engine on that cluster; --engine simulated means simulated", () => {
    const existing = parseStartArgs(
      ["--flink-rest-url", "http://flink:8081", "--sql-gateway-url", "http://flink:8083"],
      {},
    );
    if (typeof existing === "string") throw new Error(existing);
    expect(chooseEngine(existing)).toEqual({
      engine: {
        kind: "flink",
        existingCluster: { restUrl: "http://flink:8081", gatewayUrl: "http://flink:8083" },
      },
      banner: "flink (existing cluster http://flink:8081)",
    });
    const simulated = parseStartArgs(["--engine", "simulated"], {});
    if (typeof simulated === "string") throw new Error(simulated);
    expect(chooseEngine(simulated)).toEqual({ engine: "simulated", banner: "simulated" });
  });
});

describe("flinkform local logs", () => {
  test("names a service, one process and a line count", () => {
    expect(parseLogsArgs(["svc1", "--process", "taskmanager", "--lines", "20", "--data", "d"])).toEqual({
      service: "svc1",
      data: "d",
      roles: ["taskmanager"],
      lines: 20,
    });
  });

  test.each([
    [[], /name the service/],
    [["a", "b"], /one service at a time/],
    [["svc", "--process", "worker"], /--process must be one of jobmanager, taskmanager, sql-gateway/],
    [["svc", "--lines", "-1"], /--lines must be a whole number/],
    [["../etc"], /is not a service name/],
  ])("rejects %j", (argv, message) => {
    expect(parseLogsArgs(argv)).toMatch(message);
  });
});

describe("flinkform flink cluster", () => {
  test("defaults to Flink's usual ports and 4 slots", () => {
    expect(parseClusterArgs([])).toEqual({
      data: ".flinkform/cluster",
      slots: 4,
      restPort: 8081,
      gatewayPort: 8083,
      name: "flinkform",
    });
  });

  test.each([
    [["--slots", "0"], /--slots must be an integer 1..1024/],
    [["--rest-port", "8083"], /must differ/],
    [["--name", "Bad Name"], /--name: use lowercase letters/],
  ])("rejects %j", (argv, message) => {
    expect(parseClusterArgs(argv)).toMatch(message);
  });
});
