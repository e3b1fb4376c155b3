// generated — do not edit. Source: schemas/generated/provider-schema.json; run `npm run generate`.
// https://registry.terraform.io/providers/flinkform/flink/latest/docs/data-sources/application
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface DataFlinkApplicationConfig extends cdktn.TerraformMetaArguments {
  /**
  * Identifier of the application. Set this or `name`. Value must be exactly 36 characters long. Value must be a UUID. Conflicts with `name`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/data-sources/application#application_id DataFlinkApplication#application_id}
  */
  readonly applicationId?: string;
  /**
  * Name of the application. Set this or `application_id`. Value must be at most 128 characters long. Value must not contain control characters (such as NUL or a line break) or bidirectional text controls. Conflicts with `application_id`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/data-sources/application#name DataFlinkApplication#name}
  */
  readonly name?: string;
  /**
  * Name of the project the service belongs to. Value must be at most 63 characters long. Value must contain only letters, digits, `_` and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/data-sources/application#project DataFlinkApplication#project}
  */
  readonly project: string;
  /**
  * Name of the Flink service. Value must be between 1 and 64 characters long. Value must start with a lowercase letter and contain only lowercase letters, digits and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/data-sources/application#service_name DataFlinkApplication#service_name}
  */
  readonly serviceName: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/data-sources/application flink_application}
*/
export class DataFlinkApplication extends cdktn.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "flink_application";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a DataFlinkApplication resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataFlinkApplication to import
  * @param importFromId The id of the existing DataFlinkApplication that should be imported. Refer to the {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/data-sources/application#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataFlinkApplication to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "flink_application", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/data-sources/application flink_application} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataFlinkApplicationConfig
  */
  public constructor(scope: Construct, id: string, config: DataFlinkApplicationConfig) {
    super(scope, id, {
      terraformResourceType: 'flink_application',
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
    this._name = config.name;
    this._project = config.project;
    this._serviceName = config.serviceName;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // application_id - computed: true, optional: true, required: false
  private _applicationId?: string; 
  public get applicationId() {
    return this.getStringAttribute('application_id');
  }
  public set applicationId(value: string) {
    this._applicationId = value;
  }
  public resetApplicationId() {
    this._applicationId = undefined;
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

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // name - computed: true, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
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

  // updated_at - computed: true, optional: false, required: false
  public get updatedAt() {
    return this.getStringAttribute('updated_at');
  }

  // updated_by - computed: true, optional: false, required: false
  public get updatedBy() {
    return this.getStringAttribute('updated_by');
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      application_id: cdktn.stringToTerraform(this._applicationId),
      name: cdktn.stringToTerraform(this._name),
      project: cdktn.stringToTerraform(this._project),
      service_name: cdktn.stringToTerraform(this._serviceName),
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
      name: {
        value: cdktn.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      project: {
        value: cdktn.stringToHclTerraform(this._project),
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
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
