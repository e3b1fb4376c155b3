// generated — do not edit. Source: schemas/generated/provider-schema.json; run `npm run generate`.
// https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface JarApplicationDeploymentConfig extends cdktn.TerraformMetaArguments {
  /**
  * Identifier of the JAR application. Changing it creates a new deployment. Value must be exactly 36 characters long. Value must be a UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#application_id JarApplicationDeployment#application_id}
  */
  readonly applicationId: string;
  /**
  * Fully qualified name of the class whose `main` method builds and submits the job; without it, the jar manifest's `Main-Class`. Value must be between 1 and 128 characters long. Value must be a fully qualified Java class name such as `com.example.MyJob`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#entry_class JarApplicationDeployment#entry_class}
  */
  readonly entryClass?: string;
  /**
  * On destroy, stop the job with a savepoint instead of cancelling it. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#final_savepoint JarApplicationDeployment#final_savepoint}
  */
  readonly finalSavepoint?: boolean | cdktn.IResolvable;
  /**
  * Parallelism of the job. It must fit in the service's free task slots. Changing it restarts the job as `upgrade_mode` says. Value must be a whole number. Value must be between 1 and 128. Defaults to `1`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#parallelism JarApplicationDeployment#parallelism}
  */
  readonly parallelism?: number;
  /**
  * Arguments passed to `main`, in order. The collection must have at most 32 items. Each item must be at most 4096 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#program_args JarApplicationDeployment#program_args}
  */
  readonly programArgs?: string[];
  /**
  * Name of the project the service belongs to. Changing it creates a new resource. Value must be at most 63 characters long. Value must contain only letters, digits, `_` and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#project JarApplicationDeployment#project}
  */
  readonly project: string;
  /**
  * Restart the job according to the service's restart strategy when it fails. Defaults to `true`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#restart_enabled JarApplicationDeployment#restart_enabled}
  */
  readonly restartEnabled?: boolean | cdktn.IResolvable;
  /**
  * Name of the Flink service. Changing it creates a new resource. Value must be between 1 and 64 characters long. Value must start with a lowercase letter and contain only lowercase letters, digits and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#service_name JarApplicationDeployment#service_name}
  */
  readonly serviceName: string;
  /**
  * Savepoint path to start the job from, such as a previous deployment's `last_savepoint`. Value must be between 1 and 2048 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#starting_savepoint JarApplicationDeployment#starting_savepoint}
  */
  readonly startingSavepoint?: string;
  /**
  * Timeouts for long operations, as durations between `1s` and `24h`. While the API does not answer (an outage, a restart), waits and the look-up of a create whose answer was lost go on until the timeout.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#timeouts JarApplicationDeployment#timeouts}
  */
  readonly timeouts?: JarApplicationDeploymentTimeouts;
  /**
  * How a change reaches the running job: `savepoint` stops it with a savepoint and starts the new deployment from it (running the previous settings again if the new job fails); `stateless` cancels it and starts fresh. Value must be one of `savepoint`, `stateless`. Defaults to `"savepoint"`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#upgrade_mode JarApplicationDeployment#upgrade_mode}
  */
  readonly upgradeMode?: string;
  /**
  * Identifier of the JAR application version to run (`application_version_id`). Changing it upgrades the job in place, as `upgrade_mode` says. Value must be exactly 36 characters long. Value must be a UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#version_id JarApplicationDeployment#version_id}
  */
  readonly versionId: string;
}
export interface JarApplicationDeploymentTimeouts {
  /**
  * How long to wait for create (default `20m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#create JarApplicationDeployment#create}
  */
  readonly create?: string;
  /**
  * How long to wait for delete (default `20m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#delete JarApplicationDeployment#delete}
  */
  readonly delete?: string;
  /**
  * How long to wait for read (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#read JarApplicationDeployment#read}
  */
  readonly read?: string;
  /**
  * How long to wait for update (default `30m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#update JarApplicationDeployment#update}
  */
  readonly update?: string;
}

export function jarApplicationDeploymentTimeoutsToTerraform(struct?: JarApplicationDeploymentTimeouts | cdktn.IResolvable): any {
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


export function jarApplicationDeploymentTimeoutsToHclTerraform(struct?: JarApplicationDeploymentTimeouts | cdktn.IResolvable): any {
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

export class JarApplicationDeploymentTimeoutsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): JarApplicationDeploymentTimeouts | cdktn.IResolvable | undefined {
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

  public set internalValue(value: JarApplicationDeploymentTimeouts | cdktn.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment flink_jar_application_deployment}
*/
export class JarApplicationDeployment extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "flink_jar_application_deployment";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a JarApplicationDeployment resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the JarApplicationDeployment to import
  * @param importFromId The id of the existing JarApplicationDeployment that should be imported. Refer to the {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the JarApplicationDeployment to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "flink_jar_application_deployment", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/jar_application_deployment flink_jar_application_deployment} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options JarApplicationDeploymentConfig
  */
  public constructor(scope: Construct, id: string, config: JarApplicationDeploymentConfig) {
    super(scope, id, {
      terraformResourceType: 'flink_jar_application_deployment',
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
    this._applicationId = config.applicationId;
    this._entryClass = config.entryClass;
    this._finalSavepoint = config.finalSavepoint;
    this._parallelism = config.parallelism;
    this._programArgs = config.programArgs;
    this._project = config.project;
    this._restartEnabled = config.restartEnabled;
    this._serviceName = config.serviceName;
    this._startingSavepoint = config.startingSavepoint;
    this._timeouts.internalValue = config.timeouts;
    this._upgradeMode = config.upgradeMode;
    this._versionId = config.versionId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

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

  // entry_class - computed: false, optional: true, required: false
  private _entryClass?: string; 
  public get entryClass() {
    return this.getStringAttribute('entry_class');
  }
  public set entryClass(value: string) {
    this._entryClass = value;
  }
  public resetEntryClass() {
    this._entryClass = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryClassInput() {
    return this._entryClass;
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

  // program_args - computed: false, optional: true, required: false
  private _programArgs?: string[]; 
  public get programArgs() {
    return this.getListAttribute('program_args');
  }
  public set programArgs(value: string[]) {
    this._programArgs = value;
  }
  public resetProgramArgs() {
    this._programArgs = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get programArgsInput() {
    return this._programArgs;
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
  private _timeouts = new JarApplicationDeploymentTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: JarApplicationDeploymentTimeouts) {
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
      application_id: cdktn.stringToTerraform(this._applicationId),
      entry_class: cdktn.stringToTerraform(this._entryClass),
      final_savepoint: cdktn.booleanToTerraform(this._finalSavepoint),
      parallelism: cdktn.numberToTerraform(this._parallelism),
      program_args: cdktn.listMapper(cdktn.stringToTerraform, false)(this._programArgs),
      project: cdktn.stringToTerraform(this._project),
      restart_enabled: cdktn.booleanToTerraform(this._restartEnabled),
      service_name: cdktn.stringToTerraform(this._serviceName),
      starting_savepoint: cdktn.stringToTerraform(this._startingSavepoint),
      timeouts: jarApplicationDeploymentTimeoutsToTerraform(this._timeouts.internalValue),
      upgrade_mode: cdktn.stringToTerraform(this._upgradeMode),
      version_id: cdktn.stringToTerraform(this._versionId),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      application_id: {
        value: cdktn.stringToHclTerraform(this._applicationId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      entry_class: {
        value: cdktn.stringToHclTerraform(this._entryClass),
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
      program_args: {
        value: cdktn.listMapperHcl(cdktn.stringToHclTerraform, false)(this._programArgs),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
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
        value: jarApplicationDeploymentTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "JarApplicationDeploymentTimeouts",
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
