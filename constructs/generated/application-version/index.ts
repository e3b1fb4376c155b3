// generated — do not edit. Source: schemas/generated/provider-schema.json; run `npm run generate`.
// https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktn from 'cdktn';

// Configuration

export interface ApplicationVersionConfig extends cdktn.TerraformMetaArguments {
  /**
  * Identifier of the application. Changing it creates a new version. Value must be exactly 36 characters long. Value must be a UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#application_id ApplicationVersion#application_id}
  */
  readonly applicationId: string;
  /**
  * Name of the project the service belongs to. Changing it creates a new resource. Value must be at most 63 characters long. Value must contain only letters, digits, `_` and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#project ApplicationVersion#project}
  */
  readonly project: string;
  /**
  * Name of the Flink service. Changing it creates a new resource. Value must be between 1 and 64 characters long. Value must start with a lowercase letter and contain only lowercase letters, digits and `-`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#service_name ApplicationVersion#service_name}
  */
  readonly serviceName: string;
  /**
  * Skip flinkform's plan-time SQL checks for this version (for SQL the checker wrongly rejects). The service still validates on create. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#skip_sql_validation ApplicationVersion#skip_sql_validation}
  */
  readonly skipSqlValidation?: boolean | cdktn.IResolvable;
  /**
  * The job: one `INSERT INTO <sink> SELECT ... FROM <source>` (or a statement set). Changing it creates a new version. Value must be between 1 and 50000 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#statement ApplicationVersion#statement}
  */
  readonly statement: string;
  /**
  * Timeouts for long operations, as durations between `1s` and `24h`. While the API does not answer (an outage, a restart), waits and the look-up of a create whose answer was lost go on until the timeout.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#timeouts ApplicationVersion#timeouts}
  */
  readonly timeouts?: ApplicationVersionTimeouts;
  /**
  * sink block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#sink ApplicationVersion#sink}
  */
  readonly sink?: ApplicationVersionSink[] | cdktn.IResolvable;
  /**
  * source block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#source ApplicationVersion#source}
  */
  readonly source?: ApplicationVersionSource[] | cdktn.IResolvable;
}
export interface ApplicationVersionTimeouts {
  /**
  * How long to wait for create (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#create ApplicationVersion#create}
  */
  readonly create?: string;
  /**
  * How long to wait for delete (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#delete ApplicationVersion#delete}
  */
  readonly delete?: string;
  /**
  * How long to wait for read (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#read ApplicationVersion#read}
  */
  readonly read?: string;
  /**
  * How long to wait for update (default `5m`). Value must be a duration such as `"30s"`, `"20m"` or `"1h30m"`, between `1s` and `24h`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#update ApplicationVersion#update}
  */
  readonly update?: string;
}

export function applicationVersionTimeoutsToTerraform(struct?: ApplicationVersionTimeouts | cdktn.IResolvable): any {
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


export function applicationVersionTimeoutsToHclTerraform(struct?: ApplicationVersionTimeouts | cdktn.IResolvable): any {
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

export class ApplicationVersionTimeoutsOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): ApplicationVersionTimeouts | cdktn.IResolvable | undefined {
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

  public set internalValue(value: ApplicationVersionTimeouts | cdktn.IResolvable | undefined) {
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
export interface ApplicationVersionSink {
  /**
  * One Flink `CREATE TABLE` statement for a table written by the statement's INSERT. Value must be between 1 and 4096 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#create_table ApplicationVersion#create_table}
  */
  readonly createTable: string;
  /**
  * The `integration_id` of the `flink_service_integration` that supplies the connection; leave the connector's connection options empty (`'properties.bootstrap.servers' = ''`, `'url' = 'jdbc:postgresql://'`). Value must be exactly 36 characters long. Value must be a UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#integration_id ApplicationVersion#integration_id}
  */
  readonly integrationId?: string;
}

export function applicationVersionSinkToTerraform(struct?: ApplicationVersionSink | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    create_table: cdktn.stringToTerraform(struct!.createTable),
    integration_id: cdktn.stringToTerraform(struct!.integrationId),
  }
}


export function applicationVersionSinkToHclTerraform(struct?: ApplicationVersionSink | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    create_table: {
      value: cdktn.stringToHclTerraform(struct!.createTable),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    integration_id: {
      value: cdktn.stringToHclTerraform(struct!.integrationId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ApplicationVersionSinkOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ApplicationVersionSink | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._createTable !== undefined) {
      hasAnyValues = true;
      internalValueResult.createTable = this._createTable;
    }
    if (this._integrationId !== undefined) {
      hasAnyValues = true;
      internalValueResult.integrationId = this._integrationId;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ApplicationVersionSink | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._createTable = undefined;
      this._integrationId = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._createTable = value.createTable;
      this._integrationId = value.integrationId;
    }
  }

  // create_table - computed: false, optional: false, required: true
  private _createTable?: string; 
  public get createTable() {
    return this.getStringAttribute('create_table');
  }
  public set createTable(value: string) {
    this._createTable = value;
  }
  // Temporarily expose input value. Use with caution.
  public get createTableInput() {
    return this._createTable;
  }

  // integration_id - computed: false, optional: true, required: false
  private _integrationId?: string; 
  public get integrationId() {
    return this.getStringAttribute('integration_id');
  }
  public set integrationId(value: string) {
    this._integrationId = value;
  }
  public resetIntegrationId() {
    this._integrationId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get integrationIdInput() {
    return this._integrationId;
  }
}

export class ApplicationVersionSinkList extends cdktn.ComplexList {
  public internalValue? : ApplicationVersionSink[] | cdktn.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ApplicationVersionSinkOutputReference {
    return new ApplicationVersionSinkOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface ApplicationVersionSource {
  /**
  * One Flink `CREATE TABLE` statement for a table read by the statement. Value must be between 1 and 4096 characters long.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#create_table ApplicationVersion#create_table}
  */
  readonly createTable: string;
  /**
  * The `integration_id` of the `flink_service_integration` that supplies the connection; leave the connector's connection options empty (`'properties.bootstrap.servers' = ''`, `'url' = 'jdbc:postgresql://'`). Value must be exactly 36 characters long. Value must be a UUID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#integration_id ApplicationVersion#integration_id}
  */
  readonly integrationId?: string;
}

export function applicationVersionSourceToTerraform(struct?: ApplicationVersionSource | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  return {
    create_table: cdktn.stringToTerraform(struct!.createTable),
    integration_id: cdktn.stringToTerraform(struct!.integrationId),
  }
}


export function applicationVersionSourceToHclTerraform(struct?: ApplicationVersionSource | cdktn.IResolvable): any {
  if (!cdktn.canInspect(struct) || cdktn.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktn.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdktn.io/docs/concepts/resources#references");
  }
  const attrs = {
    create_table: {
      value: cdktn.stringToHclTerraform(struct!.createTable),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    integration_id: {
      value: cdktn.stringToHclTerraform(struct!.integrationId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class ApplicationVersionSourceOutputReference extends cdktn.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktn.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): ApplicationVersionSource | cdktn.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._createTable !== undefined) {
      hasAnyValues = true;
      internalValueResult.createTable = this._createTable;
    }
    if (this._integrationId !== undefined) {
      hasAnyValues = true;
      internalValueResult.integrationId = this._integrationId;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: ApplicationVersionSource | cdktn.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._createTable = undefined;
      this._integrationId = undefined;
    }
    else if (cdktn.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._createTable = value.createTable;
      this._integrationId = value.integrationId;
    }
  }

  // create_table - computed: false, optional: false, required: true
  private _createTable?: string; 
  public get createTable() {
    return this.getStringAttribute('create_table');
  }
  public set createTable(value: string) {
    this._createTable = value;
  }
  // Temporarily expose input value. Use with caution.
  public get createTableInput() {
    return this._createTable;
  }

  // integration_id - computed: false, optional: true, required: false
  private _integrationId?: string; 
  public get integrationId() {
    return this.getStringAttribute('integration_id');
  }
  public set integrationId(value: string) {
    this._integrationId = value;
  }
  public resetIntegrationId() {
    this._integrationId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get integrationIdInput() {
    return this._integrationId;
  }
}

export class ApplicationVersionSourceList extends cdktn.ComplexList {
  public internalValue? : ApplicationVersionSource[] | cdktn.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(terraformResource: cdktn.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): ApplicationVersionSourceOutputReference {
    return new ApplicationVersionSourceOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version flink_application_version}
*/
export class ApplicationVersion extends cdktn.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "flink_application_version";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTN code for importing a ApplicationVersion resource upon running "cdktn plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the ApplicationVersion to import
  * @param importFromId The id of the existing ApplicationVersion that should be imported. Refer to the {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the ApplicationVersion to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktn.TerraformProvider) {
        return new cdktn.ImportableResource(scope, importToId, { terraformResourceType: "flink_application_version", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/flinkform/flink/latest/docs/resources/application_version flink_application_version} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ApplicationVersionConfig
  */
  public constructor(scope: Construct, id: string, config: ApplicationVersionConfig) {
    super(scope, id, {
      terraformResourceType: 'flink_application_version',
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
    this._project = config.project;
    this._serviceName = config.serviceName;
    this._skipSqlValidation = config.skipSqlValidation;
    this._statement = config.statement;
    this._timeouts.internalValue = config.timeouts;
    this._sink.internalValue = config.sink;
    this._source.internalValue = config.source;
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

  // application_version_id - computed: true, optional: false, required: false
  public get applicationVersionId() {
    return this.getStringAttribute('application_version_id');
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

  // skip_sql_validation - computed: true, optional: true, required: false
  private _skipSqlValidation?: boolean | cdktn.IResolvable; 
  public get skipSqlValidation() {
    return this.getBooleanAttribute('skip_sql_validation');
  }
  public set skipSqlValidation(value: boolean | cdktn.IResolvable) {
    this._skipSqlValidation = value;
  }
  public resetSkipSqlValidation() {
    this._skipSqlValidation = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get skipSqlValidationInput() {
    return this._skipSqlValidation;
  }

  // statement - computed: false, optional: false, required: true
  private _statement?: string; 
  public get statement() {
    return this.getStringAttribute('statement');
  }
  public set statement(value: string) {
    this._statement = value;
  }
  // Temporarily expose input value. Use with caution.
  public get statementInput() {
    return this._statement;
  }

  // timeouts - computed: false, optional: true, required: false
  private _timeouts = new ApplicationVersionTimeoutsOutputReference(this, "timeouts");
  public get timeouts() {
    return this._timeouts;
  }
  public putTimeouts(value: ApplicationVersionTimeouts) {
    this._timeouts.internalValue = value;
  }
  public resetTimeouts() {
    this._timeouts.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutsInput() {
    return this._timeouts.internalValue;
  }

  // version - computed: true, optional: false, required: false
  public get version() {
    return this.getNumberAttribute('version');
  }

  // sink - computed: false, optional: true, required: false
  private _sink = new ApplicationVersionSinkList(this, "sink", true);
  public get sink() {
    return this._sink;
  }
  public putSink(value: ApplicationVersionSink[] | cdktn.IResolvable) {
    this._sink.internalValue = value;
  }
  public resetSink() {
    this._sink.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sinkInput() {
    return this._sink.internalValue;
  }

  // source - computed: false, optional: true, required: false
  private _source = new ApplicationVersionSourceList(this, "source", true);
  public get source() {
    return this._source;
  }
  public putSource(value: ApplicationVersionSource[] | cdktn.IResolvable) {
    this._source.internalValue = value;
  }
  public resetSource() {
    this._source.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sourceInput() {
    return this._source.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: any } {
    return {
      application_id: cdktn.stringToTerraform(this._applicationId),
      project: cdktn.stringToTerraform(this._project),
      service_name: cdktn.stringToTerraform(this._serviceName),
      skip_sql_validation: cdktn.booleanToTerraform(this._skipSqlValidation),
      statement: cdktn.stringToTerraform(this._statement),
      timeouts: applicationVersionTimeoutsToTerraform(this._timeouts.internalValue),
      sink: cdktn.listMapper(applicationVersionSinkToTerraform, true)(this._sink.internalValue),
      source: cdktn.listMapper(applicationVersionSourceToTerraform, true)(this._source.internalValue),
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
      skip_sql_validation: {
        value: cdktn.booleanToHclTerraform(this._skipSqlValidation),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      statement: {
        value: cdktn.stringToHclTerraform(this._statement),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeouts: {
        value: applicationVersionTimeoutsToHclTerraform(this._timeouts.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "ApplicationVersionTimeouts",
      },
      sink: {
        value: cdktn.listMapperHcl(applicationVersionSinkToHclTerraform, true)(this._sink.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ApplicationVersionSinkList",
      },
      source: {
        value: cdktn.listMapperHcl(applicationVersionSourceToHclTerraform, true)(this._source.internalValue),
        isBlock: true,
        type: "set",
        storageClassType: "ApplicationVersionSourceList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
