/** The registry of every spec: the one list generators, validators and the provider engine read. */
import { flinkApplicationDataSourceSpec } from "./data-sources/flink-application";
import { flinkApplicationVersionDataSourceSpec } from "./data-sources/flink-application-version";
import { flinkServiceDataSourceSpec } from "./data-sources/flink-service";
import type { DataSourceSpec, ResourceSpec } from "./dsl/types";
import { providerSpec } from "./provider";
import { flinkApplicationSpec } from "./resources/flink-application";
import { flinkApplicationDeploymentSpec } from "./resources/flink-application-deployment";
import { flinkApplicationVersionSpec } from "./resources/flink-application-version";
import { flinkIntegrationEndpointSpec } from "./resources/flink-integration-endpoint";
import { flinkJarApplicationSpec } from "./resources/flink-jar-application";
import { flinkJarApplicationDeploymentSpec } from "./resources/flink-jar-application-deployment";
import { flinkJarApplicationVersionSpec } from "./resources/flink-jar-application-version";
import { flinkServiceSpec } from "./resources/flink-service";
import { flinkServiceIntegrationSpec } from "./resources/flink-service-integration";

export { providerSpec };

export const resourceSpecs: readonly ResourceSpec[] = [
  flinkServiceSpec,
  flinkIntegrationEndpointSpec,
  flinkServiceIntegrationSpec,
  flinkApplicationSpec,
  flinkApplicationVersionSpec,
  flinkApplicationDeploymentSpec,
  flinkJarApplicationSpec,
  flinkJarApplicationVersionSpec,
  flinkJarApplicationDeploymentSpec,
];

export const dataSourceSpecs: readonly DataSourceSpec[] = [
  flinkServiceDataSourceSpec,
  flinkApplicationDataSourceSpec,
  flinkApplicationVersionDataSourceSpec,
];

export const allSpecs = { provider: providerSpec, resources: resourceSpecs, dataSources: dataSourceSpecs };
