import { bool, integer, mapOf, number, object, setOf, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import type { AttributeSpec, HookDiagnostic, StateObject } from "../dsl/types";
import { DEFAULT_FLINK_CLOUD } from "../flink/plans";
import {
  DEPRECATED_FLINK_VERSIONS,
  FLINK_VERSIONS,
  FLINK_USER_CONFIG_KEYS as KEYS,
  RESTART_STRATEGY_TYPES,
} from "../flink/user-config";
import { flinkUserConfigParityAttributes, ipFilterAttributes } from "../flink/user-config-attributes";
import { clearServiceDeployments } from "../hooks/force-destroy";
import { checkRestartStrategy } from "../hooks/restart-strategy";
import { serviceHost, servicePort, techEmailsCodec, totalTaskSlots } from "../hooks/service-codecs";
import { serviceParityAttributes, validateServiceIntegrations } from "../hooks/service-parity-attributes";
import { planService } from "../hooks/service-plan";
import { servicePowered, settleService, waitServiceRunning } from "../hooks/service-power";
import {
  EMAIL_MAX_LENGTH,
  EMAIL_PATTERN,
  MAX_TAGS,
  TAG_KEY_MAX_LENGTH,
  TAG_KEY_PATTERN,
  TAG_VALUE_MAX_LENGTH,
  TAG_VALUE_PATTERN,
} from "../rules/api-fields";
import {
  idAttribute,
  projectAttribute,
  serviceNameAttribute,
  TWENTY_MINUTES,
  timeoutsAttribute,
} from "./common";

/** A user-config key as an optional integer attribute, with the API's range. */
function configInteger(
  key: keyof typeof KEYS,
  description: string,
  extra: Partial<AttributeSpec> = {},
): AttributeSpec {
  const k = KEYS[key] as { min?: number; max?: number };
  return integer(description, { optional: true, api: key, min: k.min, max: k.max, ...extra });
}

const restartStrategy = object(
  {
    type: string(
      "Restart strategy: `failure-rate` (the service default), `fixed-delay`, `exponential-delay` or `none`.",
      { required: true, api: "restart_strategy", enum: RESTART_STRATEGY_TYPES },
    ),
    delay_sec: configInteger(
      "restart_strategy_delay_sec",
      "Delay between restarts in seconds (`failure-rate`, `fixed-delay`); the initial backoff for `exponential-delay`.",
    ),
    max_failures: configInteger(
      "restart_strategy_max_failures",
      "Failures tolerated per interval (`failure-rate`) or restart attempts (`fixed-delay`).",
    ),
    failure_rate_interval_min: configInteger(
      "restart_strategy_failure_rate_interval_min",
      "Interval over which failures are counted, in minutes (`failure-rate`).",
    ),
    max_backoff_sec: configInteger(
      "restart_strategy_max_backoff_sec",
      "Largest delay between restarts in seconds (`exponential-delay`).",
    ),
    backoff_multiplier: number(
      "Factor the delay grows by after each failure, greater than 1 (`exponential-delay`).",
      {
        optional: true,
        api: "restart_strategy_backoff_multiplier",
        min: KEYS.restart_strategy_backoff_multiplier.min,
        max: KEYS.restart_strategy_backoff_multiplier.max,
      },
    ),
    jitter_factor: number("Random jitter applied to each delay (`exponential-delay`).", {
      optional: true,
      api: "restart_strategy_jitter_factor",
      min: KEYS.restart_strategy_jitter_factor.min,
      max: KEYS.restart_strategy_jitter_factor.max,
    }),
  },
  "How the cluster restarts failed jobs. Unset means the service default, `failure-rate`. Changing it restarts the cluster; running jobs restart from their latest checkpoint.",
  { optional: true, flattenApi: true },
);

const flinkUserConfig = object(
  {
    flink_version: string(
      "Flink major version. Changing it creates a new service (in-place upgrades are not supported).",
      {
        optional: true,
        computed: true,
        replaceOnChange: true,
        enum: FLINK_VERSIONS,
        deprecatedValues: DEPRECATED_FLINK_VERSIONS,
      },
    ),
    number_of_task_slots: configInteger(
      "number_of_task_slots",
      "Task slots per TaskManager (one TaskManager per node); the cluster has nodes × this many slots. Changing it restarts the cluster.",
      { computed: true },
    ),
    parallelism_default: configInteger(
      "parallelism_default",
      "Default parallelism of operators that set none.",
    ),
    execution_checkpointing_interval_ms: configInteger(
      "execution_checkpointing_interval_ms",
      "Checkpoint interval in milliseconds. Unset means the service default.",
    ),
    restart_strategy: restartStrategy,
    ...ipFilterAttributes,
    ...flinkUserConfigParityAttributes,
    public_access: object(
      {
        flink: bool("Expose the Flink web interface and API to the internet from a VPC service.", {
          optional: true,
        }),
      },
      "Public access for a service in a VPC.",
      { optional: true },
    ),
    privatelink_access: object(
      {
        flink: bool("Expose Flink over private link.", { optional: true }),
        prometheus: bool("Expose Prometheus metrics over private link.", { optional: true }),
      },
      "Private link access.",
      { optional: true },
    ),
  },
  "Advanced configuration of the Flink cluster (the service's `user_config`).",
  { optional: true, computed: true, api: "user_config" },
);

function validateFlinkService(config: StateObject, isUnresolved: (v: unknown) => boolean): HookDiagnostic[] {
  return [...validateServiceIntegrations(config, isUnresolved), ...validateUserConfig(config, isUnresolved)];
}

function validateUserConfig(config: StateObject, isUnresolved: (v: unknown) => boolean): HookDiagnostic[] {
  const userConfig = config.flink_user_config as StateObject | null | undefined;
  if (!userConfig || isUnresolved(userConfig)) return [];
  const strategy = userConfig.restart_strategy as StateObject | null | undefined;
  if (!strategy || isUnresolved(strategy)) return [];
  return checkRestartStrategy(strategy, ["flink_user_config", "restart_strategy"], isUnresolved);
}

const SERVICE_PATH = "/project/{project}/service/{service_name}";

export const flinkServiceSpec = defineResource({
  typeName: "flink_service",
  description:
    "A managed Apache Flink cluster running in session mode: SQL applications and their deployments share its task slots.",
  schemaVersion: 0,
  id: "{project}/{service_name}",
  importFormat: "PROJECT/SERVICE_NAME",
  attributes: {
    id: idAttribute("PROJECT/SERVICE_NAME"),
    project: projectAttribute(),
    service_name: serviceNameAttribute(),
    plan: string(
      "Service plan, such as `business-4` (one node) or `premium-8` (three nodes). Changing it resizes the cluster in place.",
      {
        required: true,
        maxLength: 128,
        // The shape of the managed service's Flink plan names. Which sizes exist is the API's catalogue
        // (the local control plane's is schemas/flink/plans.ts), not the provider's: a hosted plan this
        // release does not list must still be usable.
        pattern: {
          regex: "^(hobbyist|(startup|business|premium)-[0-9]+)$",
          message:
            "must be a Flink plan: `hobbyist`, `startup-N`, `business-N` or `premium-N`, such as `business-4`",
        },
      },
    ),
    cloud_name: string(
      `Cloud and region to run in, such as \`${DEFAULT_FLINK_CLOUD}\`. Changing it migrates the service.`,
      {
        optional: true,
        computed: true,
        apiWrite: "cloud",
        maxLength: 256,
        // Flink runs on AWS and Google Cloud only; the regions are the API's catalogue, as for plans.
        pattern: {
          regex: "^(aws|google)-[a-z0-9]+(-[a-z0-9]+)*$",
          message:
            "must be an AWS or Google Cloud region such as `google-europe-west1` (Flink is offered on AWS and Google Cloud only)",
        },
      },
    ),
    maintenance_window_dow: string("Day of the week for maintenance.", {
      optional: true,
      computed: true,
      api: "maintenance.dow",
      enum: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "never"],
    }),
    maintenance_window_time: string("Start of the maintenance window, `HH:MM:SS` in UTC.", {
      optional: true,
      computed: true,
      api: "maintenance.time",
      pattern: {
        regex: "^(2[0-3]|[01][0-9]):[0-5][0-9]:[0-5][0-9]$",
        message: "must be a time of day `HH:MM:SS` (UTC)",
      },
    }),
    termination_protection: bool(
      "Prevents the service from being deleted. Set it to false before destroying.",
      {
        optional: true,
        default: false,
      },
    ),
    tech_emails: setOf(
      string("", { maxLength: EMAIL_MAX_LENGTH, pattern: EMAIL_PATTERN }),
      "Addresses that receive technical notifications about the service.",
      {
        optional: true,
        maxItems: 10,
        codec: techEmailsCodec,
      },
    ),
    tags: mapOf(
      string("", { maxLength: TAG_VALUE_MAX_LENGTH, pattern: TAG_VALUE_PATTERN }),
      "Tags of the service.",
      {
        optional: true,
        maxItems: MAX_TAGS,
        key: string("", { minLength: 1, maxLength: TAG_KEY_MAX_LENGTH, pattern: TAG_KEY_PATTERN }),
      },
    ),
    flink_user_config: flinkUserConfig,
    powered: bool(
      "Whether the service runs. Setting `false` stops each running deployment's job with a savepoint (the deployment stays, same `deployment_id`, `status` `SUSPENDED`, the savepoint in `last_savepoint`) and then the cluster; setting `true` again starts the cluster and restarts each of those deployments from its savepoint (new `job_id`, `starting_savepoint_used` = that savepoint), and apply waits until they run; a job that cannot restart fails the apply with its error. Deployments keep `desired_state = \"running\"` throughout, so neither apply leaves a diff. A service created with `false` is created, then powered off. This is the local control plane's behaviour: the hosted API drops a powered-off service's applications (Terraform plans them again) and restarts no job at power on.",
      { optional: true, default: true, derive: servicePowered },
    ),
    state: string("State of the service: `REBUILDING`, `RUNNING`, `REBALANCING` or `POWEROFF`.", {
      computed: true,
      volatile: true,
    }),
    service_uri: string("URI of the Flink web interface and REST API.", { computed: true, sensitive: true }),
    service_host: string("Host of the Flink REST API.", { computed: true, api: false, derive: serviceHost }),
    service_port: integer("Port of the Flink REST API.", { computed: true, api: false, derive: servicePort }),
    node_count: integer("Number of nodes; each runs a JobManager and a TaskManager.", {
      computed: true,
      volatile: true,
    }),
    task_slots_total: integer("Task slots in the cluster: nodes × `number_of_task_slots`.", {
      computed: true,
      volatile: true,
      api: false,
      derive: totalTaskSlots,
    }),
    ...serviceParityAttributes,
    force_destroy: bool(
      "On destroy, cancel running deployments that Terraform does not manage. Without it, destroy fails and names them.",
      { optional: true, default: false, api: false },
    ),
    timeouts: timeoutsAttribute(TWENTY_MINUTES),
  },
  operations: {
    create: {
      method: "POST",
      path: "/project/{project}/service",
      envelope: "service",
      constants: { service_type: "flink" },
      // Everything settable but `powered`, which the create body does not take (settleService
      // powers a service created with `powered = false` off after it runs).
      bodyFields: [
        "project",
        "service_name",
        "service_type",
        "plan",
        "cloud",
        "maintenance",
        "termination_protection",
        "tech_emails",
        "tags",
        "user_config",
        "project_vpc_id",
        "disk_space_mb",
        "static_ips",
        "service_integrations",
      ],
    },
    read: { method: "GET", path: SERVICE_PATH, envelope: "service" },
    update: {
      method: "PUT",
      path: SERVICE_PATH,
      envelope: "service",
      bodyFields: [
        "plan",
        "cloud",
        "maintenance",
        "termination_protection",
        "user_config",
        "tech_emails",
        "powered",
        "project_vpc_id",
        "disk_space_mb",
      ],
    },
    delete: { method: "DELETE", path: SERVICE_PATH },
  },
  subresources: [
    {
      attributes: ["tags"],
      operation: { method: "PUT", path: `${SERVICE_PATH}/tags`, bodyFields: ["tags"] },
    },
  ],
  wait: {
    // settleService replaces both when `powered` says otherwise.
    create: waitServiceRunning,
    update: waitServiceRunning,
  },
  onReadNotFound: "remove",
  timeouts: TWENTY_MINUTES,
  hooks: {
    validate: validateFlinkService,
    plan: planService,
    settle: settleService,
    beforeDelete: clearServiceDeployments,
  },
});
