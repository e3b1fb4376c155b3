/**
 * Reading and writing the local data services from tests the way a user's tools would: Kafka's own
 * command-line tools (run as Java processes from the broker's classpath) and psql.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFlinkInstallation, type LocalDataAddresses } from "../../controlplane";
import { findKafkaBrokerInstallation } from "../../controlplane/data-services/kafka-installation";
import { findPostgresInstallation } from "../../controlplane/data-services/postgres-server";

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const flink = findFlinkInstallation();
const kafka = findKafkaBrokerInstallation();
const postgres = findPostgresInstallation();

/** Why the local Kafka broker and PostgreSQL server cannot run here, if they cannot. */
export const dataServicesUnavailable: string | undefined = !flink.ok
  ? flink.reason
  : !kafka.ok
    ? kafka.reason
    : flink.installation.javaMajor < 17
      ? `the Kafka broker needs Java 17+; ${flink.installation.java} is Java ${flink.installation.javaMajor}`
      : !postgres.ok
        ? postgres.reason
        : undefined;
if (dataServicesUnavailable && process.env.FLINKFORM_REQUIRE_FLINK === "1") {
  throw new Error(
    `the data-service suites must run here (FLINKFORM_REQUIRE_FLINK=1): ${dataServicesUnavailable}`,
  );
}

/** `describe`, or `describe.skip` with the reason when the data services cannot run here (CI requires them). */
export const describeWithDataServices: jest.Describe = dataServicesUnavailable
  ? (((name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: ${dataServicesUnavailable})`, fn)) as unknown as jest.Describe)
  : describe;

// Kafka's tools log warnings to stderr, so stdout holds only what they print on purpose.
const toolsLog4j = path.join(os.tmpdir(), `flinkform-kafka-tools-${process.pid}.properties`);
fs.writeFileSync(
  toolsLog4j,
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

/** Runs one of Kafka's tools (a main class on the broker's classpath) to completion. */
export function kafkaTool(mainClass: string, args: readonly string[], input?: string): Promise<ToolResult> {
  if (!flink.ok || !kafka.ok) throw new Error("the Kafka tools are not installed here");
  const { java } = flink.installation;
  return new Promise((resolve, reject) => {
    const child = spawn(
      java,
      [
        "-Xmx256m",
        `-Dlog4j2.configurationFile=file:${toolsLog4j}`,
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
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
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

/** Writes records (one per line) to a topic with Kafka's console producer. */
export async function produceRecords(bootstrapServers: string, topic: string, records: readonly string[]) {
  const r = await kafkaTool(
    "org.apache.kafka.tools.ConsoleProducer",
    ["--bootstrap-server", bootstrapServers, "--topic", topic],
    `${records.join("\n")}\n`,
  );
  if (r.code !== 0) throw new Error(`console producer exited ${r.code}: ${r.stderr}`);
}

/** Runs SQL with psql against the local (or configured) PostgreSQL; the password goes in the environment only. */
export function psql(pg: NonNullable<LocalDataAddresses["postgres"]>, sql: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "psql",
      [
        "-X",
        "-q",
        "-A",
        "-t",
        "-F",
        ",",
        "-v",
        "ON_ERROR_STOP=1",
        "-h",
        pg.host,
        "-p",
        String(pg.port),
      ].concat(["-U", pg.user, "-d", pg.database]),
      { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, PGPASSWORD: pg.password } },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`psql: ${err.trim()}`)),
    );
    child.stdin.end(sql);
  });
}
