/** flinkform's CDK constructs (cdktn; `flinkform/cdktf` is the same API built for cdktf 0.21). */
export { Column, type ColumnKind, FlinkType, type MetadataColumnOptions } from "./column";
export {
  Connector,
  type DatagenConnectorOptions,
  type JdbcConnectorOptions,
  type KafkaConnectorOptions,
  KafkaStartupMode,
  type PrintConnectorOptions,
  type UpsertKafkaConnectorOptions,
} from "./connector";
export { type ConstructIssue, FlinkConstructError } from "./construct-error";
export { Duration, type DurationUnit } from "./duration";
export {
  FlinkApplication,
  type FlinkApplicationAttributes,
  type FlinkApplicationProps,
  type IFlinkApplication,
} from "./flink-application";
export {
  type ApplicationVersionOptions,
  FlinkApplicationVersion,
  type FlinkApplicationVersionAttributes,
  type IFlinkApplicationVersion,
} from "./flink-application-version";
export { type DeployOptions, DesiredState, FlinkDeployment, UpgradeMode } from "./flink-deployment";
export {
  type ExternalKafkaOptions,
  type ExternalPostgresqlOptions,
  FlinkIntegration,
  type FlinkIntegrationAttributes,
  type FlinkIntegrationProps,
  type IFlinkIntegration,
  IntegrationKind,
  IntegrationSource,
} from "./flink-integration";
export {
  FlinkJarApplication,
  type FlinkJarApplicationProps,
  FlinkJarApplicationVersion,
  FlinkJarDeployment,
  type JarDeployOptions,
  JarUpgradeMode,
  type JarVersionOptions,
} from "./flink-jar-application";
export {
  DEFAULT_TASK_SLOTS,
  FlinkService,
  type FlinkServiceAttributes,
  type FlinkServiceProps,
  type IFlinkService,
  type MaintenanceWindow,
} from "./flink-service";
export { FlinkTable, type FlinkTableProps, Watermark } from "./flink-table";
export { FlinkVersion } from "./flink-version";
export { FlinkProvider, type FlinkProviderConfig } from "./generated/provider";
export { FlinkPreviewError, type PreviewOptions, type PreviewResult, preview } from "./preview";
export {
  type ExponentialDelayOptions,
  type FailureRateOptions,
  type FixedDelayOptions,
  RestartStrategy,
} from "./restart-strategy";
