/** The local control plane: an embedded, persistent emulator of the managed Flink API. */

export type { EngineKind } from "./cluster/cluster-driver";
export type { EngineOption, FlinkEngineOptions } from "./cluster/create-cluster-driver";
export { findFlinkInstallation } from "./cluster/flink/flink-installation";
export { DURATIONS_MS } from "./cluster/simulated/durations";
export { type DataServiceOptions, dataServicesAvailable } from "./data-services/data-services";
export type { LocalDataAddresses } from "./data-services/local-data-addresses";
export type { FaultOptions } from "./faults";
export { type ControlPlane, type ControlPlaneOptions, startControlPlane } from "./start-control-plane";
