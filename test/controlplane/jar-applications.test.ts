import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { tinyJar } from "../jar-files";
import { deploymentIn, eventually, type Harness, type Json, start } from "./helpers";

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** PUT to a version's pre-signed upload URL, as a client would: no API token. */
async function upload(url: string, body: Buffer, sha = sha256(body)) {
  const res = await fetch(url, { method: "PUT", body, headers: { "content-sha256": sha } });
  return { status: res.status, body: (await res.json()) as Json };
}

describe("JAR applications (simulated engine)", () => {
  let h: Harness;
  let base: string;
  beforeEach(async () => {
    h = await start();
    const p = h.cp.project;
    await h.api("POST", `/project/${p}/service`, {
      service_name: "jars",
      service_type: "flink",
      plan: "business-4",
    });
    await eventually(
      async () =>
        (await h.api("GET", `/project/${p}/service/jars`)).body.service.state === "RUNNING" || undefined,
      "service RUNNING",
    );
    base = `/project/${p}/service/jars/flink/jar_application`;
  });
  afterEach(() => h.cp.close());

  async function readyVersion(appId: string, jar = tinyJar("v1")): Promise<Json> {
    const v = (await h.api("POST", `${base}/${appId}/version`)).body;
    expect((await upload(v.file_info.url, jar)).status).toBe(200);
    return (await h.api("GET", `${base}/${appId}/version/${v.id}`)).body;
  }

  test("a version is created empty with an upload URL; the uploaded jar makes it READY and is kept owner-only", async () => {
    const app = (await h.api("POST", base, { name: "counter" })).body;
    expect(app).toMatchObject({ name: "counter", application_versions: [] });
    const created = await h.api("POST", `${base}/${app.id}/version`);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ version: 1, file_info: { file_status: "INITIAL" } });
    expect(created.body.file_info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/upload\/jar\//);

    const jar = tinyJar("v1");
    expect(await upload(created.body.file_info.url, jar)).toEqual({ status: 200, body: {} });
    const read = (await h.api("GET", `${base}/${app.id}/version/${created.body.id}`)).body;
    expect(read.file_info).toEqual({ file_status: "READY", file_sha256: sha256(jar), file_size: jar.length });
    const kept = path.join(h.cp.dataDir, "jars", `${created.body.id}.jar`);
    expect(fs.readFileSync(kept)).toEqual(jar);
    expect(fs.statSync(kept).mode & 0o777).toBe(0o600);
    // The URL's secret is not logged.
    const secret = String(created.body.file_info.url).split("/").pop()!;
    expect(h.logs.some((l) => l.includes("/upload/jar/"))).toBe(true);
    expect(h.logs.join("\n")).not.toContain(secret);
    // The URL was good for one upload.
    expect((await upload(created.body.file_info.url, jar)).status).toBe(409);
    // The application lists its versions with their file info.
    const again = (await h.api("GET", `${base}/${app.id}`)).body;
    expect(again.application_versions).toEqual([read]);
    // A deleted version takes its file with it.
    expect((await h.api("DELETE", `${base}/${app.id}/version/${read.id}`)).status).toBe(200);
    expect(fs.existsSync(kept)).toBe(false);
  });

  test("a deleted service takes its uploaded jars with it", async () => {
    const app = (await h.api("POST", base, { name: "counter" })).body;
    const v = await readyVersion(app.id);
    const kept = path.join(h.cp.dataDir, "jars", `${v.id}.jar`);
    expect(fs.existsSync(kept)).toBe(true);
    expect((await h.api("DELETE", `/project/${h.cp.project}/service/jars`)).status).toBe(200);
    expect(fs.existsSync(kept)).toBe(false);
  });

  test("uploads are refused without the right secret or checksum; a file that is no jar FAILS the version", async () => {
    const app = (await h.api("POST", base, { name: "counter" })).body;
    const v = (await h.api("POST", `${base}/${app.id}/version`)).body;
    const url: string = v.file_info.url;
    const jar = tinyJar("v1");
    const forged = url.replace(/\/[^/]+$/, "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await upload(forged, jar)).status).toBe(403);
    const noSha = await fetch(url, { method: "PUT", body: jar });
    expect(noSha.status).toBe(400);
    const wrong = await upload(url, jar, sha256(Buffer.from("other")));
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(
      /sha256 is [0-9a-f]{64}, not the [0-9a-f]{64} Content-SHA256 announced/,
    );
    // Still INITIAL after the refusals: the right upload goes through.
    expect((await h.api("GET", `${base}/${app.id}/version/${v.id}`)).body.file_info.file_status).toBe(
      "INITIAL",
    );
    const other = (await h.api("POST", `${base}/${app.id}/version`)).body;
    const text = Buffer.from("not a jar at all");
    expect((await upload(other.file_info.url, text)).status).toBe(200);
    const failed = (await h.api("GET", `${base}/${app.id}/version/${other.id}`)).body;
    expect(failed.file_info).toMatchObject({
      file_status: "FAILED",
      verify_error_code: 2,
      verify_error_message: "The uploaded file is not a JAR: it is not a zip archive",
    });
    expect(failed.file_info.url).toBeUndefined();
  });

  test("deployments run like SQL ones: RUNNING, stop with a savepoint, a new deployment from it, teardown", async () => {
    const app = (await h.api("POST", base, { name: "counter" })).body;
    const initial = (await h.api("POST", `${base}/${app.id}/version`)).body;
    const early = await h.api("POST", `${base}/${app.id}/deployment`, { version_id: initial.id });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/is INITIAL: upload its jar file/);

    const v1 = await readyVersion(app.id);
    const badClass = await h.api("POST", `${base}/${app.id}/deployment`, {
      version_id: v1.id,
      entry_class: "not a class",
    });
    expect(badClass.status).toBe(400);
    expect(badClass.body.message).toMatch(/entry_class: 'not a class' is invalid/);

    const d = (
      await h.api("POST", `${base}/${app.id}/deployment`, {
        version_id: v1.id,
        entry_class: "com.example.Job",
        program_args: ["--keys", "8"],
        parallelism: 1,
      })
    ).body;
    expect(d).toMatchObject({
      status: "INITIALIZING",
      entry_class: "com.example.Job",
      program_args: ["--keys", "8"],
    });
    const url = `${base}/${app.id}/deployment/${d.id}`;
    await deploymentIn(h, url, ["RUNNING"]);
    // A JAR deployment is not reachable as a SQL one, nor the other way round.
    const asSql = await h.api("GET", url.replace("jar_application", "application"));
    expect(asSql.status).toBe(404);

    expect((await h.api("POST", `${url}/stop`)).status).toBe(200);
    const stopped = await deploymentIn(h, url, ["FINISHED"]);
    expect(stopped.last_savepoint).toMatch(/savepoint-/);
    const v2 = await readyVersion(app.id, tinyJar("v2"));
    const next = (
      await h.api("POST", `${base}/${app.id}/deployment`, {
        version_id: v2.id,
        starting_savepoint: stopped.last_savepoint,
      })
    ).body;
    const nextUrl = `${base}/${app.id}/deployment/${next.id}`;
    expect((await deploymentIn(h, nextUrl, ["RUNNING"])).starting_savepoint).toBe(stopped.last_savepoint);

    const listed = (await h.api("GET", `${base}/${app.id}/deployment`)).body.deployments;
    expect(listed.map((x: Json) => x.id)).toEqual([d.id, next.id]);
    expect((await h.api("GET", `${base}/${app.id}`)).body.current_deployment.id).toBe(next.id);
    // Teardown as for SQL: an application with deployments stays; cancel, delete, then it goes.
    expect((await h.api("DELETE", `${base}/${app.id}`)).status).toBe(417);
    expect((await h.api("DELETE", nextUrl)).status).toBe(409);
    await h.api("POST", `${nextUrl}/cancel`);
    await deploymentIn(h, nextUrl, ["CANCELED"]);
    expect((await h.api("DELETE", nextUrl)).status).toBe(200);
    expect((await h.api("DELETE", url)).status).toBe(200);
    expect((await h.api("DELETE", `${base}/${app.id}`)).status).toBe(200);
    expect(fs.readdirSync(path.join(h.cp.dataDir, "jars"))).toEqual([]);
  });

  test("the entry class must be in the jar, as Flink's /jars/{id}/run requires; without one, the manifest's Main-Class runs", async () => {
    const app = (await h.api("POST", base, { name: "counter" })).body;
    const run = async (version: Json, body: Json, status: string) => {
      const d = (await h.api("POST", `${base}/${app.id}/deployment`, { version_id: version.id, ...body }))
        .body;
      const url = `${base}/${app.id}/deployment/${d.id}`;
      const settled = await deploymentIn(h, url, [status]);
      if (status === "RUNNING") {
        await h.api("POST", `${url}/cancel`);
        await deploymentIn(h, url, ["CANCELED"]);
      }
      await h.api("DELETE", url);
      return settled;
    };
    const full = await readyVersion(app.id, tinyJar("main", ["com.example.Job", "com.example.Other"]));
    expect(await run(full, {}, "RUNNING")).not.toHaveProperty("error_msg");
    expect(await run(full, { entry_class: "com.example.Other" }, "RUNNING")).not.toHaveProperty("error_msg");
    expect((await run(full, { entry_class: "com.example.Missing" }, "FAILED")).error_msg).toBe(
      "Job submission failed: The program's entry point class 'com.example.Missing' was not found in the jar file.",
    );
    const bare = await readyVersion(app.id, tinyJar("no classes", []));
    expect((await run(bare, {}, "FAILED")).error_msg).toBe(
      "Job submission failed: Neither a 'Main-Class', nor a 'program-class' entry was found in the jar file.",
    );
  });

  test("names are unique per service and renames happen in place; unknown ids answer 404", async () => {
    const app = (await h.api("POST", base, { name: "counter" })).body;
    expect((await h.api("POST", base, { name: "counter" })).status).toBe(409);
    const renamed = await h.api("PUT", `${base}/${app.id}`, { name: "counter-2" });
    expect(renamed.body.name).toBe("counter-2");
    expect((await h.api("GET", base)).body.applications.map((a: Json) => a.name)).toEqual(["counter-2"]);
    const ghost = "00000000-0000-0000-0000-000000000000";
    expect((await h.api("GET", `${base}/${ghost}`)).status).toBe(404);
    expect((await h.api("GET", `${base}/${app.id}/version/${ghost}`)).status).toBe(404);
    expect((await h.api("POST", `${base}/${app.id}/deployment`, { version_id: ghost })).status).toBe(404);
  });
});
