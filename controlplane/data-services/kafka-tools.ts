import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFlinkInstallation } from "../cluster/flink/flink-installation";
import { findKafkaBrokerInstallation } from "./kafka-installation";

export interface ToolResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

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
): Promise<ToolResult> {
  const flink = findFlinkInstallation();
  const kafka = findKafkaBrokerInstallation();
  if (!flink.ok) return Promise.reject(new Error(flink.reason));
  if (!kafka.ok) return Promise.reject(new Error(kafka.reason));
  return new Promise((resolve, reject) => {
    const child = spawn(
      flink.installation.java,
      [
        "-Xmx256m",
        `-Dlog4j2.configurationFile=file:${toolsLogConfig()}`,
        "-cp",
        kafka.classpath,
        mainClass,
        ...args,
      ],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
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
