import { randomBytes, randomUUID } from "node:crypto";

export const newUuid = (): string => randomUUID();

/** A Flink JobID: 32 lowercase hex characters. */
export const newJobId = (): string => randomBytes(16).toString("hex");

export const newToken = (): string => randomBytes(24).toString("base64url");

export const nowIso = (ms: number = Date.now()): string => new Date(ms).toISOString();

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
