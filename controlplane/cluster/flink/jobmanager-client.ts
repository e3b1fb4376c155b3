import { Blob } from "node:buffer";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { FormData } from "undici";
import { flinkProblem } from "./flink-error";
import { RestJson } from "./rest-json";

/** Flink job states, as the JobManager reports them (they are also deployment statuses). */
export type FlinkJobState =
  | "INITIALIZING"
  | "CREATED"
  | "RUNNING"
  | "FAILING"
  | "FAILED"
  | "CANCELLING"
  | "CANCELED"
  | "FINISHED"
  | "RESTARTING"
  | "SUSPENDED"
  | "RECONCILING";

export interface JobOverview {
  readonly jid: string;
  readonly name: string;
  readonly state: FlinkJobState;
  readonly "start-time": number;
  readonly "last-modification": number;
}

export interface ClusterOverview {
  readonly taskmanagers: number;
  readonly "slots-total": number;
  readonly "slots-available": number;
  readonly "flink-version": string;
}

export interface ExceptionHistory {
  readonly "root-exception"?: string;
  readonly exceptionHistory?: { entries: { exceptionName: string; stacktrace: string; timestamp: number }[] };
}

export interface CheckpointStatistics {
  readonly latest?: {
    readonly completed?: { readonly id: number; readonly external_path?: string } | null;
    readonly restored?: { readonly external_path?: string; readonly is_savepoint?: boolean } | null;
  };
}

export type SavepointStatus =
  | { readonly done: false }
  | { readonly done: true; readonly location: string }
  | { readonly done: true; readonly failure: string };

/** Flink's `JarRunRequestBody`. */
export interface JarRunRequest {
  readonly entryClass?: string;
  readonly programArgsList: readonly string[];
  readonly parallelism: number;
  readonly jobId: string;
  readonly savepointPath?: string;
  readonly allowNonRestoredState?: boolean;
  /** Settings of this job only (Flink applies them over the cluster's). */
  readonly flinkConfiguration: Readonly<Record<string, string>>;
}

/** The JobManager REST API (`/v1`) calls the control plane makes; every job action goes through here. */
export class JobManagerClient {
  private readonly http: RestJson;

  constructor(readonly url: string) {
    this.http = new RestJson(url);
  }

  overview(): Promise<ClusterOverview> {
    return this.http.call("GET", "/v1/overview");
  }

  async jobs(): Promise<JobOverview[]> {
    return (await this.http.call<{ jobs: JobOverview[] }>("GET", "/v1/jobs/overview")).jobs;
  }

  job(jobId: string): Promise<unknown> {
    return this.http.call("GET", `/v1/jobs/${jobId}`);
  }

  exceptions(jobId: string): Promise<ExceptionHistory> {
    return this.http.call("GET", `/v1/jobs/${jobId}/exceptions?maxExceptions=20`);
  }

  /** Checkpoint statistics; `latest.completed.external_path` is where the newest checkpoint is kept. */
  checkpoints(jobId: string): Promise<CheckpointStatistics> {
    return this.http.call("GET", `/v1/jobs/${jobId}/checkpoints`);
  }

  /** The jars uploaded to the JobManager (`GET /jars`): `id` to run one, `name` as uploaded. */
  async jars(): Promise<{ id: string; name: string }[]> {
    return (await this.http.call<{ files: { id: string; name: string }[] }>("GET", "/v1/jars")).files;
  }

  /** Uploads a jar (`POST /jars/upload`, multipart); returns the id `runJar` takes. */
  async uploadJar(fileName: string, bytes: Uint8Array): Promise<string> {
    const form = new FormData();
    form.set("jarfile", new Blob([bytes], { type: "application/x-java-archive" }), fileName);
    const r = await this.http.call<{ filename: string }>("POST", "/v1/jars/upload", undefined, form);
    return path.basename(r.filename);
  }

  async deleteJar(jarId: string): Promise<void> {
    await this.http.call("DELETE", `/v1/jars/${encodeURIComponent(jarId)}`);
  }

  /** Runs an uploaded jar's main method, which submits its job (`POST /jars/{id}/run`). */
  async runJar(jarId: string, request: JarRunRequest): Promise<string> {
    const r = await this.http.call<{ jobid: string }>(
      "POST",
      `/v1/jars/${encodeURIComponent(jarId)}/run`,
      request,
    );
    return r.jobid;
  }

  async cancel(jobId: string): Promise<void> {
    await this.http.call("PATCH", `/v1/jobs/${jobId}?mode=cancel`);
  }

  /** Stop-with-savepoint; poll `savepointStatus` with the trigger id. */
  async stopWithSavepoint(jobId: string, targetDirectory: string | undefined): Promise<string> {
    const r = await this.http.call<{ "request-id": string }>("POST", `/v1/jobs/${jobId}/stop`, {
      ...(targetDirectory ? { targetDirectory } : {}),
      drain: false,
    });
    return r["request-id"];
  }

  /** A savepoint of a job that keeps running. */
  async triggerSavepoint(jobId: string, targetDirectory: string | undefined): Promise<string> {
    const r = await this.http.call<{ "request-id": string }>("POST", `/v1/jobs/${jobId}/savepoints`, {
      ...(targetDirectory ? { "target-directory": targetDirectory } : {}),
      "cancel-job": false,
    });
    return r["request-id"];
  }

  async savepointStatus(jobId: string, triggerId: string): Promise<SavepointStatus> {
    const r = await this.http.call<{
      status: { id: string };
      operation?: {
        location?: string;
        "failure-cause"?: { "stack-trace"?: string; "serialized-throwable"?: string };
      };
    }>("GET", `/v1/jobs/${jobId}/savepoints/${triggerId}`);
    if (r.status.id !== "COMPLETED") return { done: false };
    if (r.operation?.location) return { done: true, location: r.operation.location };
    return { done: true, failure: r.operation?.["failure-cause"]?.["stack-trace"] ?? "the savepoint failed" };
  }

  /** Polls a savepoint trigger until it completes; returns its location or throws with Flink's cause. */
  async awaitSavepoint(jobId: string, triggerId: string, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      const s = await this.savepointStatus(jobId, triggerId);
      if (s.done) {
        if ("location" in s) return s.location;
        throw new Error(flinkProblem(s.failure).message);
      }
      if (Date.now() > deadline)
        throw new Error(`the savepoint did not complete within ${Math.round(timeoutMs / 1000)} s`);
      await sleep(delay);
    }
  }

  /**
   * Deletes a savepoint (its metadata and state files) through Flink's `POST /savepoint-disposal`,
   * which works wherever the checkpoint storage is; returns once Flink says it is done.
   */
  async disposeSavepoint(savepointPath: string, timeoutMs: number): Promise<void> {
    const r = await this.http.call<{ "request-id": string }>("POST", "/v1/savepoint-disposal", {
      "savepoint-path": savepointPath,
    });
    const deadline = Date.now() + timeoutMs;
    for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
      const s = await this.http.call<{
        status: { id: string };
        operation?: { "failure-cause"?: { "stack-trace"?: string } };
      }>("GET", `/v1/savepoint-disposal/${r["request-id"]}`);
      if (s.status.id === "COMPLETED") {
        const cause = s.operation?.["failure-cause"]?.["stack-trace"];
        if (cause) throw new Error(flinkProblem(cause).message);
        return;
      }
      if (Date.now() > deadline)
        throw new Error(`the savepoint disposal did not complete within ${Math.round(timeoutMs / 1000)} s`);
      await sleep(delay);
    }
  }

  close(): Promise<void> {
    return this.http.close();
  }
}
