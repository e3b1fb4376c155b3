import type { Faults } from "./faults";
import type { Lifecycle } from "./lifecycle";
import type { Store } from "./store";

/** What route handlers share. */
export interface ControlPlaneContext {
  readonly store: Store;
  readonly project: string;
  readonly faults: Faults;
  readonly lifecycle: Lifecycle;
}
