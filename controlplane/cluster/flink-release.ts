import { DEFAULT_FLINK_VERSION } from "../../schemas/flink/user-config";
import type { ServiceRecord } from "../model";

/** The patch release the simulated engine reports for each major version the API offers. */
const FLINK_RELEASES: Record<string, string> = { "1.16": "1.16.3", "1.19": "1.19.1", "1.20": "1.20.1" };

export const flinkRelease = (svc: ServiceRecord): string =>
  FLINK_RELEASES[String(svc.user_config["flink_version"] ?? DEFAULT_FLINK_VERSION)] ?? "1.20.1";
