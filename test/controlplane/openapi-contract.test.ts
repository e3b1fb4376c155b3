import { createHash } from "node:crypto";
import { tinyJar } from "../jar-files";
import { deploymentIn, eventually, type Harness, type Json, SINK, SRC, STATEMENT, start } from "./helpers";
import { loadOperations, type Operation } from "./openapi-contract";

/**
 * Every endpoint the control plane implements, called with a request that satisfies the OpenAPI
 * request schema, answering a body that satisfies the response schema (after DIFFERENCES).
 */
describe("contract: requests and responses match the public OpenAPI description", () => {
  const ops = new Map(loadOperations().map((o) => [o.operationId, o]));
  const covered = new Set<string>();
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.cp.close());

  async function call(operationId: string, params: Record<string, string>, body?: unknown): Promise<Json> {
    const op = ops.get(operationId) as Operation;
    expect(op).toBeDefined();
    if (op.request && body !== undefined && !op.request(body))
      throw new Error(`${operationId} request: ${JSON.stringify(op.request.errors)}`);
    const p = op.template.replace(/\{(\w+)\}/g, (_, k: string) =>
      encodeURIComponent({ project: h.cp.project, ...params }[k] ?? `<${k}>`),
    );
    const res = await h.api(op.method, p, body);
    if (res.status !== 200)
      throw new Error(`${operationId} ${op.method} ${p}: ${res.status} ${JSON.stringify(res.body)}`);
    if (op.response && !op.response(res.body))
      throw new Error(
        `${operationId} response: ${JSON.stringify(op.response.errors)}\n${JSON.stringify(res.body).slice(0, 2000)}`,
      );
    covered.add(operationId);
    return res.body;
  }

  test("the whole surface, end to end", async () => {
    await call("ListPublicServiceTypes", {});
    await call("ListProjectServiceTypes", {});
    const svc = { service_name: "contract" };
    await call(
      "ServiceCreate",
      {},
      {
        service_name: "contract",
        service_type: "flink",
        plan: "business-8",
        cloud: "google-europe-west3",
        user_config: { flink_version: "1.20", number_of_task_slots: 4 },
        tech_emails: [{ email: "ops@example.com" }],
        maintenance: { dow: "monday", time: "03:00:00" },
      },
    );
    await call(
      "ServiceCreate",
      {},
      { service_name: "contract-kafka", service_type: "kafka", plan: "startup-2" },
    );
    await call("ServiceList", {});
    await eventually(
      async () =>
        (await h.api("GET", "/project/local/service/contract")).body.service.state === "RUNNING"
          ? true
          : undefined,
      "RUNNING",
    );
    await call("ServiceUpdate", svc, {
      termination_protection: false,
      maintenance: { dow: "tuesday", time: "01:00:00" },
    });
    await call("ProjectServiceTagsReplace", svc, { tags: { env: "test" } });
    await call("ProjectServiceTagsUpdate", svc, { tags: { owner: "me" } });
    expect((await call("ProjectServiceTagsList", svc)).tags).toEqual({ env: "test", owner: "me" });
    expect((await call("ServiceGet", svc)).service.state).toBe("RUNNING");

    await call("ServiceIntegrationEndpointTypes", {});
    const endpoint = (
      await call(
        "ServiceIntegrationEndpointCreate",
        {},
        {
          endpoint_name: "ext",
          endpoint_type: "external_kafka",
          user_config: { bootstrap_servers: "b:9092", security_protocol: "PLAINTEXT" },
        },
      )
    ).service_integration_endpoint;
    await call("ServiceIntegrationEndpointList", {});
    await call("ServiceIntegrationEndpointGet", { integration_endpoint_id: endpoint.endpoint_id });
    await call(
      "ServiceIntegrationEndpointUpdate",
      { integration_endpoint_id: endpoint.endpoint_id },
      { user_config: { bootstrap_servers: "c:9092" } },
    );
    await call("ServiceIntegrationTypes", {});
    const integration = (
      await call(
        "ServiceIntegrationCreate",
        {},
        { integration_type: "flink", source_service: "contract-kafka", dest_service: "contract" },
      )
    ).service_integration;
    const external = (
      await call(
        "ServiceIntegrationCreate",
        {},
        {
          integration_type: "flink_external_kafka",
          source_endpoint_id: endpoint.endpoint_id,
          dest_service: "contract",
        },
      )
    ).service_integration;
    const iid = integration.service_integration_id;
    await call("ServiceIntegrationGet", { integration_id: iid });
    await call("ServiceIntegrationUpdate", { integration_id: iid }, { user_config: {} });
    await call("ServiceIntegrationList", svc);

    const app = await call("ServiceFlinkCreateApplication", svc, { name: "contract-app" });
    const a = { ...svc, application_id: app.id };
    await call("ServiceFlinkListApplications", svc);
    await call("ServiceFlinkUpdateApplication", a, { name: "contract-app-2" });
    const tables = {
      sources: [{ create_table: SRC, integration_id: iid }],
      sinks: [{ create_table: SINK, integration_id: iid }],
    };
    const version = await call("ServiceFlinkCreateApplicationVersion", a, {
      statement: STATEMENT,
      ...tables,
    });
    await call("ServiceFlinkGetApplicationVersion", { ...a, application_version_id: version.id });
    await call("ServiceFlinkValidateApplicationVersion", a, {
      statement: "INSERT INTO counts SELEC 1",
      ...tables,
    });
    await call("ServiceFlinkValidateApplicationVersion", a, tables);
    const deployment = await call("ServiceFlinkCreateApplicationDeployment", a, {
      version_id: version.id,
      parallelism: 2,
      restart_enabled: true,
    });
    const d = { ...a, deployment_id: deployment.id };
    await deploymentIn(
      h,
      `/project/local/service/contract/flink/application/${app.id}/deployment/${deployment.id}`,
      ["RUNNING"],
    );
    await call("ServiceFlinkGetApplication", a);
    await call("ServiceFlinkListApplicationDeployments", a);
    await call("ServiceFlinkJobsList", svc);
    await call("ServiceFlinkJobDetails", { ...svc, job_id: deployment.job_id });
    await call("ServiceFlinkOverview", svc);
    await call("ServiceFlinkStopApplicationDeployment", d);
    const finished = await deploymentIn(
      h,
      `/project/local/service/contract/flink/application/${app.id}/deployment/${deployment.id}`,
      ["FINISHED"],
    );
    await call("ServiceFlinkGetApplicationDeployment", d);
    await call("ServiceFlinkDeleteApplicationDeployment", d);
    const second = await call("ServiceFlinkCreateApplicationDeployment", a, {
      version_id: version.id,
      starting_savepoint: finished.last_savepoint,
    });
    await call("ServiceFlinkCancelApplicationDeployment", { ...a, deployment_id: second.id });
    await deploymentIn(
      h,
      `/project/local/service/contract/flink/application/${app.id}/deployment/${second.id}`,
      ["CANCELED"],
    );
    await call("ServiceFlinkDeleteApplicationDeployment", { ...a, deployment_id: second.id });
    await call("ServiceFlinkDeleteApplicationVersion", { ...a, application_version_id: version.id });
    await call("ServiceFlinkDeleteApplication", a);
    await call("ServiceIntegrationDelete", { integration_id: iid });
    await call("ServiceIntegrationDelete", { integration_id: external.service_integration_id });
    await call("ServiceIntegrationEndpointDelete", { integration_endpoint_id: endpoint.endpoint_id });
    await call("ServiceDelete", svc);
  });

  test("JAR applications, end to end (experimental in the description)", async () => {
    const svc = { service_name: "contract-jar" };
    await call(
      "ServiceCreate",
      {},
      { ...svc, service_type: "flink", plan: "business-4", user_config: { number_of_task_slots: 2 } },
    );
    await eventually(
      async () => (await call("ServiceGet", svc)).service.state === "RUNNING" || undefined,
      "service RUNNING",
    );
    const app = await call("ServiceFlinkCreateJarApplication", svc, { name: "counter" });
    const a = { ...svc, application_id: app.id as string };
    await call("ServiceFlinkListJarApplications", svc);
    await call("ServiceFlinkUpdateJarApplication", a, { name: "counter-2" });
    const version = await call("ServiceFlinkCreateJarApplicationVersion", a);
    const jar = tinyJar("contract");
    const uploaded = await fetch(version.file_info.url, {
      method: "PUT",
      body: jar,
      headers: { "content-sha256": createHash("sha256").update(jar).digest("hex") },
    });
    expect(uploaded.status).toBe(200);
    const v = { ...a, application_version_id: version.id as string };
    await call("ServiceFlinkGetJarApplicationVersion", v);
    const body = { version_id: version.id, entry_class: "com.example.Job", program_args: ["--x", "1"] };
    const first = await call("ServiceFlinkCreateJarApplicationDeployment", a, body);
    const d1 = { ...a, deployment_id: first.id as string };
    const url = `/project/${h.cp.project}/service/contract-jar/flink/jar_application/${app.id}/deployment`;
    await deploymentIn(h, `${url}/${first.id}`, ["RUNNING"]);
    await call("ServiceFlinkStopJarApplicationDeployment", d1);
    const stopped = await deploymentIn(h, `${url}/${first.id}`, ["FINISHED"]);
    const second = await call("ServiceFlinkCreateJarApplicationDeployment", a, {
      ...body,
      starting_savepoint: stopped.last_savepoint,
    });
    const d2 = { ...a, deployment_id: second.id as string };
    await deploymentIn(h, `${url}/${second.id}`, ["RUNNING"]);
    await call("ServiceFlinkGetJarApplicationDeployment", d2);
    await call("ServiceFlinkListJarApplicationDeployments", a);
    await call("ServiceFlinkGetJarApplication", a);
    await call("ServiceFlinkCancelJarApplicationDeployment", d2);
    await deploymentIn(h, `${url}/${second.id}`, ["CANCELED"]);
    await call("ServiceFlinkDeleteJarApplicationDeployment", d1);
    await call("ServiceFlinkDeleteJarApplicationDeployment", d2);
    await call("ServiceFlinkDeleteJarApplicationVersion", v);
    await call("ServiceFlinkDeleteJarApplication", a);
    await call("ServiceDelete", svc);
  });

  test("every operation of the contract was exercised", () => {
    // The contract holds exactly the operations the control plane emulates (see the derive script).
    expect([...ops.keys()].filter((id) => !covered.has(id))).toEqual([]);
    expect(ops.size).toBeGreaterThanOrEqual(40);
  });

  describe("deliberate differences", () => {
    test("restart-strategy keys the hosted API dropped are accepted in user_config and echoed back", async () => {
      const body = {
        service_name: "restarty",
        service_type: "flink",
        plan: "business-4",
        user_config: {
          restart_strategy: "exponential-delay",
          restart_strategy_delay_sec: 5,
          restart_strategy_max_backoff_sec: 120,
          restart_strategy_backoff_multiplier: 2,
        },
      };
      const res = await call("ServiceCreate", {}, body);
      expect(res.service.user_config).toMatchObject(body.user_config);
    });

    test("project_vpc_id is null for a service on the public internet (schema: 36-char string)", async () => {
      const res = await call("ServiceGet", { service_name: "restarty" });
      expect(res.service.project_vpc_id).toBeNull();
    });

    test("an endpoint-based integration has a null source_service (schema: required string)", async () => {
      const e = (
        await call(
          "ServiceIntegrationEndpointCreate",
          {},
          {
            endpoint_name: "pgx",
            endpoint_type: "external_postgresql",
            user_config: { host: "h", port: 5432, username: "u" },
          },
        )
      ).service_integration_endpoint;
      const i = (
        await call(
          "ServiceIntegrationCreate",
          {},
          {
            integration_type: "flink_external_postgresql",
            source_endpoint_id: e.endpoint_id,
            dest_service: "restarty",
          },
        )
      ).service_integration;
      expect(i.source_service).toBeNull();
    });

    test("errors carry error_code, which the per-endpoint schemas do not list", async () => {
      const res = await h.api("GET", "/project/local/service/ghost");
      expect(res.body.errors[0]).toEqual({
        error_code: "service_not_found",
        message: "Service ghost does not exist",
        status: 404,
      });
    });
  });
});
