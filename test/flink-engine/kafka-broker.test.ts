/**
 * The control plane's local Kafka broker: a real Apache Kafka broker (KRaft, no ZooKeeper) started
 * from the jars `npm ci` resolved (flink/kafka-broker/). Every assertion reads the broker itself,
 * through Kafka's own command-line tools (console producer and consumer, consumer-group and
 * metadata-quorum commands, producer-performance with transactions) run as Java processes from the
 * broker's classpath, and the process table.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findFlinkInstallation } from "../../controlplane";
import {
  findKafkaBrokerInstallation,
  type KafkaBrokerOptions,
  LocalKafkaBroker,
} from "../../controlplane/data-services/kafka-broker";
import { describeWithDataServices, kafkaTool } from "./data-tools";
import { flinkPids, tempDir } from "./flink-env";

const flink = findFlinkInstallation();
const kafka = findKafkaBrokerInstallation();

describeWithDataServices("local Kafka broker (real Apache Kafka, KRaft)", () => {
  jest.setTimeout(180_000);
  const dataDir = tempDir("flinkform-kafka-");
  const markerDir = path.join(dataDir, "kafka");
  const started: LocalKafkaBroker[] = [];
  const options = (): KafkaBrokerOptions => {
    if (!flink.ok || !kafka.ok) throw new Error("unreachable: the suite is skipped");
    return {
      dataDir,
      java: flink.installation.java,
      javaMajor: flink.installation.javaMajor,
      classpath: kafka.classpath,
      cdsDir: kafka.cdsDir,
    };
  };

  const start = async (o: Partial<KafkaBrokerOptions> = {}) => {
    const broker = await LocalKafkaBroker.start({ ...options(), ...o });
    started.push(broker);
    return broker;
  };

  const tool = kafkaTool;

  const produce = async (broker: LocalKafkaBroker, topic: string, records: readonly string[]) => {
    const r = await tool(
      "org.apache.kafka.tools.ConsoleProducer",
      ["--bootstrap-server", broker.bootstrapServers, "--topic", topic],
      `${records.join("\n")}\n`,
    );
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  };

  /** The first `n` records of a topic from its beginning, as the console consumer prints them. */
  const consume = async (
    broker: LocalKafkaBroker,
    topic: string,
    n: number,
    extra: readonly string[] = [],
  ) => {
    const r = await tool("org.apache.kafka.tools.consumer.ConsoleConsumer", [
      "--bootstrap-server",
      broker.bootstrapServers,
      "--topic",
      topic,
      "--from-beginning",
      "--max-messages",
      String(n),
      "--timeout-ms",
      "30000",
      ...extra,
    ]);
    expect(r.stderr).toContain(`Processed a total of ${n} messages`);
    return r.stdout.split("\n").filter(Boolean);
  };

  /** The group's committed offset and the log end offset of each partition of `topic`, read from the broker. */
  const groupOffsets = async (broker: LocalKafkaBroker, group: string, topic: string) => {
    const r = await tool("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand", [
      "--bootstrap-server",
      broker.bootstrapServers,
      "--describe",
      "--group",
      group,
    ]);
    expect(r.code).toBe(0);
    // GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID
    return r.stdout
      .split("\n")
      .map((l) => l.trim().split(/\s+/))
      .filter((cols) => cols[0] === group && cols[1] === topic)
      .map((cols) => ({ partition: Number(cols[2]), current: Number(cols[3]), end: Number(cols[4]) }));
  };

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  // A failed test leaves no broker behind for the next one.
  afterEach(() => Promise.all(started.map((b) => b.stop())));
  afterAll(() => {
    for (const pid of flinkPids(markerDir)) process.kill(pid, "SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const ORDERS = ["order-1", "order-2", "order-3"];
  let firstAddress = "";

  it("starts one KRaft node on 127.0.0.1 that topics, consumer groups and transactions work on, and stops it", async () => {
    const broker = await start();
    firstAddress = broker.bootstrapServers;
    expect(broker.bootstrapServers).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(flinkPids(markerDir)).toEqual([broker.pid]);

    // KRaft: the broker is its own controller and the quorum's leader (no ZooKeeper anywhere).
    const quorum = await tool("org.apache.kafka.tools.MetadataQuorumCommand", [
      "--bootstrap-server",
      broker.bootstrapServers,
      "describe",
      "--status",
    ]);
    expect(quorum.code).toBe(0);
    expect(quorum.stdout).toMatch(/LeaderId:\s+1\b/);
    expect(quorum.stdout).toMatch(/CurrentVoters:\s+\[\{"id":\s*1\b/);

    // A new topic, created on first use (auto.create.topics.enable).
    await produce(broker, "orders", ORDERS);
    expect(await consume(broker, "orders", 3)).toEqual(ORDERS);

    // A consumer group commits its offsets (the offsets topic has one replica on one node).
    expect(await consume(broker, "orders", 3, ["--group", "flinkform-readers"])).toEqual(ORDERS);
    expect(await groupOffsets(broker, "flinkform-readers", "orders")).toEqual([
      { partition: 0, current: 3, end: 3 },
    ]);

    // Transactions as Flink's exactly-once KafkaSink opens them: its default transaction timeout is 1 h.
    const tx = await tool("org.apache.kafka.tools.ProducerPerformance", [
      "--topic",
      "payments",
      "--num-records",
      "5",
      "--throughput",
      "-1",
      "--payload-monotonic",
      "--transactional-id",
      "flinkform-sink-0",
      "--transaction-duration-ms",
      "50",
      "--producer-props",
      `bootstrap.servers=${broker.bootstrapServers}`,
      "transaction.timeout.ms=3600000",
    ]);
    expect({ code: tx.code, stderr: tx.stderr.split("\n").find((l) => /Exception/.test(l)) }).toEqual({
      code: 0,
      stderr: undefined,
    });
    expect(await consume(broker, "payments", 5, ["--isolation-level", "read_committed"])).toHaveLength(5);

    // stop() leaves no process behind.
    await broker.stop();
    expect(alive(broker.pid)).toBe(false);
    expect(flinkPids(markerDir)).toEqual([]);
  });

  it("keeps its topics, records, group offsets and bootstrap address across a restart", async () => {
    const broker = await start();
    expect(broker.bootstrapServers).toBe(firstAddress);
    expect(flinkPids(markerDir)).toEqual([broker.pid]);
    expect(await consume(broker, "orders", 3)).toEqual(ORDERS);
    expect(await groupOffsets(broker, "flinkform-readers", "orders")).toEqual([
      { partition: 0, current: 3, end: 3 },
    ]);
    expect(await consume(broker, "payments", 5, ["--isolation-level", "read_committed"])).toHaveLength(5);
    // The storage was formatted once: the cluster id is the one kept in the data dir.
    expect(fs.readFileSync(path.join(markerDir, "cluster.id"), "utf8").trim()).toBe(broker.clusterId);

    await broker.stop();
    expect(alive(broker.pid)).toBe(false);
    expect(flinkPids(markerDir)).toEqual([]);
  });

  it("reports a broker that died as lost", async () => {
    const broker = await start();
    process.kill(broker.pid, "SIGKILL");
    await expect(broker.lost).resolves.toMatch(
      /the Kafka broker stopped \(exit SIGKILL\); see its log .*kafka\.log/,
    );
    expect(flinkPids(markerDir)).toEqual([]);
  });

  it("kill -9 of the process that started the broker takes the broker with it", async () => {
    const otherDir = path.join(dataDir, "orphan-check");
    const otherMarker = path.join(otherDir, "kafka");
    // A stand-in for the control plane: a Node process that starts a broker and is then killed.
    const starter = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `const { LocalKafkaBroker } = require(${JSON.stringify(path.resolve(__dirname, "../../controlplane/data-services/kafka-broker"))});
         LocalKafkaBroker.start(JSON.parse(process.argv[1])).then((b) => console.log("pid=" + b.pid));`,
        JSON.stringify({ ...options(), dataDir: otherDir }),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const pid = await new Promise<number>((resolve, reject) => {
        let out = "";
        starter.stdout!.on("data", (c: Buffer) => {
          out += c.toString();
          const m = /pid=(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        starter.once("exit", (code) =>
          reject(new Error(`the starter exited (${code}) before the broker was up`)),
        );
      });
      expect(flinkPids(otherMarker)).toEqual([pid]);
      starter.kill("SIGKILL");
      const deadline = Date.now() + 30_000;
      while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(alive(pid)).toBe(false);
      expect(flinkPids(otherMarker)).toEqual([]);
    } finally {
      starter.kill("SIGKILL");
      for (const pid of flinkPids(otherMarker)) process.kill(pid, "SIGKILL");
    }
  });

  it("refuses a Java runtime older than 17 before starting anything", async () => {
    await expect(start({ javaMajor: 11 })).rejects.toThrow(/needs Java 17 or newer/);
    expect(flinkPids(markerDir)).toEqual([]);
  });
});
