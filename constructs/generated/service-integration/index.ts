// generated — do not edit. Source: schemas/generated/provider-schema.json; run `npm run generate`.
// https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface ServiceIntegrationConfig extends cdktn.TerraformMetaArguments {
  /**
  * Integration endpoint the data goes to. Changing it creates a new integration. Value must be at most 36 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#destination_endpoint_id ServiceIntegration#destination_endpoint_id}
  */
  readonly destinationEndpointId?: string;
  /**
  * The Flink service. Changing it creates a new integration. Value must be at most 64 characters long. Value must start with a lowercase letter and contain only lowercase letters, digits and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#destination_service_name ServiceIntegration#destination_service_name}
  */
  readonly destinationServiceName?: string;
  /**
  * Settings of a `flink_external_postgresql` integration. Changes are applied in place.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#flink_external_postgresql_user_config ServiceIntegration#flink_external_postgresql_user_config}
  */
  readonly flinkExternalPostgresqlUserConfig?: ServiceIntegrationFlinkExternalPostgresqlUserConfig;
  /**
  * Kind of integration: `flink` (a Kafka or PostgreSQL service of the project), `flink_external_kafka` or `flink_external_postgresql` (an integration endpoint), `logs` or `metrics`. Changing it creates a new integration. Value must be one of `flink`, `flink_external_kafka`, `flink_external_postgresql`, `logs`, `metrics`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#integration_type ServiceIntegration#integration_type}
  */
  readonly integrationType: string;
  /**
  * Name of the project the service belongs to. Changing it creates a new resource. Value must be at most 63 characters long. Value must contain only letters, digits, `_` and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#project ServiceIntegration#project}
  */
  readonly project: string;
  /**
  * Integration endpoint the data comes from. Changing it creates a new integration. Value must be at most 36 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#source_endpoint_id ServiceIntegration#source_endpoint_id}
  */
  readonly sourceEndpointId?: string;
  /**
  * Service the data comes from (a Kafka or PostgreSQL service). Changing it creates a new integration. Value must be at most 64 characters long. Value must start with a lowercase letter and contain only lowercase letters, digits and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#source_service_name ServiceIntegration#source_service_name}
  */
  readonly sourceServiceName?: string;
  /**
  * Timeouts for long operations, as durations between `1s` and `24h`. While the API does not answer (an outage, a restart), waits and the look-up of a create whose answer was lost go on until the timeout.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#timeouts ServiceIntegration#timeouts}
  */
  readonly timeouts?: ServiceIntegrationTimeouts;
}
export interface ServiceIntegrationFlinkExternalPostgresqlUserConfig {
  /**
  * `unspecified` sends string parameters to PostgreSQL untyped, so the server casts them to the column's type (`uuid`, `jsonb`, enums); it becomes the JDBC URL's `stringtype`. Value must be one of `unspecified`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#stringtype ServiceIntegration#stringtype}
  */
  readonly stringtype?: string;
}

export function serviceIntegrationFlinkExternalPostgresqlUserConfigToTerraform(struct?: ServiceIntegrationFlinkExternalPostgresqlUserConfig | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    stringtype: cdktn.stringToTerraform(struct!.stringtype),
  }
}


export function serviceIntegrationFlinkExternalPostgresqlUserConfigToHclTerraform(struct?: ServiceIntegrationFlinkExternalPostgresqlUserConfig | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    stringtype: {
      value: cdktn.stringToHclTerraform(struct!.stringtype),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ServiceIntegrationFlinkExternalPostgresqlUserConfigOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceIntegrationFlinkExternalPostgresqlUserConfig | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._stringtype !== undefined) {
      hasAnyValues = true;
      internalValueResult.stringtype = this._stringtype;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ServiceIntegrationFlinkExternalPostgresqlUserConfig | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._stringtype = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._stringtype = value.stringtype;
    }
  }

  // stringtype - computed: false, optional: true, required: false
  private _stringtype?: string; 
  public get stringtype() {
    return this.getStringAttribute('stringtype');
  }
  public set stringtype(value: string) {
    this._stringtype = value;
  }
  public resetStringtype() {
    this._stringtype = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stringtypeInput() {
    return this._stringtype;
  }
}
export interface ServiceIntegrationTimeouts {
  /**
  * How long to wait for create (default `10m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#create ServiceIntegration#create}
  */
  readonly create?: string;
  /**
  * How long to wait for delete (default `10m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#delete ServiceIntegration#delete}
  */
  readonly delete?: string;
  /**
  * How long to wait for read (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#read ServiceIntegration#read}
  */
  readonly read?: string;
  /**
  * How long to wait for update (default `10m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#update ServiceIntegration#update}
  */
  readonly update?: string;
}

export function serviceIntegrationTimeoutsToTerraform(struct?: ServiceIntegrationTimeouts | cdktn.IResolvable): any {
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


export function serviceIntegrationTimeoutsToHclTerraform(struct?: ServiceIntegrationTimeouts | cdktn.IResolvable): any {
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

export class ServiceIntegrationTimeoutsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ServiceIntegrationTimeouts | cdktn.IResolvable | undefined {
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

  public set internalValue(value: ServiceIntegrationTimeouts | cdktn.IResolvable | undefined) {
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
* Represents a {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration flink_service_integration}
*/
export class ServiceIntegration extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "flink_service_integration";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a ServiceIntegration resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ServiceIntegration to import
  * @param importFromId The id of the existing ServiceIntegration that should be imported. Refer to the {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ServiceIntegration to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "flink_service_integration", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/service_integration flink_service_integration} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ServiceIntegrationConfig
  */
  public constructor(scope: Construct, id: string, config: ServiceIntegrationConfig) {
    super(scope, id, {
      terraformResourceType: 'flink_service_integration',
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
    this._destinationEndpointId = config.destinationEndpointId;
    this._destinationServiceName = config.destinationServiceName;
    this._flinkExternalPostgresqlUserConfig.internalValue = config.flinkExternalPostgresqlUserConfig;
    this._integrationType = config.integrationType;
    this._project = config.project;
    this._sourceEndpointId = config.sourceEndpointId;
    this._sourceServiceName = config.sourceServiceName;
    this._timeouts.internalValue = config.timeouts;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // active - computed: true, optional: false, required: false
  public get active() {
    return this.getBooleanAttribute('active');
  }

  // destination_endpoint_id - computed: false, optional: true, required: false
  private _destinationEndpointId?: string; 
  public get destinationEndpointId() {
    return this.getStringAttribute('destination_endpoint_id');
  }
  public set destinationEndpointId(value: string) {
    this._destinationEndpointId = value;
  }
  public resetDestinationEndpointId() {
    this._destinationEndpointId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get destinationEndpointIdInput() {
    return this._destinationEndpointId;
  }

  // destination_service_name - computed: false, optional: true, required: false
  private _destinationServiceName?: string; 
  public get destinationServiceName() {
    return this.getStringAttribute('destination_service_name');
  }
  public set destinationServiceName(value: string) {
    this._destinationServiceName = value;
  }
  public resetDestinationServiceName() {
    this._destinationServiceName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get destinationServiceNameInput() {
    return this._destinationServiceName;
  }

  // flink_external_postgresql_user_config - computed: false, optional: true, required: false
  private _flinkExternalPostgresqlUserConfig = new ServiceIntegrationFlinkExternalPostgresqlUserConfigOutputReference(this, "flink_external_postgresql_user_config");
  public get flinkExternalPostgresqlUserConfig() {
    return this._flinkExternalPostgresqlUserConfig;
  }
  public putFlinkExternalPostgresqlUserConfig(value: ServiceIntegrationFlinkExternalPostgresqlUserConfig) {
    this._flinkExternalPostgresqlUserConfig.internalValue = value;
  }
  public resetFlinkExternalPostgresqlUserConfig() {
    this._flinkExternalPostgresqlUserConfig.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get flinkExternalPostgresqlUserConfigInput() {
    return this._flinkExternalPostgresqlUserConfig.internalValue;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // integration_id - computed: true, optional: false, required: false
  public get integrationId() {
    return this.getStringAttribute('integration_id');
  }

  // integration_type - computed: false, optional: false, required: true
  private _integrationType?: string; 
  public get integrationType() {
    return this.getStringAttribute('integration_type');
  }
  public set integrationType(value: string) {
    this._integrationType = value;
  }
  // Temporarily expose input value. Use with caution.
  public get integrationTypeInput() {
    return this._integrationType;
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

  // source_endpoint_id - computed: false, optional: true, required: false
  private _sourceEndpointId?: string; 
  public get sourceEndpointId() {
    return this.getStringAttribute('source_endpoint_id');
  }
  public set sourceEndpointId(value: string) {
    this._sourceEndpointId = value;
  }
  public resetSourceEndpointId() {
    this._sourceEndpointId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceEndpointIdInput() {
    return this._sourceEndpointId;
  }

  // source_service_name - computed: false, optional: true, required: false
  private _sourceServiceName?: string; 
  public get sourceServiceName() {
    return this.getStringAttribute('source_service_name');
  }
  public set sourceServiceName(value: string) {
    this._sourceServiceName = value;
  }
  public resetSourceServiceName() {
    this._sourceServiceName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceServiceNameInput() {
    return this._sourceServiceName;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new ServiceIntegrationTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: ServiceIntegrationTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      destination_endpoint_id: cdktn.stringToTerraform(this._destinationEndpointId),
      destination_service_name: cdktn.stringToTerraform(this._destinationServiceName),
      flink_external_postgresql_user_config: serviceIntegrationFlinkExternalPostgresqlUserConfigToTerraform(this._flinkExternalPostgresqlUserConfig.internalValue),
      integration_type: cdktn.stringToTerraform(this._integrationType),
      project: cdktn.stringToTerraform(this._project),
      source_endpoint_id: cdktn.stringToTerraform(this._sourceEndpointId),
      source_service_name: cdktn.stringToTerraform(this._sourceServiceName),
      timeouts: serviceIntegrationTimeoutsToTerraform(this._timeouts.internalValue),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      destination_endpoint_id: {
        value: cdktn.stringToHclTerraform(this._destinationEndpointId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      destination_service_name: {
        value: cdktn.stringToHclTerraform(this._destinationServiceName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      flink_external_postgresql_user_config: {
        value: serviceIntegrationFlinkExternalPostgresqlUserConfigToHclTerraform(this._flinkExternalPostgresqlUserConfig.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceIntegrationFlinkExternalPostgresqlUserConfig",
      },
      integration_type: {
        value: cdktn.stringToHclTerraform(this._integrationType),
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
      source_endpoint_id: {
        value: cdktn.stringToHclTerraform(this._sourceEndpointId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      source_service_name: {
        value: cdktn.stringToHclTerraform(this._sourceServiceName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeouts: {
        value: serviceIntegrationTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ServiceIntegrationTimeouts",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
