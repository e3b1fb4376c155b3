import { Annotations } from "cdktn";
import { Construct, type IConstruct } from "constructs";
import { findFlinkPlan } from "../schemas/flink/plans";
import { flinkServiceSpec } from "../schemas/resources/flink-service";
import { checkDeploymentSlots } from "../schemas/rules/slots";
import type { AttributePath } from "../schemas/validate/validate-config";
import type { Duration } from "./duration";
import type { FlinkVersion } from "./flink-version";
import { Service, type ServiceConfig } from "./generated/service";
import { camelKeys, compact } from "./private/objects";
import { keepStateBesideStack } from "./private/state-beside-stack";
import { checkAtSynth, type SynthChecked, type SynthIssue } from "./private/synth-checks";
import { camel, checkConfig, isUnresolved } from "./private/validation";
import type { RestartStrategy } from "./restart-strategy";

/** The service's default `number_of_task_slots` when none is set. */
export const DEFAULT_TASK_SLOTS = 1;

/** What a deployment tells its service so the service can check task-slot capacity. */
export interface ISlotConsumer extends IConstruct {
  /** Parallelism of the job; may be a token. */
  readonly parallelism: number;
}

/** A Flink service, created here or imported. */
export interface IFlinkService extends IConstruct {
  readonly project: string;
  readonly serviceName: string;
  /** The plan, when known: it gives the node count for task-slot checks. */
  readonly plan?: string;
  /** Task slots per node, when known. */
  readonly taskSlots?: number;
  /** Registers a deployment that holds task slots on this service. @internal */
  _addSlotConsumer(consumer: ISlotConsumer): void;
}

export interface FlinkServiceAttributes {
  readonly project: string;
  readonly serviceName: string;
  /** The service's plan; with it, deployments are checked against its task slots. @default unknown: no slot check */
  readonly plan?: string;
  /** Task slots per node. @default 1 (the service default) */
  readonly taskSlots?: number;
}

abstract class FlinkServiceBase extends Construct implements IFlinkService, SynthChecked {
  abstract readonly project: string;
  abstract readonly serviceName: string;
  abstract readonly plan?: string;
  abstract readonly taskSlots?: number;
  private readonly consumers: ISlotConsumer[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    checkAtSynth(this);
    keepStateBesideStack(this);
  }

  _addSlotConsumer(consumer: ISlotConsumer): void {
    this.consumers.push(consumer);
  }

  /** The deployments registered on this service. @internal */
  protected _slotConsumers(): readonly ISlotConsumer[] {
    return this.consumers;
  }

  /** Deployment parallelism ≤ nodes × task slots (session mode: summed over deployments, a warning). */
  _synthIssues(): SynthIssue[] {
    const plan = this.plan;
    if (plan === undefined || isUnresolved(plan) || isUnresolved(this.taskSlots)) return [];
    const nodeCount = findFlinkPlan(plan)?.nodeCount;
    if (nodeCount === undefined) return []; // reported once, at construction
    const consumers = this.consumers.filter((c) => !isUnresolved(c.parallelism));
    const deployments = consumers.map((c) => ({ name: c.node.path, parallelism: c.parallelism }));
    const taskSlotsPerNode = this.taskSlots ?? DEFAULT_TASK_SLOTS;
    const total = nodeCount * taskSlotsPerNode;
    const capacity = `${total} task slot${total === 1 ? "" : "s"} (${nodeCount} node${nodeCount === 1 ? "" : "s"} × taskSlots ${taskSlotsPerNode})`;
    // Said in the props' words (the shared rule speaks Terraform's), on the construct to change.
    return checkDeploymentSlots({ nodeCount, taskSlotsPerNode, deployments }).map((d): SynthIssue => {
      const consumer = consumers.find((c) => c.node.path === d.deployment);
      if (d.code === "slots-parallelism-exceeds" && consumer) {
        return {
          on: consumer,
          severity: d.severity,
          prop: "parallelism",
          message: `parallelism is ${consumer.parallelism}, but service ${this.node.path} has only ${capacity}; the job could never start`,
          fix: `lower parallelism to at most ${total}, or raise taskSlots of ${this.node.path}`,
        };
      }
      if (d.code === "slots-total-exceeds") {
        const sum = deployments.reduce((n, x) => n + x.parallelism, 0);
        const each = deployments.map((x) => `${x.name}: ${x.parallelism}`).join(", ");
        return {
          on: this,
          severity: d.severity,
          prop: "taskSlots",
          message: `taskSlots: the deployments need ${sum} task slots together (${each}), but the service has only ${capacity}; jobs beyond capacity wait for free slots`,
          fix: `raise taskSlots to at least ${Math.ceil(sum / nodeCount)}, or run fewer deployments at once`,
        };
      }
      return { on: this, severity: d.severity, message: d.message };
    });
  }
}

export interface MaintenanceWindow {
  /** `monday` ... `sunday`, or `never`. */
  readonly dayOfWeek: string;
  /** Start time, `HH:MM:SS` in UTC. */
  readonly time: string;
}

export interface FlinkServiceProps {
  /** Project the service belongs to. */
  readonly project: string;
  /** Name of the service: lowercase letters, digits and `-`. */
  readonly serviceName: string;
  /** Service plan, such as `business-4` (1 node) or `premium-8` (3 nodes). */
  readonly plan: string;
  /** Cloud and region, such as `google-europe-west1`. @default the service default (`google-europe-west1`) */
  readonly cloud?: string;
  /** Task slots per node; the cluster has nodes × taskSlots slots shared by all deployments. @default 1 */
  readonly taskSlots?: number;
  /** Flink major version. Changing it replaces the service. @default the service default (`FlinkVersion.V1_20`) */
  readonly flinkVersion?: FlinkVersion;
  /** How failed jobs restart. @default the service default, `RestartStrategy.failureRate()` */
  readonly restartStrategy?: RestartStrategy;
  /** Checkpoint interval, whole milliseconds between 100 ms and 1 h. @default the service default */
  readonly checkpointInterval?: Duration;
  /** Parallelism of operators that set none. @default 1 */
  readonly parallelismDefault?: number;
  /** CIDR ranges allowed to connect. @default every address */
  readonly ipFilter?: string[];
  /** Prevents deletion; set it to false before destroying. @default false */
  readonly terminationProtection?: boolean;
  /**
   * Whether the service runs. `false` stops each running deployment's job with a savepoint and then
   * the cluster (the deployments stay, SUSPENDED); `true` again restarts each from its savepoint.
   * That is the local control plane; the hosted API drops a powered-off service's applications.
   * @default true
   */
  readonly powered?: boolean;
  /**
   * On destroy, cancel running deployments that Terraform does not manage; without it, destroy fails
   * and names them.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /** @default the service picks one */
  readonly maintenanceWindow?: MaintenanceWindow;
  /** @default no tags */
  readonly tags?: Record<string, string>;
  /** Addresses for technical notifications. @default none */
  readonly techEmails?: string[];
}

const USER_CONFIG_PROPS: Record<string, string> = {
  flink_version: "flinkVersion",
  number_of_task_slots: "taskSlots",
  parallelism_default: "parallelismDefault",
  execution_checkpointing_interval_ms: "checkpointInterval (milliseconds)",
  ip_filter: "ipFilter",
};

/**
 * A managed Flink cluster in session mode: its applications' deployments share its task slots.
 * The L1 `flink_service` is the child `Resource`.
 */
export class FlinkService extends FlinkServiceBase {
  /** A service managed elsewhere; give `plan` (and `taskSlots`) to keep the task-slot checks. */
  static fromServiceAttributes(scope: Construct, id: string, attrs: FlinkServiceAttributes): IFlinkService {
    class Import extends FlinkServiceBase {
      readonly project = attrs.project;
      readonly serviceName = attrs.serviceName;
      readonly plan = attrs.plan;
      readonly taskSlots = attrs.taskSlots;
    }
    return new Import(scope, id);
  }

  readonly resource: Service;
  readonly project: string;
  /** The service name as a reference: depending on it orders resources after the service. */
  readonly serviceName: string;
  readonly plan: string;
  readonly taskSlots?: number;
  /** Whether the service runs (the `powered` prop). @default true */
  readonly powered?: boolean;

  constructor(scope: Construct, id: string, props: FlinkServiceProps) {
    super(scope, id);
    const checkpointMs = props.checkpointInterval?.toMilliseconds();
    const userConfig = compact({
      flink_version: props.flinkVersion?.version,
      number_of_task_slots: props.taskSlots,
      parallelism_default: props.parallelismDefault,
      execution_checkpointing_interval_ms: checkpointMs,
      restart_strategy: props.restartStrategy?._render(),
      ip_filter: props.ipFilter,
    });
    const config = compact({
      project: props.project,
      service_name: props.serviceName,
      plan: props.plan,
      cloud_name: props.cloud,
      termination_protection: props.terminationProtection,
      powered: props.powered,
      force_destroy: props.forceDestroy,
      maintenance_window_dow: props.maintenanceWindow?.dayOfWeek,
      maintenance_window_time: props.maintenanceWindow?.time,
      tags: props.tags,
      tech_emails: props.techEmails,
      flink_user_config: Object.keys(userConfig).length ? userConfig : undefined,
    });
    checkConfig(this, flinkServiceSpec, config, (path) => propName(path, props.restartStrategy));
    if (!isUnresolved(props.plan) && !findFlinkPlan(props.plan)) {
      Annotations.of(this).addWarning(
        `plan "${props.plan}" is not in flinkform's plan catalogue, so deployments are not checked against its task slots`,
      );
    }
    this.resource = new Service(this, "Resource", camelKeys(config) as ServiceConfig);
    this.project = props.project;
    this.serviceName = this.resource.serviceName;
    this.plan = props.plan;
    this.taskSlots = props.taskSlots;
    this.powered = props.powered;
  }

  /** Slot checks, and what powering off means for the deployments on the service. */
  override _synthIssues(): SynthIssue[] {
    const issues = super._synthIssues();
    const deployments = this._slotConsumers();
    if (this.powered === false && deployments.length > 0)
      issues.push({
        on: this,
        severity: "warning",
        prop: "powered",
        message: `powered is false: the jobs of ${deployments.length} deployment(s) (${deployments.map((d) => d.node.path).join(", ")}) stop with savepoints and wait SUSPENDED until powered is true again; a first deploy fails, as no deployment can start on a powered-off service`,
        fix: "deploy with powered true (the default) first; set it false to pause a service that runs",
      });
    return issues;
  }

  /** Task slots in the cluster (nodes × taskSlots), known after apply. */
  get taskSlotsTotal(): number {
    return this.resource.taskSlotsTotal;
  }
  /** Nodes of the cluster, known after apply. */
  get nodeCount(): number {
    return this.resource.nodeCount;
  }
  /** Service state, e.g. RUNNING, known after apply. */
  get state(): string {
    return this.resource.state;
  }
}

function propName(path: AttributePath, strategy: RestartStrategy | undefined): string | undefined {
  const [first, second, third] = path;
  if (first === "cloud_name") return "cloud";
  if (first === "maintenance_window_dow") return "maintenanceWindow.dayOfWeek";
  if (first === "maintenance_window_time") return "maintenanceWindow.time";
  if (first !== "flink_user_config") return typeof first === "string" ? camel(first) : undefined;
  if (second === "restart_strategy") {
    if (typeof third !== "string") return "restartStrategy";
    return `restartStrategy.${strategy?._propFor(third) ?? camel(third)}`;
  }
  const base = typeof second === "string" ? USER_CONFIG_PROPS[second] : undefined;
  return base && typeof third === "number" ? `${base}[${third}]` : base;
}
