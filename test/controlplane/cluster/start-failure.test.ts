import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFailureCause } from "../../../controlplane/cluster/flink/start-failure";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "flinkform-startlog-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string): string => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};

/** The start of a JobManager log, as Flink 1.20 writes it (log4j pattern of flink-config.ts). */
const STARTUP = `2025-03-04 10:15:01,101 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint        [] - --------------------------------------------------------------------------------
2025-03-04 10:15:01,103 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint        [] -  Starting StandaloneSessionClusterEntrypoint (Version: 1.20.3, Scala: 2.12, Rev:2f9a0a8, Date:2025-09-01T10:00:00+02:00)
2025-03-04 10:15:01,120 WARN  org.apache.flink.runtime.util.HadoopUtils                     [] - Could not find Hadoop configuration via any of the supported methods (Flink configuration, environment variables).
`;

describe("startFailureCause", () => {
  test.each([
    {
      case: "a REST port in use",
      log: `${STARTUP}2025-03-04 10:15:02,310 ERROR org.apache.flink.runtime.entrypoint.ClusterEntrypoint        [] - Could not start cluster entrypoint StandaloneSessionClusterEntrypoint.
org.apache.flink.runtime.entrypoint.ClusterEntrypointException: Failed to initialize the cluster entrypoint StandaloneSessionClusterEntrypoint.
\tat org.apache.flink.runtime.entrypoint.ClusterEntrypoint.startCluster(ClusterEntrypoint.java:259)
Caused by: java.net.BindException: Could not start rest endpoint on any port in port range 18081
\tat org.apache.flink.runtime.rest.RestServerEndpoint.start(RestServerEndpoint.java:286)
`,
      cause: "a port it needs is in use",
    },
    {
      case: "an RPC port in use (Pekko)",
      log: `${STARTUP}2025-03-04 10:15:02,310 ERROR org.apache.pekko.remote.transport.netty.NettyTransport       [] - failed to bind to /127.0.0.1:16123, shutting down Netty transport
org.jboss.netty.channel.ChannelException: Failed to bind to: /127.0.0.1:16123
Caused by: java.net.BindException: Address already in use
`,
      cause: "a port it needs is in use",
    },
    {
      case: "a heap the JVM cannot reserve",
      log: "Error occurred during initialization of VM\nCould not reserve enough space for object heap\n",
      cause: "out of memory (lower the cluster's memory or free some)",
    },
    {
      case: "an OutOfMemoryError",
      log: `${STARTUP}2025-03-04 10:15:09,000 ERROR org.apache.flink.runtime.util.ClusterUncaughtExceptionHandler [] - WARNING: Thread 'flink-pekko.actor.default-dispatcher-4' produced an uncaught exception. If you want to fail on uncaught exceptions, then configure cluster.uncaught-exception-handling accordingly
java.lang.OutOfMemoryError: Java heap space
`,
      cause: "out of memory (lower the cluster's memory or free some)",
    },
    {
      case: "the OS refusing memory",
      log: "OpenJDK 64-Bit Server VM warning: INFO: os::commit_memory(0x00000000c0000000, 1073741824, 0) failed; error='Cannot allocate memory' (errno=12)\n# There is insufficient memory for the Java Runtime Environment to continue.\n",
      cause: "out of memory (lower the cluster's memory or free some)",
    },
    {
      case: "a Java runtime that is too old",
      log: `Exception in thread "main" java.lang.UnsupportedClassVersionError: org/apache/flink/runtime/entrypoint/StandaloneSessionClusterEntrypoint has been compiled by a more recent version of the Java Runtime (class file version 55.0), this version of the Java Runtime only recognizes class file versions up to 52.0
\tat java.lang.ClassLoader.defineClass1(Native Method)
`,
      cause: "the Java runtime is too old for Flink 1.20 (use Java 11 or 17)",
    },
    {
      case: "a class missing from the classpath",
      log: `${STARTUP}Exception in thread "main" java.lang.NoClassDefFoundError: org/apache/flink/table/gateway/SqlGateway
Caused by: java.lang.ClassNotFoundException: org.apache.flink.table.gateway.SqlGateway
\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)
`,
      cause:
        "a class is missing from the Flink classpath (org/apache/flink/table/gateway/SqlGateway); run `node scripts/flink-install.mjs --force`",
    },
    {
      case: "a ClassNotFoundException alone",
      log: "Error: Could not find or load main class x\nCaused by: java.lang.ClassNotFoundException: org.apache.flink.runtime.taskexecutor.TaskManagerRunner\n",
      cause:
        "a class is missing from the Flink classpath (org.apache.flink.runtime.taskexecutor.TaskManagerRunner); run `node scripts/flink-install.mjs --force`",
    },
    {
      case: "another ERROR: its message, without the timestamp and logger",
      log: `${STARTUP}2025-03-04 10:15:02,310 ERROR org.apache.flink.runtime.entrypoint.ClusterEntrypoint        [] - Could not start cluster entrypoint StandaloneSessionClusterEntrypoint.
org.apache.flink.runtime.entrypoint.ClusterEntrypointException: Failed to initialize the cluster entrypoint StandaloneSessionClusterEntrypoint.
\tat org.apache.flink.runtime.entrypoint.ClusterEntrypoint.startCluster(ClusterEntrypoint.java:259)
2025-03-04 10:15:02,400 ERROR org.apache.flink.configuration.GlobalConfiguration           [] - Failed to parse YAML configuration
`,
      cause: "Failed to parse YAML configuration",
    },
    {
      case: "an exception line without an ERROR level",
      log: "org.apache.flink.configuration.IllegalConfigurationException: Invalid configuration value for 'taskmanager.memory.process.size'\n",
      cause:
        "org.apache.flink.configuration.IllegalConfigurationException: Invalid configuration value for 'taskmanager.memory.process.size'",
    },
  ])("$case", ({ log, cause }) => {
    expect(startFailureCause([write("flink-jobmanager.log", log)])).toBe(cause);
  });

  test("a log with nothing wrong in it: undefined", () => {
    expect(startFailureCause([write("flink-jobmanager.log", STARTUP)])).toBeUndefined();
    expect(startFailureCause([write("empty.out", "")])).toBeUndefined();
  });

  test("missing files are fine: they are skipped, the others read", () => {
    const missing = path.join(dir, "flink-taskmanager.log");
    expect(startFailureCause([missing])).toBeUndefined();
    expect(startFailureCause([])).toBeUndefined();
    const out = write("flink-jobmanager.out", "Caused by: java.net.BindException: Address already in use\n");
    expect(startFailureCause([missing, out])).toBe("a port it needs is in use");
  });

  test("reads every file: the cause may be in the .out rather than the .log", () => {
    const log = write("flink-jobmanager.log", STARTUP);
    const out = write(
      "flink-jobmanager.out",
      "Error occurred during initialization of VM\nCould not reserve enough space for object heap\n",
    );
    expect(startFailureCause([log, out])).toBe("out of memory (lower the cluster's memory or free some)");
  });

  test("the last ERROR is the one reported, at most 500 characters", () => {
    const long = "x".repeat(2_000);
    const log = write(
      "flink-jobmanager.log",
      `${STARTUP}2025-03-04 10:15:02,000 ERROR a.b.C [] - first problem\n2025-03-04 10:15:03,000 ERROR a.b.D [] - ${long}\n`,
    );
    expect(startFailureCause([log])).toBe(long.slice(0, 500));
  });

  test("only the end of a large log is read: a cause from long before is no longer reported", () => {
    const log = write(
      "flink-jobmanager.log",
      `Caused by: java.net.BindException: Address already in use\n${"2025-03-04 10:15:01,101 INFO  a.b.C [] - filler\n".repeat(10_000)}2025-03-04 10:20:00,000 ERROR a.b.C [] - Fatal error occurred in the cluster entrypoint.\n`,
    );
    expect(startFailureCause([log])).toBe("Fatal error occurred in the cluster entrypoint.");
  });

  test("only what this start wrote counts: an earlier start's port clash is not blamed for a new failure", () => {
    const earlier = `${STARTUP}Caused by: java.net.BindException: Address already in use\n`;
    const log = write(
      "flink-taskmanager.log",
      `${earlier}${STARTUP}Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n`,
    );
    expect(startFailureCause([{ file: log, from: Buffer.byteLength(earlier) }])).toBe(
      "out of memory (lower the cluster's memory or free some)",
    );
    expect(startFailureCause([{ file: log, from: 0 }])).toBe("a port it needs is in use");
  });
});
