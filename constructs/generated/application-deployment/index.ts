// generated — do not edit. Source: schemas/generated/provider-schema.json; run `npm run generate`.
// https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface ApplicationDeploymentConfig extends cdktn.TerraformMetaArguments {
  /**
  * Let a handover or resume start the new job even when its savepoint or checkpoint holds state of an operator the new version no longer has (Flink's allowNonRestoredState): that state is dropped. Without it, such a restore fails the apply with Flink's message and the previous version runs again. An extension of the local control plane (`allow_non_restored_state` in the deployment's create body); the hosted API ignores it, so there the restore fails as without it. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#allow_non_restored_state ApplicationDeployment#allow_non_restored_state}
  */
  readonly allowNonRestoredState?: boolean | cdktn.IResolvable;
  /**
  * Identifier of the application. Changing it creates a new deployment. Value must be exactly 36 characters long. Value must be a UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#application_id ApplicationDeployment#application_id}
  */
  readonly applicationId: string;
  /**
  * `running` (the default) or `suspended`. Setting `suspended` stops the job with a savepoint and keeps the deployment (same `deployment_id`, `status` `FINISHED`, the savepoint in `last_savepoint`); setting `running` again resumes it from that savepoint. The API cannot restart a stopped deployment, so a resume starts a new deployment from the savepoint under the same resource, as a version change does: `deployment_id` and `job_id` change, and the stopped deployment is removed once the new job runs. Created `suspended`, a deployment starts no job (and has no `deployment_id`) until it is set `running`. A job stopped with a savepoint outside Terraform reads back as `suspended`, so the next plan shows it. Value must be one of `running`, `suspended`. Defaults to `"running"`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#desired_state ApplicationDeployment#desired_state}
  */
  readonly desiredState?: string;
  /**
  * On destroy, stop the job with a savepoint instead of cancelling it. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#final_savepoint ApplicationDeployment#final_savepoint}
  */
  readonly finalSavepoint?: boolean | cdktn.IResolvable;
  /**
  * Parallelism of the job. It must fit in the service's task slots (nodes × `number_of_task_slots`, shared by all deployments). Changing it restarts the job as `upgrade_mode` says. Value must be a whole number. Value must be between 1 and 128. Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#parallelism ApplicationDeployment#parallelism}
  */
  readonly parallelism?: number;
  /**
  * Name of the project the service belongs to. Changing it creates a new resource. Value must be at most 63 characters long. Value must contain only letters, digits, `_` and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#project ApplicationDeployment#project}
  */
  readonly project: string;
  /**
  * Restart the job according to the service's restart strategy when it fails. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#restart_enabled ApplicationDeployment#restart_enabled}
  */
  readonly restartEnabled?: boolean | cdktn.IResolvable;
  /**
  * How many of the periodic savepoints (`savepoint_interval`) to keep: after each one, the oldest beyond this number are deleted, their files included. Savepoints taken otherwise (suspend, upgrades, `savepoint_trigger`, `final_savepoint`) are never deleted, nor one a deployment still starts from. Value must be a whole number. Value must be between 1 and 100. Defaults to `10`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#savepoint_history_max ApplicationDeployment#savepoint_history_max}
  */
  readonly savepointHistoryMax?: number;
  /**
  * Take a savepoint of the running job every this long (a Go-style duration such as `"1h"`), without stopping it; `last_savepoint` advances with each. Off when unset. The schedule follows the application across version changes and resumes, skips a due savepoint while the job is not `RUNNING` (starting, restarting, suspended, or already taking one) and survives a restart of the control plane. This uses the local control plane's `PUT .../flink/application/{application_id}/savepoint-schedule`, which the hosted API does not have: there the apply fails with a clear error. Value must be a duration such as `"15m"`, `"1h"` or `"24h"`, between `1m` and `168h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#savepoint_interval ApplicationDeployment#savepoint_interval}
  */
  readonly savepointInterval?: string;
  /**
  * Any change of this value takes a savepoint of the running job without stopping it (same `job_id`); `last_savepoint` shows it after apply. Setting it at creation, or changing it while the deployment is suspended or handed over in the same apply, takes none. This uses the local control plane's `POST .../deployment/{deployment_id}/savepoint`, which the hosted API does not have. Value must be between 1 and 256 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#savepoint_trigger ApplicationDeployment#savepoint_trigger}
  */
  readonly savepointTrigger?: string;
  /**
  * Name of the Flink service. Changing it creates a new resource. Value must be between 1 and 64 characters long. Value must start with a lowercase letter and contain only lowercase letters, digits and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#service_name ApplicationDeployment#service_name}
  */
  readonly serviceName: string;
  /**
  * Savepoint path to start the job from, such as a previous deployment's `last_savepoint`. Value must be between 1 and 2048 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#starting_savepoint ApplicationDeployment#starting_savepoint}
  */
  readonly startingSavepoint?: string;
  /**
  * Timeouts for long operations, as durations between `1s` and `24h`. While the API does not answer (an outage, a restart), waits and the look-up of a create whose answer was lost go on until the timeout.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#timeouts ApplicationDeployment#timeouts}
  */
  readonly timeouts?: ApplicationDeploymentTimeouts;
  /**
  * How a change of version, parallelism or `restart_enabled` reaches the running job: `savepoint` stops it with a savepoint and starts the new deployment from it (rolling back to the previous version if the new job fails); `last-state` cancels it and starts the new deployment from its latest retained checkpoint instead (faster: no savepoint to write), rolling back the same way, and falls back to `savepoint` while the job has no checkpoint yet; `stateless` cancels it and starts fresh. `last-state` uses the local control plane's `GET .../deployment/{deployment_id}/checkpoint`, which the hosted API does not have: against that API it hands over through a savepoint, with a warning at plan. Value must be one of `savepoint`, `last-state`, `stateless`. Defaults to `"savepoint"`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#upgrade_mode ApplicationDeployment#upgrade_mode}
  */
  readonly upgradeMode?: string;
  /**
  * Identifier of the application version to run (`application_version_id`). Changing it upgrades the job in place, as `upgrade_mode` says. Value must be exactly 36 characters long. Value must be a UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#version_id ApplicationDeployment#version_id}
  */
  readonly versionId: string;
}
export interface ApplicationDeploymentTimeouts {
  /**
  * How long to wait for create (default `20m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#create ApplicationDeployment#create}
  */
  readonly create?: string;
  /**
  * How long to wait for delete (default `20m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#delete ApplicationDeployment#delete}
  */
  readonly delete?: string;
  /**
  * How long to wait for read (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#read ApplicationDeployment#read}
  */
  readonly read?: string;
  /**
  * How long to wait for update (default `30m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#update ApplicationDeployment#update}
  */
  readonly update?: string;
}

export function applicationDeploymentTimeoutsToTerraform(struct?: ApplicationDeploymentTimeouts | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    create: cdktn.stringToTerraform(struct!.create),
    delete: cdktn.stringToTerraform(struct!.delete),
    read: cdktn.stringToTerraform(struct!.read),
    update: cdktn.stringToTerraform(struct!.update),
  }
}


export function applicationDeploymentTimeoutsToHclTerraform(struct?: ApplicationDeploymentTimeouts | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    create: {
      value: cdktn.stringToHclTerraform(struct!.create),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    delete: {
      value: cdktn.stringToHclTerraform(struct!.delete),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    read: {
      value: cdktn.stringToHclTerraform(struct!.read),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    update: {
      value: cdktn.stringToHclTerraform(struct!.update),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ApplicationDeploymentTimeoutsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ApplicationDeploymentTimeouts | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._create !== undefined) {
      hasAnyValues = true;
      internalValueResult.create = this._create;
    }
    if (this._delete !== undefined) {
      hasAnyValues = true;
      internalValueResult.delete = this._delete;
    }
    if (this._read !== undefined) {
      hasAnyValues = true;
      internalValueResult.read = this._read;
    }
    if (this._update !== undefined) {
      hasAnyValues = true;
      internalValueResult.update = this._update;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ApplicationDeploymentTimeouts | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._create = undefined;
      this._delete = undefined;
      this._read = undefined;
      this._update = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._create = value.create;
      this._delete = value.delete;
      this._read = value.read;
      this._update = value.update;
    }
  }

  // create - computed: false, optional: true, required: false
  private _create?: string; 
  public get create() {
    return this.getStringAttribute('create');
  }
  public set create(value: string) {
    this._create = value;
  }
  public resetCreate() {
    this._create = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get createInput() {
    return this._create;
  }

  // delete - computed: false, optional: true, required: false
  private _delete?: string; 
  public get delete() {
    return this.getStringAttribute('delete');
  }
  public set delete(value: string) {
    this._delete = value;
  }
  public resetDelete() {
    this._delete = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteInput() {
    return this._delete;
  }

  // read - computed: false, optional: true, required: false
  private _read?: string; 
  public get read() {
    return this.getStringAttribute('read');
  }
  public set read(value: string) {
    this._read = value;
  }
  public resetRead() {
    this._read = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readInput() {
    return this._read;
  }

  // update - computed: false, optional: true, required: false
  private _update?: string; 
  public get update() {
    return this.getStringAttribute('update');
  }
  public set update(value: string) {
    this._update = value;
  }
  public resetUpdate() {
    this._update = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get updateInput() {
    return this._update;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment flink_application_deployment}
*/
export class ApplicationDeployment extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "flink_application_deployment";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a ApplicationDeployment resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ApplicationDeployment to import
  * @param importFromId The id of the existing ApplicationDeployment that should be imported. Refer to the {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ApplicationDeployment to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "flink_application_deployment", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_deployment flink_application_deployment} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ApplicationDeploymentConfig
  */
  public constructor(scope: Construct, id: string, config: ApplicationDeploymentConfig) {
    super(scope, id, {
      terraformResourceType: 'flink_application_deployment',
      terraformGeneratorMetadata: {
        providerName: 'flink'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._allowNonRestoredState = config.allowNonRestoredState;
    this._applicationId = config.applicationId;
    this._desiredState = config.desiredState;
    this._finalSavepoint = config.finalSavepoint;
    this._parallelism = config.parallelism;
    this._project = config.project;
    this._restartEnabled = config.restartEnabled;
    this._savepointHistoryMax = config.savepointHistoryMax;
    this._savepointInterval = config.savepointInterval;
    this._savepointTrigger = config.savepointTrigger;
    this._serviceName = config.serviceName;
    this._startingSavepoint = config.startingSavepoint;
    this._timeouts.internalValue = config.timeouts;
    this._upgradeMode = config.upgradeMode;
    this._versionId = config.versionId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // allow_non_restored_state - computed: true, optional: true, required: false
  private _allowNonRestoredState?: boolean | cdktn.IResolvable; 
  public get allowNonRestoredState() {
    return this.getBooleanAttribute('allow_non_restored_state');
  }
  public set allowNonRestoredState(value: boolean | cdktn.IResolvable) {
    this._allowNonRestoredState = value;
  }
  public resetAllowNonRestoredState() {
    this._allowNonRestoredState = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowNonRestoredStateInput() {
    return this._allowNonRestoredState;
  }

  // application_id - computed: false, optional: false, required: true
  private _applicationId?: string; 
  public get applicationId() {
    return this.getStringAttribute('application_id');
  }
  public set applicationId(value: string) {
    this._applicationId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get applicationIdInput() {
    return this._applicationId;
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // created_by - computed: true, optional: false, required: false
  public get createdBy() {
    return this.getStringAttribute('created_by');
  }

  // deployment_id - computed: true, optional: false, required: false
  public get deploymentId() {
    return this.getStringAttribute('deployment_id');
  }

  // desired_state - computed: true, optional: true, required: false
  private _desiredState?: string; 
  public get desiredState() {
    return this.getStringAttribute('desired_state');
  }
  public set desiredState(value: string) {
    this._desiredState = value;
  }
  public resetDesiredState() {
    this._desiredState = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get desiredStateInput() {
    return this._desiredState;
  }

  // error_msg - computed: true, optional: false, required: false
  public get errorMsg() {
    return this.getStringAttribute('error_msg');
  }

  // final_savepoint - computed: true, optional: true, required: false
  private _finalSavepoint?: boolean | cdktn.IResolvable; 
  public get finalSavepoint() {
    return this.getBooleanAttribute('final_savepoint');
  }
  public set finalSavepoint(value: boolean | cdktn.IResolvable) {
    this._finalSavepoint = value;
  }
  public resetFinalSavepoint() {
    this._finalSavepoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get finalSavepointInput() {
    return this._finalSavepoint;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // job_id - computed: true, optional: false, required: false
  public get jobId() {
    return this.getStringAttribute('job_id');
  }

  // last_savepoint - computed: true, optional: false, required: false
  public get lastSavepoint() {
    return this.getStringAttribute('last_savepoint');
  }

  // parallelism - computed: true, optional: true, required: false
  private _parallelism?: number; 
  public get parallelism() {
    return this.getNumberAttribute('parallelism');
  }
  public set parallelism(value: number) {
    this._parallelism = value;
  }
  public resetParallelism() {
    this._parallelism = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get parallelismInput() {
    return this._parallelism;
  }

  // project - computed: false, optional: false, required: true
  private _project?: string; 
  public get project() {
    return this.getStringAttribute('project');
  }
  public set project(value: string) {
    this._project = value;
  }
  // Temporarily expose input value. Use with caution.
  public get projectInput() {
    return this._project;
  }

  // restart_enabled - computed: true, optional: true, required: false
  private _restartEnabled?: boolean | cdktn.IResolvable; 
  public get restartEnabled() {
    return this.getBooleanAttribute('restart_enabled');
  }
  public set restartEnabled(value: boolean | cdktn.IResolvable) {
    this._restartEnabled = value;
  }
  public resetRestartEnabled() {
    this._restartEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get restartEnabledInput() {
    return this._restartEnabled;
  }

  // savepoint_history_max - computed: true, optional: true, required: false
  private _savepointHistoryMax?: number; 
  public get savepointHistoryMax() {
    return this.getNumberAttribute('savepoint_history_max');
  }
  public set savepointHistoryMax(value: number) {
    this._savepointHistoryMax = value;
  }
  public resetSavepointHistoryMax() {
    this._savepointHistoryMax = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get savepointHistoryMaxInput() {
    return this._savepointHistoryMax;
  }

  // savepoint_interval - computed: false, optional: true, required: false
  private _savepointInterval?: string; 
  public get savepointInterval() {
    return this.getStringAttribute('savepoint_interval');
  }
  public set savepointInterval(value: string) {
    this._savepointInterval = value;
  }
  public resetSavepointInterval() {
    this._savepointInterval = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get savepointIntervalInput() {
    return this._savepointInterval;
  }

  // savepoint_trigger - computed: false, optional: true, required: false
  private _savepointTrigger?: string; 
  public get savepointTrigger() {
    return this.getStringAttribute('savepoint_trigger');
  }
  public set savepointTrigger(value: string) {
    this._savepointTrigger = value;
  }
  public resetSavepointTrigger() {
    this._savepointTrigger = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get savepointTriggerInput() {
    return this._savepointTrigger;
  }

  // service_name - computed: false, optional: false, required: true
  private _serviceName?: string; 
  public get serviceName() {
    return this.getStringAttribute('service_name');
  }
  public set serviceName(value: string) {
    this._serviceName = value;
  }
  // Temporarily expose input value. Use with caution.
  public get serviceNameInput() {
    return this._serviceName;
  }

  // starting_savepoint - computed: false, optional: true, required: false
  private _startingSavepoint?: string; 
  public get startingSavepoint() {
    return this.getStringAttribute('starting_savepoint');
  }
  public set startingSavepoint(value: string) {
    this._startingSavepoint = value;
  }
  public resetStartingSavepoint() {
    this._startingSavepoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get startingSavepointInput() {
    return this._startingSavepoint;
  }

  // starting_savepoint_used - computed: true, optional: false, required: false
  public get startingSavepointUsed() {
    return this.getStringAttribute('starting_savepoint_used');
  }

  // status - computed: true, optional: false, required: false
  public get status() {
    return this.getStringAttribute('status');
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new ApplicationDeploymentTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: ApplicationDeploymentTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // upgrade_mode - computed: true, optional: true, required: false
  private _upgradeMode?: string; 
  public get upgradeMode() {
    return this.getStringAttribute('upgrade_mode');
  }
  public set upgradeMode(value: string) {
    this._upgradeMode = value;
  }
  public resetUpgradeMode() {
    this._upgradeMode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get upgradeModeInput() {
    return this._upgradeMode;
  }

  // version_id - computed: false, optional: false, required: true
  private _versionId?: string; 
  public get versionId() {
    return this.getStringAttribute('version_id');
  }
  public set versionId(value: string) {
    this._versionId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get versionIdInput() {
    return this._versionId;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      allow_non_restored_state: cdktn.booleanToTerraform(this._allowNonRestoredState),
      application_id: cdktn.stringToTerraform(this._applicationId),
      desired_state: cdktn.stringToTerraform(this._desiredState),
      final_savepoint: cdktn.booleanToTerraform(this._finalSavepoint),
      parallelism: cdktn.numberToTerraform(this._parallelism),
      project: cdktn.stringToTerraform(this._project),
      restart_enabled: cdktn.booleanToTerraform(this._restartEnabled),
      savepoint_history_max: cdktn.numberToTerraform(this._savepointHistoryMax),
      savepoint_interval: cdktn.stringToTerraform(this._savepointInterval),
      savepoint_trigger: cdktn.stringToTerraform(this._savepointTrigger),
      service_name: cdktn.stringToTerraform(this._serviceName),
      starting_savepoint: cdktn.stringToTerraform(this._startingSavepoint),
      timeouts: applicationDeploymentTimeoutsToTerraform(this._timeouts.internalValue),
      upgrade_mode: cdktn.stringToTerraform(this._upgradeMode),
      version_id: cdktn.stringToTerraform(this._versionId),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      allow_non_restored_state: {
        value: cdktn.booleanToHclTerraform(this._allowNonRestoredState),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      application_id: {
        value: cdktn.stringToHclTerraform(this._applicationId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      desired_state: {
        value: cdktn.stringToHclTerraform(this._desiredState),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      final_savepoint: {
        value: cdktn.booleanToHclTerraform(this._finalSavepoint),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      parallelism: {
        value: cdktn.numberToHclTerraform(this._parallelism),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      project: {
        value: cdktn.stringToHclTerraform(this._project),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      restart_enabled: {
        value: cdktn.booleanToHclTerraform(this._restartEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      savepoint_history_max: {
        value: cdktn.numberToHclTerraform(this._savepointHistoryMax),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      savepoint_interval: {
        value: cdktn.stringToHclTerraform(this._savepointInterval),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      savepoint_trigger: {
        value: cdktn.stringToHclTerraform(this._savepointTrigger),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      service_name: {
        value: cdktn.stringToHclTerraform(this._serviceName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      starting_savepoint: {
        value: cdktn.stringToHclTerraform(this._startingSavepoint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeouts: {
        value: applicationDeploymentTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ApplicationDeploymentTimeouts",
      },
      upgrade_mode: {
        value: cdktn.stringToHclTerraform(this._upgradeMode),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      version_id: {
        value: cdktn.stringToHclTerraform(this._versionId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
