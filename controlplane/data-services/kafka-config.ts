import path from "node:path";

/** Where one local broker keeps everything, all under `<dataDir>/kafka`. */
export interface KafkaPaths {
  /** `<dataDir>/kafka`: the JVM's working directory and the value of its cluster marker. */
  readonly root: string;
  /** `server.properties` and the log4j 2 configuration. */
  readonly conf: string;
  readonly serverProperties: string;
  /** The topics' partitions and the KRaft metadata log (`log.dirs`). */
  readonly data: string;
  readonly log: string;
  /** The cluster id the storage was formatted with, generated once. */
  readonly clusterIdFile: string;
  /** The ports of the last start, so the bootstrap address stays the same across restarts. */
  readonly portsFile: string;
}

export interface KafkaPorts {
  /** The PLAINTEXT listener clients (and Flink jobs) connect to. */
  readonly client: number;
  /** The KRaft controller listener; only the broker itself connects to it. */
  readonly controller: number;
}

export function kafkaPaths(dataDir: string): KafkaPaths {
  const root = path.join(dataDir, "kafka");
  return {
    root,
    conf: root,
    serverProperties: path.join(root, "server.properties"),
    data: path.join(root, "data"),
    log: path.join(root, "log"),
    clusterIdFile: path.join(root, "cluster.id"),
    portsFile: path.join(root, "ports.json"),
  };
}

/** The broker's node id; with one node it is also the only controller (voter). */
export const NODE_ID = 1;

/**
 * A one-node development broker in KRaft combined mode (broker and controller in one JVM, no
 * ZooKeeper). Both listeners are PLAINTEXT on 127.0.0.1 only: no TLS, no SASL, so there is no
 * secret anywhere in this file, the broker's log or its command line. Every internal topic has
 * one replica, so consumer groups (`__consumer_offsets`) and transactions (`__transaction_state`,
 * as Flink's exactly-once Kafka sink uses them) work on a single node.
 */
export function serverProperties(
  paths: KafkaPaths,
  ports: KafkaPorts,
): Record<string, string | number | boolean> {
  return {
    "process.roles": "broker,controller",
    "node.id": NODE_ID,
    // A static voter set: the controller's address is read from here on every start (not kept in
    // the metadata log), so the controller port may change from one start to the next.
    "controller.quorum.voters": `${NODE_ID}@127.0.0.1:${ports.controller}`,
    listeners: `PLAINTEXT://127.0.0.1:${ports.client},CONTROLLER://127.0.0.1:${ports.controller}`,
    "advertised.listeners": `PLAINTEXT://127.0.0.1:${ports.client}`,
    "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
    "controller.listener.names": "CONTROLLER",
    "inter.broker.listener.name": "PLAINTEXT",
    "log.dirs": paths.data,
    "auto.create.topics.enable": true,
    "num.partitions": 1,
    "default.replication.factor": 1,
    "min.insync.replicas": 1,
    "offsets.topic.replication.factor": 1,
    // 50 partitions by default: a first consumer group or transaction would wait for them all.
    "offsets.topic.num.partitions": 1,
    "transaction.state.log.replication.factor": 1,
    "transaction.state.log.min.isr": 1,
    "transaction.state.log.num.partitions": 1,
    "share.coordinator.state.topic.replication.factor": 1,
    "share.coordinator.state.topic.min.isr": 1,
    // Flink's KafkaSink opens its transactions with transaction.timeout.ms = 1 h; a broker's
    // default maximum (15 min) refuses that with "The transaction timeout is larger than the
    // maximum value allowed by the broker".
    "transaction.max.timeout.ms": 3_600_000,
    "group.initial.rebalance.delay.ms": 0,
  };
}

/** The properties as a `java.util.Properties` file (ISO 8859-1, so anything else is escaped). */
export function renderProperties(props: Record<string, string | number | boolean>): string {
  const quote = (v: string) =>
    v
      .replace(/\\/g, "\\\\")
      .replace(/[\n\r]/g, (c) => (c === "\n" ? "\\n" : "\\r"))
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `${Object.entries(props)
    .map(([k, v]) => `${k}=${quote(String(v))}`)
    .join("\n")}\n`;
}

/**
 * Log4j 2 configuration (properties format) for the broker: everything into one rolling file,
 * `-Dlog.file`, which JvmProcess sets to `log/kafka.log`. It is written as `log4j.properties`
 * because JvmProcess points `log4j.configurationFile` (a name log4j 2 reads too) at that file.
 */
export const KAFKA_LOG4J2_PROPERTIES = `# log4j 2 (not 1.x) configuration of the local Kafka broker
monitorInterval = 0
rootLogger.level = INFO
rootLogger.appenderRef.main.ref = MainAppender
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.requestChannel.name = kafka.network.RequestChannel$
logger.requestChannel.level = WARN
appender.main.name = MainAppender
appender.main.type = RollingFile
appender.main.fileName = \${sys:log.file}
appender.main.filePattern = \${sys:log.file}.%i
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = [%d] %p %m (%c)%n
appender.main.policies.type = Policies
appender.main.policies.size.type = SizeBasedTriggeringPolicy
appender.main.policies.size.size = 20MB
appender.main.strategy.type = DefaultRolloverStrategy
appender.main.strategy.max = 3
`;
