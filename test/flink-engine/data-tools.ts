/**
 * Reading and writing the local data services from tests the way a user's tools would: Kafka's own
 * command-line tools (run as Java processes from the broker's classpath) and psql.
 */
import { findFlinkInstallation } from "../../controlplane";
import { findKafkaBrokerInstallation } from "../../controlplane/data-services/kafka-installation";
import { findPostgresInstallation } from "../../controlplane/data-services/postgres-server";

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

export { produceRecords, runKafkaTool as kafkaTool } from "../../controlplane/data-services/kafka-tools";
export { psql } from "../../controlplane/data-services/psql";
