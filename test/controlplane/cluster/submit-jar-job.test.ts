/**
 * Jars on the JobManager, against a stand-in for Flink's REST API: a refused run says Flink's own
 * message about the program (not the bare root cause), and deleted versions' jars are deleted.
 * test/flink-engine/jar-application.test.ts checks both against real Flink.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FlinkCluster } from "../../../controlplane/cluster/flink/flink-cluster";
import { FlinkRestError } from "../../../controlplane/cluster/flink/rest-json";
import { removeVersionJars, submitJarJob } from "../../../controlplane/cluster/flink/submit-jar-job";

/*
 * What POST /jars/{id}/run answers (the second entry of `errors`) when PackagedProgram refuses the
 * program, in Flink 1.20's shape; stack frames abridged.
 */
const refused = (program: string, root: string) => `<Exception on server side:
java.util.concurrent.CompletionException: org.apache.flink.client.program.ProgramInvocationException: ${program}
\tat org.apache.flink.runtime.webmonitor.handlers.utils.JarHandlerUtils$JarHandlerContext.toPackagedProgram(JarHandlerUtils.java:222)
\tat org.apache.flink.runtime.webmonitor.handlers.JarRunHandler.handleRequest(JarRunHandler.java:104)
Caused by: org.apache.flink.client.program.ProgramInvocationException: ${program}
\tat org.apache.flink.client.program.PackagedProgram.loadMainClass(PackagedProgram.java:479)
\t... 2 more
Caused by: ${root}
\tat java.base/java.net.URLClassLoader.findClass(URLClassLoader.java:445)
\t... 3 more

End of exception on server side>`;

function stubCluster(files: { id: string; name: string }[], runError?: string) {
  const deleted: string[] = [];
  const jobManager = {
    jars: async () => files.filter((f) => !deleted.includes(f.id)),
    deleteJar: async (id: string) => {
      if (id.startsWith("gone")) throw new FlinkRestError(404, "not found", "");
      deleted.push(id);
    },
    uploadJar: async (name: string) => `new_${name}`,
    runJar: async () => {
      if (runError) throw new FlinkRestError(500, "generic reading", runError);
      return "job";
    },
  };
  const cluster = { jobManager, jobSettings: {} } as unknown as FlinkCluster;
  return { cluster, deleted };
}

const jarFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "flinkform-jar-")), "job.jar");
fs.writeFileSync(jarFile, "PK");
const job = {
  jobId: "j",
  file: jarFile,
  fileName: "v.jar",
  programArgs: [],
  parallelism: 1,
  restartEnabled: true,
};

test.each([
  [
    "an entry class the jar lacks",
    "The program's entry point class 'com.example.Missing' was not found in the jar file.",
    "java.lang.ClassNotFoundException: com.example.Missing",
  ],
  [
    "a main method that throws",
    "The main method caused an error: --keys must be a number",
    "java.lang.IllegalArgumentException: --keys must be a number",
  ],
])("a run refused for %s fails with Flink's message about the program", async (_, program, root) => {
  const { cluster } = stubCluster([], refused(program, root));
  await expect(submitJarJob(cluster, job)).rejects.toMatchObject({
    name: "FlinkRestError",
    message: program,
  });
});

test("deleting versions deletes exactly their uploads; one already gone is no error", async () => {
  const { cluster, deleted } = stubCluster([
    { id: "a1_v1.jar", name: "v1.jar" },
    { id: "gone_v2.jar", name: "v2.jar" },
    { id: "b1_v3.jar", name: "v3.jar" },
    { id: "c1_other.jar", name: "other.jar" },
  ]);
  expect(await removeVersionJars(cluster, ["v1", "v2", "v3"])).toBe(3);
  expect(deleted).toEqual(["a1_v1.jar", "b1_v3.jar"]);
});
