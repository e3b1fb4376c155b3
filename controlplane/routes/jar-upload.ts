import { createHash, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ApiError, badRequest, conflict } from "../api-error";
import type { ControlPlaneContext } from "../context";
import type { JarVersionRecord } from "../model";
import { ensurePrivateDir } from "../private-files";

/** The largest jar the upload URL takes. */
export const MAX_JAR_BYTES = 256 * 1024 * 1024;
const UPLOAD_PATH = /^\/upload\/jar\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{16,64})$/;
/** A jar is a zip archive: its first local file header starts with these bytes. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export type UploadHandler = (req: http.IncomingMessage, rawPath: string) => Promise<unknown>;

/**
 * The pre-signed upload URL of a JAR version (`file_info.url`): `PUT` with the jar as the body and its
 * hex sha256 in `Content-SHA256`. Like an S3 pre-signed URL, the secret in the path is the
 * authorisation, so no API token is sent (nor should be: the URL may point elsewhere). The file is
 * kept owner-only under the data dir; the version turns READY, or FAILED when it is no jar.
 */
export function jarUploadHandler(ctx: ControlPlaneContext, dataDir: string): UploadHandler {
  const dir = path.join(dataDir, "jars");
  return async (req, rawPath) => {
    const m = UPLOAD_PATH.exec(rawPath);
    if (!m) throw new ApiError(404, "not_found", "Not found: no such upload URL");
    if (req.method !== "PUT") throw new ApiError(405, "method_not_allowed", "Upload with PUT");
    const [, id, token] = m as unknown as [string, string, string];
    const expectedSha = String(req.headers["content-sha256"] ?? "").toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(expectedSha))
      throw badRequest("Content-SHA256: send the file's sha256 as 64 hex digits");
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_JAR_BYTES) throw tooLarge();
    checkUploadable(ctx, id, token);
    ensurePrivateDir(dir);
    const part = path.join(dir, `${id}.jar.part`);
    const hash = createHash("sha256");
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      await pipeline(
        req,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > MAX_JAR_BYTES) throw tooLarge();
            if (head.length < ZIP_MAGIC.length) head = Buffer.concat([head, chunk]).subarray(0, 4);
            hash.update(chunk);
            yield chunk;
          }
        },
        fs.createWriteStream(part, { mode: 0o600 }),
      );
    } catch (err) {
      fs.rmSync(part, { force: true });
      if (err instanceof ApiError) throw err;
      throw badRequest(`Could not read the uploaded file: ${(err as Error).message}`);
    }
    const sha = hash.digest("hex");
    if (sha !== expectedSha) {
      fs.rmSync(part, { force: true });
      throw badRequest(`The file's sha256 is ${sha}, not the ${expectedSha} Content-SHA256 announced`);
    }
    const isJar = head.equals(ZIP_MAGIC);
    const file = path.join(dir, `${id}.jar`);
    if (isJar) fs.renameSync(part, file);
    else fs.rmSync(part, { force: true });
    return ctx.store.tx(() => {
      const v = checkUploadable(ctx, id, token);
      v.upload_token = undefined;
      v.file_sha256 = sha;
      v.file_size = size;
      if (isJar) {
        v.file_status = "READY";
        v.file_path = file;
      } else {
        v.file_status = "FAILED";
        v.verify_error_code = 2;
        v.verify_error_message = "The uploaded file is not a JAR: it is not a zip archive";
      }
      ctx.store.update("jar_version", ctx.project, v.id, v);
      return {};
    });
  };
}

/** Deletes the kept jar of a version that is being removed. */
export function removeJarFile(v: JarVersionRecord): void {
  if (v.file_path) fs.rmSync(v.file_path, { force: true });
}

function checkUploadable(ctx: ControlPlaneContext, id: string, token: string): JarVersionRecord {
  const v = ctx.store.get<JarVersionRecord>("jar_version", ctx.project, id);
  const given = Buffer.from(token);
  const expected = Buffer.from(v?.upload_token ?? "");
  if (!v || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    if (v && v.file_status !== "INITIAL")
      throw conflict(`JarApplicationVersion ${id} is ${v.file_status}: its file was uploaded already`);
    throw new ApiError(403, "permission_denied", "Invalid or expired upload URL");
  }
  return v;
}

const tooLarge = () => new ApiError(413, "payload_too_large", `The jar exceeds ${MAX_JAR_BYTES} bytes`);
