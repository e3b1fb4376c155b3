/**
 * How long lifecycle transitions take on the hosted service, in milliseconds at time scale 1.
 * `timeScale` multiplies all of them (0.01 turns a 60 s service build into 0.6 s).
 */
export const DURATIONS_MS = {
  serviceBuild: 60_000,
  clusterRestart: 30_000,
  deploymentStart: 10_000,
  cancel: 3_000,
  stopWithSavepoint: 5_000,
  /** A savepoint of a job that keeps running. */
  savepoint: 4_000,
  /** How long a waiting transition (e.g. a deployment whose cluster is rebuilding) waits before retrying. */
  recheck: 1_000,
} as const;
