/** The local control plane: an embedded, persistent emulator of the managed Flink API. */

export { DURATIONS_MS } from "./durations";
export type { FaultOptions } from "./faults";
export { type ControlPlane, type ControlPlaneOptions, startControlPlane } from "./start-control-plane";
