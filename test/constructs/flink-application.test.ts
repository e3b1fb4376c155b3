import { TerraformVariable, Testing } from "cdktn";
import {
  Column,
  Connector,
  FlinkApplication,
  FlinkApplicationVersion,
  FlinkService,
  FlinkTable,
  FlinkType,
  UpgradeMode,
} from "../../constructs";
import { Application } from "../../constructs/generated/application";
import { ApplicationDeployment } from "../../constructs/generated/application-deployment";
import { ApplicationVersion } from "../../constructs/generated/application-version";
import { Service as FlinkServiceL1 } from "../../constructs/generated/service";
import { CLICKS_STATEMENT, clickstreamParts } from "./fixtures";
import { newStack, synthValidated, warnings } from "./helpers";

function pipeline(options: { statement?: string; parallelism?: number; taskSlots?: number } = {}) {
  const stack = newStack();
  const parts = clickstreamParts(stack, { taskSlots: options.taskSlots ?? 4 });
  const version = parts.app.addVersion({
    statement: options.statement ?? CLICKS_STATEMENT,
    sources: [parts.clicks],
    sinks: [parts.perMinute],
  });
  const deployment = version.deploy({ parallelism: options.parallelism ?? 2 });
  return { stack, ...parts, version, deployment };
}

describe("FlinkApplication, versions and deployments", () => {
  it("synthesizes the whole clickstream pipeline (snapshot)", () => {
    const { stack } = pipeline();
    expect(JSON.parse(Testing.synth(stack))).toMatchSnapshot();
  });

  it("wires application, version and deployment through references", () => {
    const { stack, perMinute } = pipeline();
    const json = synthValidated(stack);
    expect(json).toHaveResourceWithProperties(Application, { name: "clicks-per-minute", project: "local" });
    expect(json).toHaveResourceWithProperties(ApplicationVersion, {
      statement: CLICKS_STATEMENT,
      sink: [
        {
          create_table: perMinute.createTable,
          integration_id: expect.stringMatching(
            /^\$\{flink_service_integration\.Postgres_\w+\.integration_id\}$/,
          ),
        },
      ],
    });
    expect(json).toHaveResourceWithProperties(ApplicationDeployment, {
      parallelism: 2,
      version_id: expect.stringMatching(
        /^\$\{flink_application_version\.App_Version1_\w+\.application_version_id\}$/,
      ),
    });
  });

  it("passes the upgrade mode and final savepoint to the deployment", () => {
    const stack = newStack();
    const parts = clickstreamParts(stack, { taskSlots: 4 });
    parts.app
      .addVersion({ statement: CLICKS_STATEMENT, sources: [parts.clicks], sinks: [parts.perMinute] })
      .deploy({ parallelism: 2, upgradeMode: UpgradeMode.STATELESS, finalSavepoint: true });
    expect(synthValidated(stack)).toHaveResourceWithProperties(ApplicationDeployment, {
      upgrade_mode: "stateless",
      final_savepoint: true,
    });
  });

  it("passes force_destroy for the service and the application", () => {
    const stack = newStack();
    const service = new FlinkService(stack, "Svc", {
      project: "local",
      serviceName: "svc",
      plan: "business-4",
      forceDestroy: true,
    });
    new FlinkApplication(stack, "Console", { service, forceDestroy: true });
    const json = synthValidated(stack);
    expect(json).toHaveResourceWithProperties(Application, { name: "Console", force_destroy: true });
    expect(json).toHaveResourceWithProperties(FlinkServiceL1, { service_name: "svc", force_destroy: true });
  });

  it("numbers versions and names deployments", () => {
    const { app, clicks, perMinute } = pipeline();
    const v2 = app.addVersion({ statement: CLICKS_STATEMENT, sources: [clicks], sinks: [perMinute] });
    expect(v2.node.id).toBe("Version2");
    expect(v2.deploy({ id: "Blue" }).node.path).toBe("test/App/Version2/Blue");
  });

  describe("SQL of a version against its tables (synth-time validation)", () => {
    it("passes the clickstream pipeline without warnings", () => {
      const { stack, version } = pipeline();
      expect(() => synthValidated(stack)).not.toThrow();
      expect(warnings(version)).toEqual([]);
    });

    it("rejects an INSERT into a table that is not a declared sink", () => {
      const { stack } = pipeline({
        statement: CLICKS_STATEMENT.replace("INTO clicks_per_minute", "INTO clicks"),
      });
      expect(() => synthValidated(stack)).toThrow(/test\/App\/Version1: statement:1:\d+: .*clicks.*sink/);
    });

    it("rejects a read of a table that is not declared", () => {
      const { stack } = pipeline({ statement: CLICKS_STATEMENT.replace("TABLE clicks,", "TABLE clickz,") });
      expect(() => synthValidated(stack)).toThrow(/statement:3:\d+: .*clickz/);
    });

    it("reports a syntax error with line and column of the statement", () => {
      const { stack } = pipeline({ statement: CLICKS_STATEMENT.replace("GROUP BY", "GROUP BYE") });
      expect(() => synthValidated(stack)).toThrow(/statement:4:\d+: /);
    });

    it("runs the connector rules on the tables, pointing at the table construct", () => {
      const stack = newStack();
      const { app, clicks } = clickstreamParts(stack);
      const sink = new FlinkTable(stack, "out", {
        columns: [Column.physical("url", FlinkType.STRING), Column.physical("n", FlinkType.BIGINT)],
        connector: Connector.upsertKafka({ topic: "out" }), // upsert-kafka needs a primary key
      });
      app.addVersion({
        statement: "INSERT INTO `out` SELECT url, COUNT(*) FROM clicks GROUP BY url",
        sources: [clicks],
        sinks: [sink],
      });
      expect(() => synthValidated(stack)).toThrow(
        /sinks\[0\] \(test\/out\)(:\d+:\d+)?: .*(PRIMARY KEY|primary key)/,
      );
    });

    it("turns SQL warnings into warning annotations (kafka source without scan.startup.mode)", () => {
      const stack = newStack();
      const { app, perMinute, kafka } = clickstreamParts(stack);
      const source = new FlinkTable(stack, "clicks2", {
        tableName: "clicks",
        columns: [Column.physical("url", FlinkType.STRING), Column.physical("ts", FlinkType.timestamp(3))],
        connector: Connector.kafka({ topic: "clicks" }),
        integration: kafka,
      });
      const version = app.addVersion({
        statement: "INSERT INTO clicks_per_minute SELECT url, ts, COUNT(*) FROM clicks GROUP BY url, ts",
        sources: [source],
        sinks: [perMinute],
      });
      expect(() => synthValidated(stack)).not.toThrow();
      expect(warnings(version).join("\n")).toMatch(/sources\[0\] \(test\/clicks2\).*scan\.startup\.mode/);
    });

    it("skips the SQL checks with skipSqlValidation and says so to the provider", () => {
      const stack = newStack();
      const { app, clicks, perMinute } = clickstreamParts(stack);
      app.addVersion({
        statement: "INSERT INTO nowhere SELECT 1",
        sources: [clicks],
        sinks: [perMinute],
        skipSqlValidation: true,
      });
      const json = synthValidated(stack);
      expect(json).toHaveResourceWithProperties(ApplicationVersion, { skip_sql_validation: true });
    });

    it("does not check a statement that is a token", () => {
      const stack = newStack();
      const { app, clicks, perMinute } = clickstreamParts(stack);
      const sql = new TerraformVariable(stack, "sql", { type: "string" });
      app.addVersion({ statement: sql.stringValue, sources: [clicks], sinks: [perMinute] });
      expect(() => synthValidated(stack)).not.toThrow();
    });

    it("rejects a table whose integration connects another service", () => {
      const stack = newStack();
      const { clicks, perMinute } = clickstreamParts(stack);
      const other = new FlinkService(stack, "Other", {
        project: "local",
        serviceName: "other",
        plan: "business-4",
      });
      const app = new FlinkApplication(stack, "OtherApp", { service: other });
      app.addVersion({ statement: CLICKS_STATEMENT, sources: [clicks], sinks: [perMinute] });
      expect(() => synthValidated(stack)).toThrow(
        /table test\/clicks uses integration test\/Kafka, which connects service test\/Service, but the application runs on service test\/Other/,
      );
    });
  });

  describe("task slots (session mode)", () => {
    it("accepts parallelism up to nodes × taskSlots", () => {
      expect(() => synthValidated(pipeline({ parallelism: 4, taskSlots: 4 }).stack)).not.toThrow();
    });

    it("rejects a deployment whose parallelism exceeds nodes × taskSlots", () => {
      const { stack } = pipeline({ parallelism: 5, taskSlots: 4 });
      expect(() => synthValidated(stack)).toThrow(
        /test\/App\/Version1\/Deployment: parallelism is 5, but service test\/Service has only 4 task slots \(1 node × taskSlots 4\); the job could never start\n {2}fix: lower parallelism to at most 4, or raise taskSlots of test\/Service/,
      );
    });

    it("uses the plan's node count (premium = 3 nodes) and the default of 1 slot", () => {
      const stack = newStack();
      const { app, clicks, perMinute } = clickstreamParts(stack, { plan: "premium-4", taskSlots: undefined });
      app
        .addVersion({ statement: CLICKS_STATEMENT, sources: [clicks], sinks: [perMinute] })
        .deploy({ parallelism: 3 });
      expect(() => synthValidated(stack)).not.toThrow();
      app
        .addVersion({ statement: CLICKS_STATEMENT, sources: [clicks], sinks: [perMinute] })
        .deploy({ parallelism: 4 });
      expect(() => synthValidated(stack)).toThrow(
        /parallelism is 4, but service test\/Service has only 3 task slots \(3 nodes/,
      );
    });

    it("warns when the deployments together need more slots than the service has", () => {
      const { stack, service, version } = pipeline({ parallelism: 3, taskSlots: 4 });
      version.deploy({ id: "Second", parallelism: 2 });
      expect(() => synthValidated(stack)).not.toThrow();
      expect(warnings(service).join("\n")).toMatch(/deployments need 5 task slots together/);
    });

    it("checks deployments on an imported service when its plan is given", () => {
      const stack = newStack();
      const service = FlinkService.fromServiceAttributes(stack, "Existing", {
        project: "local",
        serviceName: "existing",
        plan: "business-8",
        taskSlots: 2,
      });
      const app = FlinkApplication.fromApplicationAttributes(stack, "App", {
        service,
        applicationId: "9b2f3f1e-8d3c-4a4e-9a53-3c1e5b0f3a11",
      });
      const version = FlinkApplicationVersion.fromVersionAttributes(stack, "V", {
        application: app,
        versionId: "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
      });
      version.deploy({ parallelism: 3 });
      expect(() => synthValidated(stack)).toThrow(
        /parallelism is 3, but service test\/Existing has only 2 task slots/,
      );
    });

    it("rejects parallelism outside 1..128 eagerly", () => {
      const { version } = pipeline();
      expect(() => version.deploy({ id: "Big", parallelism: 0 })).toThrow(
        "test/App/Version1/Big: parallelism must be between 1 and 128, got 0",
      );
    });
  });

  it("rejects an empty application name", () => {
    const stack = newStack();
    const { service } = clickstreamParts(stack);
    expect(() => new FlinkApplication(stack, "Empty", { service, applicationName: "" })).toThrow(
      /test\/Empty: applicationName must be between 1 and 128 characters long, got ""/,
    );
  });
});
