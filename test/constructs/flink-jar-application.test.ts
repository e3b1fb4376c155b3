import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { FlinkConstructError, FlinkJarApplication, FlinkService, JarUpgradeMode } from "../../constructs";
import { JarApplication } from "../../constructs/generated/jar-application";
import { JarApplicationDeployment } from "../../constructs/generated/jar-application-deployment";
import { JarApplicationVersion } from "../../constructs/generated/jar-application-version";
import { tinyJar } from "../jar-files";
import { newStack, synthValidated } from "./helpers";

function parts() {
  const stack = newStack();
  const service = new FlinkService(stack, "Flink", {
    project: "local",
    serviceName: "jars",
    plan: "business-4",
  });
  const app = new FlinkJarApplication(stack, "Counter", { service });
  return { stack, service, app };
}

describe("FlinkJarApplication, versions and deployments", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flinkform-jar-cdk-"));
  const jar = path.join(dir, "job.jar");
  fs.writeFileSync(jar, tinyJar("cdk"));

  it("wires application, version (absolute source, create-before-destroy) and deployment", () => {
    const { stack, app } = parts();
    const relative = path.relative(process.cwd(), jar);
    app
      .addVersion({ source: relative })
      .deploy({ entryClass: "com.example.Job", programArgs: ["--keys", "8"], parallelism: 1 });
    const json = synthValidated(stack);
    expect(json).toHaveResourceWithProperties(JarApplication, {
      name: "Counter",
      service_name: expect.stringMatching(/^\$\{flink_service\.Flink_\w+\.service_name\}$/),
    });
    expect(json).toHaveResourceWithProperties(JarApplicationVersion, {
      source: jar,
      application_id: expect.stringMatching(/^\$\{flink_jar_application\.Counter_\w+\.application_id\}$/),
      lifecycle: { create_before_destroy: true },
    });
    expect(json).toHaveResourceWithProperties(JarApplicationDeployment, {
      entry_class: "com.example.Job",
      program_args: ["--keys", "8"],
      version_id: expect.stringMatching(
        /^\$\{flink_jar_application_version\.Counter_Version1_\w+\.application_version_id\}$/,
      ),
    });
  });

  it("refuses a missing jar file and a bad entry class at synth, naming the prop", () => {
    const { app } = parts();
    expect(() => app.addVersion({ source: path.join(dir, "nope.jar") })).toThrow(
      /source must be an existing local jar file/,
    );
    const version = app.addVersion({ source: jar, id: "Ok" });
    let error: unknown;
    try {
      version.deploy({ entryClass: "not a class", upgradeMode: JarUpgradeMode.STATELESS });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FlinkConstructError);
    expect(String(error)).toMatch(/entryClass.*fully qualified Java class name/);
  });
});
