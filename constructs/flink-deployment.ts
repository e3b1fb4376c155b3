import { Construct } from "constructs";
import { flinkApplicationDeploymentSpec } from "../schemas/resources/flink-application-deployment";
import type { Duration } from "./duration";
import type { IFlinkService, ISlotConsumer } from "./flink-service";
import { ApplicationDeployment, type ApplicationDeploymentConfig } from "./generated/application-deployment";
import { camelKeys, compact } from "./private/objects";
import { checkConfig, lastPartCamel } from "./private/validation";

export interface DeployOptions {
  /** Parallelism of the job; it must fit in the service's task slots (nodes × taskSlots). @default 1 */
  readonly parallelism?: number;
  /** Restart the job by the service's restart strategy when it fails. @default true */
  readonly restartEnabled?: boolean;
  /** Savepoint to start from, such as a previous deployment's `lastSavepoint`. @default a fresh start */
  readonly startingSavepoint?: string;
  /**
   * How a change of version, parallelism or restartEnabled reaches the running job: `SAVEPOINT` stops it
   * with a savepoint and starts the new deployment from it (rolling back if the new job fails);
   * `LAST_STATE` cancels it and starts from its latest retained checkpoint instead (faster; a savepoint
   * while it has none; needs the local control plane, else a savepoint too); `STATELESS` cancels it and
   * starts fresh.
   * @default UpgradeMode.SAVEPOINT
   */
  readonly upgradeMode?: UpgradeMode;
  /**
   * Let a handover or resume restore a savepoint or checkpoint holding state of an operator the new
   * version dropped (that state is discarded). Without it such a restore fails and the previous
   * version runs again. An extension of the local control plane; the hosted API ignores it.
   * @default false
   */
  readonly allowNonRestoredState?: boolean;
  /** On destroy, stop the job with a savepoint instead of cancelling it. @default false */
  readonly finalSavepoint?: boolean;
  /**
   * `SUSPENDED` stops the job with a savepoint and keeps the deployment; `RUNNING` resumes it from that
   * savepoint (a new deployment: the API cannot restart a stopped one). Created suspended, no job
   * starts until it is set running. See also `suspend()` and `resume()`.
   * @default DesiredState.RUNNING
   */
  readonly desiredState?: DesiredState;
  /**
   * Any change of this value takes a savepoint of the running job without stopping it; `lastSavepoint`
   * shows it after apply. Needs the local control plane (the hosted API has no savepoint on demand).
   * @default no savepoint on demand
   */
  readonly savepointTrigger?: string;
  /**
   * Take a savepoint of the running job every this long (1 minute to 168 hours), without stopping
   * it; `lastSavepoint` advances with each. The schedule follows the application across upgrades
   * and resumes and skips while the job is not running. Needs the local control plane (the hosted
   * API has no periodic savepoints).
   * @default no periodic savepoints
   */
  readonly savepointInterval?: Duration;
  /**
   * How many periodic savepoints to keep (1 to 100); older ones are deleted, files included. Other
   * savepoints (suspend, upgrades, on demand) are never deleted.
   * @default 10
   */
  readonly savepointHistoryMax?: number;
  /** Construct id of the deployment. @default "Deployment" */
  readonly id?: string;
}

/** How a running job is handed over to a new version or parallelism. */
export enum UpgradeMode {
  SAVEPOINT = "savepoint",
  LAST_STATE = "last-state",
  STATELESS = "stateless",
}

/** Whether the deployment's job should run, or be stopped with a savepoint to resume later. */
export enum DesiredState {
  RUNNING = "running",
  SUSPENDED = "suspended",
}

export interface FlinkDeploymentProps extends DeployOptions {
  readonly service: IFlinkService;
  readonly applicationId: string;
  readonly versionId: string;
}

/** A running job of an application version; child `Resource` is the L1 `flink_application_deployment`. */
export class FlinkDeployment extends Construct implements ISlotConsumer {
  readonly resource: ApplicationDeployment;
  readonly parallelism: number;
  /** The L1 configuration as checked, so later changes (`suspend()`...) are checked the same way. */
  private config: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: FlinkDeploymentProps) {
    super(scope, id);
    const config = compact({
      project: props.service.project,
      service_name: props.service.serviceName,
      application_id: props.applicationId,
      version_id: props.versionId,
      parallelism: props.parallelism,
      restart_enabled: props.restartEnabled,
      starting_savepoint: props.startingSavepoint,
      upgrade_mode: props.upgradeMode,
      allow_non_restored_state: props.allowNonRestoredState,
      final_savepoint: props.finalSavepoint,
      desired_state: props.desiredState,
      savepoint_trigger: props.savepointTrigger,
      savepoint_interval: props.savepointInterval?.toGoString(),
      savepoint_history_max: props.savepointHistoryMax,
    });
    checkConfig(this, flinkApplicationDeploymentSpec, config, lastPartCamel);
    this.config = config;
    this.resource = new ApplicationDeployment(
      this,
      "Resource",
      camelKeys(config) as ApplicationDeploymentConfig,
    );
    this.parallelism = props.parallelism ?? 1;
    props.service._addSlotConsumer(this);
  }

  /** Stops the job with a savepoint on the next apply; the deployment (and its id) stays. */
  suspend(): this {
    return this.change("desired_state", DesiredState.SUSPENDED);
  }

  /** Starts the job again from its last savepoint on the next apply (in a new deployment). */
  resume(): this {
    return this.change("desired_state", DesiredState.RUNNING);
  }

  /**
   * Takes a savepoint of the running job on the next apply, when `trigger` differs from the last
   * value applied (a date, a release tag...). The job keeps running.
   */
  triggerSavepoint(trigger: string): this {
    return this.change("savepoint_trigger", trigger);
  }

  /** Sets one L1 attribute after construction, checked by the same rules as the props. */
  private change(attribute: "desired_state" | "savepoint_trigger", value: string): this {
    const config = { ...this.config, [attribute]: value };
    checkConfig(this, flinkApplicationDeploymentSpec, config, lastPartCamel);
    this.config = config;
    if (attribute === "desired_state") this.resource.desiredState = value;
    else this.resource.savepointTrigger = value;
    return this;
  }

  get deploymentId(): string {
    return this.resource.deploymentId;
  }
  /** Job status after apply, e.g. RUNNING. */
  get status(): string {
    return this.resource.status;
  }
  get jobId(): string {
    return this.resource.jobId;
  }
  /** Path of the job's latest savepoint: the `startingSavepoint` of a stateful upgrade. */
  get lastSavepoint(): string {
    return this.resource.lastSavepoint;
  }
}
