/**
 * The `flink_service` attributes of the official provider's common service schema that are not
 * Flink-specific: disk, VPC, static IPs, create-time integrations, maintenance state, the admin
 * credentials, `components` and `flink.host_ports`. Names and meanings as upstream; shapes in this
 * provider's style (nested attributes, null rather than "").
 */
import { bool, integer, listOf, object, setOf, string } from "../dsl/builders";
import type { AttributeSpec, HookDiagnostic, StateObject } from "../dsl/types";
import {
  additionalDiskCodec,
  additionalDiskSpace,
  associatedStaticIps,
  bootstrapIntegrations,
  DISK_SIZE_PATTERN,
  diskSpaceCap,
  diskSpaceDefault,
  diskSpaceStep,
  diskSpaceUsed,
  flinkConnection,
  PROJECT_VPC_ID_PATTERN,
  projectVpcIdCodec,
  serviceComponents,
  serviceIntegrationsCodec,
  servicePassword,
  serviceUsername,
} from "./service-parity";

const readOnly = (description: string, extra: Partial<AttributeSpec> = {}) =>
  string(description, { computed: true, ...extra });

const component = object(
  {
    component: readOnly("Component name, such as `flink`."),
    host: readOnly("Host to connect to."),
    port: integer("Port to connect to.", { computed: true }),
    connection_uri: readOnly("`host:port`."),
    route: readOnly("Network route: `dynamic`, `public`, `private` or `privatelink`."),
    usage: readOnly("What the address is for: `primary`, `replica`, `ha_replica` or `disaster_recovery`."),
    ssl: bool("Whether the endpoint is encrypted (on the local control plane's `flink` engine it is not).", {
      computed: true,
    }),
    kafka_authentication_method: readOnly("Kafka authentication method (Kafka components only)."),
    kafka_ssl_ca: readOnly("Kafka certificate authority (Kafka components only)."),
    privatelink_connection_id: readOnly("Private link connection, when routed over one."),
  },
  "",
);

export const serviceParityAttributes: Readonly<Record<string, AttributeSpec>> = {
  service_type: readOnly("Service type code: `flink`."),
  additional_disk_space: string(
    "Disk added to the plan's, in 30 GiB steps up to the plan's cap (`disk_space_step`, `disk_space_cap`). Checked at plan against the plan's limits as the API publishes them, and sent as the service's `disk_space_mb`. The local control plane's Flink plans have no disk to add (cap `0B`), so any value fails the plan there.",
    {
      optional: true,
      computed: true,
      apiWrite: "disk_space_mb",
      codec: additionalDiskCodec,
      derive: additionalDiskSpace,
      pattern: DISK_SIZE_PATTERN,
    },
  ),
  disk_space_used: readOnly(
    "Disk the service has: the plan's plus `additional_disk_space`, such as `90GiB`.",
    {
      derive: diskSpaceUsed,
    },
  ),
  disk_space_default: readOnly("Disk the plan includes (`0B` for Flink plans).", {
    derive: diskSpaceDefault,
  }),
  disk_space_step: readOnly("Steps in which disk can be added to the plan's.", {
    derive: diskSpaceStep,
  }),
  disk_space_cap: readOnly("Most disk the plan can have.", { derive: diskSpaceCap }),
  project_vpc_id: string(
    "VPC to run the service in, `PROJECT/VPC_ID`; unset runs it on the public internet. The local control plane has no VPCs and refuses any value with a 400 at apply.",
    { optional: true, codec: projectVpcIdCodec, pattern: PROJECT_VPC_ID_PATTERN },
  ),
  static_ips: setOf(
    string("", { minLength: 1, maxLength: 64 }),
    "Ids of static IPs to associate with the service when it is created. The local control plane has no static IPs: an empty set is accepted, any id is refused with a 400 at apply.",
    { optional: true, computed: true, maxItems: 128, derive: associatedStaticIps },
  ),
  service_integrations: setOf(
    object(
      {
        integration_type: string("Type of the integration.", { required: true, maxLength: 64 }),
        source_service_name: string("Service the integration reads from.", { required: true, maxLength: 64 }),
      },
      "",
    ),
    "Integrations made together with the service; changing them creates a new service. A Flink service takes none (as upstream: Flink has no create-time integration types), so any entry is a plan-time error; connect sources and sinks with `flink_service_integration`.",
    {
      optional: true,
      computed: true,
      replaceOnChange: true,
      maxItems: 64,
      codec: serviceIntegrationsCodec,
      derive: bootstrapIntegrations,
    },
  ),
  maintenance_window_enabled: bool("Whether the maintenance window is in effect.", {
    computed: true,
    api: "maintenance.enabled",
  }),
  service_username: readOnly("Admin user of the service.", { derive: serviceUsername }),
  service_password: readOnly("Password of the admin user.", { sensitive: true, derive: servicePassword }),
  components: listOf(component, "Addresses of the service's components.", {
    computed: true,
    derive: serviceComponents,
  }),
  flink: object(
    {
      host_ports: listOf(string(""), "`host:port` of each Flink server.", { computed: true }),
    },
    "Connection details of the Flink servers.",
    { computed: true, derive: flinkConnection },
  ),
};

/** Any create-time integration is refused where it is written, as upstream refuses every type for Flink. */
export function validateServiceIntegrations(
  config: StateObject,
  isUnresolved: (v: unknown) => boolean,
): HookDiagnostic[] {
  const list = config.service_integrations;
  if (!Array.isArray(list) || isUnresolved(list) || list.length === 0) return [];
  return [
    {
      severity: "error",
      path: ["service_integrations"],
      summary: "Invalid Attribute Value",
      detail:
        "service_integrations: a Flink service takes no integrations when it is created; remove them and connect each source or sink with a flink_service_integration resource.",
    },
  ];
}
