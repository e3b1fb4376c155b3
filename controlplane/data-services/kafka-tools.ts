import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFlinkInstallation } from "../cluster/flink/flink-installation";
import { type JavaResult, runJavaToCompletion } from "../cluster/flink/run-java";
import { findKafkaBrokerInstallation } from "./kafka-installation";

/** Kafka's tools log their warnings to stderr, so stdout holds only what they print on purpose. */
function toolsLogConfig(): string {
  const file = path.join(os.tmpdir(), `flinkform-kafka-tools-${process.pid}.properties`);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(
      file,
      [
        "rootLogger.level = WARN",
        "rootLogger.appenderRef.stderr.ref = STDERR",
        "appender.stderr.name = STDERR",
        "appender.stderr.type = Console",
        "appender.stderr.target = SYSTEM_ERR",
        "appender.stderr.layout.type = PatternLayout",
        "appender.stderr.layout.pattern = [%d] %p %m (%c)%n",
        "",
      ].join("\n"),
    );
  }
  return file;
}

/** Runs one of Kafka's own command-line tools (a main class on the broker's classpath) to completion. */
export function runKafkaTool(
  mainClass: string,
  args: readonly string[],
  input?: string,
  timeoutMs = 90_000,
): Promise<JavaResult> {
  const flink = findFlinkInstallation();
  const kafka = findKafkaBrokerInstallation();
  if (!flink.ok) return Promise.reject(new Error(flink.reason));
  if (!kafka.ok) return Promise.reject(new Error(kafka.reason));
  return runJavaToCompletion(
    flink.installation.java,
    [
      "-Xmx256m",
      `-Dlog4j2.configurationFile=file:${toolsLogConfig()}`,
      "-cp",
      kafka.classpath,
      mainClass,
      ...args,
    ],
    { input, timeoutMs },
  );
}

/** Writes records (one per line) to a topic with Kafka's console producer; the topic is created if new. */
export async function produceRecords(bootstrapServers: string, topic: string, records: readonly string[]) {
  const r = await runKafkaTool(
    "org.apache.kafka.tools.ConsoleProducer",
    ["--bootstrap-server", bootstrapServers, "--topic", topic],
    `${records.join("\n")}\n`,
  );
  if (r.code !== 0)
    throw new Error(`Kafka's console producer exited ${r.code}: ${r.stderr.trim().slice(-500)}`);
}
