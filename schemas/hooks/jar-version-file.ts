/**
 * The jar file of `flink_jar_application_version`: its sha256 is planned from the local file (a
 * changed file replaces the version), and after the API created the version the file is uploaded to
 * the version's pre-signed URL, then the version is waited on until the service verified it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type ApiObject,
  type HookApi,
  HookFailedError,
  type PlanHookArgs,
  type PlanHookResult,
  type SettleHookArgs,
} from "../dsl/types";
import { jarVersionOps } from "../resources/jar-operations";

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function readJar(source: string): Buffer {
  try {
    return fs.readFileSync(source);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new HookFailedError(`cannot read the jar file ${source} (${code})`);
  }
}

export async function planJarVersion({ prior, planned }: PlanHookArgs): Promise<PlanHookResult> {
  // Unknown until apply (the path comes from another resource): so is the checksum.
  if (typeof planned.source !== "string") return {};
  let checksum: string;
  try {
    checksum = sha256(readJar(planned.source));
  } catch (err) {
    return {
      diagnostics: [
        {
          severity: "error",
          path: ["source"],
          summary: "Cannot Read JAR File",
          detail: `${(err as Error).message}. \`source\` must name a readable local .jar file (relative paths are taken from the directory terraform runs in; use "\${path.module}/..." to be explicit).`,
        },
      ],
    };
  }
  // After an import only the API's checksum of the uploaded file is known: the same file is no change.
  const before = prior ? (prior.source_checksum ?? prior.file_sha256) : undefined;
  const changed = typeof before === "string" && before !== checksum;
  return {
    known: { source_checksum: checksum },
    ...(changed ? { requiresReplace: [["source_checksum"]] } : {}),
  };
}

const fileInfo = (v: ApiObject) => (v.file_info ?? {}) as Record<string, unknown>;

/** After the create: upload the file (if the version still waits for it), then wait for READY. */
export async function uploadJarFile(
  api: HookApi,
  { planned, timeoutMs }: SettleHookArgs,
): Promise<ApiObject> {
  let version = await api.call(jarVersionOps.read, planned);
  const url = fileInfo(version).url;
  if (fileInfo(version).file_status === "INITIAL" && typeof url === "string") {
    const bytes = readJar(String(planned.source));
    const checksum = sha256(bytes);
    if (typeof planned.source_checksum === "string" && checksum !== planned.source_checksum)
      throw new HookFailedError(
        `the jar file ${String(planned.source)} changed since the plan (sha256 ${checksum}, planned ${planned.source_checksum}); run terraform apply again`,
      );
    api.progress(`uploading ${String(planned.source)} (${bytes.length} bytes)`);
    await api.upload(url, bytes, { "content-sha256": checksum, "content-type": "application/java-archive" });
  }
  // The hosted service verifies the file after the upload; the local control plane before answering.
  const deadline = Date.now() + timeoutMs;
  for (let delay = 200; ; delay = Math.min(delay * 2, 5000)) {
    version = await api.call(jarVersionOps.read, planned);
    const status = fileInfo(version).file_status;
    if (status === "READY") return version;
    if (status === "FAILED")
      throw new HookFailedError(
        `the service refused the jar file ${String(planned.source)}: ${String(fileInfo(version).verify_error_message ?? `verify error ${String(fileInfo(version).verify_error_code)}`)}`,
      );
    if (Date.now() > deadline)
      throw new HookFailedError(`the jar file was not verified in time (file_status ${String(status)})`);
    await sleep(delay, undefined, { signal: api.signal });
  }
}
