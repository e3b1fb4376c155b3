import { planResource } from "../../../provider/engine/plan";
import type { Values } from "../../../provider/engine/values";
import { isUnknown, UNKNOWN } from "../../../provider/protocol";
import type { AttributeSpec } from "../../../schemas/dsl/types";
import { flinkApplicationSpec } from "../../../schemas/resources/flink-application";
import { flinkApplicationDeploymentSpec } from "../../../schemas/resources/flink-application-deployment";
import { flinkApplicationVersionSpec } from "../../../schemas/resources/flink-application-version";
import { flinkServiceSpec } from "../../../schemas/resources/flink-service";

/** Every attribute null (nested objects too), as terraform sends an object with nothing set. */
function nulls(attributes: Readonly<Record<string, AttributeSpec>>): Values {
  return Object.fromEntries(Object.keys(attributes).map((name) => [name, null]));
}

/** What state holds for attributes nobody set: their defaults (Terraform-only settings included). */
function defaults(attributes: Readonly<Record<string, AttributeSpec>>): Values {
  return Object.fromEntries(Object.entries(attributes).map(([name, attr]) => [name, attr.default ?? null]));
}

function objectOf(attr: AttributeSpec, values: Values): Values {
  return { ...nulls(attr.attributes!), ...values };
}

const userConfigAttr = flinkServiceSpec.attributes.flink_user_config;

/** The attribute names whose planned value is unknown. */
function unknownNames(planned: Values | null): string[] {
  return Object.entries(planned ?? {})
    .filter(([, v]) => isUnknown(v))
    .map(([k]) => k)
    .sort();
}

describe("create", () => {
  test("defaults fill what the configuration leaves out; configured values stay as written", () => {
    const config = {
      ...nulls(flinkApplicationDeploymentSpec.attributes),
      project: "local",
      service_name: "flink-1",
      application_id: "6c3c5d6a-1111-4a4a-9b9b-000000000001",
      version_id: "6c3c5d6a-1111-4a4a-9b9b-000000000002",
    };
    const { planned, requiresReplace } = planResource(flinkApplicationDeploymentSpec, null, config, config);
    expect(requiresReplace).toEqual([]);
    expect(planned).toMatchObject({ parallelism: 1, restart_enabled: true, project: "local" });
    // Unset optional settings without a default stay null rather than unknown.
    expect(planned!.starting_savepoint).toBeNull();
    expect(planned!.timeouts).toBeNull();
  });

  test("every computed attribute is unknown until the API answers", () => {
    const config = { ...nulls(flinkApplicationSpec.attributes), project: "p", service_name: "s", name: "a" };
    const { planned } = planResource(flinkApplicationSpec, null, config, config);
    expect(unknownNames(planned)).toEqual([
      "application_id",
      "created_at",
      "created_by",
      "id",
      "updated_at",
      "updated_by",
    ]);
  });

  test("a nested object the user set partly: its unset computed members are unknown, set ones kept", () => {
    const userConfig = objectOf(userConfigAttr, { number_of_task_slots: 4 });
    const config = {
      ...nulls(flinkServiceSpec.attributes),
      project: "local",
      service_name: "flink-1",
      plan: "business-4",
      flink_user_config: userConfig,
    };
    const { planned } = planResource(flinkServiceSpec, null, config, config);
    const planUserConfig = planned!.flink_user_config as Values;
    expect(planUserConfig.number_of_task_slots).toBe(4);
    expect(isUnknown(planUserConfig.flink_version)).toBe(true);
    expect(isUnknown(planUserConfig.ip_filter)).toBe(true);
    // Optional, not computed, not set: stays null so the plan shows no surprise value.
    expect(planUserConfig.restart_strategy).toBeNull();
    expect(planned!.termination_protection).toBe(false);
  });
});

describe("update", () => {
  const appPrior: Values = {
    ...defaults(flinkApplicationSpec.attributes),
    id: "p/s/app-1",
    project: "p",
    service_name: "s",
    name: "clicks",
    application_id: "app-1",
    created_at: "2026-01-01T00:00:00Z",
    created_by: "admin",
    updated_at: "2026-01-01T00:00:00Z",
    updated_by: "admin",
    timeouts: null,
  };

  test("a rename is in place; only the volatile computed attributes become unknown", () => {
    const config = {
      ...nulls(flinkApplicationSpec.attributes),
      project: "p",
      service_name: "s",
      name: "clicks-2",
    };
    // Terraform's proposed new state: the configuration, with computed attributes from prior state.
    const proposed = { ...appPrior, name: "clicks-2" };
    const { planned, requiresReplace, changed } = planResource(
      flinkApplicationSpec,
      appPrior,
      proposed,
      config,
    );
    expect(requiresReplace).toEqual([]);
    expect(changed).toEqual([["name"]]);
    expect(unknownNames(planned)).toEqual(["updated_at", "updated_by"]);
    expect(planned).toMatchObject({
      id: "p/s/app-1",
      application_id: "app-1",
      created_at: appPrior.created_at,
    });
  });

  test("no change plans the prior state exactly: nothing unknown, so the plan is empty", () => {
    const config = {
      ...nulls(flinkApplicationSpec.attributes),
      project: "p",
      service_name: "s",
      name: "clicks",
    };
    const { planned, changed } = planResource(flinkApplicationSpec, appPrior, { ...appPrior }, config);
    expect(changed).toEqual([]);
    expect(planned).toEqual(appPrior);
  });

  test("a timeouts-only change needs no API call, so nothing is planned unknown", () => {
    const timeouts = objectOf(flinkApplicationSpec.attributes.timeouts, { create: "1m" });
    const config = {
      ...nulls(flinkApplicationSpec.attributes),
      project: "p",
      service_name: "s",
      name: "clicks",
      timeouts,
    };
    const { planned, changed, requiresReplace } = planResource(
      flinkApplicationSpec,
      appPrior,
      { ...appPrior, timeouts },
      config,
    );
    expect(changed).toEqual([["timeouts"]]);
    expect(requiresReplace).toEqual([]);
    expect(unknownNames(planned)).toEqual([]);
  });

  test("a changed statement forces a new version, and its computed ids are unknown again", () => {
    const prior: Values = {
      ...defaults(flinkApplicationVersionSpec.attributes),
      id: "p/s/a/v1",
      project: "p",
      service_name: "s",
      application_id: "a",
      statement: "INSERT INTO k SELECT * FROM c",
      skip_sql_validation: false,
      application_version_id: "v1",
      version: 1,
      created_at: "t",
      created_by: "u",
    };
    const config = {
      ...nulls(flinkApplicationVersionSpec.attributes),
      project: "p",
      service_name: "s",
      application_id: "a",
      statement: "INSERT INTO k SELECT * FROM c WHERE 1 = 1",
    };
    const proposed = { ...prior, statement: config.statement };
    const { planned, requiresReplace } = planResource(flinkApplicationVersionSpec, prior, proposed, config);
    expect(requiresReplace).toEqual([["statement"]]);
    expect(planned!.statement).toBe(config.statement);
    expect(unknownNames(planned)).toEqual([
      "application_version_id",
      "created_at",
      "created_by",
      "id",
      "version",
    ]);
  });
});

describe("flink_service requires-replace inside flink_user_config", () => {
  const userConfig = (values: Values) =>
    objectOf(userConfigAttr, {
      flink_version: "1.20",
      number_of_task_slots: 2,
      ip_filter: ["0.0.0.0/0"],
      ...values,
    });
  const prior: Values = {
    ...defaults(flinkServiceSpec.attributes),
    id: "local/flink-1",
    project: "local",
    service_name: "flink-1",
    plan: "business-4",
    cloud_name: "google-europe-west1",
    maintenance_window_dow: "sunday",
    maintenance_window_time: "01:00:00",
    termination_protection: false,
    flink_user_config: userConfig({}),
    state: "RUNNING",
    service_uri: "https://flink-1.local:443",
    service_host: "flink-1.local",
    service_port: 443,
    node_count: 1,
    task_slots_total: 2,
  };
  const configWith = (uc: Values, extra: Values = {}) => ({
    ...nulls(flinkServiceSpec.attributes),
    project: "local",
    service_name: "flink-1",
    plan: "business-4",
    flink_user_config: objectOf(userConfigAttr, uc),
    ...extra,
  });

  test("a new flink_version replaces the service and names the nested path", () => {
    const config = configWith({ flink_version: "1.19", number_of_task_slots: 2 });
    const proposed = { ...prior, flink_user_config: userConfig({ flink_version: "1.19" }) };
    const { requiresReplace, planned } = planResource(flinkServiceSpec, prior, proposed, config);
    expect(requiresReplace).toEqual([["flink_user_config", "flink_version"]]);
    expect(isUnknown(planned!.service_uri)).toBe(true);
    expect((planned!.flink_user_config as Values).flink_version).toBe("1.19");
  });

  test("more task slots is in place: state, nodes and slot totals may change, the URI may not", () => {
    const config = configWith({ number_of_task_slots: 4 });
    const proposed = { ...prior, flink_user_config: userConfig({ number_of_task_slots: 4 }) };
    const { requiresReplace, changed, planned } = planResource(flinkServiceSpec, prior, proposed, config);
    expect(requiresReplace).toEqual([]);
    expect(changed).toEqual([["flink_user_config", "number_of_task_slots"]]);
    expect(unknownNames(planned)).toEqual(["node_count", "state", "task_slots_total"]);
    // flink_version was not configured: it keeps the value the service reported.
    expect((planned!.flink_user_config as Values).flink_version).toBe("1.20");
    expect(planned!.service_uri).toBe(prior.service_uri);
  });

  test("a new plan is in place; a new service_name or project replaces", () => {
    const inPlace = planResource(
      flinkServiceSpec,
      prior,
      { ...prior, plan: "premium-8" },
      configWith({}, { plan: "premium-8" }),
    );
    expect(inPlace.requiresReplace).toEqual([]);
    for (const key of ["service_name", "project"]) {
      const result = planResource(
        flinkServiceSpec,
        prior,
        { ...prior, [key]: "other" },
        configWith({}, { [key]: "other" }),
      );
      expect(result.requiresReplace).toEqual([[key]]);
    }
  });

  test("planning an unchanged service with unknowns from config keeps them unknown, no replace", () => {
    const config = configWith({ number_of_task_slots: UNKNOWN });
    const proposed = { ...prior, flink_user_config: userConfig({ number_of_task_slots: UNKNOWN }) };
    const { requiresReplace, planned } = planResource(flinkServiceSpec, prior, proposed, config);
    expect(requiresReplace).toEqual([]);
    expect(isUnknown((planned!.flink_user_config as Values).number_of_task_slots)).toBe(true);
  });

  test("a computed set of objects the config leaves out, which terraform proposes null, keeps its prior value", () => {
    const objects = [{ network: "0.0.0.0/0", description: null }];
    const withForms = { ...prior, flink_user_config: userConfig({ ip_filter_object: objects }) };
    const config = configWith({ number_of_task_slots: 2, ip_filter: ["0.0.0.0/0"] });
    const proposed = { ...withForms, flink_user_config: userConfig({ ip_filter_object: null }) };
    const { changed, planned } = planResource(flinkServiceSpec, withForms, proposed, config);
    expect(changed).toEqual([]);
    expect(planned).toEqual(withForms);
  });
});

test("a destroy plans null", () => {
  expect(planResource(flinkApplicationSpec, { id: "x" }, null, null)).toEqual({
    planned: null,
    requiresReplace: [],
    changed: [],
  });
});
